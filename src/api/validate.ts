/**
 * Runtime validation of contract v1 bodies. Everything from the network
 * passes through here, so the rest of the code trusts typed values: a body
 * of the wrong shape becomes an `ApiError('invalid')`, never an uncaught
 * TypeError deep in a template. Unknown fields are ignored; optional fields
 * that are missing or null become `undefined`.
 */
import {LIMITS} from '../contract/limits.js';
import {startTagCount} from '../contract/text.js';
import {ApiError, type Problem} from './errors.js';
import type {
  Comment,
  CommentResult,
  Page,
  SignResult,
  Signatory,
  SignatoryKind,
  SignatoryPage,
  Signing,
  Statement,
  StatementImage,
  StatementNote,
  WriteStatus,
} from './types.js';

export type Json = Record<string, unknown>;

// The checks below that are exported are for the parsers that load with
// their lazily loaded chunks: a live stream's messages (live-stream.ts)
// and a static document (static-document.ts).

/** Fields without a limit of their own (dates, ids, cursors). */
const MAX_STRING = LIMITS.url;
/** More items than any page of the contract holds (50 roots × 11): a larger page is not one. */
const MAX_PAGE_ITEMS = 1000;

class ShapeError extends Error {}

function fail(path: string, expected: string): never {
  throw new ShapeError(`${path}: expected ${expected}`);
}

export function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Json;
}

export function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array');
  return value;
}

/**
 * A string, refused past `max` code points (checked as UTF-16 units, at most
 * two a code point, so the check costs nothing): an endpoint sending a 10 MB
 * title gets the error state, not a frozen page.
 */
function string(value: unknown, path: string, max: number = MAX_STRING): string {
  if (typeof value !== 'string') fail(path, 'a string');
  if (value.length > max * 2) fail(path, `at most ${max} characters`);
  return value;
}

function optString(value: unknown, path: string, max?: number): string | undefined {
  return value === undefined || value === null ? undefined : string(value, path, max);
}

/** The statement body: a body past the tag cap would block the page while it is sanitised and laid out. */
function statementBody(value: unknown): string {
  const body = optString(value, 'statement.body', LIMITS.statementBody) ?? '';
  if (startTagCount(body) > LIMITS.statementBodyTags) fail('statement.body', `at most ${LIMITS.statementBodyTags} tags`);
  return body;
}

export function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(path, 'a whole number');
  return value;
}

export function optCount(value: unknown, path: string): number | undefined {
  return value === undefined || value === null ? undefined : count(value, path);
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'true or false');
  return value;
}

function optBool(value: unknown, path: string): boolean | undefined {
  return value === undefined || value === null ? undefined : bool(value, path);
}

function id(value: unknown, path: string): string {
  // Ids may arrive as numbers from hand-written backends; they are opaque strings to us.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const s = string(value, path);
  if (s === '') fail(path, 'a non-empty id');
  return s;
}

function image(value: unknown, path: string): StatementImage | undefined {
  if (value === undefined || value === null) return undefined;
  const o = object(value, path);
  return {
    url: string(o.url, `${path}.url`),
    alt: optString(o.alt, `${path}.alt`) ?? '',
    caption: optString(o.caption, `${path}.caption`, LIMITS.summary),
    credit: optString(o.credit, `${path}.credit`),
    creditUrl: optString(o.credit_url, `${path}.credit_url`),
    width: optCount(o.width, `${path}.width`),
    height: optCount(o.height, `${path}.height`),
  };
}

function note(value: unknown, path: string): StatementNote {
  const o = object(value, path);
  return {
    label: optString(o.label, `${path}.label`),
    text: string(o.text, `${path}.text`, LIMITS.commentBody),
    at: optString(o.at, `${path}.at`),
  };
}

