// A web-test-runner plugin that runs the real reference server for browser
// tests of the write path. Tests drive it with
// `executeServerCommand('reference-server', {action, ...})` (through
// test/helpers/reference-server.ts):
//   start            a fresh copy of the demo statement and a server for this
//                    test file → {url, statement}; `rateLimit` per server
//   stop             this file's server stops answering (its data is kept)
//   resume           answer again on the same port → {url, statement}
//   put-statement    create or replace a statement: {statement: StatementInput}
//                    → {id}, the id made unique to this file
//   pending          {statement} → the items waiting for moderation
//   live-streams     → {count}: the event streams this file's server holds open
//   write-comment    {statement, body} a published top-level comment written to
//                    the store itself (also while this file's server is stopped) → {id}
//   import-long      {statement, count} a new statement listing `count` people
//                    ("Person 1" … at positions 1 …) → {id}, made unique to this file
//   invite           {statement, count} `count` anonymous invitations → {tokens}
//   mails            {to} → the mails the servers sent to that address ({subject, text, link}; bounce…@ fails for good),
//                    oldest first (every server delivers into one list in memory)
//   press            {url} → {status, text}: a POST to a confirmation or withdrawal link, made from here
// `start` takes {confirmation: 'email'} for a copy of the demo that confirms signatures by e-mail.
// `start` takes {adminToken} to turn the admin routes on. Each running
// server is also reachable through the test page's own origin at
// /ref/<port>/…, as the console needs (same origin as the API it calls).
//
// Opening PGlite and migrating it takes seconds (more on a busy machine), so
// the run opens ONE in-memory store, as soon as the test server starts, and
// shares it. Each test file (a wtr session) gets its own HTTP listener on
// it (stop/resume and rate limits stay per file) and its own statements:
// every id it names is suffixed with the file's tag, so files running at
// the same time never count each other's signatures.
import {request} from 'node:http';
import {fileURLToPath} from 'node:url';
import {register} from 'tsx/esm/api';

const DEMO = new URL('../../demo/data/statement.json', import.meta.url);

/** Ports of the servers running now: only those are proxied. */
const listening = new Set();

/** Every mail any of the run's servers sent: their senders share the one outbox. */
const mails = [];
const memoryTransport = {
  description: 'memory',
  async send(mail) {
    // bounce@… is refused for good, as a mail server answering 550 would.
    if (/^bounce[^@]*@/.test(mail.to)) throw Object.assign(new Error('550 5.1.1 No such mailbox (test)'), {permanent: true});
    mails.push({to: mail.to, subject: mail.subject, text: mail.text, link: mail.link});
  },
  close() {},
};

/** /ref/<port>/… goes to that running server, Host and Origin as the browser sent them. */
export async function referenceServerProxy(ctx, next) {
  const match = /^\/ref\/(\d+)(\/.*)$/.exec(ctx.url);
  const port = match && Number(match[1]);
  if (!match || !listening.has(port)) return next();
  await new Promise((done, fail) => {
    const out = request({host: '127.0.0.1', port, method: ctx.method, path: match[2], headers: ctx.req.headers}, (res) => {
      ctx.respond = false;
      ctx.res.writeHead(res.statusCode, res.headers);
      res.pipe(ctx.res);
      res.on('end', done);
      res.on('error', fail);
    });
    out.on('error', fail);
    ctx.req.pipe(out);
  });
}


