/**
 * A contract v1 endpoint inside the page: replaces `window.fetch` for URLs
 * under its base, serves wire-format data with the same paging rules as the
 * reference server, counts requests, and can fail, hang or answer garbage on
 * demand. Element tests drive the widgets through real fetch calls with it.
 */

import * as contract from '../../src/contract/index.js';

/**
 * The contract's wire shapes, loosened where tests send partial or
 * deliberately malformed data: any extra field, and a statement of just an id and title.
 */
export type WireStatement = Pick<contract.WireStatement, 'id' | 'title'> & Record<string, unknown>;
export type WireSignatory = Omit<contract.WireSignatory, 'position' | 'signed_at'> &
  Partial<Pick<contract.WireSignatory, 'position' | 'signed_at'>> &
  Record<string, unknown>;
export type WireComment = contract.WireComment & Record<string, unknown>;
type WireNewSignatory = contract.NewSignatory;

export interface FakeData {
  statement: WireStatement;
  signatories?: WireSignatory[];
  comments?: WireComment[];
}

/** How the next matching request is answered instead of normally. */
export type Fault =
  | {status: number; body?: unknown; headers?: Record<string, string>}
  | {network: true}
  | {raw: string}
  | {hang: true};

interface PendingFault {
  match: RegExp;
  fault: Fault;
  times: number;
}

export interface RecordedRequest {
  method: string;
  url: URL;
  body?: unknown;
  headers: Headers;
  signal?: AbortSignal | null;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers},
  });

export class FakeEndpoint {
  readonly requests: RecordedRequest[] = [];
  private faults: PendingFault[] = [];
  private hanging: Array<() => void> = [];
  private readonly realFetch = window.fetch;
  data: Required<FakeData>;
  /** Plays a backend without random access: `from` is ignored, so it answers the first page. */
  ignoresFrom = false;
  /**
   * Plays a shared cache that answers from before the latest signatures
   * (a CDN inside its s-maxage): signatures it took are in `late`, not in
   * what GETs answer, until `catchUp()`; so are the comments it took, in `lateComments`.
   */
  answersLate = false;
  readonly late: Array<WireSignatory & {public: boolean}> = [];
  readonly lateComments: WireComment[] = [];

  constructor(
    data: FakeData,
    readonly base = 'https://api.test/v1'
  ) {
    this.data = {signatories: [], comments: [], ...data};
    window.fetch = (input, init) => this.fetch(input, init);
  }

  /** Puts the real fetch back and lets hanging requests go. */
  restore(): void {
    window.fetch = this.realFetch;
    this.hanging.splice(0).forEach((release) => release());
  }

  /** Requests whose path (after the base) matches. */
  count(path: RegExp): number {
    return this.requests.filter((r) => path.test(r.url.pathname.slice(new URL(this.base).pathname.length))).length;
  }

  /** Answers the next `times` requests whose path matches with `fault`. */
  fail(match: RegExp, fault: Fault, times = 1): void {
    this.faults.push({match, fault, times});
  }

  /** Lets every hanging request answer normally. */
  release(): void {
    this.hanging.splice(0).forEach((release) => release());
  }

