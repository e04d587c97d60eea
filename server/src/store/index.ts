import {withSignatoryPageCache} from './cached-store.ts';
import {migrate} from './migrate.ts';
import {openPglite} from './pglite.ts';
import {openPostgres} from './postgres.ts';
import {SqlStore} from './sql-store.ts';
import type {Store} from './store.ts';

export interface StoreOptions {
  /** A PostgreSQL URL; when absent, PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data directory, or 'memory'. */
  dataDir?: string;
  /** PostgreSQL schema (search_path); it must exist. */
  schema?: string;
  /** PostgreSQL: longest a statement may run, in ms (default 5000; 0 for none). */
  statementTimeout?: number;
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const db = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl, {
      ...(opts.schema && {schema: opts.schema}),
      ...(opts.statementTimeout !== undefined && {statementTimeout: opts.statementTimeout}),
    })
    : await openPglite(opts.dataDir ?? './.data');
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  // Only PGlite: this process is then the database's only writer, so its cache cannot miss a write.
  return opts.databaseUrl ? new SqlStore(db) : withSignatoryPageCache(new SqlStore(db));
}

export type {Store} from './store.ts';
