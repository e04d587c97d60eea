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
}

/** Case- and accent-insensitive text for searching in the browser. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
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
        // Number by place in the unfiltered list where the document has no positions.
        doc.signatories.forEach((s, i) => (s.position ??= i + 1));
        return doc;
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
    const all = (await this.load(opts.signal)).signatories;
    const needle = query.q ? foldForSearch(query.q.trim()) : '';
    const matching = all.filter(
      (s) =>
        (!query.kind || s.kind === query.kind) &&
        (!needle || foldForSearch([s.name, s.organization, s.role, s.location].join(' ')).includes(needle))
    );
    const start = offsetOf(query.cursor);
    const end = start + (query.limit ?? 50);
    const kinds = {organization: 0, individual: 0};
    for (const s of all) kinds[s.kind]++;
    return {
      items: matching.slice(start, end),
      total: matching.length,
      next: end < matching.length ? String(end) : null,
      kinds,
    };
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
