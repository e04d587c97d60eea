import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import type {Page} from '../../src/api/index.js';
import {PagedController} from '../../src/controllers/paged-controller.js';
import {waitUntil} from '../helpers/dom.js';

type Load = (cursor: string | null) => Promise<Page<string>>;

/** A host whose list loads through `load`, rendering each state through the controller. */
class PagedProbe extends LitElement {
  load: Load = async () => ({items: [], total: 0, next: null});
  renders = 0;
  readonly list = new PagedController<string>(this, {
    query: () => ({key: 'k', load: (cursor) => this.load(cursor)}),
    itemElement: (index) => this.renderRoot.querySelectorAll<HTMLElement>('li')[index],
  });

  protected override render() {
    this.renders++;
    return this.list.render({
      loading: () => html`<p>loading</p>`,
      error: (error) => html`<p>error ${(error as Error).message}</p>`,
      empty: () => html`<p>empty</p>`,
      ready: (items) => html`<ul>${items.map((i) => html`<li tabindex="-1">${i}</li>`)}</ul>`,
    });
  }
}
customElements.define('paged-probe', PagedProbe);

const text = (el: PagedProbe) => [...el.shadowRoot!.querySelectorAll('p, li')].map((n) => n.textContent).join(' ');

describe('PagedController', () => {
  it('renders loading, then ready, and after "more" focuses the first new item', async () => {
    let release!: () => void;
    const el = await fixture<PagedProbe>(html`<paged-probe></paged-probe>`);
    el.load = (cursor) =>
      cursor === null
        ? new Promise((resolve) => (release = () => resolve({items: ['a', 'b'], total: 4, next: '2'})))
        : Promise.resolve({items: ['c', 'd'], total: 4, next: null});
    el.list.reload();
    await el.updateComplete;
    expect(text(el)).to.equal('loading');
    release();
    await waitUntil(() => text(el) === 'a b');
    await el.list.more({focus: true});
    await waitUntil(() => el.shadowRoot!.activeElement?.textContent === 'c', 'the first new item was not focused');
    expect(el.list.hasMore).to.equal(false);
  });

  it('renders empty for a first page with nothing', async () => {
    const el = await fixture<PagedProbe>(html`<paged-probe></paged-probe>`);
    await waitUntil(() => text(el) === 'empty');
  });

  it('reports a failure once, and a reload re-renders with no help from the host', async () => {
    const el = await fixture<PagedProbe>(html`<paged-probe></paged-probe>`);
    const events: CustomEvent[] = [];
    document.addEventListener('undersigned-error', (e) => events.push(e));
    el.load = () => Promise.reject(new Error('boom'));
    el.list.reload();
    await waitUntil(() => text(el) === 'error boom');
    // Further renders of the same error tell the page nothing new.
    el.requestUpdate();
    await el.updateComplete;
    el.requestUpdate();
    await el.updateComplete;
    expect(events.map((e) => e.detail.action)).to.deep.equal(['load']);
    el.load = async () => ({items: ['x'], total: 1, next: null});
    el.list.reload();
    expect(el.isUpdatePending).to.equal(true);
    await waitUntil(() => text(el) === 'x');
  });
});
