import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/comment-thread/comment-thread.js';
import '../../src/elements/statement-card/statement-card.js';
import type {CommentThread} from '../../src/elements/comment-thread/comment-thread.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {installClock, type FakeClock} from '../helpers/clock.js';
import {$, $$, settled, shadow, waitUntil} from '../helpers/dom.js';
import {threadHarness} from '../helpers/harness.js';
import {FakeEndpoint, wireStatement, type WireComment} from '../helpers/fake-endpoint.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const DAY = 24 * 60 * 60 * 1000;
/** An ISO time `days` before now, so relative dates are deterministic. */
const ago = (days: number, hours = 0) => new Date(Date.now() - days * DAY - hours * 3_600_000).toISOString();

function comment(id: string, parent: string | null, name: string, body: string, at: string, extra: Partial<WireComment> = {}): WireComment {
  return {id, parent_id: parent, author: {name}, body, created_at: at, ...extra};
}

/** Three roots (Ana oldest, Bo, Cy newest); Bo answers Ana, Ana answers Bo. */
function sampleComments(): WireComment[] {
  return [
    comment('c1', null, 'Ana', 'First comment.', ago(5)),
    comment('c2', 'c1', 'Bo', 'A reply to Ana.', ago(4)),
    comment('c3', 'c2', 'Ana', 'Ana answers Bo.', ago(3)),
    comment('c4', null, 'Bo', 'Second root.', ago(2)),
    comment('c5', null, 'Cy', 'Newest root.', ago(1)),
  ];
}

/** A chain c1 ← c2 ← … ← c5, each by "Author N". */
function chain(depth: number): WireComment[] {
  return Array.from({length: depth}, (_, i) =>
    comment(`d${i + 1}`, i ? `d${i}` : null, `Author ${i + 1}`, `Level ${i + 1}`, ago(10 - i))
  );
}

/** The comment article whose body reads `body`. */
const article = (el: Element, body: string) => threadHarness(el).comment(body);
const rootBodies = (el: Element) => threadHarness(el).rootBodies();

async function thread(attrs: {sort?: string; pageSize?: number; maxDepth?: number; lang?: string} = {}): Promise<CommentThread> {
  return fixture<CommentThread>(html`<comment-thread
    endpoint="https://api.test/v1"
    statement="test-letter"
    lang=${attrs.lang ?? 'en'}
    sort=${attrs.sort ?? 'oldest'}
    page-size=${attrs.pageSize ?? 20}
    max-depth=${attrs.maxDepth ?? 3}
  ></comment-thread>`);
}

