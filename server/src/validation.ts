import {
  isEmail, isInviteToken, LIMITS, normalizeText, PAGE_LIMITS, SIGNATORY_KINDS as KINDS, startTagCount, textFault,
  type TextFault, type TextRule,
} from '../../src/contract/index.ts';
import {normalizeDomain} from './domains.ts';
import {problem} from './problem.ts';
import type {
  CommentSort, Confirmation, Language, Moderation, NewComment, NewSignatory, SignatoryKind, Signing, StatementContent, StatementInput,
  WireImage, WireNote,
} from './types.ts';
import {LANGUAGES} from './types.ts';

/** Input checks at the edge, by the shared contract's rules: each failure is a 422 naming its fields. */

export {LIMITS};

const MESSAGES: Record<TextFault, (rule: TextRule) => string> = {
  'required': () => 'Required.',
  'too-long': (rule) => `At most ${rule.max} characters.`,
  'control': (rule) => rule.multiline ? 'Must not contain control characters (line breaks are fine).'
    : 'Must not contain control characters or line breaks.',
  'invisible': () => 'Must contain a visible character.',
};

type Errors = Record<string, string>;
type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A string field: normalised, checked by `rule`; absent (or blank, when optional) → undefined. */
function text(errors: Errors, obj: Json, key: string, field: string, rule: TextRule): string | undefined {
  const v = obj[key];
  if (v !== undefined && v !== null && typeof v !== 'string') {
    errors[field] = 'Must be a string.';
    return undefined;
  }
  const s = normalizeText(typeof v === 'string' ? v : '');
  const fault = textFault(s, rule);
  if (fault) errors[field] = MESSAGES[fault](rule);
  return s === '' ? undefined : s;
}

const line = (max: number, required = false): TextRule => ({max, required});
/** What a person is called: something must show. */
const label = (max: number, required = false): TextRule => ({max, required, visible: true});
const paragraphs = (max: number, required = false): TextRule => ({max, required, multiline: true});

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function httpUrl(errors: Errors, obj: Json, key: string, field: string): string | undefined {
  const s = text(errors, obj, key, field, line(LIMITS.url));
  if (s !== undefined && !errors[field] && !isHttpUrl(s)) errors[field] = 'Must be an http(s) URL.';
  return s;
}

function email(errors: Errors, obj: Json, key: string, field: string): string | undefined {
  const s = text(errors, obj, key, field, line(LIMITS.email));
  if (s !== undefined && !errors[field] && !isEmail(s)) errors[field] = 'Must be an e-mail address.';
  return s;
}

function fail(errors: Errors): never {
  throw problem(422, 'Some fields are not valid.', errors);
}

function object(body: unknown): Json {
  if (!isObject(body)) throw problem(422, 'The body must be a JSON object.', {body: 'Must be a JSON object.'});
  return body;
}

export function parseNewSignatory(body: unknown): NewSignatory {
  const b = object(body);
  const errors: Errors = {};
  const name = text(errors, b, 'name', 'name', label(LIMITS.name, true));
  const kind = b.kind;
  if (kind === undefined) errors.kind = 'Required.';
  else if (!KINDS.includes(kind as SignatoryKind)) errors.kind = `One of: ${KINDS.join(', ')}.`;
  const organization = text(errors, b, 'organization', 'organization', label(LIMITS.organization));
  const role = text(errors, b, 'role', 'role', label(LIMITS.role));
  const location = text(errors, b, 'location', 'location', label(LIMITS.location));
  const url = httpUrl(errors, b, 'url', 'url');
  const mail = email(errors, b, 'email', 'email');
  if (b.public !== undefined && typeof b.public !== 'boolean') errors.public = 'Must be true or false.';
  const invite = b.invite === undefined || b.invite === null || b.invite === '' ? undefined : b.invite;
  if (invite !== undefined && (typeof invite !== 'string' || !isInviteToken(invite))) errors.invite = 'This invitation is not valid.';
  if (Object.keys(errors).length) fail(errors);
  return {
    name: name!, kind: kind as SignatoryKind,
    ...(organization !== undefined && {organization}), ...(role !== undefined && {role}),
    ...(location !== undefined && {location}), ...(url !== undefined && {url}), ...(mail !== undefined && {email: mail}),
    public: b.public !== false,
    ...(invite !== undefined && {invite: invite as string}),
  };
}

