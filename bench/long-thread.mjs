// A long discussion (5 000 comments) in headless Chromium, undersigned's
// <comment-thread> beside other comment widgets on the same data in the
// same browser run. Per run (fresh browser context):
//   first comment   navigation start → the first comment painted (and from its data's arrival)
//   load all        "Load more" pressed until there is none: each press → new comments painted,
//                   the first 5 and the last 5 presses (cost should not grow with the thread)
//   jump scroll     the fully loaded page jumped to 10 %, 20 % … 100 % of its height, then End
//                   (scroll to the bottom) up to 5 more times until the last comment is in view:
//                   whether it was, after how many End, and the longest frame meanwhile
//   bytes           data bytes over the wire (encoded) for the whole run
//
//   node bench/long-thread.mjs [--reps=3] [--n=5000] [--only=undersigned-api,waline]
//
// Env: BENCH_BUNDLE=<dist/undersigned.js> serves another build as this one; BENCH_BASELINE=<dist dir> adds "undersigned (before)" served from that
// build's dist/undersigned.js. Peers come from PEERS_DIR (default
// /tmp/peers, `npm install` there: see bench/peers.mjs), never from git.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {machine, median, saveJson} from './report.mjs';
import {startBenchServer} from './serve.mjs';
import {PEERS, startPeerServer} from './peers.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const [k, v] = a.replace(/^--/, '').split('=');
  return [k, v ?? true];
}));
const REPS = Number(args.reps ?? 3);
const N = Number(args.n ?? 5000);
const ONLY = args.only ? String(args.only).split(',') : null;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const BASELINE = process.env.BENCH_BASELINE;
const MAX_CLICKS = 400;

/** In-page probes, installed before any script of the page runs. */
const HARNESS = (cfg) => {
  const tasks = [];
  new PerformanceObserver((l) => tasks.push(...l.getEntries())).observe({type: 'longtask', buffered: true});
  const arrivals = [];
  for (const name of ['text', 'json']) {
    const original = Response.prototype[name];
    Response.prototype[name] = async function (...a) {
      const v = await original.apply(this, a);
      arrivals.push(performance.now());
      return v;
    };
  }
  const raf = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
  const task = () => new Promise((r) => setTimeout(r, 0));
  const root = () => (cfg.shadow ? document.querySelector(cfg.shadow)?.shadowRoot : document);
  const comments = () => root()?.querySelectorAll(cfg.comment) ?? [];
  const busy = (b) => b.disabled || b.getAttribute('aria-busy') === 'true' || b.getAttribute('aria-disabled') === 'true';
  const more = () => {
    const b = root()?.querySelector(cfg.more);
    return b && b.offsetParent !== null && !busy(b) ? b : null;
  };
  // Counting comments only after the DOM changed: the probe itself stays cheap on a long page.
  let dirty = true;
  let counted = 0;
  const observer = new MutationObserver(() => (dirty = true));
  const observed = new WeakSet();
  const count = () => {
    const r = root();
    if (r && !observed.has(r)) {
      observed.add(r);
      observer.observe(r, {childList: true, subtree: true});
      dirty = true;
    }
    if (dirty) {
      dirty = false;
      counted = comments().length;
    }
    return counted;
  };
  const longest = (since) => Math.max(0, ...tasks.filter((t) => t.startTime + t.duration > since).map((t) => t.duration));
  const until = async (test, ms) => {
    const end = performance.now() + ms;
    for (;;) {
      if (test()) return performance.now();
      if (performance.now() > end) return null;
      await raf();
    }
  };
  window.__lt = {
    async first() {
      const seen = await until(() => comments().length > 0, 60_000);
      if (seen === null) throw new Error('no comment within 60 s');
      await raf();
      await task();
      const painted = performance.now();
      const arrival = arrivals.filter((t) => t <= seen).at(-1);
      return {fromStart: painted, fromData: arrival === undefined ? null : painted - arrival, comments: comments().length};
    },
    async loadAll(max) {
      const presses = [];
      const from = performance.now();
      for (let i = 0; i < max; i++) {
        // A widget may swap its button out while it renders: give it a moment to come back.
        if (!more() && (await until(() => more(), 1000)) === null) break;
        const before = count();
        const button = more();
        const t0 = performance.now();
        button.click();
        // In: more comments, and the button (if still there) no longer busy.
        const grew = await until(() => count() > before && !(button.isConnected && busy(button)), 20_000);
        if (grew === null) return {presses, stalled: true, comments: comments().length, ms: performance.now() - from, longestTask: longest(from)};
        await raf();
        presses.push(performance.now() - t0);
      }
      await raf();
      return {presses, stalled: false, done: !more(), comments: comments().length, ms: performance.now() - from, longestTask: longest(from)};
    },
    async jump() {
      const box = document.scrollingElement;
      let last = await raf();
      let longestFrame = 0;
      const frames = async (n) => {
        for (let i = 0; i < n; i++) {
          const t = await raf();
          longestFrame = Math.max(longestFrame, t - last);
          last = t;
        }
      };
      const from = performance.now();
      for (let k = 1; k <= 10; k++) {
        box.scrollTop = Math.round(((box.scrollHeight - box.clientHeight) * k) / 10);
        await frames(2);
      }
      const lastInView = () => {
        const list = comments();
        const r = list[list.length - 1]?.getBoundingClientRect();
        return Boolean(r && r.top < innerHeight && r.bottom > 0);
      };
      let ends = 0;
      await frames(3);
      while (!lastInView() && ends < 5) {
        box.scrollTop = box.scrollHeight;
        ends++;
        await frames(3);
      }
      return {reached: lastInView(), ends, longestFrame, longestTask: longest(from), height: box.scrollHeight};
    },
  };
};

