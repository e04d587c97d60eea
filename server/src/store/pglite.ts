import {PGlite} from '@electric-sql/pglite';
import type {Db, Param, Queryable, Row} from './db.ts';
import {lockDataDir} from './dir-lock.ts';

/**
 * Embedded PostgreSQL: `dataDir` on disk, or `'memory'` for a throwaway
 * database. One PGlite instance is a single connection; it queues queries
 * and transactions itself, so concurrent requests are serialised.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const release = dataDir === 'memory' ? async () => {} : await lockDataDir(dataDir);
  let pg: PGlite;
  try {
    pg = dataDir === 'memory' ? new PGlite() : new PGlite(dataDir);
    await pg.waitReady;
  } catch (err) {
    await release();
    throw err;
  }
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends Row>(text: string, params: readonly Param[] = []) {
      const res = await q.query<T>(text, [...params]);
      return res.rows;
    },
  });
  return {
    ...wrap(pg),
    async exec(text) {
      await pg.exec(text);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    // One process, one connection: PGlite's own notifications are the in-process bus.
    async listen(channel, onPayload, onListening) {
      const unlisten = await pg.listen(channel, onPayload);
      onListening();
      return unlisten;
    },
    async close() {
      await pg.close();
      await release();
    },
  };
}
