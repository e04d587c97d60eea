import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/statement-card/statement-card.js';
import '../../src/elements/comment-thread/comment-thread.js';
import type {CommentThread} from '../../src/elements/comment-thread/comment-thread.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {$, settled, waitFor, waitUntil} from '../helpers/dom.js';
import {threadHarness} from '../helpers/harness.js';
import {referenceServer, referenceServerPerSuite, visibleComments} from '../helpers/reference-server.js';

const threadOf = (card: StatementCard) => card.querySelector('comment-thread') as CommentThread;
/** The open reply form's shadow root. */
const replyForm = (thread: CommentThread) => threadHarness(thread).replyForm();

async function page(endpoint: string, statement: string): Promise<CommentThread> {
  const card = await fixture<StatementCard>(html`<statement-card lang="en" endpoint=${endpoint} statement=${statement}>
    <comment-thread></comment-thread>
  </statement-card>`);
  const thread = threadOf(card);
  await settled(thread);
  return thread;
}

/** The deepest element focused, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('the discussion, end to end against the reference server', () => {
  const server = referenceServerPerSuite();
  beforeEach(() => localStorage.clear());

  it('opens one reply form at a time; Escape closes it and returns focus to its Reply button', async () => {
    const thread = await page(server.endpoint, server.statement);
    await waitUntil(() => $(thread, '[part="reply-button"]'), 'no Reply buttons');
    const replyButtons = () => [...thread.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="reply-button"]')];
    replyButtons()[0].focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => replyForm(thread)?.querySelector('textarea') === focused(), 'focus did not move into the form');
    expect(replyButtons()[0].getAttribute('aria-expanded')).to.equal('true');
    await expect(thread).to.be.accessible();
    replyButtons()[1].click();
    await waitUntil(() => thread.shadowRoot!.querySelectorAll('comment-form[parent-id]').length === 1);
    expect($(thread, 'comment-form[parent-id]')!.getAttribute('parent-id')).to.equal(replyButtons()[1].dataset.replyTo);
    await sendKeys({press: 'Escape'});
    await waitUntil(() => !replyForm(thread), 'Escape did not close the form');
    await waitUntil(() => focused() === replyButtons()[1], 'focus did not return to the Reply button');
  });

  it('posts a reply by keyboard, which appears under the comment it answers, and updates the count', async () => {
    const before = await visibleComments(server.endpoint, server.statement);
    const thread = await page(server.endpoint, server.statement);
    const heading = () => $(thread, '[part="heading"]')!.textContent!.trim();
    expect(heading()).to.equal(`${before} comments`);
    await waitUntil(() => $(thread, '[part="reply-button"]'), 'no Reply buttons');
    const first = $<HTMLButtonElement>(thread, '[part="reply-button"]')!;
    const parentId = first.dataset.replyTo!;
    first.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => replyForm(thread)?.querySelector('textarea') === focused());
    await sendKeys({type: 'A reply typed with the keyboard.'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Keyboard Kim'});
    const posted = oneEvent(thread, 'undersigned-comment');
    await sendKeys({press: 'Enter'});
    const {detail} = await posted;
    expect(detail.comment.parentId).to.equal(parentId);
    await waitUntil(() => !replyForm(thread), 'the reply form stayed open');
    const reply = $(thread, `article[data-id="${detail.comment.id}"]`)!;
    expect(reply.textContent).to.contain('A reply typed with the keyboard.');
    // Nested: the reply's list item sits inside the parent's list item.
    const parentItem = $(thread, `article[data-id="${parentId}"]`)!.closest('li')!;
    expect(parentItem.contains(reply)).to.equal(true);
    expect(heading()).to.equal(`${before + 1} comments`);
    expect($(thread, '[role="status"][aria-live]')!.textContent).to.contain('Your comment has been posted.');
    expect(await visibleComments(server.endpoint, server.statement)).to.equal(before + 1);
  });

  it('nests a reply to a reply one level deeper', async () => {
    const thread = threadHarness(await page(server.endpoint, server.statement));
    const parent = thread.rootBodies()[0]!;
    await thread.reply(parent, 'First answer.', 'Ana');
    await waitFor(() => thread.comment('First answer.'), 'the reply is not shown');
    await thread.reply('First answer.', 'Answer to the answer.', 'Ben');
    await waitFor(() => thread.comment('Answer to the answer.'), 'the second reply is not shown');
    const item = (body: string) => thread.comment(body)!.closest('li')!;
    expect(item(parent).contains(item('First answer.'))).to.equal(true);
    expect(item('First answer.').contains(item('Answer to the answer.'))).to.equal(true);
  });

  it('marks a held comment as awaiting approval, for its author only, across a reload', async () => {
    const held = await referenceServer.putStatement({id: 'held', moderation: 'pre'});
    const thread = await page(server.endpoint, held);
    const form = $(thread, 'comment-form:not([parent-id])')!.shadowRoot!;
    (form.querySelector('textarea') as HTMLTextAreaElement).focus();
    await sendKeys({type: 'Please approve me.'});
    (form.querySelector('#name') as HTMLInputElement).focus();
    await sendKeys({type: 'Held Author'});
    const posted = oneEvent(thread, 'undersigned-comment');
    (form.querySelector('[part="submit-button"]') as HTMLButtonElement).click();
    expect((await posted).detail.status).to.equal('pending');
    await waitUntil(() => $(thread, '[part="pending"]'), 'not marked as pending');
    expect($(thread, '[part="pending"]')!.textContent).to.contain('Awaiting approval');
    // Not "0 comments" above it: the author sees their own comment counted.
    expect($(thread, '[part="heading"]')!.textContent!.trim()).to.equal('1 comment');
    expect(await visibleComments(server.endpoint, held)).to.equal(0);
    // The author's browser still shows it after a reload; the server shows nobody else.
    const again = await page(server.endpoint, held);
    await waitUntil(() => $(again, '[part="pending"]'), 'the held comment was not kept');
  });
});
