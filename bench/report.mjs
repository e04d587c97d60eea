// Tables and bench/RESULTS.md, from the last results of each part:
// bench/out/browser.json (bench/run.mjs) and bench/out/server.json
// (bench/server-load.mjs). Either part can be rerun alone: writeResults
// replaces those two sections of RESULTS.md in place and keeps the others.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import os from 'node:os';
import {fileURLToPath} from 'node:url';

export const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function machine(extra = {}) {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model ?? '?';
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc', {encoding: 'utf8'}).trim()) || nproc;
  } catch {}
  let git = '?';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: ROOT, encoding: 'utf8'}).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], {cwd: ROOT, encoding: 'utf8'}).trim();
    git = dirty ? `${head} + uncommitted changes in src/` : head;
  } catch {}
  return {
    date: new Date().toISOString(),
    nproc,
    cpu,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    git,
    ...extra,
  };
}

export function saveJson(name, value) {
  mkdirSync(OUT, {recursive: true});
  writeFileSync(OUT + name, JSON.stringify(value, null, 2));
}

function loadJson(name) {
  return existsSync(OUT + name) ? JSON.parse(readFileSync(OUT + name, 'utf8')) : undefined;
}

const fmt = (x, digits = 1) =>
  x === undefined || x === null ? '—' : Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(digits);

function ratio(el, base) {
  if (el === undefined || base === undefined || base === 0) return '';
  return ` (${(el / base).toFixed(el / base < 0.1 ? 3 : 2)})`;
}

