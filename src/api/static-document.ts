// What StaticSource (static-source.ts) does with a static document once it
// is fetched: a lazily loaded sibling chunk, so a page whose widgets read an
// endpoint does not download it.
import {INLINE_REPLIES, matchesSearch, PAGE_LIMITS, searchWords, signatorySearchText} from '../contract/index.js';
import {ApiError} from './errors.js';
import {kindOf, parseListedSignatory, parseStaticDocument} from './validate-static.js';
import type {Comment, CommentQuery, Page, Signatory, SignatoryPage, SignatoryQuery, Statement} from './types.js';

/** How long one slice of a long loop may hold the main thread before it yields. */
const SLICE_MS = 8;

/** Resolves in a later task, so a long loop lets input and paint through. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs `step` for 0 … n−1 in slices of a few milliseconds: 100 000 rows take longer than one task may. */
async function sliced(n: number, step: (i: number) => void): Promise<void> {
  let start = performance.now();
  for (let i = 0; i < n; i++) {
    step(i);
    if ((i & 255) === 255 && performance.now() - start > SLICE_MS) {
      await nextTask();
      start = performance.now();
    }
  }
}

/**
 * A static document's signatories, each checked when first used: the
 * first page paints without waiting for 100 000 rows to be checked, and a
 * malformed row fails the page that holds it.
 */
class SignatoryRows {
  /** The whole list counted by kind, once. */
  readonly kinds = {organization: 0, individual: 0};
  private readonly checked: Signatory[];
  private everyRow?: Promise<readonly Signatory[]>;
  private foldedRows?: Promise<readonly string[]>;

  constructor(private readonly raw: readonly unknown[]) {
    this.checked = new Array<Signatory>(raw.length);
    for (const row of raw) {
      const kind = kindOf(row);
      if (kind) this.kinds[kind]++;
    }
  }

  get length(): number {
    return this.raw.length;
  }

  /** Row `i`, numbered by its place in the list where the document gives no position. */
  at(i: number): Signatory {
    let row = this.checked[i];
    if (!row) {
      row = this.checked[i] = parseListedSignatory(this.raw[i], i);
      row.position ??= i + 1;
    }
    return row;
  }

  slice(start: number, end: number): Signatory[] {
    const rows: Signatory[] = [];
    for (let i = start; i < Math.min(end, this.length); i++) rows.push(this.at(i));
    return rows;
  }

  /** Every row, checked in slices (for filtering). */
  every(): Promise<readonly Signatory[]> {
    return (this.everyRow ??= sliced(this.length, (i) => this.at(i)).then(() => this.checked));
  }

  /** Each row's searchable text, folded once, in slices. */
  folded(): Promise<readonly string[]> {
    return (this.foldedRows ??= this.every().then(async (rows) => {
      const out = new Array<string>(rows.length);
      await sliced(rows.length, (i) => {
        out[i] = signatorySearchText(rows[i]!);
      });
      return out;
    }));
  }
}


