import {expect, fixture, html} from '@open-wc/testing';
import '../../src/elements/statement-card/statement-card.js';
import '../../src/elements/comment-thread/comment-thread.js';
import '../../src/elements/signatory-list/signatory-list.js';
import type {CommentThread} from '../../src/elements/comment-thread/comment-thread.js';
import type {SignatoryList} from '../../src/elements/signatory-list/signatory-list.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {$, $$, settled, text, waitFor, waitUntil} from '../helpers/dom.js';
import {FakeEndpoint, wireStatement} from '../helpers/fake-endpoint.js';
import {referenceServer, referenceServerPerSuite, visibleComments} from '../helpers/reference-server.js';

/** A published comment, as a reader elsewhere posts it through the API. */
async function postComment(endpoint: string, statement: string, body: string, parentId: string | null = null): Promise<string> {
  const response = await fetch(`${endpoint}/statements/${statement}/comments`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID()},
    body: JSON.stringify({parent_id: parentId, author: {name: 'Elsewhere Reader'}, body}),
  });
  expect(response.status).to.equal(201);
  return ((await response.json()) as {comment: {id: string}}).comment.id;
}

async function postSignature(endpoint: string, statement: string, name: string): Promise<void> {
  const response = await fetch(`${endpoint}/statements/${statement}/signatories`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID()},
    body: JSON.stringify({name, kind: 'individual', public: true}),
  });
  expect(response.status).to.equal(201);
}

async function liveCard(endpoint: string, statement: string): Promise<{card: StatementCard; thread: CommentThread; list: SignatoryList}> {
  const card = await fixture<StatementCard>(html`<statement-card live lang="en" endpoint=${endpoint} statement=${statement}>
    <signatory-list></signatory-list>
    <comment-thread></comment-thread>
  </statement-card>`);
  const thread = card.querySelector('comment-thread') as CommentThread;
  const list = card.querySelector('signatory-list') as SignatoryList;
  await settled(thread);
  await settled(list);
  // The card and the elements inside share one stream.
  await waitUntil(async () => (await referenceServer.liveStreams()) === 1, 'the live stream did not open');
  return {card, thread, list};
}

