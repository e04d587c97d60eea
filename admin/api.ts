/**
 * The console's client for /v1/admin (docs/contract.md "Admin"). The admin
 * token is sent once, to sign in; after that the session cookie (HttpOnly,
 * never readable here) and the session's CSRF token, kept in memory only,
 * authorise each request.
 */

import type {Problem, StatementContent} from '../src/contract/index.js';
import type {
  AdminImportAnswer as ImportAnswer, AdminInvitationPage as InvitationPage, AdminItemRef as ItemRef,
  AdminMailPage as MailPage, AdminNewInvitation as NewInvitation, AdminQueueItem as QueueItem,
  AdminStatementSummary as StatementSummary, ItemStatus, Kind, MailStatus,
} from '../src/contract/admin.js';

// The wire shapes are the contract's (src/contract/admin.ts), under the console's names.
export type {
  AdminImportAnswer as ImportAnswer, AdminInvitation as Invitation, AdminInvitationPage as InvitationPage,
  AdminItemRef as ItemRef, AdminMailItem as MailItem, AdminMailPage as MailPage, AdminNewInvitation as NewInvitation,
  AdminQueueItem as QueueItem, AdminStatementSummary as StatementSummary, ItemStatus, Kind, MailStatus,
} from '../src/contract/admin.js';

/** The statement document: content and settings, flat; what GET returns, PUT accepts. */
export interface StatementDoc extends StatementContent {
  id: string;
  signatories_open: boolean;
  comments_open: boolean;
  moderation: 'none' | 'pre' | (string & {});
  email_required: boolean;
  goal: number | null;
  /** Settings other backends or newer servers add (confirmation, invitations, …). */
  [setting: string]: unknown;
}

export interface SignatoryRow {
  name: string;
  kind: 'individual' | 'organization';
  organization?: string;
  role?: string;
  location?: string;
  url?: string;
  email?: string;
  public?: boolean;
  signed_at?: string;
}

export interface CommentRow {
  import_key: string;
  parent_key?: string;
  author: {name: string; url?: string};
  body: string;
  created_at: string;
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  get status(): number {
    return this.problem.status;
  }
}

const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && typeof (v as Problem).status === 'number' && typeof (v as Problem).title === 'string';

export class AdminApi {
  private csrf: string | null = null;

  /** @param base the API root, e.g. `/v1` (same origin as the console page). */
  constructor(readonly base: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {Accept: 'application/json'};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['X-CSRF-Token'] = this.csrf;
    const res = await fetch(`${this.base}/admin${path}`, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      ...(body !== undefined && {body: JSON.stringify(body)}),
    });
    if (res.status === 204) return undefined as T;
    const data: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      throw new ApiProblem(isProblem(data) ? data : {title: res.statusText || 'Request failed', status: res.status});
    }
    return data as T;
  }

  /** Whether a session cookie is already there (e.g. after a reload). */
  async resume(): Promise<boolean> {
    try {
      this.csrf = (await this.call<{csrf_token: string}>('GET', '/session')).csrf_token;
      return true;
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 401) return false;
      throw err;
    }
  }

  async signIn(token: string): Promise<void> {
    this.csrf = (await this.call<{csrf_token: string}>('POST', '/session', {token})).csrf_token;
  }

  async signOut(): Promise<void> {
    await this.call('DELETE', '/session');
    this.csrf = null;
  }

  statements = () => this.call<{items: StatementSummary[]}>('GET', '/statements').then((r) => r.items);
  statement = (id: string) => this.call<StatementDoc>('GET', `/statements/${encodeURIComponent(id)}`);
  putStatement = (doc: StatementDoc) => this.call<StatementDoc>('PUT', `/statements/${encodeURIComponent(doc.id)}`, doc);
  deleteStatement = (id: string) => this.call<void>('DELETE', `/statements/${encodeURIComponent(id)}`);

  addSignatory = (id: string, row: SignatoryRow) =>
    this.call<{signatory: {id: string}}>('POST', `/statements/${encodeURIComponent(id)}/signatories`, row);

  importSignatories = (id: string, rows: SignatoryRow[], dryRun: boolean) =>
    this.call<ImportAnswer>('POST', `/statements/${encodeURIComponent(id)}/signatories/import`, {rows, dry_run: dryRun});

  importComments = (id: string, rows: CommentRow[], dryRun: boolean) =>
    this.call<ImportAnswer>('POST', `/statements/${encodeURIComponent(id)}/comments/import`, {rows, dry_run: dryRun});

  queue(query: {status?: string; kind?: Kind; statement?: string; q?: string; limit?: number; before?: string}) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    return this.call<{items: QueueItem[]; next: string | null}>('GET', `/queue?${params}`);
  }

  setStatus = (items: ItemRef[], status: ItemStatus) =>
    this.call<{items: (ItemRef & {previous: ItemStatus})[]}>('POST', '/moderation/status', {items, status});

  /** Marks a signatory verified for the registrable domain of its own `url`. */
  verify = (item: ItemRef) =>
    this.call<unknown>('PUT', `/statements/${encodeURIComponent(item.statement_id)}/signatories/${encodeURIComponent(item.id)}/verified`, {});

  unverify = (item: ItemRef) =>
    this.call<void>('DELETE', `/statements/${encodeURIComponent(item.statement_id)}/signatories/${encodeURIComponent(item.id)}/verified`);

  deleteItems = (items: ItemRef[]) => this.call<{deleted: number}>('POST', '/moderation/delete', {items});

  /** One invitation per address, or `count` anonymous ones. */
  invite = (id: string, who: {emails: string[]} | {count: number}) =>
    this.call<{invitations: NewInvitation[]}>('POST', `/statements/${encodeURIComponent(id)}/invitations`, who).then((r) => r.invitations);

  invitations(id: string, after?: string) {
    const params = new URLSearchParams({limit: '100', ...(after && {after})});
    return this.call<InvitationPage>('GET', `/statements/${encodeURIComponent(id)}/invitations?${params}`);
  }

  revokeInvitation = (id: string, invitation: string) =>
    this.call<void>('DELETE', `/statements/${encodeURIComponent(id)}/invitations/${encodeURIComponent(invitation)}`);

  mail(status?: MailStatus) {
    const params = new URLSearchParams({limit: '200', ...(status && {status})});
    return this.call<MailPage>('GET', `/mail?${params}`);
  }

  retryMail = (id: number) => this.call<void>('POST', `/mail/${id}/retry`);

  /** Download links (GET, cookie-authorised). */
  csvUrl = (id: string) => `${this.base}/admin/statements/${encodeURIComponent(id)}/signatories.csv`;
  documentUrl = (id: string) => `${this.base}/admin/statements/${encodeURIComponent(id)}/document.json`;
}
