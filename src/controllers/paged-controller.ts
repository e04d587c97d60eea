import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {isAbortError, type Page} from '../api/index.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PagedOptions<T, P extends Page<T>> {
  /**
   * What the list depends on, read before every host update; a change
   * (compared by `key`) drops the loaded pages and loads the first again.
   * Undefined means there is nothing to load yet.
   */
  query: () => {key: string; load: (cursor: string | null, signal: AbortSignal) => Promise<P>} | undefined;
}

/**
 * A list loaded page by page through opaque `next` cursors. It aborts the
 * request in flight when its query changes or the host disconnects, and
 * loads again on reconnect if that left it unfinished.
 */
export class PagedController<T, P extends Page<T> = Page<T>> implements ReactiveController {
  items: T[] = [];
  total = 0;
  /** The first page's response, for extras like `kinds`. */
  firstPage?: P;
  status: LoadStatus = 'idle';
  /** Status of "show more": separate, so a failed second page keeps the first on screen. */
  moreStatus: LoadStatus = 'idle';
  error?: unknown;

  private next: string | null = null;
  private key?: string;
  private controller?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PagedOptions<T, P>
  ) {
    host.addController(this);
  }

  get hasMore(): boolean {
    return this.next !== null;
  }

  hostUpdate(): void {
    const query = this.options.query();
    if (query?.key !== this.key || (this.status === 'idle' && query)) this.reload();
  }

  hostDisconnected(): void {
    if (this.controller) {
      this.controller.abort();
      this.controller = undefined;
      // Unfinished work is redone on reconnect.
      if (this.status === 'loading') this.status = 'idle';
      if (this.moreStatus === 'loading') this.moreStatus = 'idle';
    }
  }

  hostConnected(): void {
    if (this.status === 'idle') this.host.requestUpdate();
  }

  /** Drops what is loaded and loads the first page. */
  reload(): void {
    const query = this.options.query();
    this.key = query?.key;
    this.controller?.abort();
    this.items = [];
    this.total = 0;
    this.next = null;
    this.firstPage = undefined;
    this.error = undefined;
    this.moreStatus = 'idle';
    if (!query) {
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    void this.fetch(null, (page) => {
      this.firstPage = page;
      this.items = page.items;
      this.status = 'ready';
    }, (error) => {
      this.error = error;
      this.status = 'error';
    });
  }

  /** Loads the next page after the ones on screen; settles when it is in (or failed, or was dropped). */
  more(): Promise<void> {
    if (this.next === null || this.moreStatus === 'loading' || this.status !== 'ready') return Promise.resolve();
    this.moreStatus = 'loading';
    this.host.requestUpdate();
    return this.fetch(this.next, (page) => {
      this.items = [...this.items, ...page.items];
      this.moreStatus = 'ready';
    }, (error) => {
      this.error = error;
      this.moreStatus = 'error';
    });
  }

  /** Puts an item the reader just added at the end, without a reload. */
  append(item: T): void {
    this.items = [...this.items, item];
    this.total++;
    this.host.requestUpdate();
  }

  private async fetch(cursor: string | null, onPage: (page: P) => void, onError: (error: unknown) => void): Promise<void> {
    const query = this.options.query();
    if (!query) return;
    const controller = new AbortController();
    this.controller?.abort();
    this.controller = controller;
    try {
      const page = await query.load(cursor, controller.signal);
      if (controller.signal.aborted) return;
      this.total = page.total;
      this.next = page.next;
      onPage(page);
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      onError(error);
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
    this.host.requestUpdate();
  }
}
