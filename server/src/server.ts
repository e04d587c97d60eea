import {randomBytes} from 'node:crypto';
import type {AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';
import {serve} from '@hono/node-server';
import {createApp} from './app.ts';
import type {AppConfig, MailConfig} from './config.ts';
import {MailSender} from './mail/sender.ts';
import {sha256} from './http.ts';
import {EventHub} from './live/event-hub.ts';
import type {LogFormat, LogSink} from './log.ts';
import {seedDemo} from './seed.ts';
import {openStore} from './store/index.ts';
import type {Store} from './store/store.ts';

/** The repository root: demo/ and dist/ are served from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StartOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  hostname?: string;
  /** PGlite data directory, or 'memory' (the default here). Ignored with databaseUrl. */
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL schema to use (must exist). */
  schema?: string;
  /** PostgreSQL statement timeout in ms (default 5000; 0 for none). */
  statementTimeout?: number;
  /** Load the demo statement into an empty database. Default true. */
  seed?: boolean;
  /** Writes per minute per client; false for none. Default false here. */
  rateLimit?: number | false;
  /** Admin bearer token; without one the admin routes answer 401. */
  adminToken?: string;
  allowedOrigins?: string[] | null;
  trustProxy?: number;
  /** Serve demo/ and dist/ from this directory; null for none. Default: the repository. */
  staticRoot?: string | null;
  /** Where request lines go; default nowhere. */
  log?: LogSink;
  logFormat?: LogFormat;
  /** Use this store instead of opening one (it is not closed by close()). */
  store?: Store;
  /** E-mail confirmation links and the sender; without a transport mail waits in the outbox. */
  mail?: MailConfig;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:54321 (the API is under /v1). */
  url: string;
  port: number;
  store: Store;
  /** The instance's event streams (GET /statements/{id}/events). */
  live: EventHub;
  /** The instance's mail sender, when it has a transport. */
  sender: MailSender | null;
  /** Stops listening, waits for open requests, closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the server: for tests and harnesses. `main.ts` reads the same
 * options from the environment.
 */
export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const ownStore = !opts.store;
  const store = opts.store ?? await openStore({
    ...(opts.databaseUrl ? {databaseUrl: opts.databaseUrl} : {dataDir: opts.dataDir ?? 'memory'}),
    ...(opts.schema !== undefined && {schema: opts.schema}),
    ...(opts.statementTimeout !== undefined && {statementTimeout: opts.statementTimeout}),
  });
  if (opts.seed !== false) await seedDemo(store);
  const cfg: AppConfig = {
    store,
    adminTokenHash: opts.adminToken ? sha256(opts.adminToken) : null,
    allowedOrigins: opts.allowedOrigins ?? null,
    rateLimit: opts.rateLimit ?? false,
    trustProxy: opts.trustProxy ?? 0,
    staticRoot: opts.staticRoot === undefined ? PROJECT_ROOT : opts.staticRoot,
    log: opts.log ?? (() => {}),
    ...(opts.logFormat !== undefined && {logFormat: opts.logFormat}),
    ...(opts.mail !== undefined && {mail: opts.mail}),
  };
  return listen(cfg, opts.port ?? 8787, opts.hostname ?? '127.0.0.1', ownStore);
}

export function listen(cfg: AppConfig, port: number, hostname: string | undefined, closeStore: boolean): Promise<RunningServer> {
  const live = new EventHub(cfg.store);
  const mail = cfg.mail;
  const sender = mail?.transport ? new MailSender(cfg.store, mail.transport, {
    from: 'undersigned <no-reply@localhost>', log: cfg.log, ...mail.sender,
  }) : null;
  const app = createApp(cfg, live, sender);
  return new Promise((resolve, reject) => {
    const server = serve({fetch: app.fetch, port, ...(hostname !== undefined && {hostname})}, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}`;
      // Links in mails point here unless PUBLIC_URL says where the server is seen from.
      if (mail && mail.publicUrl === undefined) mail.publicUrl = url.replace(/\/\/(0\.0\.0\.0|\[::\])/, '//localhost');
      sender?.start();
      resolve({
        url,
        port: info.port,
        store: cfg.store,
        live,
        sender,
        close: async () => {
          // Event streams end first (readers resume elsewhere by id), then idle
          // keep-alive sockets are dropped so close() waits only for busy requests.
          await live.close();
          await sender?.stop();
          await new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          });
          if (closeStore) await cfg.store.close();
        },
      });
    });
    server.once('error', reject);
  });
}

/**
 * The admin token's hash: from ADMIN_TOKEN, or a token made on first start
 * and kept (hashed) in the database, so every instance shares it. Returns
 * the new token when this call made it, for printing once.
 */
export async function resolveAdminToken(store: Store, fromEnv: string | undefined): Promise<{hash: string; created?: string}> {
  if (fromEnv) return {hash: sha256(fromEnv)};
  const token = randomBytes(24).toString('base64url');
  const hash = await store.claimSetting('admin_token_sha256', sha256(token));
  return hash === sha256(token) ? {hash, created: token} : {hash};
}
