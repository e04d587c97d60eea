import type {Signatory} from '../../api/index.js';

/** Positions `[from, to]`, both included (`to` may be Infinity: everything after `from`). */
export type Span = readonly [from: number, to: number];

/** `spans` (sorted, apart) with `span` added: overlapping and touching spans become one. */
export function addSpan(spans: readonly Span[], span: Span): Span[] {
  let [from, to] = span;
  const out: Span[] = [];
  for (const s of spans) {
    if (s[1] < from - 1 || s[0] > to + 1) out.push(s);
    else {
      from = Math.min(from, s[0]);
      to = Math.max(to, s[1]);
    }
  }
  out.push([from, to]);
  return out.sort((a, b) => a[0] - b[0]);
}

/** The first position in `[from, to]` that no span covers, if any. */
export function firstUncovered(spans: readonly Span[], from: number, to: number): number | undefined {
  let p = from;
  for (const [a, b] of spans) {
    if (b < p) continue;
    if (a > p) break;
    p = b + 1;
  }
  return p <= to ? p : undefined;
}

/** What a long list shows at a position: a signatory, a gap (nobody listed there: a hidden or unlisted signature), or not loaded yet. */
export type Slot = Signatory | 'gap' | undefined;

/**
 * A long list's rows keyed by position, loaded a page at a time anywhere in
 * the list: a deep link or a jump of the scroll box loads the page there,
 * and the rows between stay unknown until they are needed. Positions are
 * stable and gaps rare, so position N is row N of the scroll box.
 */
export class SparseRows {
  private readonly rows = new Map<number, Signatory>();
  private spans: Span[] = [];
  private highest = 0;
  /** The last listed position, once a page ended the list. */
  private last?: number;
  /** Nothing is listed past this (a page from here on came back empty). */
  private ceiling = Infinity;

  /**
   * A page of the signatories at positions ≥ `from`, in order; `end` when
   * nothing follows it. Every position from `from` to its last row is
   * then known: a position without a row is a gap.
   */
  add(from: number, items: readonly Signatory[], end: boolean): void {
    let top = from - 1;
    for (const s of items) {
      if (s.position === undefined || s.position < from) continue;
      this.rows.set(s.position, s);
      top = Math.max(top, s.position);
    }
    this.highest = Math.max(this.highest, top);
    if (end) {
      if (top >= from) this.last = top;
      else this.ceiling = Math.min(this.ceiling, from - 1);
      this.spans = addSpan(this.spans, [from, Infinity]);
    } else if (top >= from) {
      this.spans = addSpan(this.spans, [from, top]);
    }
  }

  /** A signatory listed since (a live stream): its row, and the list's end past it. */
  put(signatory: Signatory): void {
    const {position} = signatory;
    if (position === undefined) return;
    this.rows.set(position, signatory);
    this.highest = Math.max(this.highest, position);
    if (this.last !== undefined) this.last = Math.max(this.last, position);
    this.ceiling = Math.max(this.ceiling, position);
  }

  at(position: number): Slot {
    const row = this.rows.get(position);
    if (row) return row;
    return firstUncovered(this.spans, position, position) === undefined ? 'gap' : undefined;
  }

  /** The first position in `[from, to]` not loaded yet. */
  missing(from: number, to: number): number | undefined {
    return firstUncovered(this.spans, from, to);
  }

  /** Rows in the scroll box: the last listed position once known, else the estimate (a count), never less than what was seen. */
  size(estimate: number): number {
    if (this.last !== undefined) return this.last;
    return Math.max(this.highest, Math.min(estimate, this.ceiling));
  }
}
