import type {
  CommentSort, ItemStatus, Language, NewComment, NewSignatory, SignatoryKind, StatementInput,
  StatementSettings, StaticDocument,
} from '../types.ts';

/** A statement as stored: content plus settings and live counts. */
export interface StatementRecord extends StatementSettings {
  id: string;
  content: Record<string, unknown>;
  updated_at: Date;
  signatories_count: number;
  signatories_listed: number;
  comments_count: number;
  /** Seq of the statement's last event (0 before any). */
  last_event: number;
}

/** Published signatories: all, listed (public), and listed by kind. Kept at write time. */
export interface SignatoryCounts {
  count: number;
  listed: number;
  kinds: Record<SignatoryKind, number>;
}

export type EventType = 'signatories' | 'comments' | 'statement';

/** One entry of a statement's event log: what changed, not how it looks. */
export interface EventRecord {
  seq: number;
  type: EventType;
  /** Items this write published; null when none or too many to name. */
  item_ids: string[] | null;
}

/** What a public page shows of a signatory (the wire's fields): a page reads no more than this. */
export interface ListedSignatory {
  id: string;
  /** Null until the signature is first published (an unconfirmed or pending one). */
  position: number | null;
  name: string;
  kind: SignatoryKind;
  organization: string | null;
  role: string | null;
  location: string | null;
  url: string | null;
  signed_at: Date;
  /** The domain the signatory is verified for (wire `verified`), or null. */
  verified_domain: string | null;
}

export interface SignatoryRecord extends ListedSignatory {
  email: string | null;
  public: boolean;
  status: ItemStatus;
}

export interface CommentRecord {
  id: string;
  parent_id: string | null;
  author_name: string;
  author_url: string | null;
  author_email: string | null;
  body: string;
  status: ItemStatus;
  created_at: Date;
  edited_at: Date | null;
}

export interface SignatoryQuery {
  limit: number;
  /** Items after this position: the last of the previous page, or `from` - 1. */
  after: number;
  q?: string;
  kind?: SignatoryKind;
}

export interface CommentQuery {
  limit: number;
  sort: CommentSort;
  /** The last root of the previous page. */
  after?: {created_at: Date; id: string};
}

/** A root on a comment page carries its thread's size, and where it continues when not all came inline. */
export type CommentPageItem = CommentRecord & {replies?: {count: number; after: string | null}};

export interface ThreadQuery {
  limit: number;
  /** The thread key of the last reply already shown. */
  after?: string;
}

export interface ThreadPage {
  items: CommentRecord[];
  /** Visible replies in the thread. */
  total: number;
  /** Thread key to continue after, or null at the end. */
  after: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  hasMore: boolean;
}

export interface SignatoryPage extends Page<ListedSignatory> {
  /** Listed signatories by kind, over the whole unfiltered list. */
  kinds: Record<SignatoryKind, number>;
}

/** The Idempotency-Key of a write and a hash of what was asked. */
export interface Idempotency {
  key: string;
  requestHash: string;
}

/** A write's HTTP answer, kept verbatim so a retry replays the same bytes. */
export interface StoredResponse {
  status: number;
  body: string;
  replayed: boolean;
}

/** What a signature's confirmation mail needs from the server's settings. */
export interface MailContext {
  /** The server's public base URL: links are `${publicUrl}/confirm/TOKEN`, `${publicUrl}/withdraw/TOKEN`. */
  publicUrl: string;
  /** How long a confirmation link works (CONFIRM_TTL). */
  confirmTtlMs: number;
}

/** How a write is done. */
export interface WriteMode {
  /** Answer exactly as the write would, then roll it back (the honeypot: a bot learns nothing). */
  discard?: boolean;
  /** Needed where the statement confirms signatures by e-mail. */
  mail?: MailContext;
}

/** What following a confirmation or withdrawal link did. */
export type LinkOutcome =
  | {outcome: 'invalid'}
  | {outcome: 'expired' | 'already' | 'withdrawn' | 'done' | 'pending'; statement: {id: string; title: string; url: string | null; language: Language}};

/** The statement and signature a link belongs to, for the page that asks to press the button. */
export interface LinkTarget {
  purpose: 'confirm' | 'withdraw';
  statement: {id: string; title: string; url: string | null; language: Language};
}

export type MailStatus = 'queued' | 'sent' | 'failed' | 'cancelled';

/** One outgoing message as a sender claims it. */
export interface OutboxMessage {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  link: string | null;
  kind: string;
  attempts: number;
}

/** An outbox row as the publisher sees it: no body, no links. */
export interface MailRecord {
  id: number;
  statement_id: string | null;
  signatory_id: string | null;
  kind: string;
  recipient: string | null;
  subject: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  next_attempt_at: Date;
  sent_at: Date | null;
}

export type Kind = 'signatory' | 'comment';
export type ModerationAction = 'approve' | 'hide';

/** A statement in the console's list: items counted by status. */
export interface StatementSummary {
  id: string;
  title: string;
  goal: number | null;
  updated_at: Date;
  signatories: Record<string, number>;
  comments: Record<string, number>;
}