async function runOnce(browser, target) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors = [];
  let bytes = 0;
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    const dataUrls = new Map();
    cdp.on('Network.responseReceived', (e) => {
      if (target.isData(new URL(e.response.url).pathname)) dataUrls.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (dataUrls.has(e.requestId)) bytes += e.encodedDataLength;
    });
    await page.evaluateOnNewDocument(HARNESS, {shadow: target.shadow, comment: target.comment, more: target.more});
    await page.goto(target.url, {waitUntil: 'domcontentloaded'});
    const first = await page.evaluate(() => window.__lt.first());
    const bytesFirst = bytes;
    const load = await page.evaluate((max) => window.__lt.loadAll(max), MAX_CLICKS);
    const jump = await page.evaluate(() => window.__lt.jump());
    return {first, load, jump, bytes, bytesFirst, errors};
  } catch (error) {
    return {error: error.message.split('\n')[0], errors};
  } finally {
    await context.close().catch(() => {});
  }
}

function summarise(runs) {
  const ok = runs.filter((r) => !r.error);
  if (!ok.length) return {error: runs[0].error};
  const m = (f) => median(ok.map(f));
  const head = (r) => median(r.load.presses.slice(0, 5));
  const tail = (r) => median(r.load.presses.slice(-5));
  return {
    firstMs: m((r) => r.first.fromStart),
    firstFromData: m((r) => r.first.fromData),
    bytesFirst: m((r) => r.bytesFirst),
    presses: m((r) => r.load.presses.length),
    loadAllMs: m((r) => r.load.ms),
    loadLongestTask: m((r) => r.load.longestTask),
    pressFirst5: m(head),
    pressLast5: m(tail),
    comments: m((r) => r.load.comments),
    loadedAll: ok.every((r) => r.load.done),
    reached: ok.filter((r) => r.jump.reached).length,
    runs: ok.length,
    failures: runs.length - ok.length,
    ends: Math.max(...ok.map((r) => r.jump.ends)),
    longestFrame: Math.max(...ok.map((r) => r.jump.longestFrame)),
    jumpFrameMedian: m((r) => r.jump.longestFrame),
    bytes: m((r) => r.bytes),
    raw: runs,
  };
}

const f0 = (x) => (x === undefined || x === null ? '—' : Math.round(x).toLocaleString('en-US'));
const kb = (x) => (x === undefined ? '—' : `${(x / 1024).toFixed(0)} KB`);

