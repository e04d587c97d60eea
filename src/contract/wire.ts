/**
 * The wire shapes of the HTTP contract (docs/contract.md): snake_case JSON,
 * written once for the reference server, the widgets' client and the test
 * fakes. The widgets turn these into their camelCase shapes in
 * src/api/validate.ts; the server builds them in server/src/wire.ts.
 */

export type SignatoryKind = 'organization' | 'individual';
/** `unconfirmed`: kept, but neither counted nor listed until its e-mail link is followed. */
export type WriteStatus = 'published' | 'pending' | 'unconfirmed';
export type CommentSort = 'oldest' | 'newest';
/** Who may sign (optional for other backends): anyone, holders of an invitation, or addresses at `allowed_domains`. */
export type Signing = 'open' | 'invite' | 'domains';

export const SIGNATORY_KINDS: readonly SignatoryKind[] = ['organization', 'individual'];

export interface WireImage {
  url: string;
  alt: string;
  caption?: string;
  credit?: string;
  credit_url?: string;
  width?: number;
  height?: number;
}

export interface WireNote {
  label?: string;
  text: string;
  at?: string;
}

/** What the publisher writes; stored as given and returned in the statement. */
export interface StatementContent {
  title: string;
  kicker?: string;
  summary?: string;
  image?: WireImage;
  notes?: WireNote[];
  body: string;
  published_at?: string;
  /** The statement's own last-changed date, when the publisher gives one; else when it was last stored. */
  updated_at?: string;
  url?: string;
}

export interface WireStatement extends Omit<StatementContent, 'notes'> {
  id: string;
  notes: WireNote[];
  updated_at?: string;
  signatories: {
    count: number; listed: number; open: boolean; goal?: number; email_required: boolean;
    /** Optional for other backends; absent means `open`. */
    signing?: Signing;
    /** With `signing: "domains"`: the domains whose addresses may sign. */
    allowed_domains?: string[];
    /** Optional for other backends; absent means `none`. `email`: a signature counts once its address is confirmed. */
    confirmation?: 'none' | 'email';
  };
  comments: {count: number; open: boolean};
}

/** What a signatory says about themself: the same fields in a signature, on the wire and in the widgets. */
export interface SignatoryFields {
  name: string;
  kind: SignatoryKind;
  organization?: string;
  role?: string;
  location?: string;
  url?: string;
}

/** A signatory the publisher stands behind for a domain (optional for other backends; absent when not verified). */
export interface WireVerified {
  /** The registrable domain, in ASCII (an IDN as punycode): `riverkeepers.org`. */
  domain: string;
}

export interface WireSignatory extends SignatoryFields {
  id: string;
  position: number;
  signed_at: string;
  verified?: WireVerified;
}

/** On a root whose thread did not fit its page: all its visible replies, and where the rest continue. */
export interface WireReplies {
  count: number;
  next: string | null;
}

export interface WireComment {
  id: string;
  parent_id: string | null;
  author: {name: string; url?: string};
  body: string;
  created_at: string;
  edited_at?: string;
  /** Roots only, optional (docs/contract.md "Comment pages"). */
  replies?: WireReplies;
}

export interface WirePage<T> {
  items: T[];
  total: number;
  next: string | null;
}

export interface WireSignatoryPage extends WirePage<WireSignatory> {
  kinds?: Record<SignatoryKind, number>;
}

/**
 * One `change` message of GET /statements/{id}/events (optional, docs/contract.md
 * "Live events"): what changed since the stream's previous message.
 */
export interface WireLiveChange {
  /** Current counts, and the signatories these changes listed (at most 100), in position order. */
  signatories?: {count: number; listed: number; kinds: Record<SignatoryKind, number>; added: WireSignatory[]};
  /** Current count, and the comments these changes published (at most 100), oldest first. */
  comments?: {count: number; added: WireComment[]};
  /** The statement as it is now, when the publisher changed it (notes, open or closed, goal). */
  statement?: WireStatement;
}

/** POST /statements/{id}/signatories. `website` is the honeypot: people leave it empty. */
export interface NewSignatory extends SignatoryFields {
  email?: string;
  public: boolean;
  website?: string;
  /** The invitation token of a `signing: "invite"` statement (optional for other backends). */
  invite?: string;
}

/** POST /statements/{id}/comments. */
export interface NewComment {
  parent_id: string | null;
  author: {name: string; url?: string; email?: string};
  body: string;
  website?: string;
}

export interface WireSignResult {
  signatory: WireSignatory;
  status: WriteStatus;
}

export interface WireCommentResult {
  comment: WireComment;
  status: WriteStatus;
}

/** The static-mode document named by `src` (also what the server seeds from). */
export interface StaticDocument {
  statement: Record<string, unknown>;
  signatories: WireSignatory[];
  comments: WireComment[];
}
