import {problem} from './problem.ts';
import {isItemId} from './validation.ts';

/** Opaque page cursors: base64url JSON, checked on the way back in. */

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

const MAX_INT = 2 ** 31 - 1;

/** A time as this server writes it (toISOString of a stored date): years 0000–9999 only. */
function isStoredTime(t: string): boolean {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(t) && !Number.isNaN(Date.parse(t));
}

const invalid = () => problem(422, 'Invalid cursor.', {cursor: 'Not a cursor this server gave out.'});

export function encodeSignatoryCursor(position: number): string {
  return Buffer.from(JSON.stringify({p: position})).toString('base64url');
}

export function decodeSignatoryCursor(cursor: string): number {
  const v = decode(cursor) as {p?: unknown} | undefined;
  // Positions are PostgreSQL integers: a larger one would fail in the query, not here.
  if (!v || !Number.isInteger(v.p) || (v.p as number) < 0 || (v.p as number) > MAX_INT) throw invalid();
  return v.p as number;
}

export function encodeCommentCursor(root: {created_at: Date; id: string}): string {
  return Buffer.from(JSON.stringify({t: root.created_at.toISOString(), i: root.id})).toString('base64url');
}

export function decodeCommentCursor(cursor: string): {created_at: Date; id: string} {
  const v = decode(cursor) as {t?: unknown; i?: unknown} | undefined;
  if (!v || typeof v.t !== 'string' || !isItemId(v.i) || !isStoredTime(v.t)) throw invalid();
  return {created_at: new Date(v.t), id: v.i};
}

// A thread key: 1 to 9 levels of 27 digits (migration 011).
const THREAD_KEY = /^(?:\d{27}){1,9}$/;

export function encodeThreadCursor(after: string): string {
  return Buffer.from(JSON.stringify({a: after})).toString('base64url');
}

export function decodeThreadCursor(cursor: string): string {
  const v = decode(cursor) as {a?: unknown} | undefined;
  if (!v || typeof v.a !== 'string' || !THREAD_KEY.test(v.a)) throw invalid();
  return v.a;
}
