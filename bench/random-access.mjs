// Random access in a long <signatory-list> over the reference server on
// PGlite (100 000 signatories), in headless Chromium:
//   deep link   #signatory-100000: first page arrival → that row focused and in view
//   thumb jump  the box's scrollTop set to its middle once (a drag's end) → real rows in view
//   end         End pressed in the box → the last row shown
// each with the longest task and the data requests it made. Prints a
// markdown table; with BENCH_BASELINE=path/to/undersigned.js the same
// cases run on that bundle too, beside this build.
//
//   node bench/random-access.mjs [--n=100000] [--reps=3]
import {readFileSync} from 'node:fs';
import puppeteer from 'puppeteer-core';
import {register} from 'tsx/esm/api';
import * as data from './data.mjs';
import {median} from './report.mjs';
import {startBenchServer} from './serve.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const N = Number(args.n ?? 100_000);
const REPS = Number(args.reps ?? 3);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** How long a case may take before it counts as never arriving. */
const GIVE_UP_MS = 20_000;
const STATEMENT = `sig-${N}`;

register();
const {openStore, startServer} = await import('../server/src/index.ts');

async function referenceServer() {
  const store = await openStore({dataDir: 'memory'});
  const d = {statement: data.statement(STATEMENT, {signatories: N, comments: 0}), signatories: data.signatories(N)};
  const input = {id: STATEMENT, content: {title: d.statement.title, body: '<p>Bench.</p>', notes: []},
    signatories_open: true, comments_open: true, moderation: 'none', email_required: false, goal: null, signing: 'open', allowed_domains: [],
    confirmation: 'none', language: 'en', mail_hourly_cap: 500};
  await store.importDocument(input, {signatories: d.signatories, comments: []});
  return startServer({port: 0, store, seed: false, rateLimit: false, staticRoot: null});
}

/** Page-side probes: long tasks since a mark, and waiting for a condition frame by frame. */
const PROBES = () => {
  const tasks = [];
  new PerformanceObserver((l) => tasks.push(...l.getEntries())).observe({type: 'longtask', buffered: true});
  window.__ra = {
    longest: (since) => Math.max(0, ...tasks.filter((t) => t.startTime + t.duration >= since).map((t) => t.duration)),
    list: () => document.querySelector('signatory-list'),
    box: () => window.__ra.list()?.shadowRoot?.querySelector('[part="list"]'),
    /** Resolves with performance.now() once `test()` holds, checking every frame; null after `ms`. */
    until: (test, ms) =>
      new Promise((resolve) => {
        const end = performance.now() + ms;
        const tick = () => {
          if (test()) resolve(performance.now());
          else if (performance.now() > end) resolve(null);
          else requestAnimationFrame(tick);
        };
        tick();
      }),
    /** Whether the row at `position` shows a name and lies inside the box. */
    shown: (position) => {
      const box = window.__ra.box();
      const row = box?.querySelector(`[part~="item"][data-position="${position}"]`);
      if (!row || !row.querySelector('[part="name"]')) return false;
      const a = box.getBoundingClientRect();
      const b = row.getBoundingClientRect();
      return b.bottom > a.top && b.top < a.bottom;
    },
    firstPageAt: () => performance.getEntriesByType('resource').find((e) => e.name.includes('/signatories'))?.responseEnd,
  };
};

