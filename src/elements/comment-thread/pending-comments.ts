import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Comment} from '../../api/index.js';
import {parseStoredComments} from '../../api/validate.js';
import {readStored, writeStored} from '../../internal/storage.js';

/**
 * The reader's own comments that await moderation, kept in localStorage by
 * source: only their browser shows them, until the server lists them.
 */
export class PendingComments implements ReactiveController {
  items: readonly Comment[] = [];
  private key?: string;
  private merged: {loaded?: readonly Comment[]; own?: readonly Comment[]; result: readonly Comment[]} = {result: []};

  constructor(
    host: ReactiveControllerHost,
    private readonly storageKey: () => string | undefined
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const key = this.storageKey();
    if (key === this.key) return;
    this.key = key;
    this.items = readStored(key, parseStoredComments) ?? [];
  }

  add(comment: Comment): void {
    this.items = [...this.items, comment];
    writeStored(this.key, this.items);
  }

  has(id: string): boolean {
    return this.items.some((c) => c.id === id);
  }

  /** The loaded comments plus the pending ones not among them; the same array while neither changes. */
  withLoaded(loaded: readonly Comment[]): readonly Comment[] {
    const cached = this.merged;
    if (cached.loaded === loaded && cached.own === this.items) return cached.result;
    const ids = new Set(loaded.map((c) => c.id));
    const own = this.items.filter((c) => !ids.has(c.id));
    this.merged = {loaded, own: this.items, result: own.length ? [...loaded, ...own] : loaded};
    return this.merged.result;
  }
}
