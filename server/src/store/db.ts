/**
 * The few things the store needs from a PostgreSQL connection. PGlite and
 * `postgres` both implement it, so every SQL statement is written once.
 */
export type Param = string | number | boolean | null | Date;
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One parameterised statement ($1, $2, …); returns its rows. */
  query<T extends Row = Row>(text: string, params?: readonly Param[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Connections of their own for the live hub's short reads (the event log,
   * the counts, the rows an event names), so they never wait behind a queue
   * of write transactions on the main pool. Absent: the same connection.
   */
  readonly live?: Queryable;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on `channel`: `onPayload` per NOTIFY, `onListening` each time the
   * listening connection is (re)established. Returns the unlisten.
   */
  listen(channel: string, onPayload: (payload: string) => void, onListening: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
