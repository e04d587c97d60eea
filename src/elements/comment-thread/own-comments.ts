import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Comment} from '../../api/index.js';
import {parseStoredComments, type StoredComment} from '../../api/validate.js';
import {readStored, writeStored} from '../../internal/storage.js';

/**
 * Comments the reader wrote, kept in localStorage by source until the
 * server lists them: a pending one (awaiting moderation) shows only in its
 * author's browser; a published one may be missing from a reload that a
 * shared cache answers from before it (inside its `s-maxage`), and its
 * author must still see it. `stillKept` bounds how long an unlisted one
 * stays (a published comment the publisher removed must not stay); unset,
 * until it is listed.
 */
export class OwnComments implements ReactiveController {
  private entries: readonly StoredComment[] = [];
  /** The kept comments, oldest first. */
  items: readonly Comment[] = [];
  private key?: string;
  private merged: {loaded?: readonly Comment[]; own?: readonly Comment[]; result: readonly Comment[]} = {result: []};

  constructor(
    host: ReactiveControllerHost,
    private readonly storageKey: () => string | undefined,
    /** Whether one kept since `at` is still kept unlisted; unset, until it is listed. */
    private readonly stillKept?: (at: number, now: number) => boolean
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.storageKey();
    if (key === this.key) return;
    this.key = key;
    const now = Date.now();
    const stored = readStored(key, parseStoredComments) ?? [];
    const kept = this.stillKept ? stored.filter((e) => this.stillKept!(e.at, now)) : stored;
    // Written back only when some have gone: loading changes nothing else.
    this.keep(kept, kept.length !== stored.length);
  }

  /** Keeps a comment; `count`, for a published one, is the thread's count with it. */
  add(comment: Comment, count?: number): void {
    this.keep([...this.entries, {comment, at: Date.now(), ...(count !== undefined && {count})}]);
  }

  /** The count the kept comments were counted in: an older cached answer counts less. */
  get countAtLeast(): number {
    return Math.max(0, ...this.entries.map((e) => e.count ?? 0));
  }

  has(id: string): boolean {
    return this.items.some((c) => c.id === id);
  }

  /**
   * The loaded comments plus the kept ones not among them; the same array
   * while neither changes. Those the server now lists are forgotten.
   */
  withLoaded(loaded: readonly Comment[]): readonly Comment[] {
    const cached = this.merged;
    if (cached.loaded === loaded && cached.own === this.items) return cached.result;
    const ids = new Set(loaded.map((c) => c.id));
    if (this.items.some((c) => ids.has(c.id))) this.keep(this.entries.filter((e) => !ids.has(e.comment.id)));
    this.merged = {loaded, own: this.items, result: this.items.length ? [...loaded, ...this.items] : loaded};
    return this.merged.result;
  }

  private keep(entries: readonly StoredComment[], store = true): void {
    this.entries = entries;
    this.items = entries.map((e) => e.comment);
    if (store) writeStored(this.key, entries.length ? entries : undefined);
  }
}
