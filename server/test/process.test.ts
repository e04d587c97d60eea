import assert from 'node:assert/strict';
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {postJson, request} from './helpers.ts';

const BIN = fileURLToPath(new URL('../bin.mjs', import.meta.url));

/** The real thing: `undersigned-server` as a process, as `npm start` runs it. */
describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'undersigned-proc-'));
  const env = {...process.env, DATA_DIR: join(dir, 'data'), PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ADMIN_TOKEN: ''};
  after(() => rmSync(dir, {recursive: true, force: true}));

  /** Starts the server and resolves once it prints its URL. */
  function start(): Promise<{
    child: ChildProcess; url: string; output: () => string; logged: (re: RegExp) => Promise<void>; exited: Promise<number | null>;
  }> {
    const child = spawn(process.execPath, [BIN], {env, stdio: ['ignore', 'pipe', 'pipe']});
    let out = '';
    const logged = async (re: RegExp) => {
      while (!re.test(out)) await new Promise((r) => child.stdout!.once('data', r));
    };
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const m = /undersigned: (http:\/\/[^\s]+) \(demo\)/.exec(out);
        if (m) resolve({child, url: m[1]!, output: () => out, logged, exited});
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
    });
  }

  function cli(...args: string[]) {
    return spawnSync(process.execPath, [BIN, ...args], {env, encoding: 'utf8'});
  }

  let token = '';

  test('first start migrates, seeds, prints the admin token once, serves API and demo, logs each request', async () => {
    const s = await start();
    try {
      token = /admin token \(printed once[^\n]*\n\s+(\S+)/.exec(s.output())?.[1] ?? '';
      assert.ok(token.length >= 20, s.output());
      assert.match(s.output(), new RegExp(`Console: ${s.url.replace('127.0.0.1', '(127.0.0.1|localhost)')}/admin`));
      const consolePage = await request(`${s.url}/admin/`);
      assert.equal(consolePage.status, 200);
      assert.match(consolePage.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
      assert.equal((await request(`${s.url}/admin/console.js`)).status, 200);
      assert.match(s.output(), /Seeded the demo statement/);
      const st = await request(`${s.url}/v1/statements/wren-river`);
      assert.equal(st.status, 200);
      assert.equal(st.json.signatories.count, 30);
      const page = await request(`${s.url}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type')!, /text\/html/);
      const svg = await request(`${s.url}/demo/hero.svg`);
      assert.equal(svg.status, 200);
      assert.match(svg.headers.get('content-type')!, /image\/svg\+xml/);
      assert.equal((await request(`${s.url}/demo/data/statement.json`)).status, 200);
      assert.equal((await request(`${s.url}/v1/admin/statements`, {headers: {Authorization: `Bearer ${token}`}})).status, 200);
      // A line is written once its response is done: wait for it, not a fixed time.
      await s.logged(/^GET \/v1\/statements\/wren-river 200 \d+ms$/m);
      await s.logged(/^GET \/v1\/admin\/statements 200 \d+ms$/m);
    } finally {
      s.child.kill('SIGTERM');
      assert.equal(await s.exited, 0, 'SIGTERM shuts down cleanly');
    }
  });

  test('killed without warning after acknowledged writes, it restarts with all of them', async () => {
    const s = await start();
    const ids: string[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const res = await postJson(`${s.url}/v1/statements/wren-river/signatories`, {name: `Crash ${i}`, kind: 'organization'});
        assert.equal(res.status, 201);
        ids.push(res.json.signatory.id);
      }
      // A second process on the same PGlite directory is refused.
      const twin = cli('statement', 'list');
      assert.notEqual(twin.status, 0);
      assert.match(twin.stderr, /in use by another running server/);
    } finally {
      s.child.kill('SIGKILL');
      await s.exited;
    }
    // A pid file naming a live process (this one: a restarted container reuses
    // PIDs) is no lock: the OS released the real one with the killed process.
    writeFileSync(join(dir, 'data', 'undersigned.pid'), String(process.pid));
    const again = await start();
    try {
      assert.doesNotMatch(again.output(), /printed once|Seeded/, 'the token is printed once; seeding happens once');
      const list = await request(`${again.url}/v1/statements/wren-river/signatories?limit=200`);
      assert.equal(list.json.total, 35);
      assert.deepEqual(list.json.items.slice(30).map((s: {id: string}) => s.id), ids);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });

  test('the CLI puts a statement from a file, lists, exports CSV and the static document, marks a signatory verified, makes and lists invitations, and rotates the token', () => {
    const file = join(dir, 'statement.json');
    writeFileSync(file, JSON.stringify({id: 'cli-made', title: 'Made by CLI', body: '<p>Hi</p>', moderation: 'pre'}));
    const put = cli('statement', 'put', file);
    assert.equal(put.status, 0, put.stderr);
    assert.match(put.stdout, /Created statement "cli-made"/);
    assert.match(cli('statement', 'put', file).stdout, /Updated/);
    assert.match(cli('statement', 'list').stdout, /^cli-made\tMade by CLI$/m);
    writeFileSync(file, JSON.stringify({id: 'cli-bad', body: '<p>no title</p>'}));
    const bad = cli('statement', 'put', file);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /"title"/);
    const csv = cli('export', 'wren-river');
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stdout.trim().split('\r\n').length, 36);
    assert.ok(csv.stdout.startsWith('\uFEFFposition,'), 'a byte-order mark for spreadsheets');
    const doc = cli('export', 'wren-river', '--json');
    assert.equal(doc.status, 0, doc.stderr);
    const frozen = JSON.parse(doc.stdout);
    assert.equal(frozen.statement.id, 'wren-river');
    assert.equal(frozen.signatories.length, 35);
    const org = frozen.signatories.find((s: {url?: string}) => s.url?.startsWith('https://example.org/'));
    const verified = cli('signatory', 'verify', 'wren-river', org.id);
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, /is verified: example\.org$/m, 'the domain of its url');
    assert.equal(cli('signatory', 'verify', 'wren-river', org.id, 'co.uk').status, 1, 'a public suffix is no domain');
    assert.match(cli('signatory', 'unverify', 'wren-river', org.id).stdout, /is not marked verified/);
    assert.equal(cli('signatory', 'verify', 'wren-river', 's_nobody').status, 1);
    const invited = cli('invite', 'wren-river', '--count', '2');
    assert.equal(invited.status, 0, invited.stderr);
    assert.equal(invited.stdout.match(/^i_\S+\t-\t\S+$/gm)?.length, 2, 'one line per invitation, with its token');
    assert.match(cli('invitations', 'wren-river').stdout, /^2 unused, 0 used, 0 withdrawn$/m);
    const rotated = cli('admin-token', 'rotate');
    assert.equal(rotated.status, 0);
    assert.doesNotMatch(rotated.stdout, new RegExp(token));
    assert.equal(cli('nonsense').status, 2);
  });
});
