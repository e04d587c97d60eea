import type {Signatory, Statement} from '../api/index.js';
import {parseStoredSignatures, type StoredSignature} from '../api/validate.js';
import {readStored, writeStored} from './storage.js';

/**
 * A reader's own published signatures, kept in localStorage by source until
 * the server lists them: a reload within a shared cache's `s-maxage` may get
 * a copy from before the signature, and the reader must still see their
 * name and the count that includes it.
 */

/**
 * Whether a write of the reader's made at `at` is still kept unlisted: ten
 * minutes at most, far past any cache the README advises, so one the
 * publisher removed does not stay. Signatures and comments alike.
 */
export function keptRecently(at: number, now = Date.now()): boolean {
  return at <= now && now - at < 10 * 60_000;
}

const keyOf = (sourceKey: string) => `undersigned:own-signatures:${sourceKey}`;

/** The reader's signatures on this source that are recent enough to be missing from a cached answer. */
export function ownSignatures(sourceKey: string): StoredSignature[] {
  const now = Date.now();
  return (readStored(keyOf(sourceKey), parseStoredSignatures) ?? []).filter((s) => keptRecently(s.at, now));
}

/** Keeps a published signature with the counts that include it (`statement`'s, before it). */
export function keepOwnSignature(sourceKey: string, signatory: Signatory, listed: boolean, statement?: Statement): void {
  const counts = statement?.signatories;
  const entry: StoredSignature = {
    signatory,
    listed,
    count: (counts?.count ?? 0) + 1,
    listedCount: counts?.listed === undefined ? undefined : counts.listed + (listed ? 1 : 0),
    at: Date.now(),
  };
  writeStored(keyOf(sourceKey), [...ownSignatures(sourceKey), entry].map(toStored));
}

/** Forgets the signatures the server now lists (their ids among `listedIds`). */
export function forgetListed(sourceKey: string, listedIds: ReadonlySet<string>): StoredSignature[] {
  const own = ownSignatures(sourceKey);
  const kept = own.filter((s) => !listedIds.has(s.signatory.id));
  if (kept.length !== own.length) writeStored(keyOf(sourceKey), kept.length ? kept.map(toStored) : undefined);
  return kept;
}

/** The statement with counts no lower than those the reader's own signatures were counted in: an older copy counts less. */
export function withOwnCounts(statement: Statement, own: readonly StoredSignature[]): Statement {
  const counts = statement.signatories;
  const count = Math.max(counts.count, ...own.map((s) => s.count));
  const listed = counts.listed === undefined ? undefined : Math.max(counts.listed, ...own.map((s) => s.listedCount ?? 0));
  return count === counts.count && listed === counts.listed ? statement : {...statement, signatories: {...counts, count, listed}};
}

/** Stored with the signatory in wire form, as its parser reads it. */
const toStored = (s: StoredSignature) => ({...s, signatory: {...s.signatory, signed_at: s.signatory.signedAt}});
