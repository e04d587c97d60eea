/**
 * The wire shapes of the admin routes (docs/contract.md "Admin", optional
 * for other backends): what the reference server's admin-routes.ts sends and
 * the console's client (admin/api.ts) reads, written once.
 */

export type ItemStatus = 'published' | 'pending' | 'hidden' | (string & {});
export type Kind = 'signatory' | 'comment';
export type MailStatus = 'queued' | 'sent' | 'failed' | 'cancelled';

export interface AdminStatementSummary {
  id: string;
  title: string;
  goal: number | null;
  updated_at: string;
  signatories: Record<ItemStatus, number>;
  comments: Record<ItemStatus, number>;
}

export interface AdminQueueItem {
  kind: Kind;
  statement_id: string;
  statement_title: string;
  id: string;
  status: ItemStatus;
  at: string;
  name: string;
  email: string | null;
  text: string;
  public: boolean | null;
  parent: {id: string; author_name: string; body: string} | null;
  /** Signatories: their web site and the domain they are verified for (optional: absent from other backends). */
  url?: string | null;
  verified?: {domain: string} | null;
  [extra: string]: unknown;
}

/** One invitation to a `signing: "invite"` statement, as the admin route lists it. */
export interface AdminInvitation {
  id: string;
  /** Who it was made for; null for an anonymous link. */
  email: string | null;
  created_at: string;
  status: 'unused' | 'used' | 'revoked';
  used_at: string | null;
  /** Who signed with it; `name` null once that signature was deleted. */
  signatory: {id: string; name: string | null} | null;
}

/** An invitation as just made: its token is shown this once (the server keeps only a hash). */
export interface AdminNewInvitation {
  id: string;
  email: string | null;
  token: string;
}

export interface AdminInvitationPage {
  items: AdminInvitation[];
  counts: {unused: number; used: number; revoked: number};
  next: string | null;
}

export interface AdminItemRef {
  statement_id: string;
  kind: Kind;
  id: string;
}

export interface AdminImportAnswer {
  dry_run: boolean;
  added: number;
  duplicates: number[];
  errors: {row: number; errors: Record<string, string>}[];
}

/** An outbox message (no body: it holds the signer's links). */
export interface AdminMailItem {
  id: number;
  statement_id: string | null;
  signatory_id: string | null;
  kind: string;
  /** Null once the signer withdrew (the address is erased). */
  to: string | null;
  subject: string;
  status: MailStatus;
  attempts: number;
  /** Why it failed, or why the last try did. */
  error: string | null;
  created_at: string;
  next_attempt_at: string | null;
  sent_at: string | null;
}

export interface AdminMailPage {
  items: AdminMailItem[];
  counts: Record<MailStatus, number>;
  next: string | null;
}