/** A signatory added by the publisher (by hand or from a file). */
export interface ImportedSignatory extends NewSignatory {
  /** Same key, same statement: added once. */
  import_key: string;
  signed_at?: string;
}

/** A comment from another system (Disqus): parents by their import key. */
export interface ImportedComment {
  import_key: string;
  parent_key: string | null;
  author: {name: string; url?: string};
  body: string;
  created_at: string;
}

/** What an import did (or, dry, would do), by row index. */
export interface ImportResult {
  added: number;
  /** Ids of the added rows (none when dry). */
  ids: string[];
  /** Indexes of rows already there (same import key or e-mail). */
  duplicates: number[];
}

/** One moderation target anywhere on the server. */
export interface ItemRef {
  statement_id: string;
  kind: Kind;
  id: string;
}

export interface QueueQuery {
  status: ItemStatus;
  kind?: Kind;
  statement_id?: string;
  q?: string;
  limit: number;
  /** Items strictly older than this (the previous page's last `at`, id). */
  before?: {at: Date; id: string};
}

/** A queue row: a signatory or a comment, with what moderating it needs. */
export interface QueueItem extends ItemRef {
  statement_title: string;
  status: ItemStatus;
  at: Date;
  name: string;
  email: string | null;
  /** Comments: the text; signatories: organisation, role, location joined. */
  text: string;
  /** Signatories: listed publicly or only counted. */
  public: boolean | null;
  /** Replies: the comment answered. */
  parent: {id: string; author_name: string; body: string} | null;
  /** Signatories: their web site, and the domain they are verified for (null for comments). */
  url: string | null;
  verified_domain: string | null;
}

/** An invitation as made: the token is returned this once and kept only as a hash. */
export interface NewInvitation {
  id: string;
  email: string | null;
  token: string;
}

export interface InvitationRecord {
  id: string;
  email: string | null;
  created_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  /** The signature it let through, and its name (null when since deleted). */
  signatory_id: string | null;
  signatory_name: string | null;
}

export interface InvitationQuery {
  limit: number;
  /** The last invitation of the previous page. */
  after?: {created_at: Date; id: string};
}

export interface AdminSession {
  csrf_token: string;
  expires_at: Date;
}

export interface Store {
  getStatement(id: string): Promise<StatementRecord | null>;
  /** Whether the statement exists: no counts, for routes that only need to know. */
  hasStatement(id: string): Promise<boolean>;
  /** Creates or replaces a statement's content and settings; true when created. */
  putStatement(input: StatementInput): Promise<boolean>;
  listStatements(): Promise<{id: string; title: string}[]>;
  /** Null when there is no such statement. */
  listSignatories(statementId: string, query: SignatoryQuery): Promise<SignatoryPage | null>;
  /** Roots in `sort` order, each followed by its published subtree. */
  /** Roots by `query`, each with at most INLINE_REPLIES replies in thread order. */
  listComments(statementId: string, query: CommentQuery): Promise<Page<CommentPageItem>>;
  /** The visible replies of one root's thread, in thread order; null when the root is not shown. */
  listThread(statementId: string, rootId: string, query: ThreadQuery): Promise<ThreadPage | null>;

  sign(statementId: string, input: NewSignatory, idem: Idempotency | null, mode?: WriteMode): Promise<StoredResponse>;
  comment(statementId: string, input: NewComment, idem: Idempotency | null, mode?: WriteMode): Promise<StoredResponse>;

  pending(statementId: string): Promise<{signatories: SignatoryRecord[]; comments: CommentRecord[]}>;
  /** False when there is no such item. */
  moderate(statementId: string, kind: Kind, id: string, action: ModerationAction): Promise<boolean>;
  remove(statementId: string, kind: Kind, id: string): Promise<boolean>;
  allSignatories(statementId: string): Promise<SignatoryRecord[]>;
  getSignatory(statementId: string, id: string): Promise<SignatoryRecord | null>;
  /** One invitation per entry: for that address, or anonymous (null). */
  createInvitations(statementId: string, emails: (string | null)[]): Promise<NewInvitation[]>;
  /** Oldest first. */
  listInvitations(statementId: string, query: InvitationQuery): Promise<InvitationRecord[]>;
  invitationCounts(statementId: string): Promise<{unused: number; used: number; revoked: number}>;
  /** Withdraws an invitation (a used one stays used); null when there is none. */
  revokeInvitation(statementId: string, id: string): Promise<'revoked' | 'used' | null>;
  /** Marks a signatory verified for `domain`, or not (null); null when there is no such signatory. */
  setVerified(statementId: string, id: string, domain: string | null): Promise<SignatoryRecord | null>;
  /** Every published comment the public sees, parents before replies. */
  visibleComments(statementId: string): Promise<CommentRecord[]>;