export function statement(value: unknown): Statement {
  const o = object(value, 'statement');
  const s = object(o.signatories ?? {}, 'statement.signatories');
  const c = object(o.comments ?? {}, 'statement.comments');
  return {
    id: id(o.id, 'statement.id'),
    title: string(o.title, 'statement.title', LIMITS.title),
    kicker: optString(o.kicker, 'statement.kicker', LIMITS.title),
    summary: optString(o.summary, 'statement.summary', LIMITS.summary),
    image: image(o.image, 'statement.image'),
    notes: (o.notes === undefined || o.notes === null ? [] : array(o.notes, 'statement.notes')).map((n, i) =>
      note(n, `statement.notes[${i}]`)
    ),
    body: statementBody(o.body),
    publishedAt: optString(o.published_at, 'statement.published_at'),
    updatedAt: optString(o.updated_at, 'statement.updated_at'),
    url: optString(o.url, 'statement.url'),
    signatories: {
      count: optCount(s.count, 'statement.signatories.count') ?? 0,
      listed: optCount(s.listed, 'statement.signatories.listed'),
      open: optBool(s.open, 'statement.signatories.open') ?? false,
      goal: optCount(s.goal, 'statement.signatories.goal'),
      emailRequired: optBool(s.email_required, 'statement.signatories.email_required'),
      signing: signing(s.signing),
      allowedDomains: allowedDomains(s.allowed_domains),
    },
    comments: {
      count: optCount(c.count, 'statement.comments.count') ?? 0,
      open: optBool(c.open, 'statement.comments.open') ?? false,
    },
  };
}

const SIGNING: readonly Signing[] = ['open', 'invite', 'domains'];

function signing(value: unknown): Signing | undefined {
  if (value === undefined || value === null) return undefined;
  if (!SIGNING.includes(value as Signing)) fail('statement.signatories.signing', '"open", "invite" or "domains"');
  return value as Signing;
}

function allowedDomains(value: unknown): string[] | undefined {
  const path = 'statement.signatories.allowed_domains';
  if (value === undefined || value === null) return undefined;
  const domains = array(value, path);
  if (domains.length > LIMITS.allowedDomains) fail(path, `at most ${LIMITS.allowedDomains} domains`);
  // A host name is at most 253 characters; compared in lower case like the server.
  return domains.map((d, i) => string(d, `${path}[${i}]`, 253).toLowerCase());
}

function kind(value: unknown, path: string): SignatoryKind {
  if (value !== 'organization' && value !== 'individual') fail(path, '"organization" or "individual"');
  return value;
}

export function signatory(value: unknown, path: string): Signatory {
  const o = object(value, path);
  const position = o.position;
  return {
    id: id(o.id, `${path}.id`),
    position: position === undefined || position === null ? undefined : count(position, `${path}.position`),
    name: string(o.name, `${path}.name`, LIMITS.name),
    kind: kind(o.kind, `${path}.kind`),
    organization: optString(o.organization, `${path}.organization`, LIMITS.organization),
    role: optString(o.role, `${path}.role`, LIMITS.role),
    location: optString(o.location, `${path}.location`, LIMITS.location),
    url: optString(o.url, `${path}.url`),
    signedAt: optString(o.signed_at, `${path}.signed_at`),
    verified: verified(o.verified, `${path}.verified`),
  };
}

function verified(value: unknown, path: string): Signatory['verified'] {
  if (value === undefined || value === null) return undefined;
  // 253: the longest domain name there is.
  return {domain: string(object(value, path).domain, `${path}.domain`, 253)};
}

export function comment(value: unknown, path: string): Comment {
  const o = object(value, path);
  const author = object(o.author, `${path}.author`);
  const parent = o.parent_id;
  return {
    id: id(o.id, `${path}.id`),
    parentId: parent === undefined || parent === null ? null : id(parent, `${path}.parent_id`),
    author: {name: string(author.name, `${path}.author.name`, LIMITS.name), url: optString(author.url, `${path}.author.url`)},
    body: string(o.body, `${path}.body`, LIMITS.commentBody),
    createdAt: string(o.created_at, `${path}.created_at`),
    editedAt: optString(o.edited_at, `${path}.edited_at`),
    replies: replies(o.replies, `${path}.replies`),
  };
}

function replies(value: unknown, path: string): Comment['replies'] {
  if (value === undefined || value === null) return undefined;
  const o = object(value, path);
  return {count: count(o.count, `${path}.count`), next: optString(o.next, `${path}.next`) ?? null};
}

function page<T>(value: unknown, item: (v: unknown, path: string) => T): Page<T> {
  const o = object(value, 'page');
  const list = array(o.items, 'page.items');
  if (list.length > MAX_PAGE_ITEMS) fail('page.items', `at most ${MAX_PAGE_ITEMS} items`);
  const items = list.map((v, i) => item(v, `items[${i}]`));
  const next = o.next;
  return {
    items,
    total: optCount(o.total, 'page.total') ?? items.length,
    next: next === undefined || next === null || next === '' ? null : string(next, 'page.next'),
  };
}

