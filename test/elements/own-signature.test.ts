import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../src/elements/statement-card/statement-card.js';
import '../../src/elements/signatory-list/signatory-list.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {FakeEndpoint, wireOrganizations, wireStatement} from '../helpers/fake-endpoint.js';
import {$, text, texts, waitUntil} from '../helpers/dom.js';

// Issue 11 item 3: after signing, a reload may be answered by a shared cache
// from before the signature (a CDN inside its s-maxage). The reader still
// sees their name, once, and the count that includes it; once the server
// lists it, the widget shows the server's row and forgets its own copy.
describe('a reader’s own signature across a reload', () => {
  let api: FakeEndpoint;
  // A statement of its own: what this file keeps in localStorage is never another file's card's.
  beforeEach(() => {
    localStorage.clear();
    api = new FakeEndpoint({statement: wireStatement({id: 'own-letter', signatories: {count: 3, listed: 3, open: true}}), signatories: wireOrganizations(3)});
    api.answersLate = true;
  });
  afterEach(() => {
    api.restore();
    localStorage.clear();
  });

  /** The page as a reload shows it: a new card and list that read only what storage kept. */
  async function load(): Promise<Element> {
    const card = await fixture<StatementCard>(html`<statement-card lang="en" endpoint=${api.base} statement="own-letter">
      <signatory-list></signatory-list>
    </statement-card>`);
    const list = card.querySelector('signatory-list')!;
    await waitUntil(() => $(list, 'sign-form')?.shadowRoot?.querySelector('form'), 'the list and its form did not load');
    return list;
  }
  const heading = (list: Element) => text(list, '[part="heading"]');
  const names = (list: Element) => texts(list, '[part~="item"] [part="name"]');
  const stored = () => Object.keys(localStorage).filter((key) => key.startsWith('undersigned:own-signatures:'));

  async function sign(list: Element, name: string, listed: boolean): Promise<void> {
    const form = $(list, 'sign-form')!;
    const field = (selector: string) => form.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
    field('#name').value = name;
    field('#name').dispatchEvent(new Event('input'));
    if (!listed) field('input[name=public]').click();
    const signed = oneEvent(form, 'undersigned-sign');
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    expect((await signed).detail.status).to.equal('published');
  }

  it('shows the name and count though the server lists it late, and once when it does', async () => {
    await sign(await load(), 'Lena Park', true);
    const requestsBefore = api.requests.length;

    const reloaded = await load();
    expect(api.requests.length, 'the reload asked the server again').to.be.greaterThan(requestsBefore);
    expect(api.late).to.have.length(1);
    await waitUntil(() => names(reloaded).includes('Lena Park'), 'the own signature is missing after the reload');
    expect(heading(reloaded)).to.match(/^4 \D*signed$/);
    expect(names(reloaded)).to.deep.equal(['Org 1', 'Org 2', 'Org 3', 'Lena Park']);
    expect($(reloaded, '[part="unlisted"]'), 'a public signature is not counted as unlisted').to.equal(null);

    api.catchUp();
    const listed = await load();
    await waitUntil(() => names(listed).length === 4, 'the list did not load');
    expect(names(listed)).to.deep.equal(['Org 1', 'Org 2', 'Org 3', 'Lena Park']);
    expect(heading(listed)).to.match(/^4 \D*signed$/);
    expect(stored(), 'the kept copy is forgotten once listed').to.deep.equal([]);
  });

  it('counts an unlisted signature after a reload, without a name', async () => {
    await sign(await load(), 'Quiet Reader', false);
    const reloaded = await load();
    await waitUntil(() => /^4 /.test(heading(reloaded) ?? ''), 'the count lost the own signature');
    expect(names(reloaded)).to.not.include('Quiet Reader');
    expect(text(reloaded, '[part="unlisted"]')).to.contain('1 signatory who asked not to be listed');
  });
});