/** Where each comment on screen is, on the page. */
const boxes = (thread: CommentThread) =>
  $$(thread, 'article[data-id]').map((a) => {
    const r = a.getBoundingClientRect();
    return `${a.dataset.id} ${Math.round(r.left)},${Math.round(r.top + scrollY)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  });

/** Counts the EventSources the page opens, and keeps them. */
function spyEventSources(): {opened: EventSource[]; restore: () => void} {
  const Real = window.EventSource;
  const opened: EventSource[] = [];
  window.EventSource = class extends Real {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      opened.push(this);
    }
  };
  return {opened, restore: () => (window.EventSource = Real)};
}

describe('live: a statement as it happens, against the reference server', () => {
  const server = referenceServerPerSuite();
  beforeEach(() => localStorage.clear());

  it('a comment posted elsewhere waits behind "1 new comment — show" within 2 s; nothing moves until it is pressed', async () => {
    const before = await visibleComments(server.endpoint, server.statement);
    const {thread} = await liveCard(server.endpoint, server.statement);
    const where = boxes(thread);
    const id = await postComment(server.endpoint, server.statement, 'Posted while you were reading.');
    await waitFor(() => $(thread, '[part="new-comments"]'), 'no "new comments" button within 2 s', 2000);
    expect(text(thread, '[part="new-comments"]')).to.equal('1 new comment — show');
    expect(text(thread, '[part="heading"]')).to.equal(`${before + 1} comments`);
    expect($(thread, `article[data-id="${id}"]`)).to.equal(null);
    expect(boxes(thread)).to.deep.equal(where);
    $<HTMLButtonElement>(thread, '[part="new-comments"]')!.click();
    await waitUntil(() => $(thread, `article[data-id="${id}"]`), 'pressing did not show the comment');
    expect($(thread, `article[data-id="${id}"]`)!.textContent).to.contain('Posted while you were reading.');
    expect(thread.shadowRoot!.activeElement).to.equal($(thread, `article[data-id="${id}"]`));
    expect($(thread, '[part="new-comments"]')).to.equal(null);
    expect(text(thread, '[part="heading"]')).to.equal(`${before + 1} comments`);
  });

  it('a reply to a comment on screen waits under that comment', async () => {
    const {thread} = await liveCard(server.endpoint, server.statement);
    const parent = $(thread, 'article[data-id]')!.dataset.id!;
    const id = await postComment(server.endpoint, server.statement, 'A reply from elsewhere.', parent);
    const parentArticle = () => $(thread, `article[data-id="${parent}"]`)!;
    await waitUntil(() => parentArticle().querySelector('[part="new-replies"]'), 'no "new replies" button under the comment');
    expect(parentArticle().querySelector('[part="new-replies"]')!.textContent!.trim()).to.equal('1 new reply — show');
    expect($(thread, '[part="new-comments"]')).to.equal(null);
    parentArticle().querySelector<HTMLButtonElement>('[part="new-replies"]')!.click();
    await waitUntil(() => $(thread, `article[data-id="${id}"]`), 'pressing did not show the reply');
    expect(parentArticle().closest('li')!.contains($(thread, `article[data-id="${id}"]`))).to.equal(true);
  });

  it('a signature posted elsewhere moves the count and the goal in place and appears in the list', async () => {
    const {card, list} = await liveCard(server.endpoint, server.statement);
    const count = Number($(card, '[part="goal"] progress')!.getAttribute('value') ?? $<HTMLProgressElement>(card, '[part="goal"] progress')!.value);
    await postSignature(server.endpoint, server.statement, 'Live Lena');
    await waitUntil(() => $<HTMLProgressElement>(card, '[part="goal"] progress')!.value === count + 1, 'the goal did not move');
    expect(text(card, '[part="goal"]')).to.equal(`${count + 1} of 100 signatures`);
    await waitUntil(() => text(list, '[part="heading"]')?.startsWith(`${count + 1} `), 'the heading did not count the signature');
    await waitUntil(() => $$(list, '[part~="name"]').some((n) => n.textContent!.includes('Live Lena')), 'the signatory did not appear in the list');
  });

  it('a note the publisher adds appears in the card', async () => {
    const id = await referenceServer.putStatement({id: 'live-notes'});
    const {card} = await liveCard(server.endpoint, id);
    expect($(card, '[part="note"]')).to.equal(null);
    await referenceServer.putStatement({id: 'live-notes', notes: [{label: 'Update', text: 'The council meets on Friday.'}]});
    await waitUntil(() => $(card, '[part="note"]'), 'the note did not appear');
    expect(text(card, '[part="note"]')).to.contain('The council meets on Friday.');
  });

  it('after the server restarts, the stream resumes and brings what was written meanwhile', async function () {
    this.timeout(30_000);
    const {thread} = await liveCard(server.endpoint, server.statement);
    await referenceServer.stop();
    const id = await referenceServer.writeComment(server.statement, 'Written while the server was down.');
    await referenceServer.resume();
    await waitFor(() => $(thread, '[part="new-comments"]'), 'the missed comment did not arrive after the restart', 20_000);
    expect(text(thread, '[part="new-comments"]')).to.equal('1 new comment — show');
    $<HTMLButtonElement>(thread, '[part="new-comments"]')!.click();
    await waitUntil(() => $(thread, `article[data-id="${id}"]`), 'pressing did not show the comment');
  });

  it('closes the stream when the element leaves the page', async () => {
    const {card} = await liveCard(server.endpoint, server.statement);
    card.remove();
    await waitUntil(async () => (await referenceServer.liveStreams()) === 0, 'the stream stayed open');
  });
});

describe('live: a server without the events route', () => {
  let spy: ReturnType<typeof spyEventSources>;
  beforeEach(() => (spy = spyEventSources()));
  afterEach(() => spy.restore());

  it('is simply not live: one attempt, then no retries, and the widgets work as without live', async () => {
    // Served by the test server itself, which answers 404 (not an event stream) for the events route.
    const api = new FakeEndpoint({statement: wireStatement({id: 's'})}, `${location.origin}/no-live-route/v1`);
    try {
      const card = await fixture<StatementCard>(html`<statement-card live lang="en" endpoint=${api.base} statement="s">
        <comment-thread></comment-thread>
      </statement-card>`);
      await settled(card.querySelector('comment-thread')!);
      await waitUntil(() => spy.opened.length === 1 && spy.opened[0].readyState === EventSource.CLOSED, 'the stream was not tried and closed');
      // A dropped stream reconnects at once when the page shows again; one that is not live stays closed.
      document.dispatchEvent(new Event('visibilitychange'));
      expect(spy.opened.length).to.equal(1);
      expect($(card, '[part="title"]')).to.not.equal(null);
    } finally {
      api.restore();
    }
  });
});
