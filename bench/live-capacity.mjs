// Issue 14 item 4: one server instance holding 1 000 event streams
// (GET /statements/{id}/events) on PGlite and on PostgreSQL, and a burst of
// 100 signatures a second coalesced on its way to each reader.
//
// Three processes, so no figure includes another's work or memory: the
// server (bench/live-server.mjs, --expose-gc), the readers
// (bench/live-clients.mjs, raw node:http, one socket per stream) and this
// one, which writes the burst (POST signatory, 100 a second, paced every
// 10 ms) and runs headless Chromium with a <statement-card live> holding a
// <signatory-list> (reader 1 001) that counts its own renders.
//
// Figures: memory of the server process after two GCs before and after the
// streams open (RSS, JS heap, external), divided by the streams; change
// events per stream per second during the burst (mean, and the most in any
// one second); the time from the burst's last write until every stream has
// the final count; the server's CPU during the burst; and in the page the
// Lit updates per element per second and frames whose shadow DOM changed.
// Load average (as `uptime` prints it) beside each phase.
//
//   npm run build && node bench/live-capacity.mjs [--streams=1000] [--rate=100] [--seconds=10] [--only=pglite|postgres] [--no-browser]
//   eval "$(bash .ci/pg-start.sh)" && node bench/live-capacity.mjs     # adds PostgreSQL
//
// File descriptors: the server and the readers each hold one socket per
// stream. When the soft limit (ulimit -n) is below streams + 512, both
// children are started through `sh -c 'ulimit -n <hard limit>; exec node …'`.
import {spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {Agent, createServer, request} from 'node:http';
import os from 'node:os';
import {extname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import postgres from 'postgres';
import puppeteer from 'puppeteer-core';
import {machine, saveJson} from './report.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const [k, v] = a.replace(/^--/, '').split('=');
  return [k, v ?? true];
}));
const STREAMS = Number(args.streams ?? 1000);
const RATE = Number(args.rate ?? 100);
const SECONDS = Number(args.seconds ?? 10);
const ONLY = args.only;
const BROWSER = !args['no-browser'];
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(', ');
const MB = (bytes) => bytes / 2 ** 20;

/** The soft and hard limits on open files. */
function fileLimits() {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  const [soft, hard] = line.trim().split(/\s+/).slice(3, 5).map((v) => (v === 'unlimited' ? Infinity : Number(v)));
  return {soft, hard};
}

const limits = fileLimits();
const NEED_FDS = STREAMS + 512;
const raiseTo = limits.soft < NEED_FDS ? Math.min(limits.hard, Math.max(NEED_FDS, 4096)) : null;
if (raiseTo !== null && raiseTo < NEED_FDS) throw new Error(`open files: hard limit ${limits.hard} < ${NEED_FDS} needed for ${STREAMS} streams`);

