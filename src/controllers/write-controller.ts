import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {ApiError} from '../api/index.js';
import {readStored, writeStored} from '../internal/storage.js';

export type FormValues = Record<string, string | boolean>;

/** Why the last send failed, as the form explains it. */
export type WriteFailure =
  /** The server named fields (422) or the form's own checks did. */
  | {kind: 'fields'}
  /** Too many writes: try again after `retryAfter` seconds. */
  | {kind: 'rate-limited'; retryAfter: number}
  /** Signing or commenting is closed (403). */
  | {kind: 'closed'}
  /** What the write belongs to is gone (404): the statement, or the comment a reply answers. */
  | {kind: 'gone'}
  /** Network, timeout, 5xx or anything unexpected: the text is kept for a retry. */
  | {kind: 'send'; error: unknown};

interface Draft<V> {
  values: V;
  /** The Idempotency-Key of the last attempt, and the values it was made for. */
  key?: string;
  keyFor?: string;
}

/** A stored draft, kept only in the fields and types the form has; anything else reads as no draft. */
function parseDraft<V extends FormValues>(value: unknown, initial: V): Draft<V> {
  const o = value as Partial<Record<keyof Draft<V>, unknown>> | null;
  const values = o?.values as Record<string, unknown> | undefined;
  if (typeof values !== 'object' || values === null) throw new TypeError('not a draft');
  const kept = Object.fromEntries(Object.entries(values).filter(([field, v]) => field in initial && typeof v === typeof initial[field]));
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {values: {...initial, ...kept}, key: text(o!.key), keyFor: text(o!.keyFor)};
}

export interface WriteOptions<V extends FormValues> {
  /** Where the draft is kept in localStorage; undefined keeps it in memory only. */
  storageKey: () => string | undefined;
  initial: () => V;
}

/**
 * One form's write, so that nothing a reader typed is lost or sent twice:
 * the values are kept in localStorage until the server confirms; a retry of
 * the same values reuses the attempt's Idempotency-Key, so the server never
 * records them twice; a second submit while one is in flight is ignored.
 */
export class WriteController<V extends FormValues, R> implements ReactiveController {
  values: V;
  status: 'idle' | 'sending' | 'failed' | 'done' = 'idle';
  failure?: WriteFailure;
  /** Messages by form field, from the form's own checks or a 422. */
  fieldErrors: Record<string, string> = {};
  result?: R;

  private draft: Draft<V>;
  private loadedKey?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: WriteOptions<V>
  ) {
    this.draft = {values: options.initial()};
    this.values = this.draft.values;
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.options.storageKey();
    if (key === this.loadedKey) return;
    this.loadedKey = key;
    const stored = readStored(key, (value) => parseDraft<V>(value, this.options.initial()));
    this.draft = stored ?? {values: this.options.initial()};
    this.values = this.draft.values;
  }

  /** Sets one field, keeps the draft, and clears that field's error. */
  set(field: keyof V & string, value: V[typeof field]): void {
    this.values = {...this.values, [field]: value};
    this.draft = {...this.draft, values: this.values};
    writeStored(this.loadedKey, this.draft);
    if (this.fieldErrors[field]) {
      const {[field]: _cleared, ...rest} = this.fieldErrors;
      this.fieldErrors = rest;
    }
    if (this.status === 'done') this.status = 'idle';
    this.host.requestUpdate();
  }

  /**
   * Sends the values unless a send is in flight. `check` returns the form's
   * own field errors; `fieldOf` maps a 422's field names to the form's.
   */
  async submit(
    send: (values: V, idempotencyKey: string) => Promise<R>,
    check: (values: V) => Record<string, string>,
    fieldOf: (serverField: string) => string = (f) => f
  ): Promise<R | undefined> {
    if (this.status === 'sending') return undefined;
    this.fieldErrors = check(this.values);
    if (Object.keys(this.fieldErrors).length) {
      this.status = 'failed';
      this.failure = {kind: 'fields'};
      this.host.requestUpdate();
      return undefined;
    }
    const sent = JSON.stringify(this.values);
    // The same values keep their key: if an earlier attempt did reach the
    // server, this one gets its answer instead of making a second record.
    if (this.draft.keyFor !== sent || !this.draft.key) this.draft = {...this.draft, key: crypto.randomUUID(), keyFor: sent};
    writeStored(this.loadedKey, this.draft);
    this.status = 'sending';
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      this.result = await send(this.values, this.draft.key!);
      this.status = 'done';
      this.draft = {values: this.options.initial()};
      this.values = this.draft.values;
      writeStored(this.loadedKey, undefined);
      return this.result;
    } catch (error) {
      this.status = 'failed';
      this.failure = this.describe(error, fieldOf);
      // A refused write recorded nothing: the next attempt may use a new key.
      if (this.failure.kind !== 'send' && this.failure.kind !== 'rate-limited') this.draft = {values: this.values};
      writeStored(this.loadedKey, this.draft);
      throw error;
    } finally {
      this.host.requestUpdate();
    }
  }

  private describe(error: unknown, fieldOf: (f: string) => string): WriteFailure {
    if (!(error instanceof ApiError) || error.kind !== 'http') return {kind: 'send', error};
    if (error.status === 422 && error.problem?.errors && Object.keys(error.problem.errors).length) {
      this.fieldErrors = Object.fromEntries(Object.entries(error.problem.errors).map(([f, m]) => [fieldOf(f), m]));
      return {kind: 'fields'};
    }
    if (error.status === 429) return {kind: 'rate-limited', retryAfter: error.retryAfter ?? 60};
    if (error.status === 403) return {kind: 'closed'};
    if (error.status === 404 || error.status === 410) return {kind: 'gone'};
    return {kind: 'send', error};
  }
}