function pair(el, base, {digits = 1, floor} = {}) {
  const show = (x) => (floor !== undefined && x !== undefined && x < floor ? `<${floor}` : fmt(x, digits));
  if (el === undefined || base === undefined) return `${show(el)} / ${show(base)}`;
  const r = floor !== undefined && (el < floor || base < floor) ? '' : ratio(el, base);
  return `${show(el)} / ${show(base)}${r}`;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

export function browserTable(result) {
  const rows = [[
    'case', 'n', 'first paint ms', 'speed-up', 'rows at first paint', 'TBT ms', 'longest task scrolling ms', 'heap MB', 'DOM nodes', 'DOM nodes after scrolling', 'requests',
    'scrolled to end',
  ]];
  for (const c of result.cases) {
    // A side that failed shows as —, and why in the last column.
    const e = c.element.error ? {} : c.element;
    const b = c.baseline.error ? {} : c.baseline;
    const failed = [c.element.error && `element FAILED: ${c.element.error}`, c.baseline.error && `baseline FAILED: ${c.baseline.error}`]
      .filter(Boolean)
      .join('; ')
      .replace(/\|/g, '/')
      .replace(/\s+/g, ' ')
      .slice(0, 160);
    rows.push([
      c.label,
      c.n.toLocaleString('en-US'),
      pair(e.firstPaint, b.firstPaint),
      e.firstPaint && b.firstPaint ? `${(b.firstPaint / e.firstPaint).toFixed(1)}×` : '—',
      `${fmt(e.rowsAtFirstPaint, 0)} / ${fmt(b.rowsAtFirstPaint, 0)}`,
      pair(e.tbt, b.tbt, {digits: 0}),
      pair(e.longestScrollTask, b.longestScrollTask, {floor: 50}),
      pair(e.heapMB, b.heapMB),
      pair(e.nodes, b.nodes),
      pair(e.nodesAfterScroll, b.nodesAfterScroll),
      `${fmt(e.requests, 0)} / ${fmt(b.requests, 0)}`,
      failed || `${e.end} / ${b.end}`,
    ]);
  }
  return table(rows);
}

export function serverTable(result) {
  const rows = [['database', 'request', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'CPU ms/req server / client', 'load average', 'check']];
  for (const r of result.runs) {
    if (r.error) {
      rows.push([r.database, r.request ?? '', '', '', '', '', '', '', '', `FAILED: ${r.error.replace(/\s+/g, ' ').slice(0, 100)}`]);
      continue;
    }
    rows.push([r.database, r.request, fmt(r.rps, 0), fmt(r.p50, 1), fmt(r.p99, 1), String(r.non2xx), String(r.errors),
      r.serverCpuMs === undefined ? '' : `${r.serverCpuMs.toFixed(2)} / ${r.clientCpuMs?.toFixed(2) ?? '—'}`, r.load ?? '', r.check ?? '']);
  }
  return table(rows);
}

function machineLines(m) {
  return [
    `- Date: ${m.date}`,
    `- Machine: ${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB memory, ${m.os}`,
    `- Node ${m.node}${m.chromium ? `, ${m.chromium}` : ''}`,
    `- Code: ${m.git}`,
  ];
}

/** The sections writeResults generates; every other `## ` section of RESULTS.md is written by hand and kept as it is. */
const BROWSER = '## Widgets in the browser';
const SERVER = '## Reference server under load';

/** RESULTS.md as its preamble and `## ` sections, in order. */
function sections(text) {
  const parts = text.split(/^(?=## )/m);
  const preamble = parts[0].startsWith('## ') ? '' : parts.shift();
  return {preamble, sections: parts.map((body) => ({heading: body.slice(0, body.indexOf('\n') >>> 0).trim(), body: body.trimEnd()}))};
}

/**
 * Rewrites the two generated sections of RESULTS.md (browser and server
 * load) from bench/out/*.json, each in its place, and keeps every other
 * section (written by hand from other bench scripts) as it is. A part with
 * no JSON keeps its section from before.
 */
export function writeResults() {
  const browser = loadJson('browser.json');
  const server = loadJson('server.json');
  const generated = new Map();
  if (browser) {
    const out = [BROWSER, '', ...machineLines(browser.machine), `- Repetitions: ${browser.reps}, median shown`, ''];
    out.push(`Bundle: dist/undersigned.js is ${(browser.bundle.bytes / 1024).toFixed(1)} KB minified, **${(browser.bundle.gzip / 1024).toFixed(1)} KB gzip** (level 9).`, '');
    out.push('Each cell is `element / baseline (element ÷ baseline)`; the baseline is the same page and data rendered as one `innerHTML` of every row. Speed-up is baseline ÷ element for first paint. `<50` means no long task (≥ 50 ms) was seen.', '');
    out.push(browserTable(browser), '');
    if (browser.goals?.length) {
      out.push('### Goals', '', '| goal | measured | holds |', '| --- | --- | --- |');
      for (const g of browser.goals) out.push(`| ${g.goal} | ${g.measured} | ${g.holds === undefined ? 'not measured' : g.holds ? 'yes' : '**no**'} |`);
      out.push('');
    }
    if (browser.notes?.length) out.push('### Notes', '', ...browser.notes.map((n) => `- ${n}`), '');
    generated.set(BROWSER, out.join('\n').trimEnd());
  }
  if (server) {
    const out = [SERVER, '', ...machineLines(server.machine), `- ${server.setup}`, ''];
    out.push(serverTable(server), '');
    if (server.notes?.length) out.push(...server.notes.map((n) => `- ${n}`), '');
    if (server.explain?.length) {
      out.push('### Every query of one signatories page (EXPLAIN (ANALYZE, BUFFERS))', '');
      for (const e of server.explain) {
        out.push(`${e.database}, \`${e.page}\`, query ${e.n}: \`${e.sql}\``, '', '```', ...e.plan, '```', '');
      }
    }
    generated.set(SERVER, out.join('\n').trimEnd());
  }
  const previous = sections(existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '');
  const preamble = previous.preamble.trim()
    ? previous.preamble.trimEnd()
    : '# Bench results\n\nWritten by `npm run bench` (bench/run.mjs, bench/server-load.mjs) and, for the sections marked so, by hand from other bench scripts; see bench/README.md for what each number means.';
  const out = [preamble];
  for (const {heading, body} of previous.sections) {
    out.push(generated.get(heading) ?? body);
    generated.delete(heading);
  }
  // A generated section RESULTS.md did not have yet: browser first, then server, before the hand-written ones.
  const fresh = [...generated.values()];
  out.splice(1, 0, ...fresh);
  writeFileSync(RESULTS, `${out.join('\n\n')}\n`);
  return RESULTS;
}
