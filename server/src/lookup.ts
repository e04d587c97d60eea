import {noStatement} from './problem.ts';
import type {StatementRecord, Store} from './store/store.ts';
import {isStatementId} from './validation.ts';

/**
 * A route's statement, or the one 404. An id no statement can have (NUL,
 * 300 characters) is answered without asking the database.
 */
export function statementLookup(store: Store) {
  return {
    async statementOr404(id: string): Promise<StatementRecord> {
      const st = isStatementId(id) ? await store.getStatement(id) : null;
      if (!st) throw noStatement(id);
      return st;
    },
    /** For routes that need the statement to exist but not its counts. */
    async existsOr404(id: string): Promise<void> {
      if (!isStatementId(id) || !(await store.hasStatement(id))) throw noStatement(id);
    },
  };
}
