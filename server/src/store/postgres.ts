import postgres from 'postgres';
import type {Db, Param, Queryable, Row} from './db.ts';

export interface PostgresOptions {
  /** Schema to use as search_path (tests use a throwaway one). */
  schema?: string;
  max?: number;
  /** Longest a statement may run, in ms (0: no limit). Default 5000: no request holds a connection for long. */
  statementTimeout?: number;
}

/** Connections beside the main pool for the live hub's reads (Db.live). */
export const LIVE_CONNECTIONS = 2;

/** A real PostgreSQL server through a connection pool. */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const connection = {
    statement_timeout: opts.statementTimeout ?? 5000,
    ...(opts.schema && {search_path: opts.schema}),
  };
  const sql = postgres(url, {max: opts.max ?? 10, onnotice: () => {}, connection});
  // The live hub's reads: one query per statement with readers per 250 ms, however many streams.
  // Under a burst of signatures the main pool is all write transactions (each waits its turn on
  // the statement's row lock), and a read queued behind them waited seconds.
  const live = postgres(url, {max: LIVE_CONNECTIONS, onnotice: () => {}, connection});
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<T extends Row>(text: string, params: readonly Param[] = []) {
      const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as T[];
    },
  });
  await sql`select 1`; // fail fast on a bad URL
  return {
    ...wrap(sql),
    live: wrap(live),
    async exec(text) {
      await sql.unsafe(text);
    },
    transaction: async (fn) => (await sql.begin((tx) => fn(wrap(tx)))) as Awaited<ReturnType<typeof fn>>,
    // postgres keeps one extra connection for LISTEN and re-listens after a drop.
    async listen(channel, onPayload, onListening) {
      const {unlisten} = await sql.listen(channel, onPayload, onListening);
      return unlisten;
    },
    close: async () => {
      await Promise.all([sql.end({timeout: 5}), live.end({timeout: 5})]);
    },
  };
}
