// The browser bench's endpoint: a tiny Node http server on loopback that
// serves the built bundle, the bench page, static-mode documents and
// contract v1 JSON for generated statements. Statement ids name the data:
// `sig-100000` has 100 000 signatories, `com-5000` 5 000 comments.
//
//   GET /bench/page.html, /bench/page.js     the bench page
//   GET /dist/undersigned.js                 the built bundle
//   GET /bench/static-sig-{n}.json           {statement, signatories: n, comments: []}
//   GET /bench/static-com-{n}.json           {statement, signatories: [], comments: n}
//   GET /v1/statements/{id}[/signatories|/comments]
//
// Run alone to poke at it: `node bench/serve.mjs` prints its URL.
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as data from './data.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const MAX_N = 1_000_000;

const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

const datasets = new Map();

/** The generated statement for an id like `sig-1000` or `com-500`, made once. */
function dataset(id) {
  const m = /^(sig|com)-(\d+)$/.exec(id);
  if (!m || Number(m[2]) > MAX_N) return undefined;
  let d = datasets.get(id);
  if (!d) {
    const n = Number(m[2]);
    const sigs = m[1] === 'sig' ? data.signatories(n) : [];
    const coms = m[1] === 'com' ? data.comments(n) : [];
    d = {statement: data.statement(id, {signatories: sigs.length, comments: coms.length}), signatories: sigs, comments: coms};
    datasets.set(id, d);
  }
  return d;
}

function staticBody(d) {
  d.staticJson ??= JSON.stringify({statement: d.statement, signatories: d.signatories, comments: d.comments});
  return d.staticJson;
}

function signatoryPage(d, params) {
  const limit = params.has('limit') ? Number(params.get('limit')) : 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return problem(422, 'Invalid limit.', {limit: 'A whole number from 1 to 200.'});
  const kind = params.get('kind');
  const q = (params.get('q') ?? '').trim();
  let list = d.signatories;
  if (kind === 'organization' || kind === 'individual') list = list.filter((s) => s.kind === kind);
  if (q) {
    d.folded ??= d.signatories.map((s) => fold([s.name, s.organization, s.role, s.location].filter(Boolean).join(' ')));
    const needle = fold(q);
    list = list.filter((s) => d.folded[s.position - 1].includes(needle));
  }
  const start = Number(params.get('cursor') ?? 0) || 0;
  const end = start + limit;
  d.kinds ??= d.signatories.reduce((k, s) => (k[s.kind]++, k), {organization: 0, individual: 0});
  return json({items: list.slice(start, end), total: list.length, next: end < list.length ? String(end) : null, kinds: d.kinds});
}

function commentPage(d, params) {
  const limit = params.has('limit') ? Number(params.get('limit')) : 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return problem(422, 'Invalid limit.', {limit: 'A whole number from 1 to 200.'});
  if (!d.threads) {
    // Each root with its replies, depth first, replies oldest first: a reply never before its parent.
    const children = new Map();
    for (const c of d.comments) {
      const list = children.get(c.parent_id) ?? [];
      list.push(c);
      children.set(c.parent_id, list);
    }
    d.threads = (children.get(null) ?? []).map((root) => {
      const out = [];
      const visit = (c) => {
        out.push(c);
        for (const r of children.get(c.id) ?? []) visit(r);
      };
      visit(root);
      return out;
    });
  }
  const roots = params.get('sort') === 'newest' ? [...d.threads].reverse() : d.threads;
  const start = Number(params.get('cursor') ?? 0) || 0;
  const end = start + limit;
  return json({items: roots.slice(start, end).flat(), total: d.comments.length, next: end < roots.length ? String(end) : null});
}

function json(body, status = 200) {
  return {status, type: 'application/json; charset=utf-8', body: typeof body === 'string' ? body : JSON.stringify(body)};
}

function problem(status, title, errors) {
  return {status, type: 'application/problem+json', body: JSON.stringify({title, status, ...(errors && {errors})})};
}

const FILES = {
  '/bench/page.html': ['bench/page.html', 'text/html; charset=utf-8'],
  '/bench/page.js': ['bench/page.js', 'text/javascript; charset=utf-8'],
  '/dist/undersigned.js': ['dist/undersigned.js', 'text/javascript; charset=utf-8'],
  '/dist/undersigned.js.map': ['dist/undersigned.js.map', 'application/json'],
};

async function route(url, bundle) {
  const file = FILES[url.pathname];
  if (file) {
    const path = bundle && url.pathname === '/dist/undersigned.js' ? bundle : ROOT + file[0];
    try {
      return {status: 200, type: file[1], body: await readFile(path)};
    } catch {
      return problem(404, `${file[0]} is missing (run npm run build).`);
    }
  }
  // The bundle's lazily loaded siblings (catalogs, the static-document reader…), from beside it.
  let m = /^\/dist\/(undersigned-[\w-]+\.js)$/.exec(url.pathname);
  if (m) {
    try {
      return {status: 200, type: 'text/javascript; charset=utf-8', body: await readFile(join(bundle ? dirname(bundle) : ROOT + 'dist', m[1]))};
    } catch {
      return problem(404, `dist/${m[1]} is missing.`);
    }
  }
  m = /^\/bench\/static-((?:sig|com)-\d+)\.json$/.exec(url.pathname);
  if (m) {
    const d = dataset(m[1]);
    return d ? json(staticBody(d)) : problem(404, 'No such document.');
  }
  m = /^\/v1\/statements\/([^/]+)(\/signatories|\/comments)?$/.exec(url.pathname);
  if (m) {
    const d = dataset(decodeURIComponent(m[1]));
    if (!d) return problem(404, `No statement "${m[1]}".`);
    if (!m[2]) return json(d.statement);
    return m[2] === '/signatories' ? signatoryPage(d, url.searchParams) : commentPage(d, url.searchParams);
  }
  if (url.pathname === '/favicon.ico') return {status: 204, type: 'image/x-icon', body: ''};
  return problem(404, 'Not found.');
}

/**
 * Starts the bench endpoint on loopback; `log` lists the data requests.
 * `bundle` serves another file as /dist/undersigned.js.
 */
export function startBenchServer({port = 0, bundle} = {}) {
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith('/v1/') || /^\/bench\/static-/.test(url.pathname)) log.push(url.pathname + url.search);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, {'Content-Type': 'application/problem+json'}).end('{"title":"Read only","status":405}');
      return;
    }
    const out = await route(url, bundle);
    res.writeHead(out.status, {'Content-Type': out.type, 'Cache-Control': 'no-store'});
    res.end(req.method === 'HEAD' ? undefined : out.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const {port: p} = server.address();
      resolve({
        url: `http://127.0.0.1:${p}`,
        log,
        /** Generates a data set ahead of time, so a measurement does not wait for it. */
        warm(id) {
          const d = dataset(id);
          if (d) staticBody(d);
        },
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeIdleConnections?.();
        }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await startBenchServer({port: Number(process.env.PORT ?? 0), bundle: process.env.BENCH_BUNDLE});
  console.log(`bench endpoint at ${s.url} — try ${s.url}/bench/page.html?target=baseline&kind=signatories&src=/bench/static-sig-1000.json`);
}
