import {ApiError} from './errors.js';
import {fetchJson, defaultPolicy, type FetchPolicy} from './fetch.js';
import {parseStaticDocument} from './validate.js';
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

interface StaticDocument {
  statement: Statement;
  signatories: Signatory[];
  comments: Comment[];
  /** The whole list counted by kind, once. */
  kinds: Record<Signatory['kind'], number>;
  /** Each signatory's searchable text, folded once (built on the first search). */
  folded?: Promise<string[]>;
  /** The last query's matches, so paging through one search filters once. */
  matches?: {key: string; items: Signatory[]};
}

/** Case- and accent-insensitive text for searching in the browser. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** How long one slice of folding may hold the main thread before it yields. */
const FOLD_SLICE_MS = 8;

/** Resolves in a later task, so a long loop lets input and paint through. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Folds every signatory's searchable text once per document, in slices of
 * a few milliseconds: 100 000 rows take longer than one task may.
 */
async function foldAll(signatories: readonly Signatory[]): Promise<string[]> {
  const out: string[] = new Array(signatories.length);
  let start = performance.now();
  for (let i = 0; i < signatories.length; i++) {
    const s = signatories[i];
    out[i] = foldForSearch(`${s.name} ${s.organization ?? ''} ${s.role ?? ''} ${s.location ?? ''}`);
    if ((i & 255) === 255 && performance.now() - start > FOLD_SLICE_MS) {
      await nextTask();
      start = performance.now();
    }
  }
  return out;
}

function offsetOf(cursor: string | null | undefined): number {
  const n = Number(cursor ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
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
        const kinds = {organization: 0, individual: 0};
        doc.signatories.forEach((s, i) => {
          // Number by place in the unfiltered list where the document has no positions.
          s.position ??= i + 1;
          kinds[s.kind]++;
        });
        return {...doc, kinds};
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
    const start = offsetOf(query.cursor);
    const end = start + (query.limit ?? 50);
    return {
      items: matching.slice(start, end),
      total: matching.length,
      next: end < matching.length ? String(end) : null,
      kinds: doc.kinds,
    };
  }

  /** The rows a search and kind select: one pass over text folded once, remembered for the next page. */
  private async matching(doc: StaticDocument, q: string, kind: Signatory['kind'] | undefined, signal?: AbortSignal) {
    if (!q && !kind) return doc.signatories;
    const key = `${kind ?? ''} ${q}`;
    if (doc.matches?.key === key) return doc.matches.items;
    const needle = foldForSearch(q);
    const folded = needle ? await (doc.folded ??= foldAll(doc.signatories)) : undefined;
    if (signal?.aborted) throw new DOMException('The request was aborted.', 'AbortError');
    const all = doc.signatories;
    const items: Signatory[] = [];
    for (let i = 0; i < all.length; i++) {
      if ((!kind || all[i].kind === kind) && (!folded || folded[i].includes(needle))) items.push(all[i]);
    }
    doc.matches = {key, items};
    return items;
  }

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
    const roots = [...(children.get(null) ?? [])].sort(byTime);
    if (query.sort === 'newest') roots.reverse();
    const start = offsetOf(query.cursor);
    const end = start + (query.limit ?? 20);
    const items: Comment[] = [];
    const visit = (c: Comment) => {
      items.push(c);
      for (const reply of [...(children.get(c.id) ?? [])].sort(byTime)) visit(reply);
    };
    roots.slice(start, end).forEach(visit);
    return {items, total: all.length, next: end < roots.length ? String(end) : null};
  }

  sign(): Promise<SignResult> {
    return Promise.reject(new ApiError('http', 'A static document cannot be signed', {status: 405}));
  }

  comment(): Promise<CommentResult> {
    return Promise.reject(new ApiError('http', 'A static document cannot take comments', {status: 405}));
  }
}
