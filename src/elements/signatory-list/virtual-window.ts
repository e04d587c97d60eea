import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Rows rendered above and below the visible ones, so a fast scroll rarely shows a gap. */
const OVERSCAN = 5;
/**
 * Rows rendered before the box is measured: what it holds at its tallest
 * (34em of 5.25em rows, the styles' sizes), with overscan, so that
 * measuring it does not render the list a second time.
 */
const INITIAL_ROWS = Math.ceil(34 / 5.25) + 1 + 2 * OVERSCAN;
/** Row height (px) assumed until the first row is measured; the CSS fixes every row's height. */
const ROW_ESTIMATE = 84;

/** Rows [start, end) rendered by a long list. */
export interface RowRange {
  start: number;
  end: number;
}

export interface WindowMetrics {
  /** The box's scroll offset and height, px. */
  scrollTop: number;
  viewport: number;
  /** One row's height, px (the CSS fixes every row's). */
  rowHeight: number;
  /** Rows in the whole list. */
  total: number;
  /** The window's length so far: it only grows. */
  length: number;
  /** Rows rendered above and below the visible ones. */
  overscan?: number;
}

/**
 * The rows a scroll box shows at its scroll position, with overscan. The
 * window's length only grows (against the list's ends it stops sliding
 * instead of shrinking), so rows keyed by index modulo that length are
 * moved and refilled, never removed: lit-html's repeat leaves a marker
 * comment behind for every part it removes (lit/lit#5010), which would
 * pile up as the reader scrolls.
 */
export function windowRange({scrollTop, viewport, rowHeight, total, length, overscan = OVERSCAN}: WindowMetrics): RowRange {
  const h = rowHeight > 0 ? rowHeight : 1;
  const needed = Math.ceil(Math.max(viewport, h) / h) + 1 + 2 * overscan;
  const size = Math.max(0, Math.min(total, Math.max(needed, length)));
  const start = Math.max(0, Math.min(Math.floor(Math.max(0, scrollTop) / h) - overscan, total - size));
  return {start, end: start + size};
}

/** The list a window shows: its length, and its first page, which identifies it (a new one starts at the top). */
export interface WindowedList {
  readonly total: number;
  readonly firstPage?: unknown;
}

/**
 * The window of a long list: which rows are rendered, kept in step with
 * the box's scroll position and size. It measures after layout (a
 * ResizeObserver and the scroll event), never while the host updates, and
 * sizes the spacers that stand for the rows not rendered.
 */
export class VirtualWindow implements ReactiveController {
  range: RowRange = {start: 0, end: INITIAL_ROWS};
  rowHeight = ROW_ESTIMATE;
  private listFor?: unknown;
  private observed?: HTMLElement;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The list shown (read at every update: its length may change). */
    private readonly list: () => WindowedList,
    /** The scroll box, once rendered. */
    private readonly box: () => HTMLElement | null
  ) {
    host.addController(this);
  }

  /** Handles the box's scroll event. */
  readonly onScroll = (): void => this.follow();

  hostUpdate(): void {
    const {firstPage, total} = this.list();
    if (firstPage !== this.listFor) {
      this.listFor = firstPage;
      this.range = {start: 0, end: Math.min(total, INITIAL_ROWS)};
    }
  }

  /**
   * Sizes the spacers (::before, ::after) through the CSSOM, which a
   * strict CSP allows (padding would not scroll), and watches the box.
   */
  hostUpdated(): void {
    const box = this.box() ?? undefined;
    if (box !== this.observed) {
      this.observer?.disconnect();
      this.observed = box;
      if (box) {
        this.observer ??= new ResizeObserver(() => this.follow());
        this.observer.observe(box);
      }
    }
    if (!box) return;
    const {total} = this.list();
    const end = Math.min(this.range.end, total);
    box.style.setProperty('--_above', `${Math.min(this.range.start, end) * this.rowHeight}px`);
    box.style.setProperty('--_below', `${(total - end) * this.rowHeight}px`);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = undefined;
  }

  /** Scrolls the box so the row at `index` is in its middle. */
  scrollTo(index: number): void {
    const box = this.observed;
    if (!box) return;
    box.scrollTop = Math.max(0, index * this.rowHeight - (box.clientHeight - this.rowHeight) / 2);
    this.follow();
  }

  /** Learns the row height (the CSS sets it in em) and moves the window to what the box shows. */
  private follow(): void {
    const box = this.observed;
    if (!box) return;
    const row = box.querySelector<HTMLElement>('.item');
    const h = row?.getBoundingClientRect().height ?? 0;
    let changed = false;
    if (h > 0 && Math.abs(h - this.rowHeight) > 0.01) {
      this.rowHeight = h;
      changed = true;
    }
    const range = windowRange({
      scrollTop: box.scrollTop,
      viewport: box.clientHeight,
      rowHeight: this.rowHeight,
      total: this.list().total,
      length: this.range.end - this.range.start,
    });
    if (range.start !== this.range.start || range.end !== this.range.end) {
      this.range = range;
      changed = true;
    }
    if (changed) this.host.requestUpdate();
  }
}
