import {INLINE_REPLIES, matchesSearch, PAGE_LIMITS, searchWords, signatorySearchText} from '../contract/index.js';
import {ApiError} from './errors.js';
import {fetchJson, defaultPolicy, type FetchPolicy} from './fetch.js';
import {kindOf, parseListedSignatory, parseStaticDocument} from './validate.js';
import type {
  Comment,
  CommentQuery,
  CommentResult,
  Page,
  RequestOptions,
  SignResult,
  Signatory,
  SignatoryPage,
  SignatoryQuery,
  Statement,
  StatementSource,
} from './types.js';

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

interface StaticDocument {
  statement: Statement;
  signatories: SignatoryRows;
  comments: Comment[];
  /** The last query's matches, so paging through one search filters once. */
  matches?: {key: string; items: Signatory[]};
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

/**
 * Static mode: one JSON document (`src`) served by any host, paged,
 * searched and threaded in the browser. Read-only.
 */
export class StaticSource implements StatementSource {
  readonly writable = false;
  /** Pages come from memory: any size is as cheap as the contract's largest. */
  readonly maxPageSize = Infinity;
  readonly key: string;
  private document?: Promise<StaticDocument>;
  private readonly url: string;

  constructor(
    src: string,
    private readonly policy: FetchPolicy = defaultPolicy
  ) {
    this.url = new URL(src, location.href).href;
    this.key = `static ${this.url}`;
  }

  /**
   * Loads the document once for every element sharing this source. The
   * shared request is not tied to one caller's signal: a caller that aborts
   * just stops waiting. A failed load is forgotten so a retry refetches.
   */
  private load(signal?: AbortSignal): Promise<StaticDocument> {
    this.document ??= fetchJson(this.url, {}, this.policy).then(
      (body) => {
        const doc = parseStaticDocument(body);
        return {...doc, signatories: new SignatoryRows(doc.signatories)};
      },
      (error: unknown) => {
        this.document = undefined;
        throw error;
      }
    );
    if (!signal) return this.document;
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new DOMException('The request was aborted.', 'AbortError'));
      signal.addEventListener('abort', () => reject(new DOMException('The request was aborted.', 'AbortError')), {
        once: true,
      });
      this.document!.then(resolve, reject);
    });
  }

  async statement(opts: RequestOptions = {}): Promise<Statement> {
    return (await this.load(opts.signal)).statement;
  }

  async signatories(query: SignatoryQuery, opts: RequestOptions = {}): Promise<SignatoryPage> {
    const doc = await this.load(opts.signal);
    const matching = await this.matching(doc, query.q?.trim() ?? '', query.kind, opts.signal);
    const start = query.from === undefined ? offsetOf(query.cursor) : firstFrom(matching, query.from);
    const end = start + (query.limit ?? 50);
    return {
      items: matching.slice(start, end),
      total: matching.length,
      next: end < matching.length ? String(end) : null,
      kinds: doc.signatories.kinds,
    };
  }

  /** The rows a search and kind select: one pass over text folded once, remembered for the next page. */
  private async matching(
    doc: StaticDocument,
    q: string,
    kind: Signatory['kind'] | undefined,
    signal?: AbortSignal
  ): Promise<Pick<Signatory[], 'length' | 'slice'>> {
    if (!q && !kind) return doc.signatories;
    const key = `${kind ?? ''} ${q}`;
    if (doc.matches?.key === key) return doc.matches.items;
    const words = searchWords(q);
    const all = await doc.signatories.every();
    const folded = words.length ? await doc.signatories.folded() : undefined;
    if (signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError');
    const items: Signatory[] = [];
    for (let i = 0; i < all.length; i++) {
      if ((!kind || all[i].kind === kind) && (!folded || matchesSearch(folded[i], words))) items.push(all[i]);
    }
    doc.matches = {key, items};
    return items;
  }

  /**
   * Pages as the reference server makes them (docs/contract.md "Comment
   * pages"): `limit` roots, each with at most INLINE_REPLIES replies and
   * `replies: {count, next}`; `thread` continues one root's replies.
   */
  async comments(query: CommentQuery, opts: RequestOptions = {}): Promise<Page<Comment>> {
    const all = (await this.load(opts.signal)).comments;
    const byTime = (a: Comment, b: Comment) => a.createdAt.localeCompare(b.createdAt);
    const children = new Map<string | null, Comment[]>();
    const ids = new Set(all.map((c) => c.id));
    for (const c of all) {
      // A reply whose parent is missing from the document is shown as a root.
      const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
      const list = children.get(parent) ?? [];
      list.push(c);
      children.set(parent, list);
    }
    /** A root's replies in thread order (depth first, oldest first), without recursion. */
    const threadOf = (root: Comment): Comment[] => {
      const out: Comment[] = [];
      const stack = [...(children.get(root.id) ?? [])].sort(byTime).reverse();
      while (stack.length) {
        const c = stack.pop()!;
        out.push(c);
        stack.push(...[...(children.get(c.id) ?? [])].sort(byTime).reverse());
      }
      return out;
    };
    const roots = [...(children.get(null) ?? [])].sort(byTime);
    if (query.thread !== undefined) {
      const root = roots.find((r) => r.id === query.thread);
      if (!root) throw new ApiError('http', 'No such thread', {status: 404});
      const replies = threadOf(root);
      const start = offsetOf(query.cursor);
      const end = start + (query.limit ?? PAGE_LIMITS.thread.default);
      return {items: replies.slice(start, end), total: replies.length, next: end < replies.length ? String(end) : null};
    }
    if (query.sort === 'newest') roots.reverse();
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

  sign(): Promise<SignResult> {
    return Promise.reject(new ApiError('http', 'A static document cannot be signed', {status: 405}));
  }

  comment(): Promise<CommentResult> {
    return Promise.reject(new ApiError('http', 'A static document cannot take comments', {status: 405}));
  }
}