export function table(rows) {
  const out = [
    '| widget | first comment ms (after its data) | "Load more" presses | load all ms | longest task loading ms | press ms, first 5 → last 5 | comments loaded | end reached (jump scroll) | longest frame jumping ms | data bytes |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const {label, s} of rows) {
    if (s.error) {
      out.push(`| ${label} | failed: ${s.error} | | | | | | | | |`);
      continue;
    }
    out.push(
      `| ${label} | ${f0(s.firstMs)} (${f0(s.firstFromData)}) | ${f0(s.presses)} | ${f0(s.loadAllMs)} | ${s.loadLongestTask ? f0(s.loadLongestTask) : '<50'} | ${f0(s.pressFirst5)} → ${f0(s.pressLast5)} | ${f0(s.comments)}${s.loadedAll ? '' : ' (not all)'} | ${s.reached}/${s.runs}${s.ends ? ` (≤ ${s.ends} End)` : ''} | ${f0(s.longestFrame)} (median ${f0(s.jumpFrameMedian)}) | ${kb(s.bytes)} |`
    );
  }
  return out.join('\n');
}

async function main() {
  const us = await startBenchServer({bundle: process.env.BENCH_BUNDLE});
  const before = BASELINE ? await startBenchServer({bundle: join(BASELINE, 'undersigned.js')}) : undefined;
  us.warm(`com-${N}`);
  const peers = await startPeerServer({n: N});
  const isUs = (p) => p.startsWith('/v1/') || p.startsWith('/bench/static-');
  const usTargets = (label, s, id) => [
    {id: `${id}-api`, label: `${label}, endpoint`, url: `${s.url}/bench/page.html?target=element&kind=comments&endpoint=/v1&statement=com-${N}`},
    {id: `${id}-static`, label: `${label}, static document`, url: `${s.url}/bench/page.html?target=element&kind=comments&src=/bench/static-com-${N}.json`},
  ].map((t) => ({...t, shadow: 'comment-thread', comment: 'article.comment', more: '[part~="more-button"]', isData: isUs}));
  const targets = [
    ...(before ? usTargets('undersigned before', before, 'before') : []),
    ...usTargets('undersigned', us, 'undersigned'),
    ...PEERS.map((p) => ({...p, url: `${peers.url}${p.page}`})),
  ].filter((t) => !ONLY || ONLY.some((o) => t.id.startsWith(o)));

  const userDataDir = mkdtempSync(join(tmpdir(), 'undersigned-lt-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir,
    protocolTimeout: 600_000,
    defaultViewport: {width: 1280, height: 800},
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const result = {machine: machine({chromium: await browser.version()}), n: N, reps: REPS, rows: []};
  try {
    for (const t of targets) {
      const runs = [];
      for (let i = 0; i < REPS; i++) {
        const r = await runOnce(browser, t);
        runs.push(r);
        process.stderr.write(
          r.error
            ? `${t.id}: FAILED ${r.error} ${r.errors.join('; ')}\n`
            : `${t.id}: first ${r.first.fromStart.toFixed(0)} ms, ${r.load.presses.length} presses in ${r.load.ms.toFixed(0)} ms (${r.load.comments} comments${r.load.done ? '' : ', NOT ALL'}), ` +
                `press ${median(r.load.presses.slice(0, 5))?.toFixed(0)} → ${median(r.load.presses.slice(-5))?.toFixed(0)} ms, ` +
                `jump: end ${r.jump.reached ? 'reached' : 'NOT reached'} (${r.jump.ends} End), longest frame ${r.jump.longestFrame.toFixed(0)} ms, ${(r.bytes / 1024).toFixed(0)} KB${r.errors.length ? ` errors: ${r.errors.join('; ')}` : ''}\n`
        );
        if (r.error) break;
      }
      result.rows.push({id: t.id, label: t.label, s: summarise(runs)});
    }
  } finally {
    await browser.close();
    await us.close();
    await before?.close();
    await peers.close();
    rmSync(userDataDir, {recursive: true, force: true});
  }
  saveJson('long-thread.json', result);
  const md = table(result.rows);
  console.log(`${result.machine.date}, code ${result.machine.git}, ${result.machine.chromium}, ${REPS} runs, ${N} comments\n`);
  console.log(md);
}

await main();
