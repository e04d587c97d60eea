import {expect, fixture, html} from '@open-wc/testing';
import '../../src/elements/signatory-list/signatory-list.js';
import type {SignatoryList} from '../../src/elements/signatory-list/signatory-list.js';
import {referenceServer} from '../helpers/reference-server.js';
import {waitUntil} from '../helpers/dom.js';

/** Requests the page made to a statement's signatories route. */
const signatoryRequests = (statement: string) =>
  performance.getEntriesByType('resource').filter((e) => e.name.includes(`/statements/${statement}/signatories`)).map((e) => new URL(e.name));

describe('random access over the reference server', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('follows a deep link past 10 000 with one request after the first page', async function () {
    // Importing the rows into a fresh database takes a while on a busy machine.
    this.timeout(60_000);
    const {endpoint} = await referenceServer.start();
    const long = await referenceServer.importLong('long', 12_000);
    history.replaceState(null, '', '#signatory-11500');
    const el = await fixture<SignatoryList>(html`<signatory-list endpoint=${endpoint} statement=${long} lang="en"></signatory-list>`);
    await waitUntil(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.position === '11500', 'the deep link was not followed');
    expect(el.shadowRoot!.activeElement!.textContent).to.contain('Person 11500');
    const requests = signatoryRequests(long);
    expect(requests).to.have.length(2);
    expect(Number(requests[1].searchParams.get('from'))).to.be.within(11_400, 11_500);
  });
});
