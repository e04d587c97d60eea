import {ApiError} from './errors.js';
import {fetchJson, defaultPolicy, type FetchPolicy} from './fetch.js';
import type {StaticDocument} from './static-document.js';
import type {
  Comment,
  CommentQuery,
  CommentResult,
  Page,
  RequestOptions,
  SignResult,
  SignatoryPage,
  SignatoryQuery,
  Statement,
  StatementSource,
} from './types.js';

/**
 * Static mode: one JSON document (`src`) served by any host, paged,
 * searched and threaded in the browser. Read-only. What it does with the
 * document (static-document.ts) loads with it, as a sibling chunk of the
 * bundle, so a page whose widgets read an endpoint never downloads it.
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
   * Loads the document (and, at the same time, the code that reads it) once
   * for every element sharing this source. The shared request is not tied
   * to one caller's signal: a caller that aborts just stops waiting. A
   * failed load is forgotten so a retry refetches.
   */
  private load(signal?: AbortSignal): Promise<StaticDocument> {
    this.document ??= Promise.all([fetchJson(this.url, {}, this.policy), import('./static-document.js')]).then(
      ([body, {StaticDocument}]) => new StaticDocument(body),
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
    return (await this.load(opts.signal)).signatories(query, opts.signal);
  }

  /** Pages as the reference server makes them (StaticDocument.comments). */
  async comments(query: CommentQuery, opts: RequestOptions = {}): Promise<Page<Comment>> {
    return (await this.load(opts.signal)).comments(query);
  }

  sign(): Promise<SignResult> {
    return Promise.reject(new ApiError('http', 'A static document cannot be signed', {status: 405}));
  }

  comment(): Promise<CommentResult> {
    return Promise.reject(new ApiError('http', 'A static document cannot take comments', {status: 405}));
  }
}
