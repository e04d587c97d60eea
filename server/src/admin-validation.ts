import {normalizeDomain, urlDomain} from './domains.ts';
import {problem, ProblemError} from './problem.ts';
import {foldForSearch, isEmail} from '../../src/contract/index.ts';
import type {ImportedComment, ImportedSignatory, InvitationQuery, ItemRef, Kind, QueueQuery} from './store/store.ts';
import type {ItemStatus, StatementInput} from './types.ts';
import {LIMITS, parseNewComment, parseNewSignatory, parseStatementInput} from './validation.ts';

/** Checks for the console's routes (admin-routes.ts); the public ones are in validation.ts. */

type Json = Record<string, unknown>;

/** Rows per import request: a coalition's spreadsheet, not a data dump. */
export const MAX_IMPORT_ROWS = 5000;
/** Items per moderation request. */
export const MAX_ITEMS = 500;

const STATUSES: readonly ItemStatus[] = ['published', 'pending', 'hidden'];
const KINDS: readonly Kind[] = ['signatory', 'comment'];

function object(body: unknown, what = 'The body'): Json {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw problem(422, `${what} must be a JSON object.`, {body: 'Must be a JSON object.'});
  }
  return body as Json;
}

/** PUT's document: its `id`, when sent, must be the URL's. */
export function parseStatementPut(body: unknown, idFromPath: string): StatementInput {
  const b = object(body);
  if (b.id !== undefined && b.id !== idFromPath) {
    throw problem(422, 'The body\'s id is not the one in the URL.', {id: `Must be "${idFromPath}" (the URL's id), or left out.`});
  }
  return parseStatementInput(b, idFromPath);
}

/**
 * PATCH: the stored document with the sent fields replaced; a field sent
 * as null is removed (an optional one) or reset to its default.
 */
export function mergeStatementPatch(current: Json, body: unknown, idFromPath: string): StatementInput {
  const patch = object(body);
  const merged: Json = {...current};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return parseStatementPut(merged, idFromPath);
}

/** A hand-added or imported signatory's identity: its e-mail, else its folded name, kind and organisation. */
export function signatoryImportKey(s: {name: string; kind: string; organization?: string; email?: string}): string {
  if (s.email) return `email:${s.email.toLowerCase()}`;
  return `name:${foldForSearch(s.name)}|${s.kind}|${foldForSearch(s.organization ?? '')}`;
}

function parseDate(v: unknown, field: string, errors: Record<string, string>): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
    errors[field] = 'An ISO 8601 date.';
    return undefined;
  }
  return new Date(v).toISOString();
}

/** Errors of one row, as the public validator reports them, plus our own. */
function rowErrors(run: () => void): Record<string, string> {
  try {
    run();
    return {};
  } catch (err) {
    if (err instanceof ProblemError) return err.problem.errors ?? {body: err.problem.detail ?? 'Invalid.'};
    throw err;
  }
}

export function parseAddedSignatory(body: unknown): ImportedSignatory {
  const b = object(body);
  const errors: Record<string, string> = {};
  let input: ImportedSignatory | undefined;
  Object.assign(errors, rowErrors(() => {
    const s = parseNewSignatory(b);
    input = {...s, import_key: signatoryImportKey(s)};
  }));
  const signedAt = parseDate(b.signed_at, 'signed_at', errors);
  if (Object.keys(errors).length || !input) throw problem(422, 'Some fields are not valid.', errors);
  return {...input, ...(signedAt !== undefined && {signed_at: signedAt})};
}

/**
 * The domain a publisher verifies a signatory for: the body's `domain`, or
 * by default the registrable domain of the signatory's own `url`.
 */
