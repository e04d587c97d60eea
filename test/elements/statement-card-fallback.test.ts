import {expect, fixture, html} from '@open-wc/testing';
import '../../src/elements/statement-card/statement-card.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {FakeEndpoint, wireStatement} from '../helpers/fake-endpoint.js';
import {shadow, waitUntil} from '../helpers/dom.js';

// Progressive enhancement: a publisher's server-rendered content inside the
// card, and the schema.org JSON-LD the card writes for search engines.

const shown = (node: Element) => node.checkVisibility() && node.getBoundingClientRect().height > 0;
const jsonLd = () => [...document.head.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"][data-undersigned]')];

async function loaded(el: StatementCard): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('[part="title"], [part="error"]'), 'the card did not settle');
}

function card(extra = html``) {
  return fixture<StatementCard>(html`<statement-card endpoint="https://api.test/v1" statement="test-letter" lang="en">
    <h2 id="fb-title">An open letter for the river</h2>
    <p id="fb-body">Server-rendered text of the letter.</p>
    <div id="widget-holder"></div>
    ${extra}
  </statement-card>`);
}

describe('<statement-card> fallback content', () => {
  let api: FakeEndpoint;
  beforeEach(() => {
    api = new FakeEndpoint({statement: wireStatement()});
  });
  afterEach(() => api.restore());

  it('shows the fallback instead of the placeholder while loading, and hides it once the statement shows', async () => {
    api.fail(/.*/, {hang: true});
    const el = await card();
    const title = el.querySelector('#fb-title')!;
    await waitUntil(() => title.assignedSlot, 'the fallback was not slotted');
    expect(shown(title)).to.equal(true);
    expect(shown(el.querySelector('#fb-body')!)).to.equal(true);
    expect(shadow(el).querySelector('[part=loading]')).to.equal(null);
    api.release();
    await loaded(el);
    expect(shadow(el).querySelector('[part=title]')!.textContent).to.equal('An open letter for the river');
    expect(shown(title)).to.equal(false);
    expect(shown(el.querySelector('#fb-body')!)).to.equal(false);
  });

  it('shows the fallback beside the error message, and hides it after a successful retry', async () => {
    api.fail(/statements\/test-letter$/, {status: 404});
    const el = await card();
    await loaded(el);
    const error = shadow(el).querySelector('[part=error]')!;
    expect(error.textContent).to.contain('Try again');
    const body = el.querySelector('#fb-body')!;
    expect(shown(body)).to.equal(true);
    // The reader sees the error first, then the publisher's text.
    expect(error.getBoundingClientRect().top).to.be.lessThan(body.getBoundingClientRect().top);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await waitUntil(() => shadow(el).querySelector('[part=title]'), 'the retry did not show the statement');
    expect(shown(body)).to.equal(false);
  });

  it('keeps the elements inside the card in the default slot, shown under the statement', async () => {
    const el = await card(html`<signatory-list id="list"></signatory-list>`);
    await loaded(el);
    const list = el.querySelector('#list')!;
    expect(list.assignedSlot?.name).to.equal('');
    expect(el.querySelector('#fb-body')!.assignedSlot).to.equal(null);
  });

  it('sorts children added later: content to the fallback, widgets to the default slot', async () => {
    api.fail(/.*/, {hang: true});
    const el = await card();
    const late = document.createElement('p');
    late.textContent = 'Added by a later script.';
    const widget = document.createElement('comment-thread');
    el.append(late, widget);
    await waitUntil(() => late.assignedSlot && widget.assignedSlot, 'late children were not slotted');
    expect(late.assignedSlot!.name).to.equal('fallback');
    expect(widget.assignedSlot!.name).to.equal('');
    expect(shown(late)).to.equal(true);
    api.release();
  });

  it('shows the placeholder when there is no fallback (whitespace does not count)', async () => {
    api.fail(/.*/, {hang: true});
    const el = await fixture<StatementCard>(html`<statement-card endpoint="https://api.test/v1" statement="test-letter">
      </statement-card>`);
    expect(shadow(el).querySelector('[part=loading]')).to.exist;
    expect(shadow(el).querySelector('slot[name=fallback]')).to.equal(null);
    api.release();
  });
});

describe('<statement-card> JSON-LD', () => {
  let api: FakeEndpoint;
  beforeEach(() => {
    api = new FakeEndpoint({
      statement: wireStatement({summary: 'Why we ask.', url: 'https://news.test/letter', updated_at: '2026-11-03T08:00:00Z'}),
    });
  });
  afterEach(() => {
    api.restore();
  });

  it('writes one schema.org Article for the statement into the head', async () => {
    const el = await card();
    await loaded(el);
    const scripts = jsonLd();
    expect(scripts).to.have.length(1);
    expect(scripts[0].dataset.undersigned).to.equal('http https://api.test/v1/statements/test-letter');
    expect(JSON.parse(scripts[0].text)).to.deep.equal({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'An open letter for the river',
      description: 'Why we ask.',
      genre: 'Open letter',
      image: 'https://img.test/hero.jpg',
      url: 'https://news.test/letter',
      datePublished: '2026-11-01T12:00:00Z',
      dateModified: '2026-11-03T08:00:00Z',
      interactionStatistic: [
        {'@type': 'InteractionCounter', interactionType: 'https://schema.org/EndorseAction', userInteractionCount: 3},
        {'@type': 'InteractionCounter', interactionType: 'https://schema.org/CommentAction', userInteractionCount: 2},
      ],
    });
    el.remove();
    expect(jsonLd()).to.have.length(0);
  });

  it('is shared by two cards showing the statement, and removed with the last one', async () => {
    const holder = await fixture<HTMLElement>(html`<div>
      <statement-card endpoint="https://api.test/v1" statement="test-letter"></statement-card>
      <statement-card endpoint="https://api.test/v1" statement="test-letter"></statement-card>
    </div>`);
    const [a, b] = holder.querySelectorAll('statement-card');
    await loaded(a);
    await loaded(b);
    expect(jsonLd()).to.have.length(1);
    a.remove();
    expect(jsonLd()).to.have.length(1);
    b.remove();
    expect(jsonLd()).to.have.length(0);
  });

  it('is kept current: a new signature updates the count, another statement replaces it', async () => {
    const el = await card();
    await loaded(el);
    el.dispatchEvent(new CustomEvent('undersigned-sign', {detail: {status: 'published', signatory: {}}}));
    const counts = () => (JSON.parse(jsonLd()[0].text) as {interactionStatistic: {userInteractionCount: number}[]}).interactionStatistic;
    expect(counts()[0].userInteractionCount).to.equal(4);
    api.data.statement = wireStatement({id: 'other', title: 'Another letter'});
    el.statement = 'other';
    await waitUntil(() => jsonLd()[0]?.dataset.undersigned === 'http https://api.test/v1/statements/other', 'the JSON-LD did not follow');
    expect(jsonLd()).to.have.length(1);
    expect(JSON.parse(jsonLd()[0].text).headline).to.equal('Another letter');
    el.remove();
  });

  it('escapes < so the script cannot be closed by the data', async () => {
    api.data.statement = wireStatement({title: 'A </script><img src=x onerror=alert(1)> title'});
    const el = await card();
    await loaded(el);
    expect(jsonLd()[0].text).not.to.contain('<');
    expect(JSON.parse(jsonLd()[0].text).headline).to.equal('A </script><img src=x onerror=alert(1)> title');
    el.remove();
  });
});
