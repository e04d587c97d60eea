import type {StatementRecord, Store} from './store/store.ts';
import type {StaticDocument} from './types.ts';
import {commentToWire, signatoryToWire, statementToWire} from './wire.ts';

/**
 * A statement frozen as one static-mode document (README "Static mode"):
 * what the public sees, no e-mail addresses, so a closed campaign can be
 * served from any static host with `src`.
 */
export async function staticDocument(store: Store, st: StatementRecord): Promise<StaticDocument> {
  const [signatories, comments] = await Promise.all([store.allSignatories(st.id), store.visibleComments(st.id)]);
  const {updated_at: _updated, ...statement} = statementToWire(st);
  return {
    statement: {...statement},
    signatories: signatories.filter((s) => s.status === 'published' && s.public).map(signatoryToWire),
    comments: comments.map(commentToWire),
  };
}
