import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Lazy} from '../internal/lazy.js';
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

export interface Draft<V> {
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
 * records them twice (src/controllers/write-send.ts); a second submit while
 * one is in flight is ignored.
 */
export class WriteController<V extends FormValues, R> implements ReactiveController {
  values: V;
  status: 'idle' | 'sending' | 'failed' | 'done' = 'idle';
  failure?: WriteFailure;
  /** Messages by form field, from the form's own checks or a 422. */
  fieldErrors: Record<string, string> = {};
  result?: R;

  /** The draft as stored: the values and the Idempotency-Key of their last attempt. */
  draft: Draft<V>;
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
    this.keep({...this.draft, values: {...this.values, [field]: value}});
    if (this.fieldErrors[field]) {
      const {[field]: _cleared, ...rest} = this.fieldErrors;
      this.fieldErrors = rest;
    }
    if (this.status === 'done') this.status = 'idle';
    this.changed();
  }

  /** Makes `draft` the form's and stores it; undefined forgets the draft (the form starts empty). */
  keep(draft: Draft<V> | undefined): void {
    this.draft = draft ?? {values: this.options.initial()};
    this.values = this.draft.values;
    writeStored(this.loadedKey, draft);
  }

  /** Re-renders the form. */
  changed(): void {
    this.host.requestUpdate();
  }

  /**
   * Submits through the form's sender, a lazily loaded module (fetched at
   * the form's first focus, so it is usually here by the time of a submit;
   * src/controllers/write-send.ts does the sending). Ignored while a send is
   * in flight. A sender that cannot be fetched fails as a send does, the
   * text kept, and throws its error.
   */
  async submit<S>(sender: Lazy<S>, send: (sender: S) => Promise<R | undefined>): Promise<R | undefined> {
    if (this.status === 'sending') return undefined;
    let loaded = sender.value;
    if (!loaded) {
      this.status = 'sending';
      this.failure = undefined;
      this.changed();
      try {
        loaded = await sender.load();
      } catch (error) {
        this.status = 'failed';
        this.failure = {kind: 'send', error};
        this.changed();
        throw error;
      }
      this.status = 'idle';
    }
    return send(loaded);
  }
}