  /** The console's list: every statement with its items counted by status. */
  summarizeStatements(): Promise<StatementSummary[]>;
  /** Deletes a statement and everything on it; false when there is none. */
  deleteStatement(id: string): Promise<boolean>;
  /** Adds signatories as published, skipping duplicates; `dryRun` writes nothing. */
  addSignatories(statementId: string, rows: ImportedSignatory[], dryRun: boolean): Promise<ImportResult>;
  /** Adds comments as published, skipping keys already there. */
  importComments(statementId: string, rows: ImportedComment[], dryRun: boolean): Promise<ImportResult>;
  /** Newest first, across statements. */
  queue(query: QueueQuery): Promise<QueueItem[]>;
  /** Sets each item's status; returns the items found, each with its status before. */
  setStatus(items: ItemRef[], status: ItemStatus): Promise<(ItemRef & {previous: ItemStatus})[]>;
  /** Deletes the items (a comment with its replies); returns how many were found. */
  removeItems(items: ItemRef[]): Promise<number>;

  createSession(idHash: string, session: AdminSession): Promise<void>;
  /** The session if it exists and has not expired. */
  getSession(idHash: string): Promise<AdminSession | null>;
  deleteSession(idHash: string): Promise<void>;

  /** Loads a static document (statement, signatories, comments) as given; false if the statement exists. */
  importDocument(input: StatementInput, doc: Pick<StaticDocument, 'signatories' | 'comments'>): Promise<boolean>;
  isEmpty(): Promise<boolean>;
  /** Stores `value` under `name` unless one is there; returns what is stored. */
  claimSetting(name: string, value: string): Promise<string>;
  setSetting(name: string, value: string): Promise<void>;

  /** Null when there is no such statement. */
  signatoryCounts(statementId: string): Promise<SignatoryCounts | null>;
  commentCount(statementId: string): Promise<number>;
  /** Seq of the statement's last event; null when there is no such statement. */
  lastEvent(statementId: string): Promise<number | null>;
  /** Events after `seq`, oldest first, at most `limit`. */
  eventsAfter(statementId: string, seq: number, limit: number): Promise<EventRecord[]>;
  /** Of `ids`, the signatories that are published and listed, in position order. */
  listedSignatories(statementId: string, ids: readonly string[]): Promise<SignatoryRecord[]>;
  /** Of `ids`, the comments that are published, oldest first. */
  publishedComments(statementId: string, ids: readonly string[]): Promise<CommentRecord[]>;
  /**
   * Calls `onEvent` for every event committed to this database, by any
   * instance, and `onResync` whenever notifications may have been missed
   * (the listening connection came back): read what you follow again then.
   */
  watchEvents(onEvent: (statementId: string, seq: number) => void, onResync: () => void): Promise<() => Promise<void>>;
  /**
   * Deletes Idempotency-Keys older than 24 hours at `now` (a bounded batch);
   * returns how many. Writes call it now and then; an expired key is new again either way.
   */
  pruneIdempotencyKeys(now?: Date): Promise<number>;
  /**
   * Deletes signatures never confirmed whose confirmation links all expired
   * a day before `now`, with their address, and erases the address from
   * their mail (a bounded batch); returns how many. Writes call it now and then.
   */
  pruneUnconfirmed(now?: Date): Promise<number>;
  /** What a confirmation or withdrawal link (its token) points at; null when it is no link of ours. */
  linkTarget(token: string): Promise<LinkTarget | null>;
  /** Confirms the signature of a confirmation link: published (or pending under pre-moderation), numbered, counted. */
  confirmSignature(token: string): Promise<LinkOutcome>;
  /** Withdraws the signature of a withdrawal link: out of the count and the list, its address erased. */
  withdrawSignature(token: string): Promise<LinkOutcome>;

  /** Claims up to `limit` due messages for `owner` for `leaseMs`: no other sender takes them meanwhile. */
  claimMail(owner: string, limit: number, leaseMs: number): Promise<OutboxMessage[]>;
  /** Delivered: its body and links are dropped. False when the lease was lost. */
  mailSent(id: number, owner: string): Promise<boolean>;
  /** Not delivered this time: tried again at `retryAt`. */
  mailRetry(id: number, owner: string, error: string, retryAt: Date): Promise<void>;
  /** Given up: kept for the publisher with its error. */
  mailFailed(id: number, owner: string, error: string): Promise<void>;
  /** Milliseconds until the next queued message is due (0: now), null when none is queued. */
  nextMailDue(): Promise<number | null>;
  /** The outbox for the publisher, newest first. */
  listMail(query: {status?: MailStatus; limit: number; before?: number}): Promise<MailRecord[]>;
  /** Counts by status. */
  mailCounts(): Promise<Record<MailStatus, number>>;
  /** A failed message queued again (now); false when there is no failed message `id`. */
  retryMail(id: number): Promise<boolean>;

  /**
   * Takes one write from `key`'s bucket of `perMinute` (refilled
   * continuously, shared by every instance on the database); when empty,
   * the seconds until a write is allowed.
   */
  takeRateToken(key: string, perMinute: number): Promise<{ok: true} | {ok: false; retryAfter: number}>;
  close(): Promise<void>;
}
