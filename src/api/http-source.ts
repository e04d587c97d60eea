import type {NewComment as WireNewComment} from '../contract/index.js';
import {fetchJson, defaultPolicy, type FetchPolicy} from './fetch.js';
import {
  parseCommentPage,
  parseCommentResult,
  parseSignResult,
  parseSignatoryPage,
  parseStatement,
} from './validate.js';
import type {
  CommentQuery,
  CommentResult,
  NewComment,
  NewSignatory,
  Page,
  Comment,
  RequestOptions,
  SignResult,
  SignatoryPage,
  SignatoryQuery,
  Statement,
  StatementSource,
  WriteOptions,
} from './types.js';

/** Query parameters with the unset ones left out. */
function search(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') q.set(name, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Contract v1 over HTTP: `endpoint` + `/statements/{id}/…`. */
export class HttpSource implements StatementSource {
  readonly writable = true;
  readonly key: string;
  readonly events: string;
  private readonly base: string;

  constructor(
    endpoint: string,
    readonly statementId: string,
    private readonly policy: FetchPolicy = defaultPolicy
  ) {
    // Relative endpoints resolve against the page's own address, not a <base href>
    // a CMS theme may have set for its own links.
    const root = new URL(endpoint, location.href).href.replace(/\/+$/, '');
    this.base = `${root}/statements/${encodeURIComponent(statementId)}`;
    this.key = `http ${this.base}`;
    this.events = `${this.base}/events`;
  }

  async statement(opts: RequestOptions = {}): Promise<Statement> {
    return parseStatement(await fetchJson(this.base, {signal: opts.signal}, this.policy));
  }

  async signatories(query: SignatoryQuery, opts: RequestOptions = {}): Promise<SignatoryPage> {
    const url = `${this.base}/signatories${search({limit: query.limit, cursor: query.cursor, from: query.from, q: query.q, kind: query.kind})}`;
    return parseSignatoryPage(await fetchJson(url, {signal: opts.signal}, this.policy));
  }

  async comments(query: CommentQuery, opts: RequestOptions = {}): Promise<Page<Comment>> {
    const url = `${this.base}/comments${search({limit: query.limit, cursor: query.cursor, sort: query.sort, thread: query.thread})}`;
    return parseCommentPage(await fetchJson(url, {signal: opts.signal}, this.policy));
  }

  async sign(input: NewSignatory, opts: WriteOptions): Promise<SignResult> {
    const body = await fetchJson(
      `${this.base}/signatories`,
      {method: 'POST', body: input, headers: {'Idempotency-Key': opts.idempotencyKey}, signal: opts.signal},
      this.policy
    );
    return parseSignResult(body, input.public);
  }

  async comment(input: NewComment, opts: WriteOptions): Promise<CommentResult> {
    const wire: WireNewComment = {parent_id: input.parentId ?? null, author: input.author, body: input.body, website: input.website};
    const body = await fetchJson(
      `${this.base}/comments`,
      {method: 'POST', body: wire, headers: {'Idempotency-Key': opts.idempotencyKey}, signal: opts.signal},
      this.policy
    );
    return parseCommentResult(body);
  }
}
