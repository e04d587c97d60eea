/** Wire shapes of contract v1 (../../shared/DESIGN.md): snake_case JSON. */

export type SignatoryKind = 'organization' | 'individual';
export type WriteStatus = 'published' | 'pending';
export type ItemStatus = WriteStatus | 'hidden';
export type Moderation = 'none' | 'pre';
export type CommentSort = 'oldest' | 'newest';

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
  url?: string;
}

export interface StatementSettings {
  signatories_open: boolean;
  comments_open: boolean;
  moderation: Moderation;
  email_required: boolean;
  goal: number | null;
}

export interface StatementInput extends StatementSettings {
  id: string;
  content: StatementContent;
}

export interface WireStatement extends Omit<StatementContent, 'notes'> {
  id: string;
  notes: WireNote[];
  updated_at?: string;
  signatories: {count: number; listed: number; open: boolean; goal?: number; email_required: boolean};
  comments: {count: number; open: boolean};
}

export interface WireSignatory {
  id: string;
  position: number;
  name: string;
  kind: SignatoryKind;
  organization?: string;
  role?: string;
  location?: string;
  url?: string;
  signed_at: string;
}

export interface WireComment {
  id: string;
  parent_id: string | null;
  author: {name: string; url?: string};
  body: string;
  created_at: string;
  edited_at?: string;
}

export interface NewSignatory {
  name: string;
  kind: SignatoryKind;
  organization?: string;
  role?: string;
  location?: string;
  url?: string;
  email?: string;
  public: boolean;
}

export interface NewComment {
  parent_id: string | null;
  author: {name: string; url?: string; email?: string};
  body: string;
}

/** The static-mode document (DESIGN.md "Static mode"), also used to seed. */
export interface StaticDocument {
  statement: Record<string, unknown>;
  signatories: WireSignatory[];
  comments: WireComment[];
}
