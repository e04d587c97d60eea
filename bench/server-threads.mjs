// Issue 12 item 1: the cost of a request is bounded by its page, not by the
// shape of the data. Seeds a 10 000-deep reply chain and a 10 000-reply
// thread, then measures GET statement, GET comments (first page) and GET
// ?thread= (a continuation from the middle) p50/p99, and an unaffected
// statement's GETs while 10 clients hammer the big threads. PGlite (in
// memory), and PostgreSQL when DATABASE_URL is set. Loopback only.
//
//   node bench/server-threads.mjs [--requests=300] [--concurrency=10]
//   eval "$(bash .ci/pg-start.sh)" && node bench/server-threads.mjs
import {randomBytes} from 'node:crypto';
import postgres from 'postgres';
import {startServer} from '../server/index.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const REQUESTS = Number(args.requests ?? 300);
const CONCURRENCY = Number(args.concurrency ?? 10);
const N = 10_000;

const statement = (id) => ({
  id, content: {title: id, body: '<p>bench</p>'}, signatories_open: true, comments_open: true,
  moderation: 'none', email_required: false, goal: null,
});
const at = (i) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();

async function seed(store) {
  for (const id of ['deep', 'wide', 'plain']) await store.importDocument(statement(id), {signatories: [], comments: []});
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
  await store.importComments('plain', plain, false);
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

/** REQUESTS GETs of `url` from CONCURRENCY clients: p50, p99 in ms. */
async function measure(url) {
  const times = [];
  let left = REQUESTS;
  await Promise.all(Array.from({length: CONCURRENCY}, async () => {
    while (left-- > 0) times.push(await get(url));
  }));
  return {p50: pct(times, 50), p99: pct(times, 99)};
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
    // The unaffected statement while clients hammer the big ones.
    let stop = false;
    const hammer = Array.from({length: CONCURRENCY}, async (_, k) => {
      const list = Object.values(urls);
      for (let i = k; !stop; i++) await get(list[i % list.length]);
    });
    rows.push({database, name: 'GET statement (unaffected, under that load)', ...(await measure(`${api}/plain`))});
    rows.push({database, name: 'GET comments (unaffected, under that load)', ...(await measure(`${api}/plain/comments`))});
    stop = true;
    await Promise.all(hammer);
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
    // The seed is one 10 001-row import statement: no timeout for it (requests are measured below).
    rows.push(...(await bench('PostgreSQL', {databaseUrl: url, schema, statementTimeout: 0})));
  } finally {
    await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
console.log(`| database | request | p50 ms | p99 ms |\n|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.database} | ${r.name} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`);
