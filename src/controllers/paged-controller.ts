import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {ApiError, isAbortError, type Page} from '../api/index.js';
import {fire} from '../events.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PagedOptions<T, P extends Page<T>> {
  /**
   * What the list depends on, read before every host update; a change
   * (compared by `key`) drops the loaded pages and loads the first again.
   * Undefined means there is nothing to load yet.
   */
  query: () => {key: string; load: (cursor: string | null, signal: AbortSignal) => Promise<P>} | undefined;
  /** The rendered element of the item at `index`, which takes focus after "more" brought it in. */
  itemElement: (index: number) => HTMLElement | null | undefined;
}

/** What to render in each state of the list, as `@lit/task`'s `render()` takes it. */
export interface PagedRenderers<T, R> {
  /** Before the first page is in (also before there is anything to load). */
  loading: () => R;
  /** The first page failed. */
  error: (error: unknown) => R;
  /** The first page is in and holds nothing. */
  empty: () => R;
  ready: (items: readonly T[]) => R;
}

/** How long loading pages back to back (from memory) may hold the main thread before it yields. */
const SLICE_MS = 8;

/**
 * Pages one `fill()` may load: a reader's scroll or deep link never turns
 * into an endless run of requests, whatever an endpoint answers.
 */
export const MAX_PAGES_PER_FILL = 40;

/**
 * A further page (asked for with `cursor`) that adds nothing but promises
 * more: a broken or hostile endpoint would be asked again and again.
 */
export function addsNothing(cursor: string | null, page: Page<unknown>): boolean {
  return cursor !== null && page.next !== null && (page.items.length === 0 || page.next === cursor);
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Host = ReactiveControllerHost & HTMLElement & {renderRoot: ParentNode};

/**
 * A list loaded page by page through opaque `next` cursors, with the
 * lifecycle both lists share: it aborts the request in flight when its
 * query changes or the host disconnects (and loads again on reconnect if
 * that left it unfinished), re-renders the host on every change of state,
 * tells the page about each failure once (`undersigned-error`), and after
 * "more" moves focus to the first new item, or to the retry button when it
 * failed.
 */
export class PagedController<T, P extends Page<T> = Page<T>> implements ReactiveController {
  items: T[] = [];
  total = 0;
  /** The first page's response, for extras like `kinds`. */
  firstPage?: P;
  status: LoadStatus = 'idle';
  /** Status of "more": separate, so a failed further page keeps the first on screen. */
  moreStatus: LoadStatus = 'idle';
  error?: unknown;

  private next: string | null = null;
  private key?: string;
  private controller?: AbortController;
  private filling = false;
  /** After a "more" the reader asked for: the index of the first new item, to focus once it renders. */
  private focusFrom?: number;

  constructor(
    private readonly host: Host,
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

  hostUpdated(): void {
    if (this.focusFrom === undefined || this.moreStatus === 'loading') return;
    const from = this.focusFrom;
    this.focusFrom = undefined;
    const target =
      this.moreStatus === 'error'
        ? this.host.renderRoot.querySelector<HTMLElement>('.more [part="retry-button"]')
        : this.options.itemElement(from);
    target?.focus();
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

  /** Drops what is loaded and loads the first page (also what a retry after an error does). */
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
    this.focusFrom = undefined;
    this.status = query ? 'loading' : 'idle';
    this.host.requestUpdate();
    if (!query) return;
    void this.fetch(
      null,
      (page) => {
        this.firstPage = page;
        this.items = page.items;
        this.status = 'ready';
      },
      () => (this.status = 'error')
    );
  }

  /**
   * Loads the next page after the ones on screen; settles when it is in (or
   * failed, or was dropped). With `focus`, the first new item (or the retry
   * button) takes focus once rendered: for a "more" the reader pressed.
   */
  more({focus = false} = {}): Promise<void> {
    if (this.next === null || this.moreStatus === 'loading' || this.status !== 'ready') return Promise.resolve();
    if (focus) this.focusFrom = this.items.length;
    this.moreStatus = 'loading';
    this.host.requestUpdate();
    return this.fetch(
      this.next,
      (page) => {
        this.items = [...this.items, ...page.items];
        this.moreStatus = 'ready';
      },
      () => (this.moreStatus = 'error')
    );
  }

  /**
   * Loads pages while `needed()` says so (rows in view not loaded, a deep
   * link's target further on), one at a time, each rendered before the
   * next. Pages from memory resolve without yielding, so the loop yields
   * to the event loop every few milliseconds: no long task, whatever the
   * length. A second call while one runs does nothing and answers false.
   */
  async fill(needed: () => boolean): Promise<boolean> {
    if (this.filling) return false;
    this.filling = true;
    try {
      let slice = performance.now();
      for (let pages = 0; pages < MAX_PAGES_PER_FILL; pages++) {
        if (!(needed() && this.hasMore && this.status === 'ready' && this.moreStatus !== 'error')) break;
        await this.more();
        await this.host.updateComplete;
        if (performance.now() - slice > SLICE_MS) {
          await nextTask();
          slice = performance.now();
        }
      }
    } finally {
      this.filling = false;
    }
    return true;
  }

  /** Puts an item the reader just added at the end, without a reload. */
  append(item: T): void {
    this.items = [...this.items, item];
    this.total++;
    this.host.requestUpdate();
  }

  /** Adds items published since the list loaded (a live stream) at its start or end, with the total as it is now. */
  insert(items: readonly T[], total: number, atStart = false): void {
    this.items = atStart ? [...items, ...this.items] : [...this.items, ...items];
    this.total = total;
    this.host.requestUpdate();
  }

  /** Renders the list's state: loading (also idle), error, empty or ready. */
  render<R>(renderers: PagedRenderers<T, R>): R {
    switch (this.status) {
      case 'idle':
      case 'loading':
        return renderers.loading();
      case 'error':
        return renderers.error(this.error);
      case 'ready':
        return this.items.length ? renderers.ready(this.items) : renderers.empty();
    }
  }

  private async fetch(cursor: string | null, onPage: (page: P) => void, onError: () => void): Promise<void> {
    const query = this.options.query();
    if (!query) return;
    const controller = new AbortController();
    this.controller?.abort();
    this.controller = controller;
    try {
      const page = await query.load(cursor, controller.signal);
      if (controller.signal.aborted) return;
      if (addsNothing(cursor, page)) {
        throw new ApiError('invalid', 'A page added nothing but pointed to another.');
      }
      this.total = page.total;
      this.next = page.next;
      onPage(page);
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      this.error = error;
      onError();
      fire(this.host, 'undersigned-error', {error, action: 'load'});
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
    this.host.requestUpdate();
  }
}
