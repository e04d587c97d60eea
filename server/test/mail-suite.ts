import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {MailConfig} from '../src/config.ts';
import {smtpTransport} from '../src/mail/transport.ts';
import type {RunningServer} from '../src/server.ts';
import type {Store} from '../src/store/store.ts';
import {admin, newStatement, postJson, request, serve, type StoreFactory} from './helpers.ts';
import {smtpListener, type SmtpListener} from './smtp.ts';

/** Resolves once `check` returns something truthy, looking every 25 ms (a poll, not a timing assumption). */
export async function until<T>(check: () => Promise<T | null | undefined | false>): Promise<T> {
  for (;;) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Mail config for a test server: SMTP at `smtpUrl`, quick retries, no long polls. */
export function testMail(smtpUrl: string, extra: Partial<MailConfig> = {}): MailConfig {
  return {
    transport: smtpTransport(new URL(smtpUrl), {timeoutMs: 10_000}),
    sender: {from: 'Letters <letters@example.org>', retryMs: 50, retryMaxMs: 200, pollMs: 100, leaseMs: 60_000},
    ...extra,
  };
}

/**
 * E-mail confirmation, withdrawal and the outbox (issue 9 items 1-3, 6)
 * against a real SMTP listener on loopback. pglite.test.ts and
 * postgres.test.ts run it on each database.
 */
export function mailSuite(label: string, factory: () => StoreFactory, skip: string | false = false): void {
  describe(`e-mail confirmation on ${label}`, {skip}, () => {
    let db: StoreFactory;
    let store: Store;
    let smtp: SmtpListener;
    let server: RunningServer;
    let api: string;

    before(async () => {
      db = factory();
      store = await db.open();
      smtp = await smtpListener({reject: /^bounce@/});
      server = await serve(store, {mail: testMail(smtp.url)});
      api = `${server.url}/v1`;
    });
    after(async () => {
      await server?.close();
      await smtp?.close();
      await store?.close();
      await db?.dispose();
    });

    const statement = (settings: Record<string, unknown> = {}) =>
      newStatement(api, {confirmation: 'email', url: 'https://letters.example/wren', ...settings});
    const sign = (id: string, body: Record<string, unknown>) => postJson(`${api}/statements/${id}/signatories`, body);
    const counts = async (id: string) => (await request(`${api}/statements/${id}`)).json.signatories;
    const listed = async (id: string) => (await request(`${api}/statements/${id}/signatories?limit=200`)).json.items;
    /** The next message to `to` (waits for it). */
    const mailTo = async (to: string, nth = 1) => {
      for (;;) {
        const found = smtp.messages.filter((m) => m.to.includes(to));
        if (found.length >= nth) return found[nth - 1]!;
        await smtp.waitFor(smtp.messages.length + 1);
      }
    };
    const press = (link: string) => request(link, {method: 'POST'});

    test('sign: kept unconfirmed, mailed a link; GET shows a button and changes nothing; the POST publishes, numbers and counts it', async () => {
      const id = await statement({title: 'Keep the Wren River whole'});
      const res = await sign(id, {name: 'Ana Lima', kind: 'individual', email: 'ana@example.org'});
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.status, 'unconfirmed');
      assert.equal('position' in res.json.signatory, false, 'no number before it is published');
      assert.deepEqual(await counts(id), {count: 0, listed: 0, open: true, email_required: true, confirmation: 'email'});
      assert.deepEqual(await listed(id), []);

      const mail = await mailTo('ana@example.org');
      assert.equal(mail.from, 'letters@example.org');
      assert.equal(mail.subject, 'Confirm your signature: Keep the Wren River whole');
      assert.match(mail.text, /Hello Ana Lima/);
      assert.ok(mail.confirm?.startsWith(`${server.url}/confirm/`), mail.text);
      assert.ok(mail.withdraw?.startsWith(`${server.url}/withdraw/`), mail.text);

      // A scanner opening the link confirms nothing.
      const page = await request(mail.confirm!);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type')!, /text\/html/);
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.match(page.headers.get('content-security-policy')!, /default-src 'none'/);
      assert.match(page.text, /<form method="post"><button type="submit">Confirm my signature<\/button><\/form>/);
      assert.equal((await counts(id)).count, 0);

      const done = await press(mail.confirm!);
      assert.equal(done.status, 200);
      assert.match(done.text, /Thank you: your signature is confirmed\./);
      assert.match(done.text, /<a href="https:\/\/letters\.example\/wren">Back to the statement<\/a>/);
      assert.equal((await counts(id)).count, 1);
      const items = await listed(id);
      assert.deepEqual(items.map((s: {name: string; position: number}) => [s.name, s.position]), [['Ana Lima', 1]]);

      const again = await press(mail.confirm!);
      assert.equal(again.status, 200);
      assert.match(again.text, /Your signature is already confirmed\./);
      assert.equal((await counts(id)).count, 1);
    });

    test('forged, mistyped and wrong-purpose links fail cleanly; an expired one says so', async () => {
      for (const link of [`${server.url}/confirm/${'A'.repeat(32)}`, `${server.url}/confirm/short`, `${server.url}/confirm/%3Cscript%3E`]) {
        const get = await request(link);
        assert.equal(get.status, 404, link);
        assert.match(get.text, /This link is not valid\./);
        assert.equal((await press(link)).status, 404);
      }
      const id = await statement();
      await sign(id, {name: 'Bo', kind: 'individual', email: 'bo@example.org'});
      const mail = await mailTo('bo@example.org');
      const swapped = mail.withdraw!.replace('/withdraw/', '/confirm/');
      assert.equal((await press(swapped)).status, 404, 'a withdrawal token does not confirm');
      assert.equal((await counts(id)).count, 0);

      // A server whose links expire at once.
      const quick = await serve(store, {mail: {confirmTtlMs: 1}});
      try {
        const res = await postJson(`${quick.url}/v1/statements/${id}/signatories`, {name: 'Late', kind: 'individual', email: 'late@example.org'});
        assert.equal(res.status, 201);
        const [row] = await store.listMail({limit: 1});
        assert.equal(row!.recipient, 'late@example.org');
        // Its mail is sent by the suite's sender, which shares the outbox.
        const late = await mailTo('late@example.org');
        const expired = await press(late.confirm!);
        assert.equal(expired.status, 410);
        assert.match(expired.text, /This link has expired\. Sign again to receive a new one\./);
        assert.equal((await counts(id)).count, 0);
      } finally {
        await quick.close();
      }
    });

    test('a signature without an address is refused where confirmation is on', async () => {
      const id = await statement();
      const res = await sign(id, {name: 'Anonymous', kind: 'individual'});
      assert.equal(res.status, 422);
      assert.ok(res.json.errors.email);
    });

    test('positions are given at publication, in that order, and never reused after a withdrawal', async () => {
      const id = await statement();
      for (const n of ['one', 'two', 'three']) await sign(id, {name: `Signer ${n}`, kind: 'individual', email: `${n}@positions.example`});
      const [one, two, three] = await Promise.all(['one', 'two', 'three'].map((n) => mailTo(`${n}@positions.example`)));
      await press(two!.confirm!);
      await press(one!.confirm!);
      assert.deepEqual((await listed(id)).map((s: {name: string; position: number}) => [s.name, s.position]),
        [['Signer two', 1], ['Signer one', 2]]);

      // Withdraw: a page with a button, then out of count and list, the address erased.
      const page = await request(two!.withdraw!);
      assert.equal(page.status, 200);
      assert.match(page.text, /Withdraw my signature/);
      assert.equal((await counts(id)).count, 2);
      const gone = await press(two!.withdraw!);
      assert.equal(gone.status, 200);
      assert.match(gone.text, /Your signature has been withdrawn and your e-mail address erased\./);
      assert.deepEqual(await counts(id), {count: 1, listed: 1, open: true, email_required: true, confirmation: 'email'});
      const rows = await store.allSignatories(id);
      const withdrawn = rows.find((r) => r.name === 'Signer two')!;
      assert.equal(withdrawn.status, 'withdrawn');
      assert.equal(withdrawn.email, null);
      assert.equal(withdrawn.position, 1, 'the number stays with the withdrawn signature');
      assert.match((await press(two!.withdraw!)).text, /already been withdrawn/);
      assert.match((await press(two!.confirm!)).text, /already been withdrawn/);

      await press(three!.confirm!);
      assert.deepEqual((await listed(id)).map((s: {name: string; position: number}) => [s.name, s.position]),
        [['Signer one', 2], ['Signer three', 3]]);
      // The address may sign again: a new signature, a new number.
      await sign(id, {name: 'Signer two again', kind: 'individual', email: 'two@positions.example'});
      await press((await mailTo('two@positions.example', 2)).confirm!);
      assert.equal((await listed(id)).at(-1).position, 4);
    });

    test('a second signature with an address is answered like a first and mails "you have already signed"', async () => {
      const id = await statement({title: 'Dup letter'});
      const first = await sign(id, {name: 'Cleo', kind: 'individual', email: 'cleo@example.org'});
      await press((await mailTo('cleo@example.org')).confirm!);
      const before = await counts(id);
      const second = await sign(id, {name: 'Cleo', kind: 'individual', email: 'CLEO@example.org'});
      assert.equal(second.status, first.status);
      assert.deepEqual(Object.keys(second.json).sort(), Object.keys(first.json).sort());
      assert.deepEqual(Object.keys(second.json.signatory).sort(), Object.keys(first.json.signatory).sort());
      assert.equal(second.json.status, 'unconfirmed');
      assert.deepEqual(await counts(id), before);
      const mail = await mailTo('CLEO@example.org');
      assert.equal(mail.subject, 'You have already signed: Dup letter');
      assert.equal(mail.confirm, null);
      assert.ok(mail.withdraw);

      // Not yet confirmed: the second signature brings a new confirmation link instead.
      const other = await statement();
      await sign(other, {name: 'Dee', kind: 'individual', email: 'dee@example.org'});
      await sign(other, {name: 'Dee', kind: 'individual', email: 'dee@example.org'});
      const resent = await mailTo('dee@example.org', 2);
      assert.ok(resent.confirm);
      await press(resent.confirm!);
      assert.equal((await counts(other)).count, 1);
      assert.match((await press((await mailTo('dee@example.org', 1)).confirm!)).text, /already confirmed/);
    });

    test('pre-moderation: a confirmed signature waits for approval and is numbered when approved', async () => {
      const id = await statement({moderation: 'pre'});
      await sign(id, {name: 'Eve', kind: 'individual', email: 'eve@example.org'});
      const done = await press((await mailTo('eve@example.org')).confirm!);
      assert.match(done.text, /once the publisher has approved it/);
      assert.equal((await counts(id)).count, 0);
      const pending = await admin(`${api}/admin/statements/${id}/pending`, 'GET');
      assert.equal(pending.json.signatories.length, 1);
      assert.equal((await admin(`${api}/admin/statements/${id}/signatories/${pending.json.signatories[0].id}/approve`, 'POST')).status, 204);
      assert.deepEqual((await listed(id)).map((s: {position: number}) => s.position), [1]);
    });

    test('an organisation confirming from its own domain is verified for it', async () => {
      const id = await statement();
      await sign(id, {name: 'Riverkeepers', kind: 'organization', url: 'https://www.riverkeepers.org', email: 'press@riverkeepers.org'});
      await sign(id, {name: 'Fake Riverkeepers', kind: 'organization', url: 'https://www.riverkeepers.org', email: 'x@evil-riverkeepers.org'});
      await press((await mailTo('press@riverkeepers.org')).confirm!);
      await press((await mailTo('x@evil-riverkeepers.org')).confirm!);
      const items = await listed(id);
      assert.deepEqual(items.map((s: {name: string; verified?: unknown}) => [s.name, s.verified ?? null]),
        [['Riverkeepers', {domain: 'riverkeepers.org'}], ['Fake Riverkeepers', null]]);
    });

    test('the statement language picks the mail and pages; CR/LF never reaches a header', async () => {
      const id = await statement({language: 'de', title: 'Rettet die Wren'});
      await sign(id, {name: 'Jörg', kind: 'individual', email: 'joerg@example.org'});
      const mail = await mailTo('joerg@example.org');
      assert.equal(mail.subject, 'Bitte bestätigen Sie Ihre Unterschrift: Rettet die Wren');
      assert.match((await request(mail.confirm!)).text, /<html lang="de">[\s\S]*Unterschrift bestätigen/);
      const ar = await statement({language: 'ar'});
      await sign(ar, {name: 'Sara', kind: 'individual', email: 'sara@example.org'});
      assert.match((await request((await mailTo('sara@example.org')).confirm!)).text, /<html lang="ar" dir="rtl">/);

      // A title with line breaks is refused; separators the text rules let through become spaces in the subject.
      assert.equal((await admin(`${api}/admin/statements/${id}`, 'PATCH', {title: 'Hi\r\nBcc: victim@example.org'})).status, 422);
      const sneaky = await statement({title: 'Hi\u2028Bcc: victim@example.org\u2029X-Evil: 1'});
      await sign(sneaky, {name: 'Fay', kind: 'individual', email: 'fay@example.org'});
      const got = await mailTo('fay@example.org');
      assert.deepEqual(got.to, ['fay@example.org']);
      assert.equal(got.subject, 'Confirm your signature: Hi Bcc: victim@example.org X-Evil: 1');
      const head = got.raw.split(/\r?\n\r?\n/)[0]!;
      assert.doesNotMatch(head, /^(Bcc|X-Evil):/im);
    });

    test('invitations for addresses are mailed with their link; the token in it signs once', async () => {
      const id = await statement({signing: 'invite', title: 'Coalition letter', language: 'fr'});
      const made = await admin(`${api}/admin/statements/${id}/invitations`, 'POST', {emails: ['ines@invited.example']});
      assert.equal(made.status, 201, made.text);
      const mail = await mailTo('ines@invited.example');
      assert.equal(mail.subject, 'Vous êtes invité·e à signer : Coalition letter');
      const link = /(https:\/\/letters\.example\/wren\?invite=[A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      assert.equal(link, made.json.invitations[0].link);
      const invite = new URL(link!).searchParams.get('invite')!;
      const signed = await sign(id, {name: 'Inès', kind: 'individual', email: 'ines@invited.example', invite});
      assert.equal(signed.status, 201, signed.text);
      assert.equal((await sign(id, {name: 'Other', kind: 'individual', email: 'other@invited.example', invite})).status, 422);
      await press((await mailTo('ines@invited.example', 2)).confirm!);
      assert.equal((await counts(id)).count, 1);
      // No page to send them to (no url): the tokens are only shown, nothing is mailed.
      const bare = await newStatement(api, {confirmation: 'email', signing: 'invite'});
      await admin(`${api}/admin/statements/${bare}/invitations`, 'POST', {emails: ['nolink@invited.example']});
      assert.equal((await store.listMail({limit: 1000})).filter((m) => m.recipient === 'nolink@invited.example').length, 0);
    });

    test('a permanent refusal is recorded for the publisher; the signature stays', async () => {
      const id = await statement();
      const res = await sign(id, {name: 'Gone', kind: 'individual', email: 'bounce@example.org'});
      assert.equal(res.status, 201);
      type Row = {to: string; status: string; error: string};
      const row = await until(async () => ((await admin(`${api}/admin/mail?status=failed`, 'GET')).json.items as Row[])
        .find((m) => m.to === 'bounce@example.org'));
      assert.match(row.error, /550/);
      assert.equal((await store.allSignatories(id))[0]!.status, 'unconfirmed');
    });

    test('mail-bombing one address: at most 3 mails an hour go to it; the rest wait, the signatures are kept', async () => {
      const ids = await Promise.all([1, 2, 3, 4, 5].map(() => statement()));
      for (const id of ids) assert.equal((await sign(id, {name: 'Target', kind: 'individual', email: 'target@bomb.example'})).status, 201);
      await mailTo('target@bomb.example', 3);
      const toTarget = async () => (await store.listMail({limit: 100})).filter((m) => m.recipient === 'target@bomb.example');
      // The three sent are marked so (the listener has them a moment before the sender records it).
      await until(async () => (await toTarget()).filter((m) => m.status === 'sent').length === 3);
      const queued = (await toTarget()).filter((m) => m.status === 'queued');
      assert.equal(queued.length, 2);
      for (const m of queued) assert.ok(m.next_attempt_at.getTime() > Date.now() + 55 * 60_000, 'waits for the next hour');
      assert.equal(smtp.messages.filter((m) => m.to.includes('target@bomb.example')).length, 3);
      for (const id of ids) assert.equal((await store.allSignatories(id)).length, 1);

      // The statement's own hourly cap.
      const capped = await statement({mail_hourly_cap: 2});
      for (const n of [1, 2, 3, 4]) await sign(capped, {name: `P${n}`, kind: 'individual', email: `p${n}@cap.example`});
      await Promise.all([mailTo('p1@cap.example'), mailTo('p2@cap.example')]);
      const ofCapped = async () => (await store.listMail({limit: 100})).filter((m) => m.statement_id === capped);
      await until(async () => (await ofCapped()).filter((m) => m.status === 'sent').length === 2);
      const waiting = (await ofCapped()).filter((m) => m.status === 'queued');
      for (const m of waiting) assert.ok(m.next_attempt_at.getTime() > Date.now() + 55 * 60_000);
      assert.deepEqual(waiting.map((m) => m.recipient).sort(), ['p3@cap.example', 'p4@cap.example']);
    });

    // Last: it prunes every statement's stale unconfirmed signatures, the earlier tests' too.
    test('a signature never confirmed goes, with its address, a day after its link expired; confirmed ones stay', async () => {
      const id = await statement();
      await sign(id, {name: 'Never Confirmed', kind: 'individual', email: 'never@prune.example'});
      await sign(id, {name: 'Never Delivered', kind: 'individual', email: 'bounce@prune.example'});
      await sign(id, {name: 'Confirmed', kind: 'individual', email: 'yes@prune.example'});
      await mailTo('never@prune.example');
      await press((await mailTo('yes@prune.example')).confirm!);
      type Row = {to: string | null; status: string; statement_id: string};
      const failed = async () => ((await admin(`${api}/admin/mail?status=failed`, 'GET')).json.items as Row[]).filter((m) => m.statement_id === id);
      await until(async () => (await failed()).length === 1);

      const ttl = 7 * 86_400_000;
      await store.pruneUnconfirmed(new Date(Date.now() + ttl));
      assert.equal((await store.allSignatories(id)).length, 3, 'kept while its link works, and a day after');
      assert.ok((await store.pruneUnconfirmed(new Date(Date.now() + ttl + 86_400_000 + 60_000))) >= 2);
      assert.deepEqual((await store.allSignatories(id)).map((r) => [r.name, r.status]), [['Confirmed', 'published']]);
      assert.deepEqual(await counts(id), {count: 1, listed: 1, open: true, email_required: true, confirmation: 'email'});
      // Its failed mail is cancelled, the address erased: nothing left to send again.
      assert.deepEqual(await failed(), []);
      const cancelled = ((await admin(`${api}/admin/mail?status=cancelled`, 'GET')).json.items as Row[]).filter((m) => m.statement_id === id);
      assert.ok(cancelled.length >= 1 && cancelled.every((m) => m.to === null), JSON.stringify(cancelled));
    });
  });

  describe(`the outbox when SMTP is down, on ${label}`, {skip}, () => {
    test('signing answers at once while SMTP is down; the mail arrives once it is back', async () => {
      const db = factory();
      const store = await db.open();
      // A free port, then nothing listening on it.
      const probe = await smtpListener();
      const port = probe.port;
      await probe.close();
      const server = await serve(store, {mail: testMail(`smtp://127.0.0.1:${port}`)});
      let smtp: SmtpListener | undefined;
      try {
        const id = await newStatement(`${server.url}/v1`, {confirmation: 'email'});
        const res = await postJson(`${server.url}/v1/statements/${id}/signatories`, {name: 'Hal', kind: 'individual', email: 'hal@example.org'});
        assert.equal(res.status, 201);
        // It has been tried and failed at least once.
        await until(async () => (await store.listMail({limit: 1})).find((m) => m.attempts > 0 && m.last_error));
        smtp = await smtpListener({port});
        const [mail] = await smtp.waitFor(1);
        assert.deepEqual(mail!.to, ['hal@example.org']);
        assert.ok(mail!.confirm);
        await until(async () => (await store.listMail({limit: 1}))[0]!.status === 'sent');
        assert.equal(smtp.messages.length, 1);
      } finally {
        await server.close();
        await smtp?.close();
        await store.close();
        await db.dispose();
      }
    });
  });
}

/** Several instances on one PostgreSQL: one mail per signature, one rate limit per client. */
export function sharedInstancesSuite(label: string, factory: () => StoreFactory, skip: string | false = false): void {
  describe(`two instances on one ${label}`, {skip}, () => {
    test('exactly one mail per signature, whichever instance took it and whichever sends', async () => {
      const db = factory();
      const stores = [await db.open(), await db.open()];
      const smtp = await smtpListener();
      const servers = await Promise.all(stores.map((s) => serve(s, {mail: testMail(smtp.url)})));
      try {
        const id = await newStatement(`${servers[0]!.url}/v1`, {confirmation: 'email'});
        const n = 30;
        const results = await Promise.all(Array.from({length: n}, (_, i) =>
          postJson(`${servers[i % 2]!.url}/v1/statements/${id}/signatories`, {name: `Person ${i}`, kind: 'individual', email: `p${i}@two.example`})));
        assert.deepEqual(results.map((r) => r.status), Array(n).fill(201));
        await smtp.waitFor(n);
        // Both senders idle: nothing left queued or leased.
        await until(async () => (await stores[0]!.mailCounts()).queued === 0);
        const to = smtp.messages.map((m) => m.to.join());
        assert.equal(to.length, n);
        assert.equal(new Set(to).size, n, 'no address mailed twice');
        assert.equal((await stores[1]!.mailCounts()).sent, n);
      } finally {
        await Promise.all(servers.map((s) => s.close()));
        await smtp.close();
        for (const s of stores) await s.close();
        await db.dispose();
      }
    });

    test('the write rate limit holds across instances: RATE_LIMIT_WRITES a minute in all', async () => {
      const db = factory();
      const stores = [await db.open(), await db.open()];
      const servers = await Promise.all(stores.map((s) => serve(s, {rateLimit: 4})));
      try {
        const id = await newStatement(`${servers[0]!.url}/v1`);
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) {
          const res = await postJson(`${servers[i % 2]!.url}/v1/statements/${id}/signatories`, {name: `R${i}`, kind: 'individual'});
          statuses.push(res.status);
          if (res.status === 429) assert.ok(Number(res.headers.get('retry-after')) >= 1);
        }
        assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
      } finally {
        await Promise.all(servers.map((s) => s.close()));
        for (const s of stores) await s.close();
        await db.dispose();
      }
    });

  });
}