describe('<comment-thread>', () => {
  let api: FakeEndpoint;
  // A thread alone also asks for the statement (is commenting open?): look at the comment requests.
  const commentRequests = () => api.requests.filter((r) => r.url.pathname.endsWith('/comments'));
  beforeEach(() => {
    window.__pwned = undefined;
    api = new FakeEndpoint({statement: wireStatement(), comments: sampleComments()});
  });
  afterEach(() => api.restore());

  it('holds space while loading, then shows the count and the comments', async () => {
    api.fail(/\/comments$/, {hang: true});
    const el = await thread();
    const placeholder = $(el, '[part="loading"]')!;
    expect(placeholder.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(placeholder.textContent).to.contain('Loading');
    api.release();
    await settled(el);
    expect($(el, '[part="loading"]')).to.equal(null);
    expect($(el, '[part="heading"]')!.textContent!.trim()).to.equal('5 comments');
    expect(rootBodies(el)).to.deep.equal(['First comment.', 'Second root.', 'Newest root.']);
    expect($$(el, '[part="author"]').map((a) => a.textContent!.trim())).to.deep.equal(['Ana', 'Bo', 'Ana', 'Bo', 'Cy']);
    expect(commentRequests()[0].url.searchParams.get('limit')).to.equal('20');
    expect(commentRequests()[0].url.searchParams.get('sort')).to.equal('oldest');
    await expect(el).to.be.accessible();
  });

  it('nests a reply inside its parent’s item and names both in the comment’s label', async () => {
    const el = await thread();
    await settled(el);
    const parent = article(el, 'First comment.')!;
    const reply = article(el, 'A reply to Ana.')!;
    const replies = parent.parentElement!.querySelector(':scope > [part="replies"]')!;
    expect(replies.contains(reply)).to.equal(true);
    expect(replies.contains(article(el, 'Ana answers Bo.')!)).to.equal(true);
    // Indented replies need no visible "in reply to": the nesting shows it.
    expect($$(el, '[part="in-reply-to"]')).to.have.length(0);
    const label = reply
      .getAttribute('aria-labelledby')!
      .split(' ')
      .map((id) => shadow(el).getElementById(id)!.textContent!.trim())
      .join(' ');
    // The name is isolated (FSI … PDI), so a bidi override in it cannot reorder the sentence.
    expect(label).to.equal('Bo In reply to \u2068Ana\u2069');
  });

  it('stops indenting at max-depth and says whom deeper replies answer', async () => {
    api.data.comments = chain(5);
    const el = await thread({maxDepth: 3});
    await settled(el);
    const listDepth = (body: string) => {
      let depth = 0;
      for (let node: Element | null = article(el, body)!; node; node = node.parentElement) if (node.tagName === 'OL') depth++;
      return depth;
    };
    expect([1, 2, 3, 4, 5].map((n) => listDepth(`Level ${n}`))).to.deep.equal([1, 2, 3, 3, 3]);
    const indent = (body: string) => article(el, body)!.getBoundingClientRect().left;
    expect(indent('Level 4')).to.equal(indent('Level 3'));
    expect(indent('Level 5')).to.equal(indent('Level 3'));
    expect(indent('Level 3')).to.be.greaterThan(indent('Level 2'));
    expect(article(el, 'Level 3')!.querySelector('[part="in-reply-to"]')).to.equal(null);
    expect(article(el, 'Level 4')!.querySelector('[part="in-reply-to"]')!.textContent!.trim()).to.equal('In reply to \u2068Author 3\u2069');
    expect(article(el, 'Level 5')!.querySelector('[part="in-reply-to"]')!.textContent!.trim()).to.equal('In reply to \u2068Author 4\u2069');
    // Reading order is kept: the flattened replies follow the comment they answer.
    expect($$(el, '[part="body"]').map((b) => b.textContent!.trim())).to.deep.equal(['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5']);
  });

  it('shows a reply whose parent is not loaded as a top-level comment', async () => {
    api.fail(/\/comments$/, {
      status: 200,
      body: {items: [comment('o1', 'gone', 'Dee', 'Orphan reply.', ago(1)), comment('o2', 'o1', 'Eve', 'Answer.', ago(0, 1))], total: 2, next: null},
    });
    const el = await thread();
    await settled(el);
    expect(rootBodies(el)).to.deep.equal(['Orphan reply.']);
    expect(article(el, 'Orphan reply.')!.parentElement!.querySelector('[part="replies"]')!.textContent).to.contain('Answer.');
  });

  it('sorts newest first from the select, reflecting and sending sort=newest', async () => {
    const el = await thread();
    await settled(el);
    const select = $<HTMLSelectElement>(el, 'select[part="sort"]')!;
    expect(select.labels![0].textContent).to.contain('Sort');
    select.value = 'newest';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => rootBodies(el)[0] === 'Newest root.', 'newest did not come first');
    expect(rootBodies(el)).to.deep.equal(['Newest root.', 'Second root.', 'First comment.']);
    expect(el.getAttribute('sort')).to.equal('newest');
    expect(api.requests.at(-1)!.url.searchParams.get('sort')).to.equal('newest');
    // Replies still read oldest first under their root.
    expect(article(el, 'First comment.')!.parentElement!.textContent).to.match(/A reply to Ana\.[\s\S]*Ana answers Bo\./);
    expect($(el, '[part="heading"]')!.textContent!.trim()).to.equal('5 comments');
  });

  it('loads more roots through next, appends them and moves focus to the first new one', async () => {
    api.data.comments = Array.from({length: 5}, (_, i) => comment(`r${i + 1}`, null, `P${i + 1}`, `Root ${i + 1}`, ago(10 - i)));
    const el = await thread({pageSize: 2});
    await settled(el);
    expect(rootBodies(el)).to.deep.equal(['Root 1', 'Root 2']);
    const button = $<HTMLButtonElement>(el, '[part="more-button"]')!;
    expect(button.textContent!.trim()).to.equal('Load more comments');
    button.click();
    await waitUntil(() => rootBodies(el).length === 4, 'the second page did not arrive');
    expect(rootBodies(el)).to.deep.equal(['Root 1', 'Root 2', 'Root 3', 'Root 4']);
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(article(el, 'Root 3'));
    $<HTMLButtonElement>(el, '[part="more-button"]')!.click();
    await waitUntil(() => rootBodies(el).length === 5, 'the last page did not arrive');
    expect($(el, '[part="more-button"]')).to.equal(null);
    expect(commentRequests().map((r) => r.url.searchParams.get('cursor'))).to.deep.equal([null, '2', '4']);
  });

  it('keeps the comments on screen when a further page fails, and retries in place', async () => {
    api.data.comments = Array.from({length: 3}, (_, i) => comment(`r${i + 1}`, null, `P${i + 1}`, `Root ${i + 1}`, ago(10 - i)));
    const el = await thread({pageSize: 2});
    await settled(el);
    // Not JSON: not retried by the client, so the failure shows at once.
    api.fail(/\/comments$/, {raw: 'not json'});
    const failed = oneEvent(el, 'undersigned-error');
    $<HTMLButtonElement>(el, '[part="more-button"]')!.click();
    expect((await failed).detail.action).to.equal('load');
    await waitUntil(() => $(el, '[part="more"] [part="error"]'), 'no inline error');
    expect(rootBodies(el)).to.deep.equal(['Root 1', 'Root 2']);
    $<HTMLButtonElement>(el, '[part="more"] [part="retry-button"]')!.click();
    await waitUntil(() => rootBodies(el).length === 3, 'retry did not load the page');
    expect($(el, '[part="error"]')).to.equal(null);
  });

  it('shows relative dates in <time> with the machine date and the full date on hover', async () => {
    const at = ago(3);
    api.data.comments = [comment('t1', null, 'Ana', 'Dated.', at, {edited_at: ago(1)})];
    const el = await thread();
    await settled(el);
    const time = $<HTMLTimeElement>(el, 'time[part="time"]')!;
    expect(time.dateTime).to.equal(at);
    expect(time.textContent!.trim()).to.equal('3 days ago');
    expect(time.title).to.contain(String(new Date(at).getFullYear()));
    expect(time.title).to.equal(new Intl.DateTimeFormat('en', {dateStyle: 'long', timeStyle: 'short'}).format(new Date(at)));
    expect(article(el, 'Dated.')!.textContent).to.contain('(edited)');
  });

  describe('relative dates, on a fake clock', () => {
    let clock: FakeClock;
    const MINUTE = 60_000;
    const minutesAgo = (n: number) => new Date(Date.now() - n * MINUTE).toISOString();
    const timeOf = (el: Element, body: string) => article(el, body)!.querySelector('time[part="time"]')!.textContent!.trim();
    // Installed before the thread connects, so the shared timer runs on it.
    beforeEach(() => (clock = installClock()));
    afterEach(() => clock.uninstall());

    it('re-renders "2 minutes ago" as "3 minutes ago" when a minute passes', async () => {
      api.data.comments = [comment('m1', null, 'Ana', 'Just now-ish.', minutesAgo(2))];
      const el = await thread();
      await settled(el);
      expect(timeOf(el, 'Just now-ish.')).to.equal('2 minutes ago');
      clock.advance(MINUTE);
      await waitUntil(() => timeOf(el, 'Just now-ish.') === '3 minutes ago', `still ${timeOf(el, 'Just now-ish.')}`, {timeout: 5000});
    });

    it('refreshes the comments below the first screenful too, while idle', async () => {
      api.data.comments = Array.from({length: 45}, (_, i) => comment(`q${i}`, null, `P${i}`, `Comment ${i}`, minutesAgo(2)));
      const el = await thread({pageSize: 50});
      await settled(el);
      await waitUntil(() => article(el, 'Comment 44'), 'the last run did not render', {timeout: 5000});
      expect(timeOf(el, 'Comment 44')).to.equal('2 minutes ago');
      clock.advance(MINUTE);
      await waitUntil(() => timeOf(el, 'Comment 0') === '3 minutes ago', 'the first screenful did not refresh', {timeout: 5000});
      await waitUntil(() => timeOf(el, 'Comment 44') === '3 minutes ago', 'a later run did not refresh', {timeout: 5000});
    });

    it('stops the timer when the thread leaves the page', async () => {
      const el = await thread();
      await settled(el);
      expect(clock.intervals).to.equal(1);
      el.remove();
      expect(clock.intervals).to.equal(0);
    });
  });

  it('works from the keyboard: sort with the arrow keys, load more with Enter', async () => {
    api.data.comments = Array.from({length: 3}, (_, i) => comment(`r${i + 1}`, null, `P${i + 1}`, `Root ${i + 1}`, ago(10 - i)));
    const el = await thread({pageSize: 2});
    await settled(el);
    $<HTMLSelectElement>(el, 'select[part="sort"]')!.focus();
    await sendKeys({press: 'ArrowDown'});
    await waitUntil(() => rootBodies(el)[0] === 'Root 3', 'the arrow key did not sort newest first');
    // The select stays in place (and focused) while the thread reloads.
    expect(shadow(el).activeElement).to.equal($(el, 'select[part="sort"]'));
    $(el, '[part="more-button"]')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => rootBodies(el).length === 3, 'Enter did not load more');
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(article(el, 'Root 1'));
  });

  it('renders bodies as paragraphs, quotes and autolinks', async () => {
    api.data.comments = [
      comment('b1', null, 'Ana', 'First paragraph.\n\n> quoted line\n\nSee https://example.org/page for more.', ago(1)),
    ];
    const el = await thread();
    await settled(el);
    const body = $(el, '[part="body"]')!;
    expect([...body.querySelectorAll('p')].map((p) => p.textContent!.trim())).to.include('First paragraph.');
    expect(body.querySelector('blockquote')!.textContent!.trim()).to.equal('quoted line');
    const link = body.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/page');
    expect(link.getAttribute('rel')).to.equal('nofollow ugc noopener');
  });

  it('shows the empty state', async () => {
    api.data.comments = [];
    const el = await thread();
    await settled(el);
    expect($(el, '[part="empty"]')!.textContent).to.contain('No comments yet');
    expect($(el, '[part="heading"]')!.textContent!.trim()).to.equal('0 comments');
    expect($(el, '[part="more-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('the reader\'s own comments awaiting approval', () => {
    const key = 'undersigned:pending-comments:http https://api.test/v1/statements/test-letter';
    const held = {id: 'mine', parentId: null, author: {name: 'Me'}, body: 'My held comment.', createdAt: ago(0)};
    afterEach(() => localStorage.removeItem(key));

    it('shows one kept from an earlier visit, marked, and counts it in the heading', async () => {
      api.data.comments = [];
      localStorage.setItem(key, JSON.stringify([{comment: held, at: Date.now()}]));
      const el = await thread();
      await settled(el);
      expect(article(el, 'My held comment.')!.querySelector('[part="pending"]')!.textContent).to.contain('Awaiting approval');
      expect($(el, '[part="heading"]')!.textContent!.trim()).to.equal('1 comment');
      expect($(el, '[part="empty"]')).to.equal(null);
    });

    it('ignores what is stored when it is not comments, instead of breaking', async () => {
      for (const junk of ['{"not": "a list"}', '[{"id": "x", "body": 5}]', '[{"comment": {"id": "x", "body": 5}, "at": 1}]', '[null]', 'not json']) {
        localStorage.setItem(key, junk);
        const el = await thread();
        await settled(el);
        expect(rootBodies(el), junk).to.have.length(3);
        expect($(el, '[part="pending"]'), junk).to.equal(null);
      }
    });
  });

  it('shows an error with a working retry after a 500, and tells the page', async () => {
    api.fail(/\/comments$/, {status: 500}, 3);
    const errored = new Promise<CustomEvent>((resolve) => document.addEventListener('undersigned-error', resolve as EventListener, {once: true}));
    const el = await thread();
    const event = await errored;
    expect(event.detail.action).to.equal('load');
    await settled(el);
    expect($(el, '[part="error"]')!.getAttribute('role')).to.equal('alert');
    // Nothing left from loading above the message: no placeholder, no sort control for comments that are not there.
    expect($(el, '[part="heading-placeholder"], [part="loading"]')?.outerHTML).to.equal(undefined);
    expect($(el, '[part="sort"]')?.outerHTML).to.equal(undefined);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
    await waitUntil(() => $(el, '[part="list"]'), 'retry did not load the comments');
    expect(rootBodies(el)).to.have.length(3);
  });

  it('aborts a hanging request when an attribute changes, then loads the new query', async () => {
    api.fail(/\/comments$/, {hang: true});
    const el = await thread();
    await waitUntil(() => commentRequests().length === 1, 'no request');
    const first = commentRequests()[0];
    el.setAttribute('sort', 'newest');
    await waitUntil(() => first.signal?.aborted, 'the first request was not aborted');
    await settled(el);
    expect(rootBodies(el)[0]).to.equal('Newest root.');
  });

  it('aborts the request in flight when removed from the page', async () => {
    api.fail(/\/comments$/, {hang: true});
    const el = await thread();
    await waitUntil(() => commentRequests().length === 1, 'no request');
    el.remove();
    expect(commentRequests()[0].signal?.aborted).to.equal(true);
  });

  it('inside a <statement-card> needs no attributes and fetches only the comments', async () => {
    const card = await fixture<StatementCard>(html`<statement-card endpoint="https://api.test/v1" statement="test-letter" lang="en">
      <comment-thread></comment-thread>
    </statement-card>`);
    const el = card.querySelector('comment-thread')!;
    await settled(el);
    // The card's statement says 2 comments; its count wins over the page total.
    await waitUntil(() => $(el, '[part="heading"]')?.textContent?.trim() === '2 comments', 'heading did not use the card count');
    expect(rootBodies(el)).to.have.length(3);
    expect(api.count(/^\/statements\/test-letter$/)).to.equal(1);
    expect(api.count(/\/comments$/)).to.equal(1);
  });

  it('speaks the page’s language', async () => {
    const el = await thread({lang: 'es'});
    await settled(el);
    expect($(el, '[part="heading"]')!.textContent!.trim()).to.equal('5 comentarios');
    el.lang = 'en';
    await waitUntil(() => $(el, '[part="heading"]')!.textContent!.trim() === '5 comments', 'did not switch language');
  });

  it('renders a long discussion progressively: a screenful at once, every comment in the end, in order', async () => {
    // 1 250 roots, each with a reply and a reply to that, then a fourth level: 5 000 comments.
    const comments: WireComment[] = [];
    for (let r = 0; r < 1250; r++) {
      const at = (k: number) => new Date(Date.UTC(2026, 0, 1) + r * 60_000 + k * 1000).toISOString();
      comments.push(comment(`r${r}`, null, `Root ${r}`, `Root ${r} says.`, at(0)));
      comments.push(comment(`a${r}`, `r${r}`, `A ${r}`, `Reply to ${r}.`, at(1)));
      comments.push(comment(`b${r}`, `a${r}`, `B ${r}`, `Deeper in ${r}.`, at(2)));
      comments.push(comment(`c${r}`, `b${r}`, `C ${r}`, `Deepest in ${r}.`, at(3)));
    }
    const src = URL.createObjectURL(new Blob([JSON.stringify({statement: wireStatement(), signatories: [], comments})], {type: 'application/json'}));
    try {
      const el = await fixture<CommentThread>(html`<comment-thread src=${src} page-size="5000" lang="en"></comment-thread>`);
      await waitUntil(() => $(el, '[part="list"]'), 'the thread did not render');
      const first = $$(el, 'article[part="comment"]').length;
      expect(first).to.be.within(20, 200);
      expect(rootBodies(el).slice(0, 2)).to.deep.equal(['Root 0 says.', 'Root 1 says.']);
      await waitUntil(() => $$(el, 'article[part="comment"]').length === 5000, 'not every comment rendered', {timeout: 20_000});
      const roots = rootBodies(el);
      expect(roots).to.have.length(1250);
      expect(roots.at(-1)).to.equal('Root 1249 says.');
      // Threading holds in the runs rendered later: the last root's reply sits in its replies list.
      const last = $$(el, '[part="list"] > li').at(-1)!;
      expect(last.querySelector(':scope > [part="replies"] article [part="body"]')!.textContent!.trim()).to.equal('Reply to 1249.');
      expect($(el, '[part="heading"]')!.textContent!.trim()).to.equal('5,000 comments');
    } finally {
      URL.revokeObjectURL(src);
    }
  }).timeout(30_000);

  it('renders hostile names, bodies and author URLs as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    api.data.comments = [
      comment('h1', null, hostile, `${hostile}\n\n> ${hostile}\n\njavascript:window.__pwned=1`, ago(1), {
        author: {name: hostile, url: 'javascript:window.__pwned=1'},
      }),
      comment('h2', 'h1', 'Bo', 'ok', ago(0, 2), {author: {name: 'Bo', url: 'https://bo.test/'}}),
    ];
    const el = await thread();
    await settled(el);
    const first = $$(el, 'article')[0];
    expect(first.querySelector('[part="author"]')!.textContent!.trim()).to.equal(hostile);
    expect(first.querySelector('[part="body"]')!.textContent).to.contain(hostile);
    expect(shadow(el).querySelector('img, script')).to.equal(null);
    expect($$<HTMLAnchorElement>(el, 'a').map((a) => a.getAttribute('href'))).to.deep.equal(['https://bo.test/']);
    expect($<HTMLAnchorElement>(el, 'a')!.rel).to.equal('nofollow ugc noopener');
    expect(window.__pwned).to.equal(undefined);
  });
});
