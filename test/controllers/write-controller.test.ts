import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {WriteController} from '../../src/controllers/write-controller.js';
import {sendWrite} from '../../src/controllers/write-send.js';
import {lazy} from '../../src/internal/lazy.js';

type Values = {body: string};
const KEY = 'undersigned:test:write-controller';

/** A form host whose draft is kept under KEY. */
class WriteProbe extends LitElement {
  readonly write = new WriteController<Values, string>(this, {storageKey: () => KEY, initial: () => ({body: ''})});
  protected override render() {
    return html`<p>${this.write.status}</p>`;
  }
}
customElements.define('write-probe', WriteProbe);

describe('WriteController with a lazily loaded sender', () => {
  afterEach(() => localStorage.removeItem(KEY));

  it('a sender that cannot be fetched is a failed send: the text is kept, and the next submit fetches it again', async () => {
    const el = await fixture<WriteProbe>(html`<write-probe></write-probe>`);
    el.write.set('body', 'Kept through a failed fetch');
    let fetches = 0;
    const sends: string[] = [];
    const sender = lazy(async () => {
      fetches++;
      if (fetches === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return {send: (write: WriteController<Values, string>) => sendWrite(write, async (values) => (sends.push(values.body), 'ok'), () => ({}))};
    });

    let thrown: unknown;
    await el.write.submit(sender, (m) => m.send(el.write)).catch((error: unknown) => (thrown = error));
    expect(thrown).to.be.instanceOf(TypeError);
    expect(el.write.status).to.equal('failed');
    expect(el.write.failure?.kind).to.equal('send');
    expect(el.write.values.body).to.equal('Kept through a failed fetch');
    expect(localStorage.getItem(KEY)).to.contain('Kept through a failed fetch');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('failed');

    expect(await el.write.submit(sender, (m) => m.send(el.write))).to.equal('ok');
    expect(fetches).to.equal(2);
    expect(sends).to.deep.equal(['Kept through a failed fetch']);
    expect(el.write.status).to.equal('done');
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('a sender already here runs at once: field errors show without a "sending" render first', async () => {
    const el = await fixture<WriteProbe>(html`<write-probe></write-probe>`);
    const sender = lazy(async () => ({check: (write: WriteController<Values, string>) => sendWrite(write, async () => 'never', () => ({body: 'Required.'}))}));
    await sender.load();
    const statuses: string[] = [];
    const result = el.write.submit(sender, (m) => {
      statuses.push(el.write.status);
      return m.check(el.write);
    });
    // Synchronously: the checks ran in this task, before any render.
    expect(statuses).to.deep.equal(['idle']);
    expect(el.write.status).to.equal('failed');
    expect(el.write.fieldErrors).to.deep.equal({body: 'Required.'});
    expect(await result).to.equal(undefined);
  });
});
