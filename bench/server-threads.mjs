// Issue 12 item 1: the cost of a request is bounded by its page, not by the
// shape of the data. Seeds a 10 000-deep reply chain and a 10 000-reply
// thread, then measures GET statement, GET comments (first page) and GET
// ?thread= (a continuation from the middle) p50/p99 from 10 concurrent
// clients. Then an unaffected statement of 20 comments, read by one client
// one request at a time: alone, beside 10 load clients (another process,
// autocannon) reading the big threads, and beside the same load on small
// statements — so what the big threads cost others is told apart from what
// any load on two cores costs. PGlite (in memory), and PostgreSQL when
// DATABASE_URL is set. Loopback only.
//
//   node bench/server-threads.mjs [--requests=300] [--concurrency=10]
//   eval "$(bash .ci/pg-start.sh)" && node bench/server-threads.mjs
import {spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import postgres from 'postgres';
import {startServer} from '../server/index.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const REQUESTS = Number(args.requests ?? 300);
const CONCURRENCY = Number(args.concurrency ?? 10);
const N = 10_000;
const CLIENT = fileURLToPath(new URL('./load-client.mjs', import.meta.url));

const statement = (id) => ({
  id, content: {title: id, body: '<p>bench</p>'}, signatories_open: true, comments_open: true,
  moderation: 'none', email_required: false, goal: null, signing: 'open', allowed_domains: [],
  confirmation: 'none', language: 'en', mail_hourly_cap: 500,
});
const at = (i) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();

async function seed(store) {
  for (const id of ['deep', 'wide', 'plain', 'small-a', 'small-b']) await store.importDocument(statement(id), {signatories: [], comments: []});
  const chain = Array.from({length: N + 1}, (_, i) => ({
    import_key: `d${i}`, parent_key: i ? `d${i - 1}` : null, author: {name: `A${i}`}, body: `Reply ${i}`, created_at: at(i),
  }));
  const wide = Array.from({length: N + 1}, (_, i) => ({
    import_key: `w${i}`, parent_key: i ? 'w0' : null, author: {name: `W${i}`}, body: `Reply ${i}`, created_at: at(i),
  }));
  const plain = Array.from({length: 20}, (_, i) => ({
    import_key: `p${i}`, parent_key: null, author: {name: `P${i}`}, body: `Root ${i}`, created_at: at(i),
  }));
  for (const [id, rows] of [['deep', chain], ['wide', wide]]) {
    const t = performance.now();
    await store.importComments(id, rows, false);
    process.stderr.write(`  import ${id}: ${Math.round(performance.now() - t)} ms\n`);
  }
  for (const id of ['plain', 'small-a', 'small-b']) await store.importComments(id, plain, false);
}

async function get(url) {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** REQUESTS GETs of `url` from `clients` clients: p50, p99 in ms. */
async function measure(url, clients = CONCURRENCY) {
  const times = [];
  let left = REQUESTS;
  await Promise.all(Array.from({length: clients}, async () => {
    while (left-- > 0) times.push(await get(url));
  }));
  return {p50: pct(times, 50), p99: pct(times, 99)};
}

/** Runs `fn` while CONCURRENCY load clients in a child process GET `paths` round-robin. */
async function beside(base, paths, fn) {
  const cfg = {url: base, mode: 'get', paths, connections: CONCURRENCY, duration: 600};
  const child = spawn(process.execPath, [CLIENT, JSON.stringify(cfg)], {stdio: ['ignore', 'ignore', 'inherit']});
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    // Lets the load clients start and connect before measuring (a bench, not a test).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return await fn();
  } finally {
    child.kill();
    await exited;
  }
}

async function bench(database, opts) {
  const server = await startServer({port: 0, hostname: '127.0.0.1', rateLimit: false, seed: false, staticRoot: null, ...opts});
  const rows = [];
  try {
    const t0 = performance.now();
    await seed(server.store);
    const seedS = ((performance.now() - t0) / 1000).toFixed(1);
    const api = `${server.url}/v1/statements`;
    const wideRoot = (await (await fetch(`${api}/wide/comments?limit=1`)).json()).items[0];
    let cursor = wideRoot.replies.next;
    for (let i = 0; i < 50; i++) cursor = (await (await fetch(`${api}/wide/comments?thread=${wideRoot.id}&cursor=${cursor}`)).json()).next;
    const urls = {
      'GET statement (10 000-deep chain)': `${api}/deep`,
      'GET comments (10 000-deep chain)': `${api}/deep/comments`,
      'GET statement (10 000-reply thread)': `${api}/wide`,
      'GET comments (10 000-reply thread)': `${api}/wide/comments`,
      'GET ?thread= page 51 of 100 (10 000-reply thread)': `${api}/wide/comments?thread=${wideRoot.id}&cursor=${cursor}`,
    };
    for (const [name, url] of Object.entries(urls)) rows.push({database, name, ...(await measure(url))});
    // The unaffected statement, one request at a time: alone, beside the big
    // threads' load, beside the same load on small statements.
    const unaffected = async (when) => {
      rows.push({database, name: `GET statement (unaffected, ${when})`, ...(await measure(`${api}/plain`, 1))});
      rows.push({database, name: `GET comments (unaffected, ${when})`, ...(await measure(`${api}/plain/comments`, 1))});
    };
    const path = (u) => u.slice(server.url.length);
    await unaffected('alone');
    await beside(server.url, Object.values(urls).map(path), () => unaffected('beside 10 clients on the big threads'));
    const small = ['small-a', 'small-b'].flatMap((id) => [`/v1/statements/${id}`, `/v1/statements/${id}/comments`]);
    await beside(server.url, small, () => unaffected('beside 10 clients on small statements'));
    process.stderr.write(`${database}: seeded 2 × ${N} comments in ${seedS} s\n`);
  } finally {
    await server.close();
  }
  return rows;
}

const rows = [...(await bench('PGlite (memory)', {dataDir: 'memory'}))];
const url = process.env.DATABASE_URL;
if (url) {
  if (!/^(127\.|localhost$)/.test(new URL(url).hostname)) throw new Error('DATABASE_URL must be loopback');
  const schema = `undersigned_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(url, {max: 1, onnotice: () => {}});
  await admin.unsafe(`CREATE SCHEMA ${schema}`);
  try {
    rows.push(...(await bench('PostgreSQL', {databaseUrl: url, schema})));
  } finally {
    await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
console.log(`| database | request | p50 ms | p99 ms |\n|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.database} | ${r.name} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`);
