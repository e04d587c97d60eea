import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {csvCell, toCsv} from '../src/csv.ts';
import {decodeCommentCursor, decodeSignatoryCursor, encodeCommentCursor, encodeSignatoryCursor} from '../src/cursor.ts';
import {readEnv} from '../src/env.ts';
import {composeMail, headerText, TEXTS} from '../src/mail/messages.ts';
import {LANGUAGES} from '../src/types.ts';
import {RateLimiter} from '../src/rate-limit.ts';
import {DEMO_DOCUMENT, readDocument} from '../src/seed.ts';
import type {StatementRecord} from '../src/store/store.ts';
import {statementToWire} from '../src/wire.ts';

describe('csv', () => {
  test('quotes what needs quoting', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(3), '3');
    assert.equal(toCsv(['a', 'b'], [[1, 'x,y']]), 'a,b\r\n1,"x,y"\r\n');
  });

  test('defuses spreadsheet formulas', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) assert.equal(csvCell(s).replace(/^"/, '')[0], "'", s);
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('a=b'), 'a=b');
  });
});

describe('cursors', () => {
  test('round-trip and refuse forgeries', () => {
    assert.equal(decodeSignatoryCursor(encodeSignatoryCursor(42)), 42);
    const root = {created_at: new Date('2025-05-12T14:00:00.123Z'), id: 'c_x'};
    assert.deepEqual(decodeCommentCursor(encodeCommentCursor(root)), root);
    for (const bad of ['', 'x', Buffer.from('{"p":-1}').toString('base64url'), Buffer.from('{"p":"1"}').toString('base64url')]) {
      assert.throws(() => decodeSignatoryCursor(bad), /cursor/i);
    }
    assert.throws(() => decodeCommentCursor(Buffer.from('{"t":"never","i":"c"}').toString('base64url')), /cursor/i);
  });
});

describe('rate limiter', () => {
  test('allows a burst, then says when to come back, then refills', () => {
    const rl = new RateLimiter(6); // one token every 10 s
    const t = 1_000_000;
    for (let i = 0; i < 6; i++) assert.deepEqual(rl.take('a', t), {ok: true});
    assert.deepEqual(rl.take('a', t), {ok: false, retryAfter: 10});
    assert.deepEqual(rl.take('b', t), {ok: true}, 'clients are limited apart');
    assert.deepEqual(rl.take('a', t + 4_000), {ok: false, retryAfter: 6});
    assert.deepEqual(rl.take('a', t + 10_000), {ok: true});
  });
});

