// Bytes on the wire for the reference server's JSON pages, as sent to a
// client that accepts br, gzip or neither (server/src/compress.ts), on
// PGlite in memory with the bench's 5 000-comment discussion and 10 000
// signatories (bench/data.mjs). Prints a markdown table.
//
//   node bench/compressed-pages.mjs
import {register} from 'tsx/esm/api';
import * as data from './data.mjs';

register();
const {openStore, startServer} = await import('../server/src/index.ts');

const ID = 'com-5000';
const store = await openStore({dataDir: 'memory'});
const d = data.statement(ID, {signatories: 10_000, comments: 5000});
await store.importDocument(
  {id: ID, content: {title: d.title, body: d.body, notes: []}, signatories_open: true, comments_open: true, moderation: 'none',
    email_required: false, goal: null, signing: 'open', allowed_domains: []},
  {signatories: data.signatories(10_000), comments: data.comments(5000)}
);
const server = await startServer({port: 0, store, seed: false, rateLimit: false, staticRoot: null});
const base = `${server.url}/v1/statements/${ID}`;
const routes = [
  ['statement', ''],
  ['comments, first page (20 threads)', '/comments'],
  ['comments, page of 50 threads', '/comments?limit=50'],
  ['signatories, page of 50', '/signatories?limit=50'],
  ['signatories, page of 200', '/signatories?limit=200'],
];
console.log('| response | identity | gzip | br | Content-Encoding |');
console.log('| --- | --- | --- | --- | --- |');
for (const [label, path] of routes) {
  const sizes = [];
  let encoding = '';
  for (const accept of ['identity', 'gzip', 'br, gzip']) {
    // Raw bytes off the socket: node's fetch would decode them.
    const res = await fetch(base + path, {headers: {'Accept-Encoding': accept}});
    const body = Buffer.from(await res.arrayBuffer());
    sizes.push(Number(res.headers.get('content-length') ?? body.length));
    encoding = res.headers.get('content-encoding') ?? 'none';
  }
  console.log(`| GET ${label} | ${(sizes[0] / 1024).toFixed(1)} KB | ${(sizes[1] / 1024).toFixed(1)} KB | ${(sizes[2] / 1024).toFixed(1)} KB | ${encoding} |`);
}
await server.close();
await store.close?.();
