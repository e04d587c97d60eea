import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Db} from '../src/store/db.ts';

/**
 * Issue 12: what a write costs must not grow with the data already there.
 * The thread triggers ran each lookup with a plan cached while the table was
 * empty, which read the statement's whole thread index for every reply:
 * importing a reply chain was quadratic. Counted in rows read in this
 * transaction (pg_stat_xact_user_tables), which no machine's speed changes.
 */
export function triggerPlanSuite(label: string, openFreshDb: () => Promise<Db>, skip: string | false = false): void {
  describe(`thread triggers on ${label}`, {skip}, () => {
    test('a reply chain imported into a fresh table: 2 000 more replies and a moderation read a few rows each, not the thread', async () => {
      const n = 2000;
      const db = await openFreshDb();
      try {
        await db.query(`INSERT INTO statements (id, content) VALUES ('chain', '{"title":"Chain","body":"<p>x</p>"}')`);
        const [first, more, moderated] = await db.transaction(async (tx) => {
          // Replies c<from>…c<to - 1>, each to the one before, in one statement as an import does.
          const chain = (from: number, to: number) => tx.query(
            `INSERT INTO comments (statement_id, id, parent_id, author_name, body, created_at)
             SELECT 'chain', 'c' || i, CASE WHEN i > 0 THEN 'c' || (i - 1) END, 'A' || i, 'Reply ' || i,
                    timestamptz '2026-01-01' + i * interval '1 second'
             FROM generate_series($1::int, $2::int - 1) AS i ORDER BY i`, [from, to]);
          const read = async () => (await tx.query<{n: number}>(
            `SELECT (seq_tup_read + idx_tup_fetch)::int AS n FROM pg_stat_xact_user_tables WHERE relname = 'comments'`))[0]!.n;
          // A young statement's moderation, then its first import: this connection
          // plans the triggers' lookups while the table is nearly empty.
          await tx.query(`INSERT INTO comments (statement_id, id, author_name, body) VALUES ('chain', 'early', 'E', 'Early')`);
          for (const status of ['hidden', 'published', 'hidden', 'published', 'hidden', 'published']) {
            await tx.query(`UPDATE comments SET status = $1 WHERE statement_id = 'chain' AND id = 'early'`, [status]);
          }
          await chain(0, n);
          const afterFirst = await read();
          await chain(n, 2 * n);
          const afterMore = await read();
          // Moderating the deepest reply sees its subtree again (one row), not the statement's thread.
          await tx.query(`UPDATE comments SET status = 'hidden' WHERE statement_id = 'chain' AND id = $1`, [`c${2 * n - 1}`]);
          return [afterFirst, afterMore - afterFirst, (await read()) - afterMore];
        });
        const [deepest] = await db.query<{depth: number; root_id: string}>(`SELECT depth, root_id FROM comments WHERE id = 'c${2 * n - 1}'`);
        assert.deepEqual({...deepest}, {depth: 8, root_id: 'c0'});
        // Quadratic read the thread per reply: about 6 million rows for these 2 000.
        assert.ok(more < 10 * n, `${more} rows read for replies ${n}…${2 * n} (${first} for the first ${n})`);
        assert.ok(moderated < 50, `${moderated} rows read to hide one reply`);
      } finally {
        await db.close();
      }
    });
  });
}