export function parseNewComment(body: unknown): NewComment {
  const b = object(body);
  const errors: Errors = {};
  const author = isObject(b.author) ? b.author : {};
  if (!isObject(b.author)) errors.author = 'Required.';
  const name = text(errors, author, 'name', 'author.name', label(LIMITS.name, isObject(b.author)));
  const url = httpUrl(errors, author, 'url', 'author.url');
  const mail = email(errors, author, 'email', 'author.email');
  const text_ = text(errors, b, 'body', 'body', {...paragraphs(LIMITS.commentBody, true), visible: true});
  let parent: string | null = null;
  if (b.parent_id !== undefined && b.parent_id !== null) {
    if (!isItemId(b.parent_id)) errors.parent_id = 'Must be a comment id.';
    else parent = b.parent_id;
  }
  if (Object.keys(errors).length) fail(errors);
  return {
    parent_id: parent,
    author: {name: name!, ...(url !== undefined && {url}), ...(mail !== undefined && {email: mail})},
    body: text_!,
  };
}

/** The honeypot: a field people never see, so only bots fill it. */
export function isHoneypotFilled(body: unknown): boolean {
  return isObject(body) && typeof body.website === 'string' && body.website.trim() !== '';
}

const STATEMENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
// Comment and signatory ids: ours are base64url, an imported document's may be any printable text.
const ITEM_ID = /^[\x21-\x7e\u00a0-\uffff]{1,100}$/u;

export function isStatementId(v: unknown): v is string {
  return typeof v === 'string' && STATEMENT_ID.test(v);
}

export function isItemId(v: unknown): v is string {
  return typeof v === 'string' && ITEM_ID.test(v) && !/[\u0080-\u009f]/.test(v);
}

/** Header check: a client-made key of printable ASCII. */
export function parseIdempotencyKey(v: string | undefined): string | null {
  if (v === undefined) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(v)) {
    throw problem(422, 'Invalid Idempotency-Key.', {'Idempotency-Key': 'Printable ASCII, 1 to 200 characters.'});
  }
  return v;
}

function intParam(errors: Errors, v: string | undefined, field: string, limits: {default: number; max: number}): number {
  if (v === undefined || v === '') return limits.default;
  const n = Number(v);
  if (!/^\d{1,9}$/.test(v) || n < 1) {
    errors[field] = 'Must be a positive integer.';
    return limits.default;
  }
  return Math.min(n, limits.max);
}

/** A query string value: printable, or a 422 naming it (PostgreSQL text cannot hold NUL). */
function queryText(errors: Errors, v: string | undefined, field: string, max: number): string | undefined {
  const s = v?.trim() || undefined;
  if (s === undefined) return undefined;
  const fault = textFault(s, {max});
  if (fault) errors[field] = MESSAGES[fault]({max});
  return s;
}

export function parseSignatoryQuery(q: Record<string, string | undefined>) {
  const errors: Errors = {};
  const limit = intParam(errors, q.limit, 'limit', PAGE_LIMITS.signatories);
  const kind = q.kind || undefined;
  if (kind !== undefined && !KINDS.includes(kind as SignatoryKind)) errors.kind = `One of: ${KINDS.join(', ')}.`;
  const search = queryText(errors, q.q, 'q', LIMITS.search);
  const from = q.from ? intParam(errors, q.from, 'from', {default: 1, max: 999_999_999}) : undefined;
  if (from !== undefined && q.cursor) errors.from = 'Send either from or cursor, not both.';
  if (Object.keys(errors).length) fail(errors);
  return {limit, kind: kind as SignatoryKind | undefined, q: search, cursor: q.cursor || undefined, from};
}

export function parseCommentQuery(q: Record<string, string | undefined>) {
  const errors: Errors = {};
  const thread = q.thread || undefined;
  if (thread !== undefined && !isItemId(thread)) errors.thread = 'Must be a comment id.';
  const limit = intParam(errors, q.limit, 'limit', thread === undefined ? PAGE_LIMITS.comments : PAGE_LIMITS.thread);
  const sort = q.sort || 'oldest';
  if (sort !== 'oldest' && sort !== 'newest') errors.sort = 'One of: oldest, newest.';
  if (Object.keys(errors).length) fail(errors);
  return {limit, sort: sort as CommentSort, cursor: q.cursor || undefined, thread};
}