function offsetOf(cursor: string | null | undefined): number {
  const n = Number(cursor ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** The index of the first row whose position is ≥ `from` (rows are in position order): a binary search, so only the rows it looks at are checked. */
function firstFrom(rows: Pick<Signatory[], 'length' | 'slice'>, from: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((rows.slice(mid, mid + 1)[0]?.position ?? mid + 1) < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface Threads {
  /** Top-level comments, oldest first. */
  roots: Comment[];
  /** A root's replies in thread order (depth first, oldest first), each worked out once. */
  of: (root: Comment) => Comment[];
}

/** Threads a document's comments: one pass over them; each root's replies are ordered when first asked for. */
function threadComments(all: readonly Comment[]): Threads {
  // ISO times in one format sort as plain strings; localeCompare would build a collator and cost ~10x.
  const byTime = (a: Comment, b: Comment) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
  const children = new Map<string | null, Comment[]>();
  const ids = new Set(all.map((c) => c.id));
  for (const c of all) {
    // A reply whose parent is missing from the document is shown as a root.
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent);
    if (list) list.push(c);
    else children.set(parent, [c]);
  }
  const ordered = new Map<string, Comment[]>();
  return {
    roots: [...(children.get(null) ?? [])].sort(byTime),
    of(root) {
      let out = ordered.get(root.id);
      if (!out) {
        out = [];
        // Without recursion: a chain thousands deep is one loop.
        const stack = [...(children.get(root.id) ?? [])].sort(byTime).reverse();
        while (stack.length) {
          const c = stack.pop()!;
          out.push(c);
          stack.push(...[...(children.get(c.id) ?? [])].sort(byTime).reverse());
        }
        ordered.set(root.id, out);
      }
      return out;
    },
  };
}

/** A fetched static document, paged, searched and threaded in memory. */
export class StaticDocument {
  readonly statement: Statement;
  private readonly rows: SignatoryRows;
  private readonly allComments: Comment[];
  /** The last query's matches, so paging through one search filters once. */
  private matches?: {key: string; items: Signatory[]};
  /** The comments threaded, once per document (not per page). */
  private threads?: Threads;

  /** `body`: the document as fetched; throws an ApiError when it is not one. */
  constructor(body: unknown) {
    const doc = parseStaticDocument(body);
    this.statement = doc.statement;
    this.rows = new SignatoryRows(doc.signatories);
    this.allComments = doc.comments;
  }

  async signatories(query: SignatoryQuery, signal?: AbortSignal): Promise<SignatoryPage> {
    const matching = await this.matching(query.q?.trim() ?? '', query.kind, signal);
    const start = query.from === undefined ? offsetOf(query.cursor) : firstFrom(matching, query.from);
    const end = start + (query.limit ?? 50);
    return {
      items: matching.slice(start, end),
      total: matching.length,
      next: end < matching.length ? String(end) : null,
      kinds: this.rows.kinds,
    };
  }

  /** The rows a search and kind select: one pass over text folded once, remembered for the next page. */
  private async matching(
    q: string,
    kind: Signatory['kind'] | undefined,
    signal?: AbortSignal
  ): Promise<Pick<Signatory[], 'length' | 'slice'>> {
    if (!q && !kind) return this.rows;
    const key = `${kind ?? ''} ${q}`;
    if (this.matches?.key === key) return this.matches.items;
    const words = searchWords(q);
    const all = await this.rows.every();
    const folded = words.length ? await this.rows.folded() : undefined;
    if (signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError');
    const items: Signatory[] = [];
    for (let i = 0; i < all.length; i++) {
      if ((!kind || all[i].kind === kind) && (!folded || matchesSearch(folded[i], words))) items.push(all[i]);
    }
    this.matches = {key, items};
    return items;
  }

  /**
   * Pages as the reference server makes them (docs/contract.md "Comment
   * pages"): `limit` roots, each with at most INLINE_REPLIES replies and
   * `replies: {count, next}`; `thread` continues one root's replies.
   */
  comments(query: CommentQuery): Page<Comment> {
    const all = this.allComments;
    const threads = (this.threads ??= threadComments(all));
    const threadOf = threads.of;
    const roots = query.sort === 'newest' ? [...threads.roots].reverse() : threads.roots;
    if (query.thread !== undefined) {
      const root = roots.find((r) => r.id === query.thread);
      if (!root) throw new ApiError('http', 'No such thread', {status: 404});
      const replies = threadOf(root);
      const start = offsetOf(query.cursor);
      const end = start + (query.limit ?? PAGE_LIMITS.thread.default);
      return {items: replies.slice(start, end), total: replies.length, next: end < replies.length ? String(end) : null};
    }
    const start = offsetOf(query.cursor);
    const end = start + (query.limit ?? 20);
    const items: Comment[] = [];
    for (const root of roots.slice(start, end)) {
      const replies = threadOf(root);
      const inline = replies.slice(0, INLINE_REPLIES);
      items.push({...root, replies: {count: replies.length, next: replies.length > inline.length ? String(inline.length) : null}}, ...inline);
    }
    return {items, total: all.length, next: end < roots.length ? String(end) : null};
  }
}
