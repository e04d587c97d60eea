import {ApiError} from '../api/index.js';
import type {FormValues, WriteController, WriteFailure} from './write-controller.js';

/**
 * A form's send, loaded with its sender when the reader first focuses the
 * form (WriteController.submit runs it): checks the values (`check` returns
 * the form's own field errors), then sends them. The same values keep their
 * Idempotency-Key, so if an earlier attempt did reach the server this one
 * gets its answer instead of making a second record. `fieldOf` maps a
 * 422's field names to the form's. Throws what the send threw.
 */
export async function sendWrite<V extends FormValues, R>(
  write: WriteController<V, R>,
  send: (values: V, idempotencyKey: string) => Promise<R>,
  check: (values: V) => Record<string, string>,
  fieldOf: (serverField: string) => string = (f) => f
): Promise<R | undefined> {
  write.fieldErrors = check(write.values);
  if (Object.keys(write.fieldErrors).length) {
    write.status = 'failed';
    write.failure = {kind: 'fields'};
    write.changed();
    return undefined;
  }
  const values = write.values;
  const sent = JSON.stringify(values);
  const {draft} = write;
  write.keep(draft.keyFor === sent && draft.key ? draft : {...draft, key: crypto.randomUUID(), keyFor: sent});
  write.status = 'sending';
  write.failure = undefined;
  write.changed();
  try {
    write.result = await send(values, write.draft.key!);
    write.status = 'done';
    write.keep(undefined);
    return write.result;
  } catch (error) {
    write.status = 'failed';
    write.failure = failureOf(write, error, fieldOf);
    // A refused write recorded nothing: the next attempt may use a new key.
    const refused = write.failure.kind !== 'send' && write.failure.kind !== 'rate-limited';
    write.keep(refused ? {values: write.values} : write.draft);
    throw error;
  } finally {
    write.changed();
  }
}

function failureOf<V extends FormValues>(write: WriteController<V, unknown>, error: unknown, fieldOf: (f: string) => string): WriteFailure {
  if (!(error instanceof ApiError) || error.kind !== 'http') return {kind: 'send', error};
  if (error.status === 422 && error.problem?.errors && Object.keys(error.problem.errors).length) {
    write.fieldErrors = Object.fromEntries(Object.entries(error.problem.errors).map(([f, m]) => [fieldOf(f), m]));
    return {kind: 'fields'};
  }
  if (error.status === 429) return {kind: 'rate-limited', retryAfter: error.retryAfter ?? 60};
  if (error.status === 403) return {kind: 'closed'};
  if (error.status === 404 || error.status === 410) return {kind: 'gone'};
  return {kind: 'send', error};
}