/**
 * A publisher's statement file: the wire statement's content fields plus
 * settings, either flat (`signatories_open`, `goal`, …) or in the wire's
 * own `signatories: {open, goal, email_required}` / `comments: {open}`.
 */
export function parseStatementInput(body: unknown, idFromPath?: string): StatementInput {
  const b = object(body);
  const errors: Errors = {};
  const id = idFromPath ?? b.id;
  if (typeof id !== 'string' || !STATEMENT_ID.test(id)) errors.id = 'Letters, digits, - and _, at most 100.';
  const title = text(errors, b, 'title', 'title', label(LIMITS.title, true));
  const bodyHtml = typeof b.body === 'string' ? b.body : undefined;
  if (bodyHtml === undefined) errors.body = 'Required: the statement as HTML.';
  else if (bodyHtml.length > LIMITS.statementBody) errors.body = `At most ${LIMITS.statementBody} characters.`;
  else if (bodyHtml.includes('\u0000')) errors.body = 'Must not contain NUL characters.';
  else if (startTagCount(bodyHtml) > LIMITS.statementBodyTags) errors.body = `At most ${LIMITS.statementBodyTags} tags.`;
  const kicker = text(errors, b, 'kicker', 'kicker', line(LIMITS.title));
  const summary = text(errors, b, 'summary', 'summary', paragraphs(LIMITS.summary));
  const url = httpUrl(errors, b, 'url', 'url');
  const published = date(errors, b.published_at, 'published_at');
  const updated = date(errors, b.updated_at, 'updated_at');
  const image = parseImage(errors, b.image);
  const notes = parseNotes(errors, b.notes);

  const sig = isObject(b.signatories) ? b.signatories : {};
  const com = isObject(b.comments) ? b.comments : {};
  const signatoriesOpen = bool(errors, b.signatories_open ?? sig.open, 'signatories_open', true);
  const commentsOpen = bool(errors, b.comments_open ?? com.open, 'comments_open', true);
  const emailRequired = bool(errors, b.email_required ?? sig.email_required, 'email_required', false);
  const moderation = b.moderation ?? com.moderation ?? 'none';
  if (moderation !== 'none' && moderation !== 'pre') errors.moderation = 'One of: none, pre.';
  const goal = b.goal ?? sig.goal ?? null;
  if (goal !== null && (!Number.isInteger(goal) || (goal as number) < 1)) errors.goal = 'A positive integer.';
  const signing = b.signing ?? sig.signing ?? 'open';
  if (!SIGNING.includes(signing as Signing)) errors.signing = `One of: ${SIGNING.join(', ')}.`;
  const allowedDomains = parseAllowedDomains(errors, b.allowed_domains ?? sig.allowed_domains);
  if (signing === 'domains' && !allowedDomains.length && !errors.allowed_domains) {
    errors.allowed_domains = 'Signing by domain needs at least one domain.';
  }
  // New statements confirm signatures by e-mail unless told otherwise (issue 9 item 1).
  const confirmation = b.confirmation ?? sig.confirmation ?? 'email';
  if (confirmation !== 'none' && confirmation !== 'email') errors.confirmation = 'One of: none, email.';
  const language = b.language ?? 'en';
  if (!LANGUAGES.includes(language as Language)) errors.language = `One of: ${LANGUAGES.join(', ')}.`;
  const mailCap = b.mail_hourly_cap ?? DEFAULT_MAIL_HOURLY_CAP;
  if (!Number.isInteger(mailCap) || (mailCap as number) < 1 || (mailCap as number) > 1_000_000) {
    errors.mail_hourly_cap = 'A positive integer (at most 1 000 000).';
  }
  if (Object.keys(errors).length) fail(errors);

  const content: StatementContent = {
    title: title!,
    ...(kicker !== undefined && {kicker}), ...(summary !== undefined && {summary}),
    ...(image !== undefined && {image}), ...(notes.length && {notes}),
    body: bodyHtml!,
    ...(published !== undefined && {published_at: published}),
    ...(updated !== undefined && {updated_at: updated}), ...(url !== undefined && {url}),
  };
  return {
    id: id as string, content, signatories_open: signatoriesOpen, comments_open: commentsOpen,
    moderation: moderation as Moderation, email_required: emailRequired, goal: goal as number | null,
    signing: signing as Signing, allowed_domains: allowedDomains,
    confirmation: confirmation as Confirmation, language: language as Language, mail_hourly_cap: mailCap as number,
  };
}

