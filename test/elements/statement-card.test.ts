import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../src/elements/statement-card/statement-card.js';
import '../../src/elements/signatory-list/signatory-list.js';
import '../../src/elements/comment-thread/comment-thread.js';
import type {UndersignedElement} from '../../src/internal/undersigned-element.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {FakeEndpoint, wireOrganizations, wireStatement} from '../helpers/fake-endpoint.js';
import {shadow, text as textOf, waitUntil} from '../helpers/dom.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const text = (el: StatementCard, selector: string) => textOf(el, selector) ?? '';

async function card(attrs: {endpoint?: string; statement?: string; lang?: string} = {}): Promise<StatementCard> {
  return fixture<StatementCard>(html`<statement-card
    endpoint=${attrs.endpoint ?? 'https://api.test/v1'}
    statement=${attrs.statement ?? 'test-letter'}
    lang=${attrs.lang ?? 'en'}
  ></statement-card>`);
}

async function loaded(el: StatementCard): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('[part="title"], [part="error"]'), 'the card did not settle');
}

describe('<statement-card>', () => {
  let api: FakeEndpoint;
  beforeEach(() => {
    window.__pwned = undefined;
    api = new FakeEndpoint({statement: wireStatement()});
  });
  afterEach(() => api.restore());

  it('shows a placeholder that holds space while loading, then the statement', async () => {
    api.fail(/.*/, {hang: true});
    const el = await card();
    const placeholder = shadow(el).querySelector('[part="loading"]') as HTMLElement;
    expect(placeholder).to.exist;
    expect(placeholder.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(shadow(el).querySelector('[role="status"]')?.textContent).to.contain('Loading');
    api.release();
    await loaded(el);
    expect(text(el, '[part="kicker"]')).to.equal('Open letter');
    expect(text(el, '[part="title"]')).to.equal('An open letter for the river');
    expect(shadow(el).querySelector('[part="loading"]')).to.equal(null);
  });

  it('titles the statement with an h2, or the heading-level given', async () => {
    const el = await card();
    await loaded(el);
    const title = () => shadow(el).querySelector('[part="title"]')!;
    expect(title().localName).to.equal('h2');
    el.setAttribute('heading-level', '1');
    await el.updateComplete;
    expect(title().localName).to.equal('h1');
    expect(title().textContent).to.equal('An open letter for the river');
    el.setAttribute('heading-level', '6');
    await el.updateComplete;
    expect(title().localName).to.equal('h6');
    el.setAttribute('heading-level', '9');
    await el.updateComplete;
    expect(title().localName).to.equal('h2');
  });

  it('shows the goal as an accessible progress bar, in the page’s language', async () => {
    api.restore();
    api = new FakeEndpoint({statement: wireStatement({signatories: {count: 31, listed: 31, open: true, goal: 100, email_required: false}})});
    const el = await card();
    await loaded(el);
    const bar = shadow(el).querySelector('[part="goal"] progress') as HTMLProgressElement;
    expect([bar.value, bar.max]).to.deep.equal([31, 100]);
    expect(bar.getAttribute('aria-label')).to.equal('31 of 100 signatures');
    expect(text(el, '[part="goal"]')).to.equal('31 of 100 signatures');
    el.lang = 'de';
    await waitUntil(() => bar.getAttribute('aria-label') === '31 von 100 Unterschriften', 'the label did not follow the language');
  });

  it('shows no goal bar without a goal', async () => {
    const el = await card();
    await loaded(el);
    expect(shadow(el).querySelector('[part="goal"]')).to.equal(null);
  });

  it('renders the hero with reserved size, caption, credit, notes, body and date', async () => {
    const el = await card();
    await loaded(el);
    const img = shadow(el).querySelector('img[part="image"]') as HTMLImageElement;
    expect(img.getAttribute('src')).to.equal('https://img.test/hero.jpg');
    expect(img.alt).to.equal('A river at dawn');
    expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['1600', '900']);
    // Space is reserved from width/height before the image loads.
    expect(img.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(text(el, 'figcaption')).to.contain('The river');
    expect(text(el, '[part="credit"]')).to.contain('A. Photographer');
    expect(text(el, '[part="note"]')).to.contain('Signatures are still being added.');
    expect(shadow(el).querySelectorAll('[part="body"] p')).to.have.length(2);
    expect(shadow(el).querySelector('[part="body"] em')?.textContent).to.equal('paragraph');
    expect(shadow(el).querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-01T12:00:00Z');
    await expect(el).to.be.accessible();
  });

  it('keeps only the allowlist of the body: no scripts, handlers or javascript: links', async () => {
    api.data.statement = wireStatement({
      body:
        '<p>Kept <strong>bold</strong> <a href="https://ok.test/">ok</a></p>' +
        '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">' +
        '<a href="javascript:window.__pwned=1">bad</a><iframe src="https://evil.test"></iframe>' +
        '<p onclick="window.__pwned=1" style="color:red">styled</p>',
    });
    const el = await card();
    await loaded(el);
    const body = shadow(el).querySelector('[part="body"]')!;
    expect(body.querySelector('strong')?.textContent).to.equal('bold');
    expect(body.querySelector('a[href="https://ok.test/"]')).to.exist;
    expect(body.querySelector('script, iframe, [onerror], [onclick], [style]')).to.equal(null);
    expect([...body.querySelectorAll('a')].some((a) => a.href.startsWith('javascript:'))).to.equal(false);
    (body.querySelector('p:last-child') as HTMLElement).click();
    await new Promise((r) => requestAnimationFrame(r));
    expect(window.__pwned).to.equal(undefined);
  });

  it('shows markup in plain-text fields as literal text', async () => {
    api.data.statement = wireStatement({
      title: HOSTILE,
      kicker: HOSTILE,
      summary: HOSTILE,
      notes: [{label: HOSTILE, text: HOSTILE}],
      image: {url: 'javascript:window.__pwned=1', alt: HOSTILE, caption: HOSTILE, credit: HOSTILE, credit_url: 'javascript:window.__pwned=1'},
    });
    const el = await card();
    await loaded(el);
    expect(text(el, '[part="title"]')).to.equal(HOSTILE);
    expect(text(el, '[part="kicker"]')).to.equal(HOSTILE);
    expect(text(el, '[part="note"]')).to.contain(HOSTILE);
    expect(shadow(el).querySelector('script, img, [onerror]')).to.equal(null);
    expect([...shadow(el).querySelectorAll('a')].some((a) => a.href.startsWith('javascript:'))).to.equal(false);
    expect(window.__pwned).to.equal(undefined);
  });

  // A 500 is retried twice by the client before it gives up; a bad body is not.
  for (const [name, fault, attempts, message] of [
    ['a 500', {status: 500}, 3, 'The server had a problem.'],
    ['invalid JSON', {raw: '{"id": '}, 1, 'The server sent something we couldn’t read.'],
    ['a body of the wrong shape', {status: 200, body: {items: []}}, 1, 'The server sent something we couldn’t read.'],
  ] as const) {
    it(`shows an error with a retry after ${name}, and the retry loads the statement`, async () => {
      api.fail(/.*/, fault, attempts);
      const el = await card();
      const error = await oneEvent(el, 'undersigned-error');
      expect(error.detail.action).to.equal('load');
      await loaded(el);
      expect(text(el, '[part="error"]')).to.contain(message);
      await expect(el).to.be.accessible();
      (shadow(el).querySelector('[part="retry-button"]') as HTMLButtonElement).click();
      await waitUntil(() => shadow(el).querySelector('[part="title"]'), 'retry did not load');
    });
  }

  it('says the statement could not be found on a 404', async () => {
    const el = await card({statement: 'no-such-letter'});
    await loaded(el);
    expect(text(el, '[part="error"]')).to.contain('could not be found');
  });

  it('shows one error box, not one per element inside it, and its retry loads them all', async () => {
    // The card, its list and its thread all fail; which one fails first is up to the network.
    api.data.signatories = wireOrganizations(3);
    api.data.comments = [{id: 'c1', parent_id: null, author: {name: 'Ana'}, body: 'First comment.', created_at: '2026-11-02T10:00:00Z'}];
    // An unreadable answer is not retried, so each element fails at its first request.
    api.fail(/.*/, {raw: '{"id": '}, 3);
    const failed = new Set<string>();
    const wrapper = document.createElement('div');
    wrapper.addEventListener('undersigned-error', (event) => failed.add((event.target as Element).localName));
    wrapper.innerHTML = `<statement-card lang="en" endpoint="https://api.test/v1" statement="test-letter">
      <signatory-list></signatory-list><comment-thread></comment-thread></statement-card>`;
    document.body.append(wrapper);
    try {
      const el = wrapper.querySelector('statement-card')!;
      await waitUntil(() => failed.size === 3, 'not every element failed');
      const inside = [...el.querySelectorAll<UndersignedElement>('signatory-list, comment-thread')];
      await Promise.all([el, ...inside].map((e) => e.updateComplete));
      const boxes = () => [el, ...inside].flatMap((e) => [...shadow(e).querySelectorAll('[part~="error"]')]);
      expect(boxes()).to.have.length(1);
      (shadow(el).querySelector('[part="retry-button"]') as HTMLButtonElement).click();
      await waitUntil(
        () => inside.every((e) => shadow(e).querySelector('[part~="item"], article.comment')),
        'the list and thread did not load after the retry'
      );
      expect(boxes()).to.have.length(0);
    } finally {
      wrapper.remove();
    }
  });

  it('reports a wrong endpoint as a connection problem, and leaves other cards working', async () => {
    const wrapper = await fixture(html`<div>
      <statement-card lang="en" endpoint="http://127.0.0.1:9/v1" statement="x"></statement-card>
      <statement-card lang="en" endpoint="https://api.test/v1" statement="test-letter"></statement-card>
    </div>`);
    const [broken, working] = wrapper.querySelectorAll('statement-card');
    await waitUntil(() => shadow(working).querySelector('[part="title"]'), 'the working card did not load');
    await waitUntil(() => shadow(broken).querySelector('[part="error"]'), 'the broken card shows no error', {timeout: 8000});
    // A CORS refusal looks the same to the page: say the server was not reached.
    expect(text(broken, '[part="error"]')).to.contain('Couldn’t reach the server');
  });

  it('loads again when its statement changes, aborting the request in flight', async () => {
    api.fail(/.*/, {hang: true});
    const el = await card();
    await waitUntil(() => api.requests.length === 1);
    api.data.statement = wireStatement({id: 'other', title: 'The other letter'});
    el.statement = 'other';
    await waitUntil(() => text(el, '[part="title"]') === 'The other letter', 'did not load the new statement');
    expect(api.requests[0].signal?.aborted).to.equal(true);
  });

  it('aborts its request when removed from the page, and loads again when put back', async () => {
    api.fail(/.*/, {hang: true});
    const el = await card();
    await waitUntil(() => api.requests.length === 1);
    const parent = el.parentElement!;
    el.remove();
    expect(api.requests[0].signal?.aborted).to.equal(true);
    parent.append(el);
    await loaded(el);
    expect(text(el, '[part="title"]')).to.equal('An open letter for the river');
  });

  it('speaks the language of its own lang attribute and follows changes', async () => {
    const el = await card({lang: 'es'});
    await loaded(el);
    expect(text(el, '[part="share-button"]')).to.equal('Compartir');
    el.lang = 'en';
    await waitUntil(() => text(el, '[part="share-button"]') === 'Share', 'did not switch language');
  });

  it('shares through the Web Share API where present', async () => {
    const shared: ShareData[] = [];
    Object.defineProperty(navigator, 'share', {configurable: true, value: async (data: ShareData) => void shared.push(data)});
    try {
      api.data.statement = wireStatement({url: 'https://letters.test/river'});
      const el = await card();
      await loaded(el);
      (shadow(el).querySelector('[part="share-button"]') as HTMLButtonElement).click();
      await waitUntil(() => shared.length === 1);
      expect(shared[0]).to.deep.equal({title: 'An open letter for the river', url: 'https://letters.test/river'});
    } finally {
      delete (navigator as {share?: unknown}).share;
    }
  });
});
