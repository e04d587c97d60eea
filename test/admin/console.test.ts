import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../../src/elements/statement-card/statement-card.js';
import '../../src/elements/signatory-list/signatory-list.js';
import '../../src/elements/comment-thread/comment-thread.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {referenceServer, SERVER_START_TIMEOUT} from '../helpers/reference-server.js';
import {settled} from '../helpers/dom.js';
import {deep, deepAll, focused, go, mountConsole, signIn, startConsoleServer, typeInto, type ConsoleServer} from './console-harness.js';

// One file: the tests share the page's cookie jar (one console session at a time).

const ID = 'coalition-letter';

/** 30 organisations, and a malformed row (no name) between them: line 12 of the file. */
function coalitionCsv(): string {
  const lines = ['Organisation name;Type;City;Contact e-mail'];
  for (let i = 1; i <= 30; i++) {
    lines.push(`"Réseau ${i}, coop";Organisation;Montréal;contact${i}@example.org`);
    if (i === 10) lines.push(';Organisation;Nowhere;broken@example.org');
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The public widgets on another page, reloaded until `ready` holds (GETs may be cached for a few seconds). */
async function publicPage(endpoint: string, statement: string, ready: (card: StatementCard) => boolean, maxDepth = 3) {
  let card: StatementCard | undefined;
  await waitUntil(async () => {
    card?.remove();
    card = await fixture<StatementCard>(html`<statement-card lang="en" endpoint=${endpoint} statement=${statement}>
      <signatory-list></signatory-list><comment-thread max-depth=${maxDepth}></comment-thread></statement-card>`);
    // Each widget has loaded (or failed): what this copy of the page shows is final.
    await Promise.all(['signatory-list', 'comment-thread'].map((tag) => settled(card!.querySelector(tag)!)));
    return ready(card);
  }, 'the public page did not show the change', {timeout: 20000, interval: 50});
  return card!;
}
const shadowText = (el: Element | null) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('console: a campaign from creation to moderation, seen on the public page', function () {
  this.timeout(60000);
  let server: ConsoleServer;
  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    server = await startConsoleServer();
    localStorage.clear();
  });

  it('creates a statement, imports 30 organisations, adds an update, approves a comment, hides a signatory', async () => {
    const el = await mountConsole(server);
    await signIn(el);

    // Create, with pre-moderation on.
    go('#new');
    await waitUntil(() => deep(el, 'console-statement-editor', '#id'), 'no editor');
    const editor = () => deep(el, 'console-statement-editor')!;
    typeInto(deep(editor(), '#id'), ID);
    typeInto(deep(editor(), '#title'), 'A letter from the coalition');
    typeInto(deep(editor(), '#body'), '<p>We, the undersigned, <script>alert(1)</script><strong>ask</strong>.</p>');
    await waitUntil(() => deep(editor(), '.preview strong'), 'the preview did not render the body');
    expect(deep(editor(), '.preview script'), 'the preview runs the widgets\' sanitiser').to.equal(null);
    deep<HTMLInputElement>(editor(), 'input[name=moderation]')!.click();
    await expect(el).to.be.accessible();
    deep<HTMLButtonElement>(editor(), 'button[type=submit]')!.click();
    await waitUntil(() => location.hash === `#edit/${ID}`, 'creating did not open the statement');

    // Import the coalition's spreadsheet: check first (nothing written), then import.
    go(`#import/${ID}`);
    await waitUntil(() => deep(el, 'console-import-view', '#csv-text'), 'no import view');
    const importer = () => deep(el, 'console-import-view')!;
    const pasted = deep<HTMLTextAreaElement>(importer(), '#csv-text')!;
    pasted.value = coalitionCsv();
    pasted.dispatchEvent(new Event('change'));
    await waitUntil(() => deep(importer(), '#map-name'), 'no column mapping');
    expect(deep<HTMLSelectElement>(importer(), '#map-name')!.value).to.equal('0');
    expect(deep<HTMLSelectElement>(importer(), '#map-email')!.value).to.equal('3');
    // "City" is not guessed: map it by hand.
    const city = deep<HTMLSelectElement>(importer(), '#map-location')!;
    city.value = '2';
    city.dispatchEvent(new Event('change'));
    const button = (label: RegExp) => deepAll<HTMLButtonElement>(importer(), 'button').find((b) => label.test(b.textContent!));
    button(/^Check 31 rows/)!.click();
    await waitUntil(() => button(/Import 30 new/), 'the check did not offer to import 30');
    expect(deep(importer(), '[role=alert]')!.textContent).to.match(/Line 12: name/);
    expect((await fetch(`${server.endpoint}/statements/${ID}`, {cache: 'no-store'}).then((r) => r.json())).signatories.count).to.equal(0);
    await expect(el).to.be.accessible();
    button(/Import 30 new/)!.click();
    await waitUntil(() => /Imported 30 signatories/.test(shadowText(importer())), 'the import did not report 30');
    // The same file again adds nobody.
    button(/^Check 31 rows/)!.click();
    await waitUntil(() => /0 would be added, 30 already there, 1 with errors/.test(shadowText(importer())));

    // An "Update:" note.
    go(`#edit/${ID}`);
    await waitUntil(() => deep(el, 'console-statement-editor', '.notes button'), 'no notes');
    deepAll<HTMLButtonElement>(editor(), '.notes > button')[0]!.click();
    await waitUntil(() => deep(editor(), '#note-text-0'));
    typeInto(deep(editor(), '#note-text-0'), '30 organisations have joined.');
    deep<HTMLButtonElement>(editor(), 'button[type=submit]')!.click();
    await waitUntil(() => /Saved/.test(shadowText(editor())), 'the note was not saved');

    // A reader's comment waits for approval; the moderator approves it by keyboard.
    const posted = await fetch(`${server.endpoint}/statements/${ID}/comments`, {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({author: {name: 'Ada Reader', email: 'ada@example.org'}, body: 'Count me in.'}),
    });
    expect(((await posted.json()) as {status: string}).status, 'pre-moderation is on').to.equal('pending');
    go(`#queue/${ID}`);
    const queue = () => deep(el, 'console-moderation-queue')!;
    await waitUntil(() => deep(queue(), 'li'), 'the comment is not in the queue');
    expect(shadowText(queue())).to.contain('ada@example.org');
    deep(queue(), 'li')!.focus();
    await sendKeys({press: 'a'});
    await waitUntil(() => /Approved “Ada Reader”/.test(shadowText(queue())), 'a did not approve');

    // Hide a signatory found by searching the published ones.
    const status = deep<HTMLSelectElement>(queue(), '#status')!;
    status.value = 'published';
    status.dispatchEvent(new Event('change'));
    typeInto(deep(queue(), '#q'), 'Réseau 7,');
    deep<HTMLButtonElement>(queue(), 'form button')!.click();
    await waitUntil(() => deepAll(queue(), 'li').length === 1 && /Réseau 7, coop/.test(deep(queue(), 'li')!.textContent!), `the search found: ${deepAll(queue(), 'li strong').map((e) => e.textContent).join(', ')}`, {timeout: 5000});
    deepAll<HTMLButtonElement>(queue(), 'li button').find((b) => b.textContent === 'Hide')!.click();
    await waitUntil(() => /Hid “Réseau 7, coop”/.test(shadowText(queue())), 'hiding was not reported', {timeout: 5000})
      .catch((err: Error) => {
        throw new Error(`${err.message}: ${shadowText(queue())}`);
      });

    // A second page: the public widgets show every change.
    const card = await publicPage(server.endpoint, ID, (c) =>
      /30 organisations have joined/.test(shadowText(c)) &&
      /Count me in/.test(shadowText(c.querySelector('comment-thread'))) &&
      /29 organi[sz]ations/i.test(shadowText(c.querySelector('signatory-list'))));
    expect(shadowText(card.querySelector('signatory-list'))).not.to.contain('Réseau 7,');
    expect(shadowText(card)).to.contain('Update');
  });

  it('imports a Disqus export, replies four deep, as the same thread; again adds nothing', async () => {
    const el = await mountConsole(server, `#import/${server.statement}`);
    await signIn(el);
    await waitUntil(() => deep(el, 'console-import-view', '#disqus-file'));
    const importer = () => deep(el, 'console-import-view')!;
    const xml = await (await fetch(new URL('./disqus-sample.xml', import.meta.url))).text();
    const input = deep<HTMLInputElement>(importer(), '#disqus-file')!;
    const files = new DataTransfer();
    files.items.add(new File([xml], 'disqus.xml', {type: 'application/xml'}));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => deep(importer(), '#disqus-thread'), 'the export was not read');
    const button = (label: RegExp) => deepAll<HTMLButtonElement>(importer(), 'button').find((b) => label.test(b.textContent!));
    button(/^Import comments/)!.click();
    await waitUntil(() => /Imported 6 comments, 0 already there/.test(shadowText(importer())), shadowText(importer()));
    button(/^Import comments/)!.click();
    await waitUntil(() => /Imported 0 comments, 6 already there/.test(shadowText(importer())));

    const card = await publicPage(server.endpoint, server.statement,
      (c) => /Fourth level/.test(shadowText(c.querySelector('comment-thread'))), 5);
    const thread = card.querySelector('comment-thread')!.shadowRoot!;
    const deepest = [...thread.querySelectorAll('[part="comment"]')].find((c) => /Fourth level/.test(c.textContent!))!;
    let depth = 0;
    for (let n: Element | null = deepest; n; n = n.parentElement) if (n.matches('ol.replies')) depth++;
    expect(depth, 'the fourth-level reply is nested four deep').to.equal(4);
    expect(deepest.textContent).to.contain('Dora');
    // Markup became plain text; the link kept as its address.
    expect(shadowText(card.querySelector('comment-thread'))).to.contain('see the map (https://example.org/map)');
    expect(thread.querySelector('[part="body"] b')).to.equal(null);
  });

  it('is operable by keyboard alone: j/k move, x selects, h hides the selection, u undoes', async () => {
    for (const name of ['Kim One', 'Kim Two']) {
      await fetch(`${server.endpoint}/statements/${ID}/comments`, {
        method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({author: {name}, body: `From ${name}.`}),
      });
    }
    const el = await mountConsole(server, `#queue/${ID}`);
    await signIn(el);
    const queue = () => deep(el, 'console-moderation-queue')!;
    await waitUntil(() => deepAll(queue(), 'li').length === 2, 'two pending comments');
    await expect(el).to.be.accessible();
    deep(queue(), 'li')!.focus();
    await sendKeys({press: 'j'});
    await waitUntil(() => focused() === deepAll(queue(), 'li')[1]);
    await sendKeys({press: 'k'});
    await waitUntil(() => focused() === deepAll(queue(), 'li')[0]);
    await sendKeys({press: 'x'});
    await sendKeys({press: 'j'});
    await sendKeys({press: 'x'});
    await waitUntil(() => deepAll<HTMLInputElement>(queue(), 'li input:checked').length === 2, 'x did not select');
    await sendKeys({press: 'h'});
    await waitUntil(() => /Hid 2 items/.test(shadowText(queue())) && deepAll(queue(), 'li').length === 0);
    deep(queue(), 'h1')!.focus();
    await sendKeys({press: 'Tab'}); // the filters, then …
    deep<HTMLButtonElement>(queue(), '[role=status] button')!.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => deepAll(queue(), 'li').length === 2, 'undo did not bring them back');
    // Delete, undone within the time: nothing is deleted.
    deep(queue(), 'li')!.focus();
    await sendKeys({press: 'd'});
    await waitUntil(() => deepAll(queue(), 'li').length === 1);
    await sendKeys({press: 'u'});
    await waitUntil(() => deepAll(queue(), 'li').length === 2, 'undo did not keep the deleted comment');
  });

  it('makes invitations, shows their links once, lists who signed, withdraws an unused one', async () => {
    const id = await referenceServer.putStatement({id: 'by-invite', signing: 'invite'});
    const el = await mountConsole(server, `#invitations/${id}`);
    await signIn(el);
    const view = () => deep(el, 'console-invitations-view')!;
    await waitUntil(() => /No invitations yet/.test(shadowText(view())), 'the invitations view did not load');
    expect(deep(view(), "h1")!.textContent).to.equal("Invitations to “Statement by-invite”");
    expect(shadowText(view())).to.contain('0 unused · 0 used · 0 withdrawn');
    await expect(el).to.be.accessible();

    // Two anonymous links: bare tokens until the page's address is given.
    typeInto(deep(view(), '#count'), '2');
    deepAll<HTMLButtonElement>(view(), 'button').find((b) => b.textContent === 'Make links')!.click();
    await waitUntil(() => deep(view(), '#links') && focused() === deep(view(), '#made-heading'), 'focus did not go to the new links');
    const tokens = deep<HTMLTextAreaElement>(view(), '#links')!.value.split('\n');
    expect(tokens).to.have.length(2);
    typeInto(deep(view(), '#page-url'), 'https://news.example/letter');
    await waitUntil(() => deep<HTMLTextAreaElement>(view(), '#links')!.value.startsWith('https://'));
    expect(deep<HTMLTextAreaElement>(view(), '#links')!.value.split('\n')).to.deep.equal(
      tokens.map((t) => `https://news.example/letter?invite=${encodeURIComponent(t)}`));
    await expect(el).to.be.accessible();

    // A reader signs with the first link's token.
    const sign = (invite: string) => fetch(`${server.endpoint}/statements/${id}/signatories`, {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({name: 'Invited Ines', kind: 'individual', public: true, invite}),
    });
    expect((await sign(tokens[0]!)).status).to.equal(201);

    // By address: a typo is shown at the field, with what was typed kept.
    typeInto(deep(view(), '#emails'), 'ana@example.org, not-an-address');
    deepAll<HTMLButtonElement>(view(), 'button').find((b) => b.textContent === 'Invite these addresses')!.click();
    await waitUntil(() => deep(view(), '#emails-error'), 'no error for a typo');
    expect(deep(view(), '#emails-error')!.textContent).to.equal('Not e-mail addresses: not-an-address.');
    await waitUntil(() => focused() === deep(view(), '#emails'), 'focus did not go to the field with the typo');
    expect(deep<HTMLTextAreaElement>(view(), '#emails')!.value).to.equal('ana@example.org, not-an-address');
    typeInto(deep(view(), '#emails'), 'ana@example.org\nbo@example.org');
    deepAll<HTMLButtonElement>(view(), 'button').find((b) => b.textContent === 'Invite these addresses')!.click();
    await waitUntil(() => /ana@example\.org\t/.test(deep<HTMLTextAreaElement>(view(), '#links')?.value ?? ''), 'no links for the addresses');
    expect(deep<HTMLTextAreaElement>(view(), '#links')!.value.split('\n').map((l) => l.split('\t')[0])).to.deep.equal(['ana@example.org', 'bo@example.org']);

    // Who was invited and who signed.
    // Oldest first; those made together in no particular order.
    const cells = (r: Element) => [...r.querySelectorAll('td')].slice(0, 4).map((td, i) => (i === 1 ? '' : td.textContent!.trim()));
    const rows = () => deepAll(view(), 'tbody tr').map(cells).sort((a, b) => a.join().localeCompare(b.join()));
    await waitUntil(() => rows().length === 4, 'the list did not follow');
    expect(rows()).to.deep.equal([
      ['ana@example.org', '', 'Unused', ''],
      ['Anonymous link', '', 'Unused', ''],
      ['Anonymous link', '', 'Used', 'Invited Ines'],
      ['bo@example.org', '', 'Unused', ''],
    ]);
    expect(shadowText(view())).to.contain('3 unused · 1 used · 0 withdrawn');

    // Withdraw the unused anonymous link: its token no longer signs.
    const unusedLink = deepAll(view(), 'tbody tr').find((r) => cells(r).join() === 'Anonymous link,,Unused,')!;
    unusedLink.querySelector('button')!.click();
    await waitUntil(() => cells(unusedLink)[2] === 'Withdrawn', 'withdrawing did not show');
    expect(shadowText(view())).to.contain('2 unused · 1 used · 1 withdrawn');
    expect((await sign(tokens[1]!)).status).to.equal(422);
    expect((await sign(tokens[0]!)).status, 'a used token signs no one else').to.equal(422);
  });

  it('shows a mail that failed for good, with the server\'s answer, and queues it again', async () => {
    const id = await referenceServer.putStatement({id: 'mailing', confirmation: 'email'});
    const to = `bounce-${Date.now()}@example.org`;
    const signed = await fetch(`${server.endpoint}/statements/${id}/signatories`, {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({name: 'Nobody Home', kind: 'individual', public: true, email: to}),
    });
    expect(signed.status).to.equal(201);
    const el = await mountConsole(server, '#mail');
    await signIn(el);
    const view = () => deep(el, 'console-mail-view')!;
    const row = () => deepAll(view(), 'tbody tr').find((r) => r.textContent!.includes(to));
    // Failed is what the view shows first; the sender may take a moment to give up.
    await waitUntil(async () => {
      if (row()) return true;
      deep<HTMLSelectElement>(view(), '#show')!.dispatchEvent(new Event('change'));
      return false;
    }, 'the failed mail is not listed', {timeout: 20000, interval: 200});
    expect(row()!.textContent).to.contain('550 5.1.1 No such mailbox');
    expect(row()!.textContent).to.contain('Confirm your signature: Statement mailing');
    await expect(el).to.be.accessible();
    row()!.querySelector('button')!.click();
    await waitUntil(() => /Queued again/.test(shadowText(view())), 'sending again did not say so');
  });

  it('marks an organisation verified by hand for its web site\'s domain, and takes it back', async () => {
    const id = await referenceServer.putStatement({id: 'verify-by-hand'});
    const signed = await fetch(`${server.endpoint}/statements/${id}/signatories`, {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({name: 'Riverkeepers', kind: 'organization', url: 'https://www.riverkeepers.org/about', public: true}),
    });
    expect(signed.status).to.equal(201);
    const verifiedOnWire = async () =>
      ((await (await fetch(`${server.endpoint}/statements/${id}/signatories`, {cache: 'no-store'})).json()) as {items: {verified?: {domain: string}}[]}).items[0]!.verified;
    expect(await verifiedOnWire()).to.equal(undefined);

    const el = await mountConsole(server, `#queue/${id}`);
    await signIn(el);
    const queue = () => deep(el, 'console-moderation-queue')!;
    const status = deep<HTMLSelectElement>(queue(), '#status')!;
    status.value = 'published';
    status.dispatchEvent(new Event('change'));
    const button = (label: string) => deepAll<HTMLButtonElement>(queue(), 'li button').find((b) => b.textContent === label);
    await waitUntil(() => button('Verify'), 'no Verify button for an organisation with a web site');
    expect(button('Verify')!.getAttribute('aria-label')).to.equal('Verify Riverkeepers for the domain of https://www.riverkeepers.org/about');
    button('Verify')!.click();
    await waitUntil(() => /verified: riverkeepers\.org/.test(shadowText(queue())), 'the item does not say it is verified');
    expect(await verifiedOnWire()).to.deep.equal({domain: 'riverkeepers.org'});
    await expect(el).to.be.accessible();
    button('Not verified')!.click();
    await waitUntil(() => button('Verify'), 'taking it back did not show');
    expect(await verifiedOnWire()).to.equal(undefined);
  });

  it('keeps unsaved edits across a reload, and offers to discard them', async () => {
    let el = await mountConsole(server, `#edit/${ID}`);
    await signIn(el);
    await waitUntil(() => deep<HTMLInputElement>(el, 'console-statement-editor', '#title')?.value, 'the editor did not load');
    typeInto(deep(el, 'console-statement-editor', '#title'), 'A letter, retitled');
    el.remove();
    el = await mountConsole(server, `#edit/${ID}`);
    await waitUntil(() => deep<HTMLInputElement>(el, 'console-statement-editor', '#title')?.value === 'A letter, retitled', 'the draft was lost');
    expect(shadowText(deep(el, 'console-statement-editor'))).to.contain('Unsaved changes from');
    deepAll<HTMLButtonElement>(el, 'console-statement-editor', 'button').find((b) => /Discard/.test(b.textContent!))!.click();
    await waitUntil(() => deep<HTMLInputElement>(el, 'console-statement-editor', '#title')?.value === 'A letter from the coalition', 'discarding did not restore the stored title');
  });

  it('has no axe violations on the list and moderation views, and works 375 px wide', async () => {
    const el = await mountConsole(server, '#statements');
    await signIn(el);
    await waitUntil(() => deep(el, 'console-statement-list', 'table'));
    el.style.width = '375px';
    await expect(el).to.be.accessible();
    expect(el.scrollWidth).to.be.at.most(375 + 1);
    go('#queue');
    await waitUntil(() => deep(el, 'console-moderation-queue', 'h1'));
    await waitUntil(() => !/Loading/.test(shadowText(deep(el, 'console-moderation-queue'))));
    await expect(el).to.be.accessible();
    expect(el.scrollWidth).to.be.at.most(375 + 1);
  });
});

describe('console: sign-in, session and the statements list', () => {
  let server: ConsoleServer;
  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    server = await startConsoleServer();
  });
  const signOut = async () => {
    const session = await fetch(`${server.api}/admin/session`);
    if (session.ok) {
      const {csrf_token} = (await session.json()) as {csrf_token: string};
      await fetch(`${server.api}/admin/session`, {method: 'DELETE', headers: {'X-CSRF-Token': csrf_token}});
    }
  };
  // Each test starts signed out.
  beforeEach(signOut);
  afterEach(signOut);

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