export function referenceServerPlugin() {
  let lib;
  const load = async () => {
    if (!lib) {
      register();
      lib = await import('../../server/src/index.ts');
    }
    return lib;
  };
  let storePromise;
  const sharedStore = () => (storePromise ??= load().then(({openStore}) => openStore({dataDir: 'memory'})));

  const sessions = new Map();
  let sessionCount = 0;
  const stateOf = (id) => {
    if (!sessions.has(id)) sessions.set(id, {server: undefined, port: 0, rateLimit: false, tag: `t${++sessionCount}`, starts: 0, statement: '', adminToken: undefined});
    return sessions.get(id);
  };
  /** The id this session uses for `id`: unique within the run. */
  const scoped = (state, id) => `${id}-${state.tag}`;

  const listen = async (state) => {
    const {startServer} = await load();
    state.server = await startServer({port: state.port, store: await sharedStore(), seed: false, rateLimit: state.rateLimit, adminToken: state.adminToken, staticRoot: null,
      mail: {transport: memoryTransport, sender: {from: 'Test <letters@example.org>', pollMs: 200}}});
    state.port = state.server.port;
    listening.add(state.port);
    return {url: state.server.url, statement: state.statement};
  };
  const stop = async (state) => {
    const {server} = state;
    state.server = undefined;
    listening.delete(state.port);
    if (server) await server.close();
  };
  /** A fresh copy of demo/data/statement.json (signatories, comments c1…) under a new id. */
  // The demo confirms signatures by e-mail; the copies do not unless a test asks (`confirmation: 'email'`),
  // so a signature is listed at once as most tests expect.
  const copyDemo = async (state, confirmation = 'none') => {
    const store = await sharedStore();
    const {readDocument} = await import('../../server/src/seed.ts');
    const {input, signatories, comments} = readDocument(fileURLToPath(DEMO));
    const id = scoped(state, `${input.id}-${++state.starts}`);
    const settings = confirmation === 'email' ? {} : {confirmation: 'none', email_required: false};
    await store.importDocument({...input, id, ...settings}, {signatories, comments});
    return id;
  };

  return {
    name: 'reference-server',
    serverStart() {
      // Warm the store while the browser starts: the first file then waits less.
      sharedStore().catch(() => {});
    },
    async executeCommand({command, payload, session}) {
      if (command !== 'reference-server') return undefined;
      const state = stateOf(session.id);
      switch (payload.action) {
        case 'start':
          await stop(state);
          state.rateLimit = payload.rateLimit ?? false;
          state.adminToken = payload.adminToken;
          state.port = 0;
          state.statement = await copyDemo(state, payload.confirmation);
          return listen(state);
        case 'stop':
          await stop(state);
          return {};
        case 'resume':
          return listen(state);
        case 'put-statement': {
          const id = scoped(state, payload.statement.id);
          await (await sharedStore()).putStatement({...payload.statement, id});
          return {id};
        }
        case 'import-long': {
          const {count} = payload;
          const id = scoped(state, payload.statement);
          const signatories = Array.from({length: count}, (_, i) => ({
            id: `s${i + 1}`, position: i + 1, name: `Person ${i + 1}`, kind: 'individual', signed_at: '2026-11-02T10:00:00Z',
          }));
          const input = {id, content: {title: `Statement ${id}`, body: '<p>Text.</p>', notes: []},
            signatories_open: true, comments_open: true, moderation: 'none', email_required: false, goal: null,
            signing: 'open', allowed_domains: [], confirmation: 'none', language: 'en', mail_hourly_cap: 500};
          await (await sharedStore()).importDocument(input, {signatories, comments: []});
          return {id};
        }
        case 'invite': {
          const made = await (await sharedStore()).createInvitations(payload.statement, Array(payload.count).fill(null));
          return {tokens: made.map((i) => i.token)};
        }
        case 'mails':
          return mails.filter((m) => m.to === payload.to);
        case 'press': {
          const res = await fetch(payload.url, {method: 'POST'});
          return {status: res.status, text: await res.text()};
        }
        case 'live-streams':
          return {count: state.server?.live.size ?? 0};
        case 'write-comment': {
          const input = {parent_id: null, author: {name: 'Written Meanwhile'}, body: payload.body};
          const response = await (await sharedStore()).comment(payload.statement, input, null);
          return {id: JSON.parse(response.body).comment.id};
        }
        case 'pending':
          return JSON.parse(JSON.stringify(await (await sharedStore()).pending(payload.statement)));
        default:
          throw new Error(`reference-server: unknown action ${payload.action}`);
      }
    },
    async serverStop() {
      await Promise.all([...sessions.values()].map(stop));
      sessions.clear();
      const store = await storePromise?.catch(() => undefined);
      storePromise = undefined;
      await store?.close();
    },
  };
}
