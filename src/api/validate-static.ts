// A static document, checked like every body from the network
// (validate.ts): only static-document.ts uses this, so it loads with that chunk.
import type {Signatory, SignatoryKind} from './types.js';
import {array, comment, guard, object, signatory, statement, type Json} from './validate.js';

/**
 * The static document named by `src`: `{statement, signatories, comments}`.
 * Its signatories are only checked to be a list here: a document may hold
 * 100 000, so each is checked by `parseListedSignatory` when first used,
 * and the first page need not wait for the last row.
 */
export const parseStaticDocument = (v: unknown) =>
  guard(() => {
    const o = object(v, 'document');
    return {
      statement: statement(o.statement),
      signatories: array(o.signatories ?? [], 'signatories') as readonly unknown[],
      comments: array(o.comments ?? [], 'comments').map((c, i) => comment(c, `comments[${i}]`)),
    };
  });

/** Row `index` of a static document's signatories. */
export const parseListedSignatory = (v: unknown, index: number): Signatory =>
  guard(() => signatory(v, `signatories[${index}]`));

/** A row's kind when it has a valid one, without checking the rest of the row (for counting). */
export function kindOf(v: unknown): SignatoryKind | undefined {
  const k = typeof v === 'object' && v !== null ? (v as Json).kind : undefined;
  return k === 'organization' || k === 'individual' ? k : undefined;
}
