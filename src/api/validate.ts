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
  return value == null ? undefined : string(value, path, max);
}

// Field readers: `o[key]` checked, its path in a message `path.key`. A
// missing or null optional field is undefined.
const at = (path: string, key: string): string => `${path}.${key}`;
const str = (o: Json, key: string, path: string, max?: number): string => string(o[key], at(path, key), max);
const optStr = (o: Json, key: string, path: string, max?: number): string | undefined =>
  optString(o[key], at(path, key), max);
const num = (o: Json, key: string, path: string): number => count(o[key], at(path, key));
const optNum = (o: Json, key: string, path: string): number | undefined => optCount(o[key], at(path, key));
const optFlag = (o: Json, key: string, path: string): boolean | undefined => {
  const value = o[key];
  if (value == null) return undefined;
  if (typeof value !== 'boolean') fail(at(path, key), 'true or false');
  return value;
};
const optId = (o: Json, key: string, path: string): string | null => (o[key] == null ? null : id(o[key], at(path, key)));

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
  return value == null ? undefined : count(value, path);
}

function id(value: unknown, path: string): string {
  // Ids may arrive as numbers from hand-written backends; they are opaque strings to us.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const s = string(value, path);
  if (s === '') fail(path, 'a non-empty id');
  return s;
}

function image(value: unknown, path: string): StatementImage | undefined {
  if (value == null) return undefined;
  const o = object(value, path);
  return {
    url: str(o, 'url', path),
    alt: optStr(o, 'alt', path) ?? '',
    caption: optStr(o, 'caption', path, LIMITS.summary),
    credit: optStr(o, 'credit', path),
    creditUrl: optStr(o, 'credit_url', path),
    width: optNum(o, 'width', path),
    height: optNum(o, 'height', path),
  };
}

function note(value: unknown, path: string): StatementNote {
  const o = object(value, path);
  return {label: optStr(o, 'label', path), text: str(o, 'text', path, LIMITS.commentBody), at: optStr(o, 'at', path)};
}

export function statement(value: unknown): Statement {
  const path = 'statement';
  const o = object(value, path);
  const sPath = 'statement.signatories';
  const s = object(o.signatories ?? {}, sPath);
  const cPath = 'statement.comments';
  const c = object(o.comments ?? {}, cPath);
  return {
    id: id(o.id, 'statement.id'),
    title: str(o, 'title', path, LIMITS.title),
    kicker: optStr(o, 'kicker', path, LIMITS.title),
    summary: optStr(o, 'summary', path, LIMITS.summary),
    image: image(o.image, 'statement.image'),
    notes: (o.notes == null ? [] : array(o.notes, 'statement.notes')).map((n, i) => note(n, `statement.notes[${i}]`)),
    body: statementBody(o.body),
    publishedAt: optStr(o, 'published_at', path),
    updatedAt: optStr(o, 'updated_at', path),
    url: optStr(o, 'url', path),
    signatories: {
      count: optNum(s, 'count', sPath) ?? 0,
      listed: optNum(s, 'listed', sPath),
      open: optFlag(s, 'open', sPath) ?? false,
      goal: optNum(s, 'goal', sPath),
      emailRequired: optFlag(s, 'email_required', sPath),
      signing: signing(s.signing),
      allowedDomains: allowedDomains(s.allowed_domains),
    },
    comments: {
      count: optNum(c, 'count', cPath) ?? 0,
      open: optFlag(c, 'open', cPath) ?? false,
    },
  };
}

const SIGNING: readonly Signing[] = ['open', 'invite', 'domains'];

function signing(value: unknown): Signing | undefined {
  if (value == null) return undefined;
  if (!SIGNING.includes(value as Signing)) fail('statement.signatories.signing', '"open", "invite" or "domains"');
  return value as Signing;
}

function allowedDomains(value: unknown): string[] | undefined {
  const path = 'statement.signatories.allowed_domains';
  if (value == null) return undefined;
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
  return {
    id: id(o.id, at(path, 'id')),
    position: optNum(o, 'position', path),
    name: str(o, 'name', path, LIMITS.name),
    kind: kind(o.kind, at(path, 'kind')),
    organization: optStr(o, 'organization', path, LIMITS.organization),
    role: optStr(o, 'role', path, LIMITS.role),
    location: optStr(o, 'location', path, LIMITS.location),
    url: optStr(o, 'url', path),
    signedAt: optStr(o, 'signed_at', path),
    verified: verified(o.verified, at(path, 'verified')),
  };
}

function verified(value: unknown, path: string): Signatory['verified'] {
  if (value == null) return undefined;
  // 253: the longest domain name there is.
  return {domain: str(object(value, path), 'domain', path, 253)};
}

/** What a comment on the wire and a stored one share; their parent and time fields are named `parent` and `created`. */
function commentCore(o: Json, path: string, parent: string, created: string): Comment {
  const authorPath = at(path, 'author');
  const author = object(o.author, authorPath);
  return {
    id: id(o.id, at(path, 'id')),
    parentId: optId(o, parent, path),
    author: {name: str(author, 'name', authorPath, LIMITS.name), url: optStr(author, 'url', authorPath)},
    body: str(o, 'body', path, LIMITS.commentBody),
    createdAt: str(o, created, path),
  };
}

export function comment(value: unknown, path: string): Comment {
  const o = object(value, path);
  return {
    ...commentCore(o, path, 'parent_id', 'created_at'),
    editedAt: optStr(o, 'edited_at', path),
    replies: replies(o.replies, at(path, 'replies')),
  };
}

function replies(value: unknown, path: string): Comment['replies'] {
  if (value == null) return undefined;
  const o = object(value, path);
  return {count: num(o, 'count', path), next: optStr(o, 'next', path) ?? null};
}

function page<T>(value: unknown, item: (v: unknown, path: string) => T): Page<T> {
  const o = object(value, 'page');
  const list = array(o.items, 'page.items');
  if (list.length > MAX_PAGE_ITEMS) fail('page.items', `at most ${MAX_PAGE_ITEMS} items`);
  const items = list.map((v, i) => item(v, `items[${i}]`));
  const next = o.next;
  return {items, total: optNum(o, 'total', 'page') ?? items.length, next: next == null || next === '' ? null : string(next, 'page.next')};
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
    if (kinds != null) {
      const path = 'page.kinds';
      const k = object(kinds, path);
      result.kinds = {organization: optNum(k, 'organization', path) ?? 0, individual: optNum(k, 'individual', path) ?? 0};
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
      const cPath = at(path, 'comment');
      return {
        comment: commentCore(object(entry.comment, cPath), cPath, 'parentId', 'createdAt'),
        at: num(entry, 'at', path),
        count: optNum(entry, 'count', path),
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
      return {signatory: signatory(o.signatory, at(path, 'signatory')), listed: o.listed === true, count: num(o, 'count', path),
        listedCount: optNum(o, 'listedCount', path), at: num(o, 'at', path)};
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