  private async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.href.startsWith(this.base)) return this.realFetch.call(window, input, init);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const signal = init?.signal;
    this.requests.push({method, url, body, headers: new Headers(init?.headers), signal});
    const path = url.pathname.slice(new URL(this.base).pathname.length);

    const pending = this.faults.find((f) => f.match.test(path));
    if (pending) {
      if (--pending.times <= 0) this.faults.splice(this.faults.indexOf(pending), 1);
      const fault = pending.fault;
      if ('hang' in fault) {
        await new Promise<void>((resolve, reject) => {
          this.hanging.push(resolve);
          signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), {once: true});
        });
      } else if ('network' in fault) {
        throw new TypeError('Failed to fetch');
      } else if ('raw' in fault) {
        return new Response(fault.raw, {status: 200, headers: {'Content-Type': 'application/json'}});
      } else {
        return json(fault.body ?? {title: `Error ${fault.status}`, status: fault.status}, fault.status, fault.headers);
      }
    }
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    return this.route(method, path, url.searchParams, body);
  }

  private route(method: string, path: string, params: URLSearchParams, body: unknown): Response {
    const match = /^\/statements\/([^/]+)(\/signatories|\/comments)?$/.exec(path);
    if (!match || decodeURIComponent(match[1]) !== this.data.statement.id) {
      return json({title: 'Not found', status: 404}, 404);
    }
    if (method === 'POST' && match[2] === '/signatories') return this.sign(body as WireNewSignatory);
    if (method === 'POST' && match[2] === '/comments') return this.comment(body as contract.NewComment);
    if (method === 'POST') return json({title: 'Not supported by the fake', status: 405}, 405);
    switch (match[2]) {
      case undefined:
        return json(this.data.statement);
      case '/signatories':
        return json(this.signatoryPage(params));
      default:
        void body;
        return json(this.commentPage(params));
    }
  }

  /** GETs answer with every signature taken so far, counts included. */
  catchUp(): void {
    const comments = this.data.statement.comments as {count: number} | undefined;
    for (const comment of this.lateComments.splice(0)) {
      this.data.comments.push(comment);
      if (comments) comments.count++;
    }
    const counts = this.data.statement.signatories as {count: number; listed?: number};
    for (const {public: listed, ...signatory} of this.late.splice(0)) {
      counts.count++;
      if (listed) {
        if (counts.listed !== undefined) counts.listed++;
        this.data.signatories.push(signatory);
      }
    }
  }

  /** Takes a signature (published at once), as the reference server does. */
  private sign(input: WireNewSignatory): Response {
    const position = this.data.signatories.length + this.late.length + 1;
    const {name, kind, organization, role, location} = input;
    const signatory: WireSignatory = {id: `signed-${position}`, position, name, kind, organization, role, location, signed_at: new Date().toISOString()};
    this.late.push({...signatory, public: input.public});
    if (!this.answersLate) this.catchUp();
    return json({signatory, status: 'published'}, 201);
  }

  /** Publishes every comment at once (no moderation). */
  private comment(input: contract.NewComment): Response {
    const n = this.data.comments.length + this.lateComments.length + 1;
    const comment: WireComment = {id: `posted-${n}`, parent_id: input.parent_id, author: {name: input.author.name},
      body: input.body, created_at: new Date().toISOString()};
    this.lateComments.push(comment);
    if (!this.answersLate) this.catchUp();
    return json({comment, status: 'published'}, 201);
  }

  private signatoryPage(params: URLSearchParams) {
    const words = contract.searchWords(params.get('q') ?? '');
    const kind = params.get('kind');
    const all: WireSignatory[] = this.data.signatories.map((s, i) => ({position: i + 1, ...s}));
    const matching = all.filter(
      (s) => (!kind || s.kind === kind) && contract.matchesSearch(contract.signatorySearchText(s), words)
    );
    // `from` (random access) as the reference server has it, unless this endpoint plays one without it.
    const from = this.ignoresFrom ? null : params.get('from');
    const start = from ? firstAtOrAfter(matching, Number(from)) : Number(params.get('cursor') ?? 0);
    const limit = Number(params.get('limit') ?? 50);
    const kinds = {organization: 0, individual: 0};
    for (const s of all) kinds[s.kind]++;
    return {
      items: matching.slice(start, start + limit),
      total: matching.length,
      next: start + limit < matching.length ? String(start + limit) : null,
      kinds,
    };
  }

  private commentPage(params: URLSearchParams) {
    const all = this.data.comments;
    const roots = all.filter((c) => c.parent_id === null).sort((a, b) => a.created_at.localeCompare(b.created_at));
    if (params.get('sort') === 'newest') roots.reverse();
    const start = Number(params.get('cursor') ?? 0);
    const limit = Number(params.get('limit') ?? 20);
    const items: WireComment[] = [];
    const visit = (c: WireComment) => {
      items.push(c);
      all
        .filter((r) => r.parent_id === c.id)
        .sort((a, b) => a.created_at.localeCompare(b.created_at))
        .forEach(visit);
    };
    roots.slice(start, start + limit).forEach(visit);
    return {items, total: all.length, next: start + limit < roots.length ? String(start + limit) : null};
  }
}

/** The index of the first signatory at a position ≥ `from`. */
function firstAtOrAfter(items: readonly WireSignatory[], from: number): number {
  const i = items.findIndex((s) => (s.position ?? 0) >= from);
  return i < 0 ? items.length : i;
}

/** Builds a statement in wire format with sensible defaults. */
export function wireStatement(overrides: Partial<WireStatement> = {}): WireStatement {
  return {
    id: 'test-letter',
    title: 'An open letter for the river',
    kicker: 'Open letter',
    image: {url: 'https://img.test/hero.jpg', alt: 'A river at dawn', caption: 'The river', credit: 'A. Photographer', width: 1600, height: 900},
    notes: [{label: 'Note', text: 'Signatures are still being added.'}],
    body: '<p>First paragraph.</p><p>Second <em>paragraph</em>.</p>',
    published_at: '2026-11-01T12:00:00Z',
    signatories: {count: 3, listed: 3, open: true},
    comments: {count: 2, open: true},
    ...overrides,
  };
}

/** `n` organisation signatories named "Org 1" … "Org n", in wire format. */
export function wireOrganizations(n: number, from = 1): WireSignatory[] {
  return Array.from({length: n}, (_, i) => ({
    id: `s${from + i}`,
    position: from + i,
    name: `Org ${from + i}`,
    kind: 'organization' as const,
    location: i % 2 ? 'Lyon, France' : 'San Diego, California',
    signed_at: '2026-11-02T10:00:00Z',
  }));
}
