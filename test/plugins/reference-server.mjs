// A web-test-runner plugin that runs the real reference server for browser
// tests of the write path. Tests drive it with
// `executeServerCommand('reference-server', {action, ...})`:
//   start            a fresh in-memory database with the demo statement → {url}
//   stop             stop answering (the database is kept)
//   resume           answer again on the same port and database → {url}
//   put-statement    create or replace a statement: {statement: StatementInput}
//   pending          {statement} → the items waiting for moderation
//   import-long      {statement, count} a new statement with `count` listed signatories
import {register} from 'tsx/esm/api';

export function referenceServerPlugin() {
  let lib;
  const load = async () => {
    if (!lib) {
      register();
      lib = await import('../../server/src/index.ts');
    }
    return lib;
  };

  // Test files run concurrently: each (a test session) gets its own server
  // and database, so one file's start never closes another's store.
  const sessions = new Map();
  const stateOf = (id) => {
    if (!sessions.has(id)) sessions.set(id, {server: undefined, store: undefined, port: 0, rateLimit: false});
    return sessions.get(id);
  };
  const listen = async (state) => {
    const {startServer} = await load();
    state.server = await startServer({port: state.port, store: state.store, seed: false, rateLimit: state.rateLimit, staticRoot: null});
    state.port = state.server.port;
    return {url: state.server.url};
  };
  const stop = async (state) => {
    const {server} = state;
    state.server = undefined;
    if (server) await server.close();
  };
  const close = async (state) => {
    await stop(state);
    const {store} = state;
    state.store = undefined;
    await store?.close();
  };

  return {
    name: 'reference-server',
    async executeCommand({command, payload, session}) {
      if (command !== 'reference-server') return undefined;
      const {openStore, startServer} = await load();
      const state = stateOf(session.id);
      switch (payload.action) {
        case 'start': {
          await close(state);
          state.store = await openStore({dataDir: 'memory'});
          state.rateLimit = payload.rateLimit ?? false;
          state.port = 0;
          // A seeding start, then a plain listen, so resume reuses the store.
          const seeded = await startServer({port: 0, store: state.store, seed: true, rateLimit: state.rateLimit, staticRoot: null});
          await seeded.close();
          return listen(state);
        }
        case 'stop':
          await stop(state);
          return {};
        case 'resume':
          return listen(state);
        case 'put-statement':
          await state.store.putStatement(payload.statement);
          return {};
        case 'import-long': {
          const {statement, count} = payload;
          const signatories = Array.from({length: count}, (_, i) => ({
            id: `s${i + 1}`, position: i + 1, name: `Person ${i + 1}`, kind: 'individual', signed_at: '2026-11-02T10:00:00Z',
          }));
          const input = {id: statement, content: {title: `Statement ${statement}`, body: '<p>Text.</p>', notes: []},
            signatories_open: true, comments_open: true, moderation: 'none', email_required: false, goal: null};
          await state.store.importDocument(input, {signatories, comments: []});
          return {};
        }
        case 'pending':
          return JSON.parse(JSON.stringify(await state.store.pending(payload.statement)));
        default:
          throw new Error(`reference-server: unknown action ${payload.action}`);
      }
    },
    async serverStop() {
      await Promise.all([...sessions.values()].map(close));
      sessions.clear();
    },
  };
}