describe('environment', () => {
  test('defaults and parsing', () => {
    const d = readEnv({});
    assert.deepEqual(d, {port: 8787, hostname: undefined, dataDir: './.data', databaseUrl: undefined, adminToken: undefined,
      allowedOrigins: null, rateLimit: 20, trustProxy: 0, seedDemo: true, logFormat: 'text',
      statementTimeout: 5000, smtpUrl: undefined, mailFrom: undefined, publicUrl: undefined,
      confirmTtlMs: 7 * 86_400_000, mailLeaseMs: 300_000, mailRetryMs: 30_000});
    assert.equal(readEnv({SEED_DEMO: '0'}).seedDemo, false);
    const e = readEnv({PORT: '9000', ALLOWED_ORIGINS: 'https://a.example/, https://b.example', RATE_LIMIT_WRITES: '0', TRUST_PROXY: '2'});
    assert.equal(e.port, 9000);
    assert.deepEqual(e.allowedOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(e.rateLimit, false);
    assert.equal(e.trustProxy, 2);
    assert.equal(readEnv({RATE_LIMIT_WRITES: 'off'}).rateLimit, false);
    assert.throws(() => readEnv({PORT: 'eighty'}), /PORT/);
    assert.equal(readEnv({LOG_FORMAT: 'json'}).logFormat, 'json');
    assert.throws(() => readEnv({LOG_FORMAT: 'xml'}), /LOG_FORMAT/);
  });

  test('mail settings: SMTP_URL, MAIL_FROM, PUBLIC_URL and CONFIRM_TTL are checked at start', () => {
    const e = readEnv({SMTP_URL: 'smtps://u:p%40ss@mail.example.org:465', MAIL_FROM: 'Letters <letters@example.org>',
      PUBLIC_URL: 'https://sign.example.org/', CONFIRM_TTL: '12h'});
    assert.equal(e.smtpUrl?.hostname, 'mail.example.org');
    assert.equal(e.mailFrom, 'Letters <letters@example.org>');
    assert.equal(e.publicUrl, 'https://sign.example.org');
    assert.equal(e.confirmTtlMs, 12 * 3_600_000);
    assert.equal(readEnv({CONFIRM_TTL: '3600'}).confirmTtlMs, 3_600_000);
    for (const bad of ['http://mail.example.org', 'mail.example.org:587', 'smtp://', 'smtp://:p@:0']) {
      assert.throws(() => readEnv({SMTP_URL: bad}), /SMTP_URL must look like/, bad);
    }
    assert.throws(() => readEnv({SMTP_URL: 'smtps//u:secret@x'}), (err: Error) => !err.message.includes('secret'));
    assert.throws(() => readEnv({MAIL_FROM: 'Evil\r\nBcc: x@example.org <a@example.org>'}), /MAIL_FROM/);
    assert.throws(() => readEnv({MAIL_FROM: 'nobody'}), /MAIL_FROM/);
    assert.throws(() => readEnv({PUBLIC_URL: 'ftp://x'}), /PUBLIC_URL/);
    assert.throws(() => readEnv({CONFIRM_TTL: 'a week'}), /CONFIRM_TTL/);
  });
});

describe('mail texts', () => {
  test('a subject is one line whatever the title holds', () => {
    assert.equal(headerText('Hi\r\nBcc: x@example.org\u2028X: 1\u0085end'), 'Hi Bcc: x@example.org X: 1 end');
    const long = headerText('é'.repeat(300), 200);
    assert.equal([...long].length, 200);
    const mail = composeMail('confirm', 'en', {name: 'A\nB', title: 'T\r\nBcc: y', confirm: 'https://s/confirm/x', withdraw: 'https://s/withdraw/y', days: 7});
    assert.doesNotMatch(mail.subject, /[\r\n]/);
    assert.match(mail.body, /https:\/\/s\/confirm\/x/);
    assert.match(mail.body, /https:\/\/s\/withdraw\/y/);
  });

  test('every language has every text, and each mail carries its links', () => {
    for (const lang of LANGUAGES) {
      assert.deepEqual(Object.keys(TEXTS[lang]).sort(), Object.keys(TEXTS.en).sort(), lang);
      const confirm = composeMail('confirm', lang, {name: 'N', title: 'T', confirm: 'https://s/confirm/c', withdraw: 'https://s/withdraw/w', days: 7});
      assert.match(confirm.body, /https:\/\/s\/confirm\/c[\s\S]*https:\/\/s\/withdraw\/w/, lang);
      const again = composeMail('already-signed', lang, {name: 'N', title: 'T', confirm: null, withdraw: 'https://s/withdraw/w', days: 7});
      assert.match(again.body, /https:\/\/s\/withdraw\/w/, lang);
      assert.doesNotMatch(again.body, /confirm\//, lang);
    }
  });
});

describe('the statement’s updated date', () => {
  test('a seeded document keeps its own updated_at, not the seeding time', () => {
    const {input} = readDocument(DEMO_DOCUMENT);
    const record = {
      ...input, content: input.content, updated_at: new Date(), created_at: new Date(), goal: input.goal,
      signatories_count: 0, signatories_listed: 0,
    } as unknown as StatementRecord;
    assert.equal(statementToWire(record).updated_at, '2025-05-19T09:30:00.000Z');
    const {updated_at: _own, ...content} = input.content;
    const stored = new Date('2026-01-02T03:04:05Z');
    assert.equal(statementToWire({...record, content, updated_at: stored}).updated_at, stored.toISOString());
  });
});
