import type {CommentRecord, ListedSignatory, StatementRecord} from './store/store.ts';
import type {WireComment, WireSignatory, WireStatement} from './types.ts';

/** Record → public JSON. E-mail addresses and moderation state never pass here. */

/** A signatory on a public page: published, so numbered. */
export function signatoryToWire(r: ListedSignatory): WireSignatory {
  return {...signatureToWire(r), position: r.position ?? 0};
}

/** The answer to a signature: without `position` until it is published (an unconfirmed one has none yet). */
export function signatureToWire(r: ListedSignatory): Omit<WireSignatory, 'position'> & {position?: number} {
  return {
    id: r.id,
    ...(r.position !== null && {position: r.position}),
    name: r.name,
    kind: r.kind,
    ...(r.organization !== null && {organization: r.organization}),
    ...(r.role !== null && {role: r.role}),
    ...(r.location !== null && {location: r.location}),
    ...(r.url !== null && {url: r.url}),
    signed_at: r.signed_at.toISOString(),
    ...(r.verified_domain !== null && {verified: {domain: r.verified_domain}}),
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
    // The publisher's date (a seeded or imported document's) over the time it was stored.
    updated_at: c.updated_at ?? r.updated_at.toISOString(),
    ...(c.url !== undefined && {url: c.url}),
    signatories: {
      count: r.signatories_count,
      listed: r.signatories_listed,
      open: r.signatories_open,
      ...(r.goal !== null && {goal: r.goal}),
      // Confirmation needs an address: the form asks for one.
      email_required: r.email_required || r.confirmation === 'email',
      // Absent means none: what a backend without the setting says.
      ...(r.confirmation === 'email' && {confirmation: r.confirmation}),
      // Absent means open: what a backend without the setting says.
      ...(r.signing !== 'open' && {signing: r.signing}),
      ...(r.signing === 'domains' && {allowed_domains: r.allowed_domains}),
    },
    comments: {count: r.comments_count, open: r.comments_open},
  };
}
