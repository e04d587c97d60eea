import type {
  CommentSort, ItemStatus, NewComment, NewSignatory, SignatoryKind, StatementInput,
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
}

export interface SignatoryRecord {
  id: string;
  position: number;
  name: string;
  kind: SignatoryKind;
  organization: string | null;
  role: string | null;
  location: string | null;
  url: string | null;
  email: string | null;
  public: boolean;
  status: ItemStatus;
  signed_at: Date;
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
  /** Position of the last item of the previous page. */
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

export interface Page<T> {
  items: T[];
  total: number;
  hasMore: boolean;
}

export interface SignatoryPage extends Page<SignatoryRecord> {
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

export type Kind = 'signatory' | 'comment';
export type ModerationAction = 'approve' | 'hide';

export interface Store {
  getStatement(id: string): Promise<StatementRecord | null>;
  /** Whether the statement exists: no counts, for routes that only need to know. */
  hasStatement(id: string): Promise<boolean>;
  /** Creates or replaces a statement's content and settings; true when created. */
  putStatement(input: StatementInput): Promise<boolean>;
  listStatements(): Promise<{id: string; title: string}[]>;
  listSignatories(statementId: string, query: SignatoryQuery): Promise<SignatoryPage>;
  /** Roots in `sort` order, each followed by its published subtree. */
  listComments(statementId: string, query: CommentQuery): Promise<Page<CommentRecord>>;

  sign(statementId: string, input: NewSignatory, idem: Idempotency | null): Promise<StoredResponse>;
  comment(statementId: string, input: NewComment, idem: Idempotency | null): Promise<StoredResponse>;

  pending(statementId: string): Promise<{signatories: SignatoryRecord[]; comments: CommentRecord[]}>;
  /** False when there is no such item. */
  moderate(statementId: string, kind: Kind, id: string, action: ModerationAction): Promise<boolean>;
  remove(statementId: string, kind: Kind, id: string): Promise<boolean>;
  allSignatories(statementId: string): Promise<SignatoryRecord[]>;

  /** Loads a static document (statement, signatories, comments) as given; false if the statement exists. */
  importDocument(input: StatementInput, doc: Pick<StaticDocument, 'signatories' | 'comments'>): Promise<boolean>;
  isEmpty(): Promise<boolean>;
  /** Stores `value` under `name` unless one is there; returns what is stored. */
  claimSetting(name: string, value: string): Promise<string>;
  setSetting(name: string, value: string): Promise<void>;
  close(): Promise<void>;
}
