import {expect, waitUntil} from '@open-wc/testing';
import {SERVER_START_TIMEOUT} from '../helpers/reference-server.js';
import {deep, deepAll, focused, mountConsole, signIn, startConsoleServer, type ConsoleServer} from './console-harness.js';

describe('console: sign-in, session and the statements list', () => {
  let server: ConsoleServer;
  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    server = await startConsoleServer();
  });
  afterEach(async () => {
    // Each test starts signed out.
    const session = await fetch(`${server.api}/admin/session`);
    if (session.ok) {
      const {csrf_token} = (await session.json()) as {csrf_token: string};
      await fetch(`${server.api}/admin/session`, {method: 'DELETE', headers: {'X-CSRF-Token': csrf_token}});
    }
  });

  it('refuses a wrong token, then signs in with the right one and lists the statements with their counts', async () => {
    const el = await mountConsole(server);
    await expect(el).to.be.accessible();
    await signIn(el, 'not-the-token');
    await waitUntil(() => deep(el, 'console-sign-in', '[role=alert]'), 'no error for a wrong token');
    expect(deep(el, 'console-sign-in', '[role=alert]')!.textContent).to.contain('not the admin token');
    expect(focused()).to.equal(deep(el, 'console-sign-in', '#token'));
    await signIn(el);
    await waitUntil(() => deep(el, 'console-statement-list', `tr[data-id="${server.statement}"]`), 'the statement is not listed');
    const row = deep(el, 'console-statement-list', `tr[data-id="${server.statement}"]`)!;
    expect(row.textContent).to.match(/\d+ published/);
    expect(row.textContent).to.match(/\d+ pending/);
    expect(deepAll(el, 'console-statement-list', 'progress')).to.have.length.greaterThan(0);
    await waitUntil(() => focused() === deep(el, 'console-statement-list', 'h1'), 'focus did not move to the list');
    await expect(el).to.be.accessible();
    // The token is kept nowhere in the browser.
    const stored = JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage}) + document.cookie;
    expect(stored).not.to.contain('test-admin-token');
  });

  it('keeps the session across a reload, and sign-out ends it on the server', async () => {
    let el = await mountConsole(server);
    await signIn(el);
    el.remove();
    el = await mountConsole(server);
    expect(deep(el, 'nav'), 'a reload asked for the token again').to.exist;
    deep<HTMLButtonElement>(el, 'button.signout')!.click();
    await waitUntil(() => deep(el, 'console-sign-in'), 'sign-out did not show the sign-in');
    expect((await fetch(`${server.api}/admin/statements`)).status).to.equal(401);
    expect((await fetch(`${server.api}/admin/session`)).status).to.equal(401);
  });

  it('refuses a cross-site POST that carries the session cookie', async () => {
    const el = await mountConsole(server);
    await signIn(el);
    const page = (await (await fetch(`${server.endpoint}/statements/${server.statement}/signatories?limit=1`)).json()) as {items: {id: string}[]};
    const id = page.items[0]!.id;
    const hide = `/v1/admin/statements/${server.statement}/signatories/${id}/hide`;
    // The server's own address is another origin (another port) than this
    // page, but the same site, so the browser sends the SameSite=Strict
    // cookie along with this body-less POST (no preflight needed).
    const otherOrigin = server.url.replace('127.0.0.1', 'localhost');
    await fetch(`${otherOrigin}${hide}`, {method: 'POST', credentials: 'include', mode: 'no-cors'});
    // From the console's own origin but without the CSRF token: refused too.
    expect((await fetch(`/ref/${new URL(server.url).port}${hide}`, {method: 'POST'})).status).to.equal(403);
    // Neither happened: the signatory is still listed.
    const after = (await (await fetch(`${server.endpoint}/statements/${server.statement}/signatories?limit=1`, {cache: 'no-store'})).json()) as {items: {id: string}[]};
    expect(after.items[0]!.id).to.equal(id);
  });
});
