import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {isAbortError, type Signatory, type SignatoryPage, type StatementSource} from '../../api/index.js';
import {fire} from '../../events.js';
import {SparseRows, type Slot} from './sparse-rows.js';

/** How long the scroll box rests before the rows in view load (a dragged thumb passes many pages), and the longest a steady scroll waits. */
const SETTLE_MS = 40;
const MAX_WAIT_MS = 200;
/** Rows a request asks for at least, so a short scroll finds the next ones in. */
const MIN_PAGE = 100;

export interface RandomAccessQuery {
  /** The source's key: another one starts over. */
  key: string;
  /** The largest page one request may ask for. */
  maxPage: number;
  /** The unfiltered list's first page, already loaded: it covers position 1 to its last row. */
  firstPage: SignatoryPage;
  load: (from: number, limit: number, signal: AbortSignal) => Promise<SignatoryPage>;
}

/** A source's unfiltered list by position, pages at most `maxPage` long (and the contract's 200 where the source says nothing). */
export function positionQuery(source: StatementSource | undefined, firstPage: SignatoryPage | undefined, maxPage: number): RandomAccessQuery | undefined {
  if (!source || !firstPage) return undefined;
  return {
    key: source.key,
    firstPage,
    maxPage: Math.min(source.maxPageSize ?? 200, maxPage),
    load: (from, limit, signal) => source.signatories({from, limit}, {signal}),
  };
}

/**
 * Random access to a long, unfiltered list by position (`from=N` in the
 * contract): the rows in view load with one request wherever the reader
 * jumps, and the rows between stay unknown. A source whose first page has
 * no positions, or that answers rows before the position asked for (it
 * ignores `from`), is read page by page instead: `active` turns false.
 */
export class RandomAccess implements ReactiveController {
  private rows?: SparseRows;
  private key?: string;
  private firstPage?: SignatoryPage;
  /** Sources that showed they do not take `from`. */
  private readonly unsupported = new Set<string>();
  private wanted?: readonly [number, number];
  private timer?: ReturnType<typeof setTimeout>;
  private waitingSince?: number;
  private inFlight?: {from: number; to: number; controller: AbortController};
  /** Where the last request failed: not retried until the reader moves elsewhere. */
  private failed?: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The list to read, or undefined when it is not read by position (a search, a short list). */
    private readonly query: () => RandomAccessQuery | undefined
  ) {
    host.addController(this);
  }

  /** Whether the list is read by position. */
  get active(): boolean {
    return this.rows !== undefined;
  }

  hostUpdate(): void {
    const q = this.query();
    if (!q || this.unsupported.has(q.key)) return this.drop();
    if (q.key === this.key && q.firstPage === this.firstPage) return;
    this.drop();
    if (q.firstPage.items.some((s) => s.position === undefined)) {
      this.unsupported.add(q.key);
      return;
    }
    this.key = q.key;
    this.firstPage = q.firstPage;
    this.rows = new SparseRows();
    this.rows.add(1, q.firstPage.items, q.firstPage.next === null);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Signatories listed since the list loaded (a live stream). */
  put(signatories: readonly Signatory[]): void {
    for (const s of signatories) this.rows?.put(s);
  }

  /** What position `position` shows. */
  at(position: number): Slot {
    return this.rows?.at(position);
  }

  /** Rows in the scroll box, `estimate` (a count) until the end is known. */
  size(estimate: number): number {
    return this.rows?.size(estimate) ?? estimate;
  }

  /** Positions `[from, to]` are in view: loads the first missing ones once the scroll settles. */
  want(from: number, to: number): void {
    const missing = this.rows?.missing(from, to);
    this.wanted = [from, to];
    if (missing === undefined || missing === this.failed || this.inFlight?.from === missing) return;
    this.failed = undefined;
    const now = performance.now();
    this.waitingSince ??= now;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), Math.max(0, Math.min(SETTLE_MS, this.waitingSince + MAX_WAIT_MS - now)));
  }

  private async load(): Promise<void> {
    this.timer = this.waitingSince = undefined;
    const q = this.query();
    const rows = this.rows;
    const wanted = this.wanted;
    const from = wanted && rows?.missing(wanted[0], wanted[1]);
    if (!q || !rows || !wanted || from === undefined) return;
    if (this.inFlight) {
      // The request in flight brings these rows; one for rows scrolled past gives way.
      if (this.inFlight.from <= from && from <= this.inFlight.to) return;
      this.inFlight.controller.abort();
    }
    const limit = Math.min(q.maxPage, Math.max(MIN_PAGE, wanted[1] - from + 1));
    const controller = new AbortController();
    this.inFlight = {from, to: from + limit - 1, controller};
    try {
      const page = await q.load(from, limit, controller.signal);
      if (controller.signal.aborted || rows !== this.rows) return;
      if ((page.items[0]?.position ?? from) < from) {
        // The source ignored `from`: walk its pages instead.
        this.unsupported.add(q.key);
        this.drop();
      } else {
        rows.add(from, page.items, page.next === null);
      }
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      this.failed = from;
      fire(this.host, 'undersigned-error', {error, action: 'load'});
    } finally {
      if (this.inFlight?.controller === controller) this.inFlight = undefined;
    }
    this.host.requestUpdate();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = this.waitingSince = undefined;
    this.inFlight?.controller.abort();
    this.inFlight = undefined;
  }

  private drop(): void {
    this.stop();
    this.rows = this.key = this.firstPage = this.wanted = this.failed = undefined;
  }
}
