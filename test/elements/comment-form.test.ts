import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/comment-form/comment-form.js';
import type {CommentForm} from '../../src/elements/comment-form/comment-form.js';
import {referenceServer, referenceServerPerSuite, visibleComments} from '../helpers/reference-server.js';
import {shadow, waitUntil} from '../helpers/dom.js';

const field = (el: CommentForm, id: string) => shadow(el).querySelector<HTMLInputElement>(`#${id}`)!;
const submitButton = (el: CommentForm) => shadow(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!;

async function form(endpoint: string, statement: string, parentId?: string): Promise<CommentForm> {
  const el = await fixture<CommentForm>(
    html`<comment-form lang="en" endpoint=${endpoint} statement=${statement} parent-id=${parentId ?? ''}></comment-form>`
  );
  await waitUntil(() => shadow(el).querySelector('form, [part~="closed"]'), 'the form did not appear');
  return el;
}

describe('<comment-form> against the reference server', () => {
  const server = referenceServerPerSuite();
  beforeEach(() => localStorage.clear());

  it('posts a reply by keyboard alone, with a live character count', async () => {
    const before = await visibleComments(server.endpoint, server.statement);
    const el = await form(server.endpoint, server.statement, 'c1');
    await expect(el).to.be.accessible();
    field(el, 'body').focus();
    await sendKeys({type: 'I agree.'});
    expect(shadow(el).querySelector('#body-hint')?.textContent).to.equal('8 / 10,000');
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Ruth Okafor'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'ruth@example.org'});
    const posted = oneEvent(el, 'undersigned-comment');
    await sendKeys({press: 'Enter'});
    const {detail} = await posted;
    expect(detail.status).to.equal('published');
    expect(detail.comment).to.include({parentId: 'c1', body: 'I agree.'});
    expect(JSON.stringify(detail)).not.to.contain('ruth@example.org');
    expect(await visibleComments(server.endpoint, server.statement)).to.equal(before + 1);
  });

  it('says a comment awaits approval where the statement is moderated', async () => {
    const moderated = await referenceServer.putStatement({id: 'moderated', moderation: 'pre'});
    const el = await form(server.endpoint, moderated);
    field(el, 'body').focus();
    await sendKeys({type: 'Held for review'});
    field(el, 'name').focus();
    await sendKeys({type: 'Quiet Reader'});
    const posted = oneEvent(el, 'undersigned-comment');
    submitButton(el).click();
    expect((await posted).detail.status).to.equal('pending');
    await waitUntil(() => shadow(el).querySelector('[role="status"]')?.textContent?.includes('awaiting approval'));
    expect(await visibleComments(server.endpoint, moderated)).to.equal(0);
  });

  it('shows missing fields at the fields, focusing the first', async () => {
    const el = await form(server.endpoint, server.statement);
    submitButton(el).click();
    await waitUntil(() => field(el, 'body').getAttribute('aria-invalid') === 'true');
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(field(el, 'body'));
    await expect(el).to.be.accessible();
  });

  it('keeps line breaks in a body but refuses other control characters, as the server does', async () => {
    for (const [body, valid] of [['Two\nlines', true], ['Bell\u0007', false], ['\u200b\u200d', false]] as const) {
      const answer = await fetch(`${server.endpoint}/statements/${server.statement}/comments`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({parent_id: null, author: {name: 'Ana'}, body}),
      });
      expect(answer.status, `server on ${JSON.stringify(body)}`).to.equal(valid ? 201 : 422);
      const el = await form(server.endpoint, server.statement);
      for (const [id, value] of [['name', 'Ana'], ['body', body]]) {
        field(el, id).value = value;
        field(el, id).dispatchEvent(new Event('input'));
      }
      submitButton(el).click();
      await waitUntil(
        () => field(el, 'body').getAttribute('aria-invalid') === 'true' || shadow(el).querySelector('[part="confirmation"]'),
        'the form decided nothing'
      );
      expect(field(el, 'body').getAttribute('aria-invalid') !== 'true', `form on ${JSON.stringify(body)}`).to.equal(valid);
    }
  });

  it('says when the comment a reply answers is gone, keeping the text', async () => {
    const el = await form(server.endpoint, server.statement, 'no-such-comment');
    field(el, 'body').focus();
    await sendKeys({type: 'Hello?'});
    field(el, 'name').focus();
    await sendKeys({type: 'Someone'});
    const failed = oneEvent(el, 'undersigned-error');
    submitButton(el).click();
    expect((await failed).detail.error.status).to.equal(404);
    await waitUntil(() => shadow(el).querySelector('[role="alert"]')?.textContent?.trim());
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('is no longer there');
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).not.to.contain('try again');
    expect(field(el, 'body').value).to.equal('Hello?');
  });

  it('cancels a reply form with Escape', async () => {
    const el = await form(server.endpoint, server.statement, 'c1');
    field(el, 'name').focus();
    const cancelled = oneEvent(el, 'undersigned-cancel');
    await sendKeys({press: 'Escape'});
    await cancelled;
  });

  it('says comments are closed instead of showing the form', async () => {
    const quiet = await referenceServer.putStatement({id: 'quiet', comments_open: false});
    const el = await form(server.endpoint, quiet);
    expect(shadow(el).querySelector('form')).to.equal(null);
    expect(shadow(el).textContent).to.contain('Comments are closed.');
  });
});