function status(value: unknown): WriteStatus {
  if (value !== 'published' && value !== 'pending' && value !== 'unconfirmed') {
    fail('status', '"published", "pending" or "unconfirmed"');
  }
  return value;
}

/** Wraps a shape check so a mismatch becomes the client's `invalid` error. */
export function guard<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ShapeError) throw new ApiError('invalid', error.message, {cause: error});
    throw error;
  }
}

export const parseStatement = (v: unknown): Statement => guard(() => statement(v));
export const parseSignatoryPage = (v: unknown): SignatoryPage =>
  guard(() => {
    const result: SignatoryPage = page(v, signatory);
    const kinds = (v as Json).kinds;
    if (kinds !== undefined && kinds !== null) {
      const k = object(kinds, 'page.kinds');
      result.kinds = {
        organization: optCount(k.organization, 'page.kinds.organization') ?? 0,
        individual: optCount(k.individual, 'page.kinds.individual') ?? 0,
      };
    }
    return result;
  });
export const parseCommentPage = (v: unknown): Page<Comment> => guard(() => page(v, comment));
/** A sign response; `listed` is what the signer asked for (the response does not say). */
export const parseSignResult = (v: unknown, listed: boolean): SignResult =>
  guard(() => {
    const o = object(v, 'response');
    return {signatory: signatory(o.signatory, 'signatory'), status: status(o.status), listed};
  });
export const parseCommentResult = (v: unknown): CommentResult =>
  guard(() => {
    const o = object(v, 'response');
    return {comment: comment(o.comment, 'comment'), status: status(o.status)};
  });



/** A comment of the reader's own as this client keeps it, and when it was written (ms since the epoch). */
export interface StoredComment {
  comment: Comment;
  at: number;
  /** A published one: the thread's count just after it was made. */
  count?: number;
}

/**
 * The reader's own comments as this client stored them (camelCase, already
 * validated once): checked again, since storage is not ours alone.
 */
export const parseStoredComments = (v: unknown): StoredComment[] =>
  guard(() =>
    array(v, 'stored').map((value, i) => {
      const path = `stored[${i}]`;
      const entry = object(value, path);
      const o = object(entry.comment, `${path}.comment`);
      const author = object(o.author, `${path}.comment.author`);
      return {
        comment: {
          id: id(o.id, `${path}.comment.id`),
          parentId: o.parentId === null || o.parentId === undefined ? null : id(o.parentId, `${path}.comment.parentId`),
          author: {name: string(author.name, `${path}.comment.author.name`, LIMITS.name), url: optString(author.url, `${path}.comment.author.url`)},
          body: string(o.body, `${path}.comment.body`, LIMITS.commentBody),
          createdAt: string(o.createdAt, `${path}.comment.createdAt`),
        },
        at: count(entry.at, `${path}.at`),
        count: optCount(entry.count, `${path}.count`),
      };
    })
  );

/** What the client keeps of the reader's own signature (src/internal/own-signatures.ts). */
export interface StoredSignature {
  signatory: Signatory;
  /** Whether it shows in the public list (the signer asked to be listed). */
  listed: boolean;
  /** The statement's counts just after it was made. */
  count: number;
  listedCount?: number;
  /** When, in milliseconds since the epoch. */
  at: number;
}

/** The reader's own signatures as this client stored them (the signatory in wire form): checked again, since storage is not ours alone. */
export const parseStoredSignatures = (v: unknown): StoredSignature[] =>
  guard(() =>
    array(v, 'stored').map((value, i) => {
      const path = `stored[${i}]`;
      const o = object(value, path);
      return {signatory: signatory(o.signatory, `${path}.signatory`), listed: o.listed === true, count: count(o.count, `${path}.count`),
        listedCount: optCount(o.listedCount, `${path}.listedCount`), at: count(o.at, `${path}.at`)};
    })
  );


/** A problem document, or undefined when the error body is not one. */
export function parseProblem(value: unknown, fallbackStatus: number): Problem | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Json;
  const errors =
    typeof o.errors === 'object' && o.errors !== null && !Array.isArray(o.errors)
      ? Object.fromEntries(
          Object.entries(o.errors as Json).filter((e): e is [string, string] => typeof e[1] === 'string')
        )
      : undefined;
  return {
    type: typeof o.type === 'string' ? o.type : undefined,
    title: typeof o.title === 'string' ? o.title : '',
    status: typeof o.status === 'number' ? o.status : fallbackStatus,
    detail: typeof o.detail === 'string' ? o.detail : undefined,
    errors,
  };
}
