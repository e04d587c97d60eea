import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {PGlite} from '@electric-sql/pglite';
import type {Db, Param, Queryable, Row} from './db.ts';

/**
 * Embedded PostgreSQL: `dataDir` on disk, or `'memory'` for a throwaway
 * database. One PGlite instance is a single connection; it queues queries
 * and transactions itself, so concurrent requests are serialised.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const release = dataDir === 'memory' ? () => {} : lockDir(dataDir);
  let pg: PGlite;
  try {
    pg = dataDir === 'memory' ? new PGlite() : new PGlite(dataDir);
    await pg.waitReady;
  } catch (err) {
    release();
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
      release();
    },
  };
}

/**
 * Two processes on one PGlite directory would corrupt it: the first takes
 * a pid file; a later one fails unless that process is gone.
 */
function lockDir(dataDir: string): () => void {
  mkdirSync(dataDir, {recursive: true});
  const file = join(dataDir, 'undersigned.pid');
  try {
    writeFileSync(file, String(process.pid), {flag: 'wx'});
  } catch {
    const pid = Number(readFileSync(file, 'utf8'));
    if (isAlive(pid)) {
      throw new Error(`${dataDir} is in use by process ${pid}: stop it first, or use the admin routes of the running server.`);
    }
    writeFileSync(file, String(process.pid));
  }
  return () => rmSync(file, {force: true});
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
