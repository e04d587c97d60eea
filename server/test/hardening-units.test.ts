import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {serve as serveNode} from '@hono/node-server';
import {createApp} from '../src/app.ts';
import type {AppConfig} from '../src/config.ts';
import {csvCell} from '../src/csv.ts';
import {decodeCommentCursor, decodeSignatoryCursor} from '../src/cursor.ts';
import {escapeControls, type LogFormat} from '../src/log.ts';
import {RateLimiter} from '../src/rate-limit.ts';
import {openStore} from '../src/store/index.ts';
import type {Store} from '../src/store/store.ts';

/** Issue 12's attacks that need no database, or a directory of their own. */

const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('cursors are checked at the edge', () => {
  test('a position past PostgreSQL integers, a year-10000 date and a NUL id are refused', () => {
    assert.equal(decodeSignatoryCursor(cursor({p: 2 ** 31 - 1})), 2 ** 31 - 1);
    assert.throws(() => decodeSignatoryCursor(cursor({p: 2 ** 31})), /Invalid cursor/);
    assert.throws(() => decodeCommentCursor(cursor({t: '+010000-01-01T00:00:00.000Z', i: 'c_x'})), /Invalid cursor/);
    assert.throws(() => decodeCommentCursor(cursor({t: '2025-01-01T00:00:00.000Z', i: 'c\u0000x'})), /Invalid cursor/);
    assert.throws(() => decodeCommentCursor(cursor({t: '2025-01-01T00:00:00.000Z', i: 'x'.repeat(101)})), /Invalid cursor/);
  });
});

describe('exports and terminal output carry no control characters', () => {
  test('a stored name with ESC and BEL leaves the CSV as U+FFFD', () => {
    assert.equal(csvCell('Eve\u001b[2J\u0007'), 'Eve\ufffd[2J\ufffd');
    assert.equal(csvCell('x\u009by'), 'x\ufffdy');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(escapeControls('a\nb\u001b[2J\u2028'), 'a\\nb\\x1b[2J\\u2028');
  });
});

describe('the rate limiter', () => {
  test('keys are capped: two 8 KB values with one prefix share a bucket', () => {
    const limiter = new RateLimiter(1);
    const prefix = 'x'.repeat(100);
    assert.equal(limiter.take(`${prefix}a`.repeat(80)).ok, true);
    assert.equal(limiter.take(`${prefix}b`.repeat(80)).ok, false);
  });
});

/** The app on a real socket with a store that fails, logging into `lines`. */
async function appWith(store: Partial<Store>, format: LogFormat = 'text') {
  const lines: {line: string; level: string}[] = [];
  const cfg: AppConfig = {
    store: store as Store, adminTokenHash: null, allowedOrigins: null, rateLimit: false, trustProxy: 0,
    staticRoot: null, log: (line, level = 'info') => lines.push({line, level}), logFormat: format,
  };
  const app = createApp(cfg);
  // A handler whose headers the socket writer would refuse (an undefined value).
  app.get('/broken-header', () => new Response(null, {status: 204, headers: {'X-Odd': undefined as unknown as string}}));
  const server = await new Promise<ReturnType<typeof serveNode>>((resolve) => {
    const s = serveNode({fetch: app.fetch, port: 0, hostname: '127.0.0.1'}, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Lines once `n` are logged (the access line is written when the response is done). */
  const logged = async (n: number) => {
    while (lines.length < n) await new Promise((r) => setImmediate(r));
    return lines;
  };
  return {url, lines, logged, close: () => new Promise<void>((r) => server.close(() => r()))};
}

const failing = {
  hasStatement: async () => {
    throw new Error('relation "comments" does not exist at secret-host:5432\n\u001b[2J');
  },
  getStatement: async () => null,
};

describe('logs', () => {
  test('a 500 tells the client nothing and logs the stack once, escaped, on one line', async () => {
    const s = await appWith(failing);
    try {
      const res = await fetch(`${s.url}/v1/statements/abc/comments`);
      const body = await res.text();
      assert.equal(res.status, 500);
      assert.doesNotMatch(body, /secret-host|relation|at /);
      const lines = await s.logged(2);
      const errors = lines.filter((l) => l.level === 'error');
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.line, /secret-host.*\\n.*\\x1b\[2J.*at /);
      assert.ok(lines.every((l) => !/[\n\u001b]/.test(l.line)));
    } finally {
      await s.close();
    }
  });

  test('a forged line or a terminal escape in the path is escaped', async () => {
    const s = await appWith(failing);
    try {
      await fetch(`${s.url}/v1/statements/x%0AGET%20/forged%20200%200ms%1B%5B2J`);
      const [entry] = await s.logged(1);
      assert.equal(entry!.line.split('\n').length, 1);
      assert.doesNotMatch(entry!.line, /\u001b/);
      assert.match(entry!.line, /^GET \/v1\/statements\/x\\nGET \/forged 200 0ms\\x1b\[2J 404 \d+ms$/);
    } finally {
      await s.close();
    }
  });

  test('LOG_FORMAT=json writes one JSON object a line', async () => {
    const s = await appWith(failing, 'json');
    try {
      await fetch(`${s.url}/v1/statements/x%0Ay%C2%9B`);
      const [entry] = await s.logged(1);
      assert.doesNotMatch(entry!.line, /[\n\u009b]/);
      const v = JSON.parse(entry!.line) as Record<string, unknown>;
      assert.equal(v.path, '/v1/statements/x\ny\u009b');
      assert.equal(v.status, 404);
      assert.equal(v.method, 'GET');
    } finally {
      await s.close();
    }
  });

  test('the access line records the status the client was sent', async () => {
    const s = await appWith(failing);
    try {
      const res = await fetch(`${s.url}/broken-header`);
      const [entry] = await s.logged(1);
      assert.match(entry!.line, new RegExp(`^GET /broken-header ${res.status} `));
    } finally {
      await s.close();
    }
  });
});

describe('the PGlite data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'undersigned-lock-'));
  after(() => rmSync(dir, {recursive: true, force: true}));

  test('a pid file naming a live process does not block the start; a second server on the directory is refused', async () => {
    for (const pid of [process.pid, 1]) {
      writeFileSync(join(dir, 'undersigned.pid'), String(pid));
      const store = await openStore({dataDir: dir});
      await assert.rejects(openStore({dataDir: dir}), /in use by another running server/);
      await store.close();
    }
    // Released on close: the directory opens again.
    const again = await openStore({dataDir: dir});
    await again.close();
  });
});
