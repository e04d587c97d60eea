import assert from 'node:assert/strict';
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {postJson, request} from './helpers.ts';
import {smtpListener, stallingListener} from './smtp.ts';

const BIN = fileURLToPath(new URL('../bin.mjs', import.meta.url));

/** The real thing: `undersigned-server` as a process, as `npm start` runs it. */
describe('the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'undersigned-proc-'));
  const env = {...process.env, DATA_DIR: join(dir, 'data'), PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ADMIN_TOKEN: ''};
  after(() => rmSync(dir, {recursive: true, force: true}));

  /** Starts the server and resolves once it prints its URL. */
  function start(extra: Record<string, string> = {}): Promise<{
    child: ChildProcess; url: string; output: () => string; logged: (re: RegExp) => Promise<void>; exited: Promise<number | null>;
  }> {
    const child = spawn(process.execPath, [BIN], {env: {...env, ...extra}, stdio: ['ignore', 'pipe', 'pipe']});
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

  test('npm start without SMTP: signing with an e-mail writes an .eml file and prints the link; following it lists the name with its number', async () => {
    const s = await start();
    try {
      assert.match(s.output(), /Mail: \.eml files in .*mail \(no SMTP_URL\): confirmation links are printed here/);
      const res = await postJson(`${s.url}/v1/statements/wren-river/signatories`, {name: 'Demo Signer', kind: 'individual', email: 'demo@example.org'});
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.status, 'unconfirmed');
      await s.logged(/confirmation link (http:\/\/\S+\/confirm\/[A-Za-z0-9_-]+)/);
      const link = /Mail (\S+\.eml) \(no SMTP_URL\): confirmation link (http:\/\/\S+\/confirm\/[A-Za-z0-9_-]+)/.exec(s.output())!;
      const eml = readFileSync(link[1]!, 'utf8');
      assert.match(eml, /^To: demo@example\.org$/m);
      assert.match(eml, /^Subject: Confirm your signature: Keep the Wren River whole$/m);
      assert.equal((await request(link[2]!)).status, 200);
      assert.equal((await request(link[2]!, {method: 'POST'})).status, 200);
      const list = await request(`${s.url}/v1/statements/wren-river/signatories?limit=200`);
      const mine = list.json.items.find((i: {name: string}) => i.name === 'Demo Signer');
      assert.equal(mine.position, 31, 'numbered after the demo\'s 30');
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });

  test('killed without warning after acknowledged writes, it restarts with all of them', async () => {
    const s = await start();
    const ids: string[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const res = await postJson(`${s.url}/v1/statements/wren-river/signatories`, {name: `Crash ${i}`, kind: 'organization', email: `crash${i}@example.org`});
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
      // Unconfirmed (the demo confirms by e-mail), so in the publisher's export, not the public list.
      const csv = await request(`${again.url}/v1/admin/statements/wren-river/signatories.csv`, {headers: {Authorization: `Bearer ${token}`}});
      for (const id of ids) assert.match(csv.text, new RegExp(`,${id},Crash \\d,organization,.*,unconfirmed,`));
      assert.equal((await request(`${again.url}/v1/statements/wren-river`)).json.signatories.count, 31);
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
    assert.equal(csv.stdout.trim().split('\r\n').length, 37, 'header, 31 published, 5 unconfirmed');
    assert.ok(csv.stdout.startsWith('\uFEFFposition,'), 'a byte-order mark for spreadsheets');
    const doc = cli('export', 'wren-river', '--json');
    assert.equal(doc.status, 0, doc.stderr);
    const frozen = JSON.parse(doc.stdout);
    assert.equal(frozen.statement.id, 'wren-river');
    assert.equal(frozen.signatories.length, 31, 'published ones only');
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
    const mail = cli('mail');
    assert.equal(mail.status, 0, mail.stderr);
    assert.match(mail.stdout, /^\d+\tsent\t\S+\tdemo@example\.org\tConfirm your signature: Keep the Wren River whole\t$/m);
    assert.match(mail.stdout, /^0 queued, 6 sent, 0 failed, 0 cancelled$/m);
  });

  test('a malformed SMTP_URL stops the server at start, saying why, without echoing a password', () => {
    for (const bad of ['http://mail.example.org', 'smtp//user:s3cret@host', 'smtp://']) {
      const run = spawnSync(process.execPath, [BIN], {env: {...env, SMTP_URL: bad}, encoding: 'utf8', timeout: 60_000});
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stderr, /SMTP_URL must look like smtp:\/\/user:password@host:587/);
      assert.doesNotMatch(run.stdout + run.stderr, /s3cret/);
    }
  });

  test('killed between committing a signature and sending its mail: after a restart, exactly one mail', async () => {
    const own = {DATA_DIR: join(dir, 'mail-crash'), ADMIN_TOKEN: 'crash-token', MAIL_LEASE_MS: '1500', MAIL_RETRY_MS: '100'};
    // The first run's SMTP server takes the connection and never answers: the sender is stuck mid-delivery.
    const stall = await stallingListener();
    const first = await start({...own, SMTP_URL: `smtp://127.0.0.1:${stall.port}`});
    try {
      const res = await postJson(`${first.url}/v1/statements/wren-river/signatories`, {name: 'Once', kind: 'individual', email: 'once@example.org'});
      assert.equal(res.status, 201, 'a stuck SMTP server does not hold up signing');
      await stall.connected;
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
      await stall.close();
    }
    const smtp = await smtpListener();
    const second = await start({...own, SMTP_URL: smtp.url});
    try {
      const [mail] = await smtp.waitFor(1);
      assert.deepEqual(mail!.to, ['once@example.org']);
      const auth = {headers: {Authorization: 'Bearer crash-token'}};
      for (;;) {
        const outbox = await request(`${second.url}/v1/admin/mail`, auth);
        if (outbox.json.counts.sent === 1) {
          assert.deepEqual(outbox.json.counts, {queued: 0, sent: 1, failed: 0, cancelled: 0});
          assert.equal(outbox.json.items[0].attempts, 2, 'tried by the killed run, then by this one');
          break;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
      await smtp.close();
    }
    assert.equal(smtp.messages.length, 1);
  });
});
