// A web-test-runner plugin that runs the real reference server for browser
// tests of the write path. Tests drive it with
// `executeServerCommand('reference-server', {action, ...})`:
//   start            a fresh in-memory database with the demo statement → {url}
//   stop             stop answering (the database is kept)
//   resume           answer again on the same port and database → {url}
//   put-statement    create or replace a statement: {statement: StatementInput}
//   pending          {statement} → the items waiting for moderation
import {register} from 'tsx/esm/api';

export function referenceServerPlugin() {
  let server;
  let store;
  let port = 0;
  let rateLimit = false;
  let lib;

  const load = async () => {
    if (!lib) {
      register();
      lib = await import('../../server/src/index.ts');
    }
    return lib;
  };
  const listen = async () => {
    const {startServer} = await load();
    server = await startServer({port, store, seed: false, rateLimit, staticRoot: null});
    port = server.port;
    return {url: server.url};
  };
  const stop = async () => {
    if (server) await server.close();
    server = undefined;
  };

  return {
    name: 'reference-server',
    async executeCommand({command, payload}) {
      if (command !== 'reference-server') return undefined;
      const {openStore, startServer} = await load();
      switch (payload.action) {
        case 'start': {
          await stop();
          await store?.close();
          store = await openStore({dataDir: 'memory'});
          rateLimit = payload.rateLimit ?? false;
          port = 0;
          // A seeding start, then a plain listen, so resume reuses the store.
          const seeded = await startServer({port: 0, store, seed: true, rateLimit, staticRoot: null});
          await seeded.close();
          return listen();
        }
        case 'stop':
          await stop();
          return {};
        case 'resume':
          return listen();
        case 'put-statement':
          await store.putStatement(payload.statement);
          return {};
        case 'pending':
          return JSON.parse(JSON.stringify(await store.pending(payload.statement)));
        default:
          throw new Error(`reference-server: unknown action ${payload.action}`);
      }
    },
    async serverStop() {
      await stop();
      await store?.close();
    },
  };
}
