import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before} from 'node:test';
import postgres from 'postgres';
import type {AppConfig} from '../src/config.ts';
import {sha256} from '../src/http.ts';
import {listen, type RunningServer} from '../src/server.ts';
import type {Db} from '../src/store/db.ts';
import {openStore} from '../src/store/index.ts';
import {migrate} from '../src/store/migrate.ts';
import {openPglite} from '../src/store/pglite.ts';
import {openPostgres} from '../src/store/postgres.ts';
import type {Store} from '../src/store/store.ts';

export const ADMIN_TOKEN = 'test-admin-token';

/** Opens the same database again and again (for restarts), then throws it away. */
export interface StoreFactory {
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

let template: Promise<string> | undefined;

/**
 * One migrated, empty PGlite directory per test process. A new directory
 * costs initdb and every migration (about 5 s, far more on a busy machine);
 * a copy of this one opens in well under a second, and is still a database
 * of the suite's own.
 */
function pgliteTemplate(): Promise<string> {
  return (template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'undersigned-template-'));
    process.once('exit', () => rmSync(dir, {recursive: true, force: true}));
    await (await openStore({dataDir: dir})).close();
    return dir;
  })());
}

export function pgliteFactory(): StoreFactory {
  const dir = mkdtempSync(join(tmpdir(), 'undersigned-test-'));
  let copied = false;
  return {
    async open() {
      if (!copied) {
        cpSync(await pgliteTemplate(), dir, {recursive: true});
        copied = true;
      }
      return openStore({dataDir: dir});
    },
    dispose: async () => rmSync(dir, {recursive: true, force: true}),
  };
}

/** A fresh schema per run on DATABASE_URL, dropped afterwards, so reruns start clean. */
export function postgresFactory(url: string): StoreFactory {
  const schema = `undersigned_test_${randomBytes(6).toString('hex')}`;
  let created = false;
  return {
    async open() {
      if (!created) {
        const admin = postgres(url, {max: 1, onnotice: () => {}});
        await admin.unsafe(`CREATE SCHEMA ${schema}`);
        await admin.end();
        created = true;
      }
      return openStore({databaseUrl: url, schema});
    },
    async dispose() {
      const admin = postgres(url, {max: 1, onnotice: () => {}});
      await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * A migrated database of its own on ONE new connection, for tests of what a
 * connection caches (PGlite: a copy of the template; PostgreSQL with `url`:
 * a new schema). Closing it throws it away.
 */
export async function freshDb(url?: string): Promise<Db> {
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'undersigned-test-'));
    cpSync(await pgliteTemplate(), dir, {recursive: true});
    const db = await openPglite(dir);
    return {...db, close: async () => { await db.close(); rmSync(dir, {recursive: true, force: true}); }};
  }
  const schema = `undersigned_test_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(url, {max: 1, statementTimeout: 0});
  await db.query(`CREATE SCHEMA ${schema}`);
  await db.query(`SET search_path TO ${schema}`);
  await migrate(db);
  return {...db, close: async () => { await db.query(`DROP SCHEMA ${schema} CASCADE`); await db.close(); }};
}

export function serve(store: Store, overrides: Partial<AppConfig> = {}): Promise<RunningServer> {
  return listen({
    store,
    adminTokenHash: sha256(ADMIN_TOKEN),
    allowedOrigins: null,
    rateLimit: false,
    trustProxy: 0,
    staticRoot: null,
    log: () => {},
    ...overrides,
  }, 0, '127.0.0.1', false);
}

export function uniqueId(prefix = 'st'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  // Tests read whatever shape came back and assert on it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export async function request(url: string, init: RequestInit = {}): Promise<Reply> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return {status: res.status, headers: res.headers, text, json};
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(url, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * Creates a statement through the admin API with these settings (title and body given); returns its new id.
 * Without e-mail confirmation unless `settings` asks for it: most suites test what a published signature does.
 */
export async function newStatement(api: string, settings: Record<string, unknown> = {}): Promise<string> {
  const id = uniqueId();
  const res = await admin(`${api}/admin/statements/${id}`, 'PUT', {title: `Statement ${id}`, body: '<p>Text</p>', confirmation: 'none', ...settings});
  assert.equal(res.status, 201, res.text);
  return id;
}

export function admin(url: string, method: string, body?: unknown): Promise<Reply> {
  return request(url, {
    method,
    headers: {Authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined && {'Content-Type': 'application/json'})},
    ...(body !== undefined && {body: JSON.stringify(body)}),
  });
}

/** A fresh store from `factory`, and a server on it. */
export interface TestServer {
  db: StoreFactory;
  store: Store;
  server: RunningServer;
  api: string;
}

export async function openServer(factory: () => StoreFactory, setup: (store: Store) => Promise<unknown> = async () => {}): Promise<TestServer> {
  const db = factory();
  const store = await db.open();
  await setup(store);
  const server = await serve(store);
  return {db, store, server, api: `${server.url}/v1`};
}

/** Closes what openServer opened (any part may be missing when a before hook failed) and throws the database away. */
export async function closeServer(t: Partial<TestServer>): Promise<void> {
  await t.server?.close();
  await t.store?.close();
  await t.db?.dispose();
}

/**
 * A server on a fresh store for the enclosing describe(): opened before its
 * tests, closed and thrown away after them. Read the fields inside tests.
 */
export function serverPerSuite(factory: () => StoreFactory, setup: (store: Store) => Promise<unknown> = async () => {}) {
  const ctx = {} as TestServer;
  before(async () => void Object.assign(ctx, await openServer(factory, setup)));
  after(() => closeServer(ctx));
  return ctx;
}
