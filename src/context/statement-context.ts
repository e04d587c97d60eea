import type {Context} from './context.js';
import type {Statement, StatementSource} from '../api/index.js';

/** What a `<statement-card>` hands to the elements placed inside it. */
export interface StatementContext {
  /** Where the card reads from; children read through the same source. */
  source: StatementSource;
  /** The statement, once the card has loaded it. */
  statement?: Statement;
  /** The card could not load the statement and says so once: the elements inside show no error of their own. */
  failed?: boolean;
  /** The card's `live`: the elements inside follow the statement too. */
  live?: boolean;
}

export const statementContext = Symbol.for('undersigned.statement') as Context<StatementContext | undefined>;