async function run(browser, base, api, scenario) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => r.url().includes('/signatories') && requests.push(r.url()));
  try {
    // As in run.mjs: a plain list of 300 first warms the renderer's font fallback for non-Latin names; the bundle stays cold.
    await page.goto(`${base}/bench/page.html?target=baseline&kind=signatories&src=/bench/static-sig-300.json`, {waitUntil: 'load'});
    await page.evaluate(() => window.__bench.settle());
    await page.evaluateOnNewDocument(PROBES);
    const q = new URLSearchParams({target: 'element', kind: 'signatories', endpoint: `${api}/v1`, statement: STATEMENT});
    const hash = scenario === 'deep link' ? `#signatory-${N}` : '';
    await page.goto(`${base}/bench/page.html?${q}${hash}`, {waitUntil: 'load'});
    // The first page in and rendered.
    await page.waitForFunction(() => window.__ra.box()?.querySelector('[part="name"]'), {timeout: 60_000});
    if (scenario === 'deep link') {
      const done = await page.evaluate(
        (n, ms) => window.__ra.until(() => window.__ra.list().shadowRoot.activeElement?.dataset.position === String(n) && window.__ra.shown(n), ms),
        N, GIVE_UP_MS);
      const from = await page.evaluate(() => window.__ra.firstPageAt());
      return {ms: done === null ? null : done - from, longest: await page.evaluate((t) => window.__ra.longest(t), from), requests: requests.length - 1};
    }
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    const before = requests.length;
    const result = await page.evaluate(async (scenario, ms) => {
      const box = window.__ra.box();
      const t0 = performance.now();
      if (scenario === 'thumb jump') box.scrollTop = (box.scrollHeight - box.clientHeight) / 2;
      else {
        box.focus();
        box.dispatchEvent(new KeyboardEvent('keydown', {key: 'End', bubbles: true}));
        box.scrollTop = box.scrollHeight;
      }
      // The middle row of the box, by its number.
      const rows = () => [...box.querySelectorAll('[part~="item"]')];
      const done = await window.__ra.until(() => {
        const a = box.getBoundingClientRect();
        const mid = rows().find((r) => {
          const b = r.getBoundingClientRect();
          return b.top <= (a.top + a.bottom) / 2 && b.bottom >= (a.top + a.bottom) / 2;
        });
        return mid && window.__ra.shown(mid.dataset.position) && (scenario === 'thumb jump' || window.__ra.shown(rows().at(-1).dataset.position));
      }, ms);
      return {ms: done === null ? null : done - t0, longest: window.__ra.longest(t0)};
    }, scenario, GIVE_UP_MS);
    return {...result, requests: requests.length - before};
  } finally {
    await context.close();
  }
}

const browser = await puppeteer.launch({executablePath: CHROMIUM, headless: true, args: ['--no-sandbox']});
const api = await referenceServer();
const bundles = [['this build', undefined]];
if (process.env.BENCH_BASELINE) bundles.push(['baseline', process.env.BENCH_BASELINE]);
const rows = [];
try {
  for (const [label, bundle] of bundles) {
    if (bundle) readFileSync(bundle);
    const bench = await startBenchServer({bundle});
    bench.warm('sig-300');
    try {
      for (const scenario of ['deep link', 'thumb jump', 'end']) {
        const runs = [];
        for (let i = 0; i < REPS; i++) runs.push(await run(browser, bench.url, api.url, scenario));
        const ms = runs.map((r) => r.ms);
        rows.push({label, scenario, ms: ms.includes(null) ? null : median(ms), longest: Math.max(...runs.map((r) => r.longest)), requests: Math.max(...runs.map((r) => r.requests)), runs});
      }
    } finally {
      await bench.close();
    }
  }
} finally {
  await browser.close();
  await api.close();
}
const fmt = (ms) => (ms === null ? `not reached in ${GIVE_UP_MS / 1000} s` : `${Math.round(ms)} ms`);
const lines = [
  `${N.toLocaleString('en')} signatories on the reference server (PGlite, in memory, same machine), \`<signatory-list endpoint statement>\` in headless Chromium; ${REPS} runs per case, median time, longest task and requests of the worst run. \`node bench/random-access.mjs\` (\`BENCH_BASELINE=old/dist/undersigned.js\` adds another build).`,
  '',
  '- **deep link**: `#signatory-N` (the last) in the URL; from the first page\'s arrival to that row focused and in view (goal ≤ 1 s).',
  '- **thumb jump**: the box scrolled to its middle at once (a dragged thumb let go); until real rows show there (goal ≤ 300 ms after the scroll stops).',
  '- **end**: `End` in the box; until the last row shows. Requests: data requests after the first page (goal ≤ 3 per jump). Longest task: goal < 50 ms.',
  '',
  '| build | case | time | longest task | requests |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.label} | ${r.scenario} | ${fmt(r.ms)} | ${r.longest ? `${Math.round(r.longest)} ms` : '<50 ms'} | ${r.requests} |`),
];
console.log(lines.join('\n'));
// bench/RESULTS.md keeps this table (pasted under "Deep and long threads", which report.mjs leaves alone).