/** A child node process with IPC, through sh when its open-files limit must be raised. */
function child(script, nodeArgs = []) {
  const argv = [...nodeArgs, join(HERE, script)];
  const proc = raiseTo === null
    ? spawn(process.execPath, argv, {stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
    : spawn('sh', ['-c', `ulimit -n ${raiseTo} && exec "$0" "$@"`, process.execPath, ...argv], {stdio: ['ignore', 'inherit', 'inherit', 'ipc']});
  const waiting = [];
  proc.on('message', (m) => {
    if (m.type === 'error') {
      for (const w of waiting.splice(0)) w.reject(new Error(`${script}: ${m.error}`));
      return;
    }
    const i = waiting.findIndex((w) => w.type === m.type);
    if (i >= 0) waiting.splice(i, 1)[0].resolve(m);
  });
  proc.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${script} exited (${code}) while waiting for ${w.type}`));
  });
  return {
    proc,
    ask(message, reply) {
      return new Promise((resolve, reject) => {
        waiting.push({type: reply, resolve, reject});
        proc.send(message);
      });
    },
  };
}

/**
 * POST `rate` signatures a second for `seconds`, one every 1000/rate ms on a
 * fixed schedule, over at most 32 keep-alive connections (a slow answer
 * queues the next ones here rather than opening ever more sockets).
 */
async function burst(api, statement, rate, seconds) {
  const total = rate * seconds;
  const url = new URL(`${api}/v1/statements/${statement}/signatories`);
  const agent = new Agent({keepAlive: true, maxSockets: 32});
  const t0 = performance.now();
  const pending = [];
  const statuses = {};
  const post = (i) => new Promise((resolve) => {
    const body = JSON.stringify({name: `Burst Signer ${i}`, kind: i % 4 ? 'individual' : 'organization', location: 'Łódź', public: i % 10 !== 0});
    const req = request(url, {method: 'POST', agent, headers: {'content-type': 'application/json', 'content-length': Buffer.byteLength(body),
      'idempotency-key': `burst-${process.pid}-${Math.round(t0)}-${i}`}}, (res) => {
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', (e) => {
      statuses[e.code ?? String(e)] = (statuses[e.code ?? String(e)] ?? 0) + 1;
      resolve();
    });
    req.end(body);
  });
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(post(i));
  }
  const sentIn = performance.now() - t0;
  await Promise.all(pending);
  agent.destroy();
  return {total, sentSeconds: sentIn / 1000, doneSeconds: (performance.now() - t0) / 1000, statuses, lastAt: performance.now()};
}

/** A page with <statement-card live> over the server, and the files of dist/. */
function pageServer(api, statement) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>live</title></head><body>
<statement-card live endpoint="${api}/v1" statement="${statement}"><signatory-list></signatory-list></statement-card>
<script type="module" src="/dist/undersigned.js"></script></body></html>`;
  const types = {'.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json'};
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path === '/page.html') {
      res.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(html);
      return;
    }
    const file = path.startsWith('/dist/') && !path.includes('..') ? join(DIST, path.slice(6)) : null;
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'}).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({url: `http://127.0.0.1:${server.address().port}`, close: () => server.close()})));
}

/** Page-side counters: Lit updates per element and frames in which any shadow root changed. */
const PROBES = () => {
  const updates = [];
  const mutatedFrames = [];
  let dirty = false;
  const observed = new WeakSet();
  const observer = new MutationObserver(() => (dirty = true));
  const watch = (root) => {
    if (!root || observed.has(root)) return;
    observed.add(root);
    observer.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
  };
  const frame = () => {
    if (dirty) mutatedFrames.push(performance.now());
    dirty = false;
    for (const el of document.querySelectorAll('statement-card, signatory-list')) watch(el.shadowRoot);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const patched = new Set();
  const patch = () => {
    for (const name of ['statement-card', 'signatory-list']) {
      const ctor = customElements.get(name);
      if (!ctor || patched.has(ctor)) continue;
      patched.add(ctor);
      const update = ctor.prototype.update;
      ctor.prototype.update = function (changed) {
        updates.push({name, at: performance.now()});
        return update.call(this, changed);
      };
    }
  };
  for (const name of ['statement-card', 'signatory-list']) customElements.whenDefined(name).then(patch);
  window.__live = {
    count: (from, to) => {
      const within = (t) => t >= from && t <= to;
      const seconds = (to - from) / 1000;
      const per = (times) => {
        let most = 0;
        for (let a = 0, b = 0; b < times.length; b++) {
          while (times[b] - times[a] > 1000) a++;
          most = Math.max(most, b - a + 1);
        }
        return {perSecond: times.length / seconds, maxInOneSecond: most, total: times.length};
      };
      return {
        card: per(updates.filter((u) => u.name === 'statement-card' && within(u.at)).map((u) => u.at)),
        list: per(updates.filter((u) => u.name === 'signatory-list' && within(u.at)).map((u) => u.at)),
        mutatedFrames: per(mutatedFrames.filter(within)),
      };
    },
    /** The count the card's goal bar shows. */
    shown: () => document.querySelector('statement-card')?.shadowRoot?.querySelector('progress')?.value ?? -1,
    /** When the goal bar first showed at least `n` (checked every frame), or null after `ms`. */
    shownAt: (n, ms) => new Promise((resolve) => {
      const end = performance.now() + ms;
      const tick = () => {
        if (window.__live.shown() >= n) resolve(performance.now());
        else if (performance.now() > end) resolve(null);
        else requestAnimationFrame(tick);
      };
      tick();
    }),
  };
};

async function bench(label, database) {
  const phase = {};
  const server = child('live-server.mjs', ['--expose-gc']);
  const clients = child('live-clients.mjs');
  let browser;
  let pages;
  let page;
  try {
    const {url, statement} = await server.ask({type: 'start', database}, 'ready');
    const events = `${url}/v1/statements/${statement}/events`;
    // Warm up: a few streams opened and closed (JIT, the hub's LISTEN), then the baseline.
    const warm = child('live-clients.mjs');
    await warm.ask({type: 'open', url: events, n: 10}, 'opened');
    await warm.ask({type: 'close'}, 'closed');
    const before = await server.ask({type: 'memory'}, 'memory');
    phase.open = {load: loadavg()};
    const opened = await clients.ask({type: 'open', url: events, n: STREAMS}, 'opened');
    const after = await server.ask({type: 'memory'}, 'memory');
    phase.open.load += ` → ${loadavg()}`;
    const per = (k) => (after[k] - before[k]) / opened.n;
    const memory = {
      before, after,
      perStream: {rssKiB: per('rss') / 1024, heapKiB: per('heapUsed') / 1024, externalKiB: per('external') / 1024},
      openSeconds: opened.ms / 1000, opened: opened.n, failed: opened.failed,
    };
    process.stderr.write(`${label}: ${opened.n} streams open in ${(opened.ms / 1000).toFixed(1)} s; RSS ${MB(before.rss).toFixed(1)} → ${MB(after.rss).toFixed(1)} MB, heap ${MB(before.heapUsed).toFixed(1)} → ${MB(after.heapUsed).toFixed(1)} MB: ${memory.perStream.rssKiB.toFixed(1)} KiB RSS, ${memory.perStream.heapKiB.toFixed(1)} KiB heap per stream; fds ${before.fds} → ${after.fds}\n`);

    if (BROWSER) {
      browser = await puppeteer.launch({executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']});
      pages = await pageServer(url, statement);
      page = await browser.newPage();
      // EventSource requests show in resource timing only once they end: watch the request itself.
      const streamOpened = new Promise((resolve, reject) => {
        page.on('response', (r) => r.url().includes('/events') && r.status() === 200 && resolve());
        setTimeout(() => reject(new Error('the page opened no event stream in 30 s')), 30_000).unref();
      });
      page.on('pageerror', (e) => process.stderr.write(`page error: ${e}\n`));
      page.on('console', (m) => m.type() === 'error' && process.stderr.write(`page console: ${m.text()}\n`));
      page.on('requestfailed', (r) => process.stderr.write(`request failed: ${r.url()}\n`));
      page.on('response', (r) => r.status() >= 400 && process.stderr.write(`${r.status()}: ${r.url()}\n`));
      await page.evaluateOnNewDocument(PROBES);
      await page.goto(`${pages.url}/page.html`, {waitUntil: 'load'});
      await page.waitForFunction(() => document.querySelector('statement-card')?.shadowRoot?.querySelector('[part~="title"]'), {timeout: 30_000})
        .catch(async (e) => {
          throw new Error(`the card did not show: ${await page.evaluate(() => document.querySelector('statement-card')?.shadowRoot?.innerHTML.slice(0, 2000))}`, {cause: e});
        });
      // The stream is open once the list and card have rendered and the lazily loaded live chunk has connected.
      await streamOpened;
      await new Promise((r) => setTimeout(r, 1000));
    }

    await clients.ask({type: 'mark'}, 'marked');
    const pageFrom = page ? await page.evaluate(() => performance.now()) : 0;
    const cpu0 = (await server.ask({type: 'cpu'}, 'cpu')).micros;
    phase.burst = {load: loadavg()};
    const wrote = await burst(url, statement, RATE, SECONDS);
    const pageBurstEnd = page ? await page.evaluate(() => performance.now()) : 0;
    const waited = await clients.ask({type: 'wait', count: wrote.statuses['201'] ?? wrote.total, ms: 30_000}, 'waited');
    const cpu1 = (await server.ask({type: 'cpu'}, 'cpu')).micros;
    phase.burst.load += ` → ${loadavg()}`;
    const readers = await clients.ask({type: 'report'}, 'report');
    let widget = null;
    if (page) {
      // Until the card shows the final count (or 10 s more), then the renders over the whole burst.
      const final = wrote.statuses['201'] ?? wrote.total;
      const shownAt = await page.evaluate((n) => window.__live.shownAt(n, 15_000), final);
      const pageTo = shownAt ?? (await page.evaluate(() => performance.now()));
      widget = {...(await page.evaluate((a, b) => window.__live.count(a, b), pageFrom, pageTo)), seconds: (pageTo - pageFrom) / 1000,
        finalShown: shownAt !== null, finalShownAfterBurstMs: shownAt === null ? null : shownAt - pageBurstEnd,
        shownCount: await page.evaluate(() => window.__live.shown())};
    }
    const afterBurst = await server.ask({type: 'memory'}, 'memory');
    process.stderr.write(`${label}: burst ${wrote.total} POSTs sent in ${wrote.sentSeconds.toFixed(1)} s, answered within ${wrote.doneSeconds.toFixed(1)} s (${JSON.stringify(wrote.statuses)}); every stream had the final count ${waited.ms === null ? 'NOT within 30 s' : `${Math.round(waited.ms)} ms after the last answer`}; per stream ${readers.meanPerSecond.toFixed(2)} events/s (most in one second: ${readers.maxInOneSecond}); server CPU ${((cpu1 - cpu0) / 1e6).toFixed(1)} s; RSS after ${MB(afterBurst.rss).toFixed(1)} MB\n`);
    if (widget) process.stderr.write(`${label}: widget over ${widget.seconds.toFixed(1)} s (final count ${widget.shownCount} shown ${widget.finalShown ? `${Math.round(widget.finalShownAfterBurstMs)} ms after the last answer` : 'NOT within 15 s'}): card ${widget.card.perSecond.toFixed(2)} updates/s (max ${widget.card.maxInOneSecond} in 1 s), list ${widget.list.perSecond.toFixed(2)}/s (max ${widget.list.maxInOneSecond}), frames with DOM changes ${widget.mutatedFrames.perSecond.toFixed(2)}/s (max ${widget.mutatedFrames.maxInOneSecond})\n`);
    return {label, streams: STREAMS, memory, afterBurst, burst: wrote, allHadFinalCountMs: waited.ms, readers, serverCpuSeconds: (cpu1 - cpu0) / 1e6, widget, phase};
  } finally {
    await page?.close().catch(() => {});
    await browser?.close().catch(() => {});
    pages?.close();
    await clients.ask({type: 'close'}, 'closed').catch(() => {});
    await server.ask({type: 'close'}, 'closed').catch(() => {});
  }
}

const runs = [];
if (ONLY !== 'postgres') runs.push(await bench('PGlite (memory)', {dataDir: 'memory'}));
const url = process.env.DATABASE_URL;
let pgVersion = null;
if (ONLY !== 'pglite' && url) {
  const host = new URL(url).hostname;
  if (!/^(127\.|localhost$|\[::1\]$|::1$)/.test(host)) throw new Error(`DATABASE_URL must point at loopback, not ${host}`);
  const schema = `undersigned_live_${randomBytes(5).toString('hex')}`;
  const admin = postgres(url, {max: 1, onnotice: () => {}});
  await admin.unsafe(`CREATE SCHEMA ${schema}`);
  try {
    pgVersion = (await admin`SHOW server_version`)[0].server_version;
    const connections = async () => Number((await admin`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()`)[0].n);
    const idle = await connections();
    const run = await bench('PostgreSQL', {databaseUrl: url, schema});
    run.pgConnectionsBefore = idle;
    runs.push(run);
  } finally {
    await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
const result = {
  machine: machine({fileLimit: `${limits.soft}/${limits.hard}${raiseTo ? `, raised to ${raiseTo} for the children` : ''}`}),
  setup: {streams: STREAMS, rate: RATE, seconds: SECONDS, pgVersion},
  runs,
};
saveJson('live-capacity.json', result);
console.log(JSON.stringify(result, null, 2));