export function parseVerifiedDomain(body: unknown, signatoryUrl: string | null): string {
  const {domain} = object(body);
  if (domain === undefined || domain === null) {
    const own = signatoryUrl === null ? null : urlDomain(signatoryUrl);
    if (own === null) throw problem(422, 'Say which domain: this signatory has no web site to take it from.', {domain: 'Required.'});
    return own;
  }
  const normalized = typeof domain === 'string' ? normalizeDomain(domain) : null;
  if (normalized === null) throw problem(422, 'Not a domain anyone can have mail at.', {domain: 'A domain such as riverkeepers.org.'});
  return normalized;
}

/** Invitations one request makes. */
export const MAX_INVITATIONS = 1000;

/** `{"emails": [...]}` (one each) or `{"count": N}` (anonymous): the addresses, null for anonymous ones. */
export function parseInvitationRequest(body: unknown): (string | null)[] {
  const b = object(body);
  if (b.emails !== undefined) {
    if (!Array.isArray(b.emails) || !b.emails.length || b.emails.length > MAX_INVITATIONS) {
      throw problem(422, `Send "emails": a list of 1 to ${MAX_INVITATIONS} addresses.`, {emails: `1 to ${MAX_INVITATIONS} addresses.`});
    }
    const bad = b.emails.filter((e) => typeof e !== 'string' || !isEmail(e.trim()));
    if (bad.length) throw problem(422, 'Some addresses are not valid.', {emails: `Not e-mail addresses: ${bad.map((e) => JSON.stringify(e)).join(', ')}.`});
    return [...new Set((b.emails as string[]).map((e) => e.trim()))];
  }
  if (!Number.isInteger(b.count) || (b.count as number) < 1 || (b.count as number) > MAX_INVITATIONS) {
    throw problem(422, `Send "emails" or "count" (1 to ${MAX_INVITATIONS}).`, {count: `1 to ${MAX_INVITATIONS}.`});
  }
  return Array.from({length: b.count as number}, () => null);
}

/** `?limit=100&after=created_at|id`. */
export function parseInvitationQuery(q: Record<string, string>): InvitationQuery {
  const limit = q.limit === undefined ? 100 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw problem(422, 'limit is 1 to 500.', {limit: '1 to 500.'});
  if (q.after === undefined) return {limit};
  const [at, id] = q.after.split('|');
  const created = new Date(at ?? '');
  if (!id || Number.isNaN(created.getTime())) throw problem(422, 'after is a "next" of this route.', {after: 'Not a cursor of this route.'});
  return {limit, after: {created_at: created, id}};
}

function rowsOf(body: unknown): {rows: unknown[]; dryRun: boolean} {
  const b = object(body);
  if (!Array.isArray(b.rows) || b.rows.length > MAX_IMPORT_ROWS) {
    throw problem(422, `Send "rows": a list of at most ${MAX_IMPORT_ROWS}.`, {rows: `A list of at most ${MAX_IMPORT_ROWS}.`});
  }
  if (b.dry_run !== undefined && typeof b.dry_run !== 'boolean') throw problem(422, 'dry_run is true or false.', {dry_run: 'Must be true or false.'});
  return {rows: b.rows, dryRun: b.dry_run === true};
}

/** An import: valid rows to add, and each invalid row's errors by its index. */
export interface ParsedImport<T> {
  rows: T[];
  /** Index in `rows` → index in the request. */
  indexes: number[];
  errors: {row: number; errors: Record<string, string>}[];
  dryRun: boolean;
}

function parseRows<T>(body: unknown, parse: (row: unknown) => T): ParsedImport<T> {
  const {rows, dryRun} = rowsOf(body);
  const out: ParsedImport<T> = {rows: [], indexes: [], errors: [], dryRun};
  rows.forEach((row, i) => {
    try {
      out.rows.push(parse(row));
      out.indexes.push(i);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      out.errors.push({row: i, errors: err.problem.errors ?? {row: err.problem.detail ?? 'Invalid.'}});
    }
  });
  return out;
}

export const parseSignatoryImport = (body: unknown) => parseRows(body, parseAddedSignatory);

