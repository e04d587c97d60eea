import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import '../../src/elements/statement-card/statement-card.js';
import '../../src/elements/comment-thread/comment-thread.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {FakeEndpoint, wireStatement, type WireComment} from '../helpers/fake-endpoint.js';
import {$, text, texts, waitUntil} from '../helpers/dom.js';

// Issue 11 item 3, for comments: after commenting, a reload may be answered
// by a shared cache from before the comment (a CDN inside its s-maxage).
// The author still sees their comment, once, counted; once the server lists
// it, the widget shows the server's copy and forgets its own.
describe('a reader’s own published comment across a reload', () => {
  let api: FakeEndpoint;
  const comments: WireComment[] = [
    {id: 'c1', parent_id: null, author: {name: 'Ana'}, body: 'First.', created_at: '2026-11-02T10:00:00Z'},
    {id: 'c2', parent_id: null, author: {name: 'Ben'}, body: 'Second.', created_at: '2026-11-02T11:00:00Z'},
  ];
  beforeEach(() => {
    localStorage.clear();
    api = new FakeEndpoint({statement: wireStatement({id: 'own-thread', comments: {count: 2, open: true}}), comments: [...comments]});
    api.answersLate = true;
  });
  afterEach(() => {
    api.restore();
    localStorage.clear();
  });

  /** The page as a reload shows it: a new card and thread that read only what storage kept. */
  async function load(): Promise<Element> {
    const card = await fixture<StatementCard>(html`<statement-card lang="en" endpoint=${api.base} statement="own-thread">
      <comment-thread></comment-thread>
    </statement-card>`);
    const thread = card.querySelector('comment-thread')!;
    await waitUntil(() => $(thread, 'comment-form')?.shadowRoot?.querySelector('form') && $(thread, '[part~="comment"]'), 'the thread did not load');
    return thread;
  }
  const heading = (thread: Element) => text(thread, '[part="heading"]');
  const bodies = (thread: Element) => texts(thread, '[part~="comment"] [part="body"]');
  const stored = () => Object.keys(localStorage).filter((key) => key.startsWith('undersigned:own-comments:'));

  async function post(thread: Element, body: string): Promise<void> {
    const form = $(thread, 'comment-form:not([parent-id])')!.shadowRoot!;
    for (const [id, value] of [['body', body], ['name', 'Cleo']]) {
      const field = form.querySelector<HTMLInputElement>(`#${id}`)!;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    }
    const posted = oneEvent(thread, 'undersigned-comment');
    form.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    expect((await posted).detail.status).to.equal('published');
  }

  it('shows the comment and counts it though the server lists it late, and once when it does', async () => {
    const first = await load();
    await post(first, 'My own words.');
    await waitUntil(() => bodies(first).includes('My own words.'), 'the comment is not shown after posting');
    expect(heading(first)).to.equal('3 comments');

    const reloaded = await load();
    expect(api.lateComments).to.have.length(1);
    await waitUntil(() => bodies(reloaded).includes('My own words.'), 'the own comment is missing after the reload');
    expect(bodies(reloaded)).to.deep.equal(['First.', 'Second.', 'My own words.']);
    expect(heading(reloaded)).to.equal('3 comments');
    expect($(reloaded, '[part="pending"]'), 'a published comment is not marked as awaiting approval').to.equal(null);

    api.catchUp();
    const listed = await load();
    await waitUntil(() => bodies(listed).length === 3, 'the thread did not load');
    expect(bodies(listed)).to.deep.equal(['First.', 'Second.', 'My own words.']);
    expect(heading(listed)).to.equal('3 comments');
    expect(stored(), 'the kept copy is forgotten once listed').to.deep.equal([]);
  });

  it('lets a kept comment go after ten minutes, so one the publisher removed does not stay', async () => {
    await post(await load(), 'Removed later.');
    const [key] = stored();
    const kept = JSON.parse(localStorage.getItem(key!)!) as Array<{at: number}>;
    localStorage.setItem(key!, JSON.stringify(kept.map((e) => ({...e, at: e.at - 11 * 60_000}))));
    const reloaded = await load();
    expect(bodies(reloaded)).to.deep.equal(['First.', 'Second.']);
    expect(heading(reloaded)).to.equal('2 comments');
  });
});
