/**
 * The data shapes of HTTP contract v1 (docs/contract.md), as the widgets
 * see them after validation (src/api/validate.ts): camelCase, and optional
 * fields the server left out are `undefined`, never `null`. The wire's own
 * snake_case shapes, limits and rules are in src/contract.
 */
import type {CommentSort, NewSignatory, SignatoryFields, SignatoryKind, Signing, WriteStatus} from '../contract/index.js';

export type {CommentSort, NewSignatory, SignatoryKind, Signing, WriteStatus};

export interface StatementImage {
  url: string;
  alt: string;
  caption?: string;
  credit?: string;
  creditUrl?: string;
  width?: number;
  height?: number;
}

export interface StatementNote {
  label?: string;
  text: string;
  at?: string;
}

export interface Statement {
  id: string;
  title: string;
  kicker?: string;
  summary?: string;
  image?: StatementImage;
  notes: StatementNote[];
  /** Publisher HTML: sanitise before rendering (src/text/sanitize-body). */
  body: string;
  publishedAt?: string;
  updatedAt?: string;
  url?: string;
  signatories: {
    count: number;
    listed?: number;
    open: boolean;
    goal?: number;
    /** Whether the sign form asks for an e-mail address as a required field. */
    emailRequired?: boolean;
    /** Who may sign; undefined means anyone (`open`). */
    signing?: Signing;
    /** With `signing: "domains"`: the domains whose addresses may sign, lower-case ASCII. */
    allowedDomains?: string[];
  };
  comments: {count: number; open: boolean};
}

export interface Signatory extends SignatoryFields {
  id: string;
  position?: number;
  signedAt?: string;
  /** The domain the organisation proved it speaks for (an address there), when the server says so. */
  verified?: {domain: string};
}

export interface CommentAuthor {
  name: string;
  url?: string;
}

export interface Comment {
  id: string;
  parentId: string | null;
  author: CommentAuthor;
  /** Plain text: render with src/text/comment-text, never as HTML. */
  body: string;
  createdAt: string;
  editedAt?: string;
  /** On a root whose thread did not all come with its page: the thread's replies, and where the rest continue. */
  replies?: {count: number; next: string | null};
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Opaque cursor for the next page, or null on the last one. */
  next: string | null;
}

/**
 * A page of signatories. `kinds` (optional, a v1 extension) counts the whole
 * unfiltered list by kind, so a heading can say "organizations" or "people"
 * without loading every page.
 */
export interface SignatoryPage extends Page<Signatory> {
  kinds?: Record<SignatoryKind, number>;
}

export interface SignatoryQuery {
  limit?: number;
  cursor?: string | null;
  /**
   * Random access (docs/contract.md, optional): the page of signatories
   * whose position is ≥ `from`, instead of a cursor. A backend without it
   * answers the first page, which the caller tells by its positions.
   */
  from?: number;
  q?: string;
  kind?: SignatoryKind;
}

export interface CommentQuery {
  limit?: number;
  cursor?: string | null;
  sort?: CommentSort;
  /** The replies of this root's thread after `cursor` (a root's `replies.next`), in thread order. */
  thread?: string;
}

/** A comment to post; sent as the contract's `NewComment` (`parent_id`). */
export interface NewComment {
  parentId?: string | null;
  author: {name: string; email?: string};
  body: string;
  website?: string;
}

export interface SignResult {
  signatory: Signatory;
  status: WriteStatus;
  /** Whether the signature shows in the public list (the signer asked to be listed), so widgets count it as listed. */
  listed: boolean;
}

/**
 * One `change` of a live stream (docs/contract.md "Live events"): the
 * current counts of what changed, what it published, and the statement
 * when the publisher changed it. Parts that did not change are absent.
 */
export interface LiveChange {
  signatories?: {count: number; listed: number; kinds: Record<SignatoryKind, number>; added: Signatory[]};
  comments?: {count: number; added: Comment[]};
  statement?: Statement;
}

export interface CommentResult {
  comment: Comment;
  status: WriteStatus;
}

/** Per-request options every client call takes. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** Per-write options: the key is made once per user action and reused on retry. */
export interface WriteOptions extends RequestOptions {
  idempotencyKey: string;
}

/**
 * Where the elements read (and, when a server backs them, write) a
 * statement. Two implementations: `HttpSource` (an endpoint) and
 * `StaticSource` (one JSON document named by `src`).
 */
export interface StatementSource {
  /** False for a static document: forms are hidden. */
  readonly writable: boolean;
  /** Identifies the source, so elements can tell when it changed. */
  readonly key: string;
  /** The largest `limit` one request may ask for; the contract's 200 when absent. */
  readonly maxPageSize?: number;
  /** The statement's live events route (docs/contract.md, optional); absent where nothing is live (a static document). */
  readonly events?: string;
  statement(opts?: RequestOptions): Promise<Statement>;
  signatories(query: SignatoryQuery, opts?: RequestOptions): Promise<SignatoryPage>;
  comments(query: CommentQuery, opts?: RequestOptions): Promise<Page<Comment>>;
  sign(input: NewSignatory, opts: WriteOptions): Promise<SignResult>;
  comment(input: NewComment, opts: WriteOptions): Promise<CommentResult>;
}