/** Mails a statement may cause in an hour unless its publisher sets another cap. */
export const DEFAULT_MAIL_HOURLY_CAP = 500;

const SIGNING: readonly Signing[] = ['open', 'invite', 'domains'];

function parseAllowedDomains(errors: Errors, v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.length > LIMITS.allowedDomains) {
    errors.allowed_domains = `A list of at most ${LIMITS.allowedDomains} domains.`;
    return [];
  }
  const domains = v.map((d) => (typeof d === 'string' ? normalizeDomain(d) : null));
  const bad = v.filter((_, i) => domains[i] === null);
  if (bad.length) errors.allowed_domains = `Not a domain anyone can have mail at: ${bad.map((d) => JSON.stringify(d)).join(', ')}.`;
  return [...new Set(domains.filter((d): d is string => d !== null))];
}

function bool(errors: Errors, v: unknown, field: string, dflt: boolean): boolean {
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'boolean') errors[field] = 'Must be true or false.';
  return v === true;
}

function date(errors: Errors, v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
    errors[field] = 'An ISO 8601 date.';
    return undefined;
  }
  return new Date(v).toISOString();
}

/**
 * Image URLs may be absolute http(s) or site-relative (`/demo/hero.svg`).
 * Site-relative means resolving it keeps the page's host: `//evil.example`
 * and `/\evil.example` (a browser reads `\` as `/`) do not.
 */
function imageUrl(s: string): boolean {
  if (isHttpUrl(s)) return true;
  if (!s.startsWith('/')) return false;
  try {
    return new URL(s, 'https://site.invalid/').host === 'site.invalid';
  } catch {
    return false;
  }
}

function parseImage(errors: Errors, v: unknown): WireImage | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) {
    errors.image = 'An object with url and alt.';
    return undefined;
  }
  const url = text(errors, v, 'url', 'image.url', line(LIMITS.url, true));
  if (url !== undefined && !errors['image.url'] && !imageUrl(url)) errors['image.url'] = 'An http(s) or site-relative URL.';
  const alt = typeof v.alt === 'string' ? v.alt : undefined;
  if (alt === undefined) errors['image.alt'] = 'Required (may be empty for a decorative image).';
  const caption = text(errors, v, 'caption', 'image.caption', paragraphs(LIMITS.summary));
  const credit = text(errors, v, 'credit', 'image.credit', line(LIMITS.name));
  const creditUrl = httpUrl(errors, v, 'credit_url', 'image.credit_url');
  for (const dim of ['width', 'height'] as const) {
    if (v[dim] !== undefined && (!Number.isInteger(v[dim]) || (v[dim] as number) < 1)) errors[`image.${dim}`] = 'A positive integer.';
  }
  return {
    url: url!, alt: alt!,
    ...(caption !== undefined && {caption}), ...(credit !== undefined && {credit}),
    ...(creditUrl !== undefined && {credit_url: creditUrl}),
    ...(v.width !== undefined && {width: v.width as number}), ...(v.height !== undefined && {height: v.height as number}),
  };
}

function parseNotes(errors: Errors, v: unknown): WireNote[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    errors.notes = 'A list of {label?, text, at?}.';
    return [];
  }
  return v.map((n, i) => {
    const note = isObject(n) ? n : {};
    const heading = text(errors, note, 'label', `notes.${i}.label`, line(LIMITS.name));
    const t = text(errors, note, 'text', `notes.${i}.text`, paragraphs(LIMITS.commentBody, true));
    const at = date(errors, note.at, `notes.${i}.at`);
    return {...(heading !== undefined && {label: heading}), text: t!, ...(at !== undefined && {at})};
  });
}
