import {readdirSync, readFileSync} from 'node:fs';
import type {Db} from './db.ts';

const DIR = new URL('./migrations/', import.meta.url);
// Any constant: instances starting together take turns migrating.
const LOCK = 727_001;

/** Applies migrations/*.sql in name order, each once, each in a transaction. */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = readdirSync(DIR).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  for (const file of files) {
    const sql = readFileSync(new URL(file, DIR), 'utf8');
    const did = await db.transaction(async (tx) => {
      // A migration may rewrite a large table: no statement timeout for it.
      await tx.query('SET LOCAL statement_timeout = 0');
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [file]);
      if (done.length) return false;
      for (const stmt of splitStatements(sql)) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [file]);
      return true;
    });
    if (did) applied.push(file);
  }
  return applied;
}

/**
 * A migration's statements: split on ';' at line ends, except inside a
 * dollar-quoted body ($$ … $$, $q$ … $q$), where functions keep theirs.
 */
export function splitStatements(sql: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (const m of sql.matchAll(/\$[A-Za-z_]*\$|;[ \t]*(?:\r?\n|$)/g)) {
    if (m[0].startsWith('$')) {
      if (quote === null) quote = m[0];
      else if (quote === m[0]) quote = null;
    } else if (quote === null) {
      parts.push(sql.slice(start, m.index));
      start = m.index + m[0].length;
    }
  }
  parts.push(sql.slice(start));
  return parts.map((s) => s.trim()).filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s));
}
