import {expect, fixture, html} from '@open-wc/testing';
import '../../src/elements/signatory-list/signatory-list.js';
import '../../src/elements/statement-card/statement-card.js';
import type {SignatoryList} from '../../src/elements/signatory-list/signatory-list.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {LIMITS} from '../../src/contract/index.js';
import {$, settled, waitUntil} from '../helpers/dom.js';
import {listHarness} from '../helpers/harness.js';
import {FakeEndpoint, wireOrganizations, wireStatement} from '../helpers/fake-endpoint.js';

/** Issue 12 items 9 and 10: a broken or hostile endpoint cannot loop or freeze the widgets. */
describe('a hostile endpoint', () => {
  let api: FakeEndpoint;
  const signatoryRequests = () => api.requests.filter((r) => r.url.pathname.endsWith('/signatories'));
  beforeEach(() => {
    api = new FakeEndpoint({statement: wireStatement(), signatories: wireOrganizations(60)});
  });
  afterEach(() => api.restore());

  it('that sends empty pages which always promise more gets one request and an error, not a loop', async () => {
    const el = await fixture<SignatoryList>(html`<signatory-list endpoint="https://api.test/v1" statement="test-letter"
      page-size="50" lang="en"></signatory-list>`);
    await settled(el);
    expect(listHarness(el).names()).to.have.length(50);
    api.fail(/\/signatories$/, {status: 200, body: {items: [], total: 1_000_000, next: 'again'}}, 1000);
    $<HTMLButtonElement>(el, '[part="more-button"]')!.click();
    await waitUntil(() => $(el, '[part="more"] [part="error"]'), 'no error for a page that added nothing');
    await el.updateComplete;
    expect(signatoryRequests()).to.have.length(2);
    expect(listHarness(el).names()).to.have.length(50);
  });

  it('that sends a 10 MB title gets the error state, not a frozen page', async () => {
    api.data.statement = wireStatement({title: 'x'.repeat(10_000_000)});
    const el = await fixture<StatementCard>(html`<statement-card endpoint="https://api.test/v1" statement="test-letter"
      lang="en"></statement-card>`);
    await waitUntil(() => $(el, '[part="error"]'), 'no error state for an absurd title');
    expect($(el, 'h1, h2, [part="title"]')?.textContent ?? '').not.to.contain('xxxxxxxxxx');
    expect(LIMITS.title).to.be.below(10_000);
  });

  const links = (n: number) => `<p>${'<a href="https://example.org/">x</a> '.repeat(n - 1)}</p>`;

  it('that sends a body with more tags than the cap gets the error state, not a page frozen while it is sanitised', async () => {
    api.data.statement = wireStatement({body: links(LIMITS.statementBodyTags + 1)});
    const el = await fixture<StatementCard>(html`<statement-card endpoint="https://api.test/v1" statement="test-letter"
      lang="en"></statement-card>`);
    await waitUntil(() => $(el, '[part="error"]'), 'no error state for a body past the tag cap');
    expect($(el, '[part="body"]')).to.equal(null);
  });

  it('that sends a body at the cap renders it', async () => {
    api.data.statement = wireStatement({body: links(LIMITS.statementBodyTags)});
    const el = await fixture<StatementCard>(html`<statement-card endpoint="https://api.test/v1" statement="test-letter"
      lang="en"></statement-card>`);
    await waitUntil(() => $(el, '[part="body"] a'), 'the body at the cap was not rendered');
    expect($(el, '[part="body"]')!.querySelectorAll('a')).to.have.length(LIMITS.statementBodyTags - 1);
  });
});

describe('user text with a bidi override', () => {
  let api: FakeEndpoint;
  afterEach(() => api.restore());

  it('is isolated: names, places and the statement title carry dir=auto, so U+202E cannot reorder the row', async () => {
    const evil = '\u202eEve';
    api = new FakeEndpoint({
      statement: wireStatement({title: `${evil} letter`}),
      signatories: [{id: 's1', position: 1, name: evil, kind: 'individual', role: evil, location: evil}],
    });
    const el = await fixture<SignatoryList>(html`<signatory-list endpoint="https://api.test/v1" statement="test-letter"
      lang="en"></signatory-list>`);
    await settled(el);
    for (const part of ['name', 'details', 'location']) {
      const node = $(el, `[part="${part}"]`)!;
      expect(node.textContent).to.contain(evil);
      expect(node.getAttribute('dir'), part).to.equal('auto');
      // Isolated: the override ends with the element, the number before it stays in place.
      expect(getComputedStyle(node).unicodeBidi, part).to.equal('isolate');
    }
  });
});
