// Issue 12 item 10: the largest statement body the client accepts (its
// edge allows 200 000 characters and 2 000 start tags,
// src/contract/limits.ts), made of links: a paragraph and 1 999 links. Measures in
// headless Chromium, with the browser's setHTML and with it removed (the
// DOMPurify path): time until the body is shown and the longest task.
//
//   npm run build && node bench/max-body.mjs [--reps=3]
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import puppeteer from 'puppeteer-core';
import {LIMITS} from '../dist/contract/limits.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const REPS = Number(args.reps ?? 3);
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const LINK = '<a href="https://example.org/">x</a> ';
const LINKS = Number(args.links ?? Math.min(Math.floor(LIMITS.statementBody / LINK.length), LIMITS.statementBodyTags) - 1);
const body = `<p>${LINK.repeat(LINKS)}</p>`;
// The demo's static document with the body replaced.
const demo = JSON.parse(await readFile(new URL('../demo/data/statement.json', import.meta.url), 'utf8'));
const doc = JSON.stringify({...demo, statement: {...demo.statement, body}});
const page = `<!doctype html><meta charset="utf-8"><title>max body</title>
<script type="module" src="/dist/undersigned.js"></script>
<statement-card src="/doc.json"></statement-card>`;

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') return void res.writeHead(200, {'content-type': 'text/html'}).end(page);
  if (path === '/doc.json') return void res.writeHead(200, {'content-type': 'application/json'}).end(doc);
  if (path.startsWith('/dist/') && !path.includes('..')) {
    try {
      return void res.writeHead(200, {'content-type': 'text/javascript'}).end(await readFile(DIST + path.slice(6)));
    } catch {}
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const pct = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
try {
  for (const path of ['setHTML', 'DOMPurify']) {
    const shown = [];
    const longest = [];
    for (let r = 0; r < REPS; r++) {
      const tab = await browser.newPage();
      await tab.evaluateOnNewDocument((withoutSetHTML) => {
        if (withoutSetHTML) delete Element.prototype.setHTML;
        window.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({type: 'longtask', buffered: true});
      }, path === 'DOMPurify');
      const t0 = Date.now();
      await tab.goto(base);
      await tab.waitForFunction((n) => {
        const card = document.querySelector('statement-card');
        return (card?.shadowRoot?.querySelectorAll('[part~="body"] a').length ?? 0) === n;
      }, {timeout: 120_000, polling: 50}, LINKS);
      shown.push(Date.now() - t0);
      // The next frame: whatever the render left to do has run.
      longest.push(await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(window.__longest))))));
      await tab.close();
    }
    results.push({path, shown: pct(shown), longest: pct(longest)});
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`Body of ${LINKS} links (${body.length} characters), median of ${REPS}:`);
console.log('| sanitiser | shown after ms | longest task ms |\n|---|---|---|');
for (const r of results) console.log(`| ${r.path} | ${r.shown} | ${Math.round(r.longest)} |`);
