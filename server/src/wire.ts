import type {CommentRecord, SignatoryRecord, StatementRecord} from './store/store.ts';
import {newId} from './ids.ts';
import type {NewComment, NewSignatory, WireComment, WireSignatory, WireStatement} from './types.ts';

/** Record → public JSON. E-mail addresses and moderation state never pass here. */

export function signatoryToWire(r: SignatoryRecord): WireSignatory {
  return {
    id: r.id,
    position: r.position,
    name: r.name,
    kind: r.kind,
    ...(r.organization !== null && {organization: r.organization}),
    ...(r.role !== null && {role: r.role}),
    ...(r.location !== null && {location: r.location}),
    ...(r.url !== null && {url: r.url}),
    signed_at: r.signed_at.toISOString(),
  };
}

export function commentToWire(r: CommentRecord): WireComment {
  return {
    id: r.id,
    parent_id: r.parent_id,
    author: {name: r.author_name, ...(r.author_url !== null && {url: r.author_url})},
    body: r.body,
    created_at: r.created_at.toISOString(),
    ...(r.edited_at !== null && {edited_at: r.edited_at.toISOString()}),
  };
}

export function statementToWire(r: StatementRecord): WireStatement {
  const c = r.content as unknown as WireStatement;
  return {
    id: r.id,
    title: c.title,
    ...(c.kicker !== undefined && {kicker: c.kicker}),
    ...(c.summary !== undefined && {summary: c.summary}),
    ...(c.image !== undefined && {image: c.image}),
    notes: c.notes ?? [],
    body: c.body,
    ...(c.published_at !== undefined && {published_at: c.published_at}),
    updated_at: r.updated_at.toISOString(),
    ...(c.url !== undefined && {url: c.url}),
    signatories: {
      count: r.signatories_count,
      listed: r.signatories_listed,
      open: r.signatories_open,
      ...(r.goal !== null && {goal: r.goal}),
      email_required: r.email_required,
    },
    comments: {count: r.comments_count, open: r.comments_open},
  };
}

/** What a new signature would have looked like: for duplicates and the honeypot. */
export function fakeSignatory(input: NewSignatory, position: number): SignatoryRecord {
  return {
    id: newId('s'), position, name: input.name, kind: input.kind,
    organization: input.organization ?? null, role: input.role ?? null, location: input.location ?? null,
    url: input.url ?? null, email: null, public: input.public, status: 'published', signed_at: new Date(),
  };
}

/** What a new comment would have looked like: for the honeypot. */
export function fakeComment(input: NewComment): CommentRecord {
  return {
    id: newId('c'), parent_id: input.parent_id, author_name: input.author.name,
    author_url: input.author.url ?? null, author_email: null, body: input.body, status: 'published',
    created_at: new Date(), edited_at: null,
  };
}