function parseImportedComment(row: unknown): ImportedComment {
  const r = object(row, 'A row');
  const errors: Record<string, string> = {};
  let parsed: ReturnType<typeof parseNewComment> | undefined;
  Object.assign(errors, rowErrors(() => {
    parsed = parseNewComment({author: r.author, body: r.body});
  }));
  const key = (v: unknown, field: string, required: boolean): string | null => {
    if ((v === undefined || v === null) && !required) return null;
    if (typeof v !== 'string' || !v || v.length > 200) errors[field] = 'A string of 1 to 200 characters.';
    return typeof v === 'string' ? v : null;
  };
  const importKey = key(r.import_key, 'import_key', true);
  const parentKey = key(r.parent_key, 'parent_key', false);
  const createdAt = parseDate(r.created_at, 'created_at', errors);
  if (createdAt === undefined && !errors.created_at) errors.created_at = 'Required.';
  if (Object.keys(errors).length || !parsed) throw problem(422, 'Some fields are not valid.', errors);
  const {name, url} = parsed.author;
  return {
    import_key: importKey!, parent_key: parentKey, author: {name, ...(url !== undefined && {url})},
    body: parsed.body, created_at: createdAt!,
  };
}

export const parseCommentImport = (body: unknown) => parseRows(body, parseImportedComment);

export function parseItemRefs(body: unknown): ItemRef[] {
  const b = object(body);
  if (!Array.isArray(b.items) || !b.items.length || b.items.length > MAX_ITEMS) {
    throw problem(422, `Send "items": 1 to ${MAX_ITEMS} of {statement_id, kind, id}.`, {items: `1 to ${MAX_ITEMS} items.`});
  }
  return b.items.map((v: unknown, i) => {
    const item = typeof v === 'object' && v !== null ? v as Json : {};
    const ok = typeof item.statement_id === 'string' && item.statement_id.length <= LIMITS.id
      && KINDS.includes(item.kind as Kind) && typeof item.id === 'string' && item.id.length <= LIMITS.id;
    if (!ok) throw problem(422, 'Each item is {statement_id, kind, id}.', {[`items.${i}`]: 'Needs statement_id, kind (signatory or comment) and id.'});
    return {statement_id: item.statement_id as string, kind: item.kind as Kind, id: item.id as string};
  });
}

export function parseStatus(body: unknown): ItemStatus {
  const status = object(body).status;
  if (!STATUSES.includes(status as ItemStatus)) throw problem(422, 'Unknown status.', {status: `One of: ${STATUSES.join(', ')}.`});
  return status as ItemStatus;
}

export function parseQueueQuery(q: Record<string, string | undefined>): QueueQuery & {cursor?: string} {
  const errors: Record<string, string> = {};
  const status = (q.status || 'pending') as ItemStatus;
  if (!STATUSES.includes(status)) errors.status = `One of: ${STATUSES.join(', ')}.`;
  const kind = q.kind || undefined;
  if (kind !== undefined && !KINDS.includes(kind as Kind)) errors.kind = `One of: ${KINDS.join(', ')}.`;
  const limit = q.limit === undefined ? 50 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1) errors.limit = 'A positive integer.';
  const search = q.q?.trim() || undefined;
  if (search !== undefined && search.length > LIMITS.name) errors.q = `At most ${LIMITS.name} characters.`;
  let before: QueueQuery['before'];
  if (q.before) {
    const [at, id] = q.before.split('|');
    if (!at || !id || Number.isNaN(Date.parse(at))) errors.before = 'The `next` of a previous page.';
    else before = {at: new Date(at), id};
  }
  if (Object.keys(errors).length) throw problem(422, 'Some parameters are not valid.', errors);
  return {
    status, limit: Math.min(limit, 200),
    ...(kind !== undefined && {kind: kind as Kind}), ...(search !== undefined && {q: search}),
    ...(q.statement && {statement_id: q.statement}), ...(before && {before}),
  };
}
