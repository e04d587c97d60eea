import {Hono} from 'hono';
import {adminAuth} from './admin-auth.ts';
import {
  mergeStatementPatch, parseAddedSignatory, parseInvitationQuery, parseCommentImport, parseItemRefs, parseQueueQuery, parseSignatoryImport,
  parseInvitationRequest, parseStatementPut, parseStatus, parseVerifiedDomain, type ParsedImport,
} from './admin-validation.ts';
import type {AppConfig} from './config.ts';
import {signatoriesCsv} from './csv.ts';
import {staticDocument} from './static-document.ts';
import {readJson} from './http.ts';
import {invitationLink} from '../../src/contract/index.ts';
import {statementLookup} from './lookup.ts';
import {noStatement, problem} from './problem.ts';
import type {CommentRecord, ImportResult, InvitationRecord, Kind, MailRecord, MailStatus, QueueItem, SignatoryRecord, StatementRecord, StatementSummary} from './store/store.ts';
import type {
  AdminImportAnswer, AdminInvitation, AdminInvitationPage, AdminMailItem, AdminNewInvitation, AdminQueueItem, AdminStatementSummary,
} from '../../src/contract/admin.ts';
import type {StatementSettings} from './types.ts';
import {commentToWire, signatureToWire} from './wire.ts';

const MAX_STATEMENT_BODY = 1024 * 1024;
/** An import's rows: a few thousand signatories or a long Disqus thread. */
const MAX_IMPORT_BODY = 8 * 1024 * 1024;

/** The settings PUT accepts beside the content: adding one is adding its key here. */
const SETTING_KEYS = ['signatories_open', 'comments_open', 'moderation', 'email_required', 'goal', 'signing', 'allowed_domains',
  'confirmation', 'language', 'mail_hourly_cap'] as const satisfies readonly (keyof StatementSettings)[];

/**
 * The publisher's side, mounted under /v1/admin: a bearer token or a
 * console session (admin-auth.ts). Every route is in docs/contract.md.
 */
export function adminRoutes(cfg: AppConfig): Hono {
  const app = new Hono();
  const {session, guard} = adminAuth(cfg);

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  app.route('/session', session);
  app.use('*', guard);

  const {statementOr404, existsOr404} = statementLookup(cfg.store);


  app.get('/statements', async (c) => c.json({items: (await cfg.store.summarizeStatements()).map(summaryToWire)}));

  app.get('/statements/:id', async (c) => c.json(statementDocument(await statementOr404(c.req.param('id')))));

  app.put('/statements/:id', async (c) => {
    const input = parseStatementPut(await readJson(c, MAX_STATEMENT_BODY), c.req.param('id'));
    const created = await cfg.store.putStatement(input);
    return c.json(statementDocument(await statementOr404(input.id)), created ? 201 : 200);
  });

  app.patch('/statements/:id', async (c) => {
    const id = c.req.param('id');
    const current = statementDocument(await statementOr404(id));
    const input = mergeStatementPatch(current, await readJson(c, MAX_STATEMENT_BODY), id);
    await cfg.store.putStatement(input);
    return c.json(statementDocument(await statementOr404(id)));
  });

  app.delete('/statements/:id', async (c) => {
    if (!(await cfg.store.deleteStatement(c.req.param('id')))) throw noStatement(c.req.param('id'));
    return c.body(null, 204);
  });

  app.get('/statements/:id/pending', async (c) => {
    const {signatories, comments} = await cfg.store.pending(c.req.param('id'));
    return c.json({signatories: signatories.map(adminSignatory), comments: comments.map(adminComment)});
  });

  app.post('/statements/:id/signatories', async (c) => {
    const id = c.req.param('id');
    const row = parseAddedSignatory(await readJson(c));
    const done = await cfg.store.addSignatories(id, [row], false);
    if (done.duplicates.length) throw problem(409, 'This signatory is on the statement already (same e-mail, or same name and organisation).');
    const added = await cfg.store.getSignatory(id, done.ids[0]!);
    return c.json({signatory: adminSignatory(added!)}, 201);
  });

  // Verified by hand (issue 9 item 4): the domain sent, or the one of the signatory's own url.
  app.put('/statements/:id/signatories/:item/verified', async (c) => {
    const id = c.req.param('id');
    const item = c.req.param('item');
    const found = await cfg.store.getSignatory(id, item);
    if (!found) throw problem(404, 'No such signatory.');
    const updated = await cfg.store.setVerified(id, item, parseVerifiedDomain(await readJson(c), found.url));
    if (!updated) throw problem(404, 'No such signatory.');
    return c.json({signatory: adminSignatory(updated)});
  });

  app.delete('/statements/:id/signatories/:item/verified', async (c) => {
    if (!(await cfg.store.setVerified(c.req.param('id'), c.req.param('item'), null))) throw problem(404, 'No such signatory.');
    return c.body(null, 204);
  });

  // Invitations (issue 9 item 5): tokens shown once, with the statement's link when it has a url.
  app.post('/statements/:id/invitations', async (c) => {
    const st = await statementOr404(c.req.param('id'));
    const made = await cfg.store.createInvitations(st.id, parseInvitationRequest(await readJson(c)));
    const url = typeof st.content.url === 'string' ? st.content.url : null;
    const invitations: (AdminNewInvitation & {link?: string})[] = made.map((m) => ({...m, ...(url !== null && {link: invitationLink(url, m.token)})}));
    return c.json({invitations}, 201);
  });

  app.get('/statements/:id/invitations', async (c) => {
    const id = c.req.param('id');
    await existsOr404(id);
    const query = parseInvitationQuery(c.req.query());
    const [items, counts] = await Promise.all([cfg.store.listInvitations(id, query), cfg.store.invitationCounts(id)]);
    const last = items[items.length - 1];
    const page: AdminInvitationPage = {
      items: items.map(invitationToWire), counts,
      next: items.length === query.limit && last ? `${last.created_at.toISOString()}|${last.id}` : null,
    };
    return c.json(page);
  });

  app.delete('/statements/:id/invitations/:inv', async (c) => {
    const done = await cfg.store.revokeInvitation(c.req.param('id'), c.req.param('inv'));
    if (!done) throw problem(404, 'No such invitation.');
    if (done === 'used') throw problem(409, 'This invitation has been used; delete the signature instead.');
    return c.body(null, 204);
  });

  const importRoute = (path: string, parse: (body: unknown) => ParsedImport<unknown>, run: (id: string, rows: never[], dry: boolean) => Promise<ImportResult>) => {
    app.post(`/statements/:id/${path}`, async (c) => {
      const parsed = parse(await readJson(c, MAX_IMPORT_BODY));
      const done = await run(c.req.param('id'), parsed.rows as never[], parsed.dryRun);
      const answer: AdminImportAnswer = {
        dry_run: parsed.dryRun,
        added: done.added,
        duplicates: done.duplicates.map((i) => parsed.indexes[i]!),
        errors: parsed.errors,
      };
      return c.json(answer, parsed.dryRun ? 200 : 201);
    });
  };
  importRoute('signatories/import', parseSignatoryImport, (id, rows, dry) => cfg.store.addSignatories(id, rows, dry));
  importRoute('comments/import', parseCommentImport, (id, rows, dry) => cfg.store.importComments(id, rows, dry));

  const kinds: Record<string, Kind> = {signatories: 'signatory', comments: 'comment'};
  for (const [path, kind] of Object.entries(kinds)) {
    for (const action of ['approve', 'hide'] as const) {
      app.post(`/statements/:id/${path}/:item/${action}`, async (c) => {
        const found = await cfg.store.moderate(c.req.param('id'), kind, c.req.param('item'), action);
        if (!found) throw problem(404, `No such ${kind}.`);
        return c.body(null, 204);
      });
    }
    app.delete(`/statements/:id/${path}/:item`, async (c) => {
      const found = await cfg.store.remove(c.req.param('id'), kind, c.req.param('item'));
      if (!found) throw problem(404, `No such ${kind}.`);
      return c.body(null, 204);
    });
  }

  app.get('/statements/:id/signatories.csv', async (c) => {
    const id = c.req.param('id');
    await existsOr404(id);
    const csv = signatoriesCsv(await cfg.store.allSignatories(id));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}-signatories.csv"`,
    });
  });

  app.get('/statements/:id/document.json', async (c) => {
    const id = c.req.param('id');
    const doc = await staticDocument(cfg.store, await statementOr404(id));
    return c.body(JSON.stringify(doc, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}.json"`,
    });
  });

  app.get('/queue', async (c) => {
    const query = parseQueueQuery(c.req.query());
    const items = await cfg.store.queue(query);
    const last = items[items.length - 1];
    return c.json({
      items: items.map(queueItemToWire),
      next: items.length === query.limit && last ? `${last.at.toISOString()}|${last.id}` : null,
    });
  });

  app.post('/moderation/status', async (c) => {
    const body = await readJson(c);
    const done = await cfg.store.setStatus(parseItemRefs(body), parseStatus(body));
    return c.json({items: done});
  });

  // The outbox (issue 9 item 2): what was sent, what waits, what failed and why. No bodies: they hold the signers' links.
  app.get('/mail', async (c) => {
    const query = parseMailQuery(c.req.query());
    const [items, counts] = await Promise.all([cfg.store.listMail(query), cfg.store.mailCounts()]);
    const last = items[items.length - 1];
    return c.json({items: items.map(mailToWire), counts, next: items.length === query.limit && last ? String(last.id) : null});
  });

  app.post('/mail/:id/retry', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || id < 1 || !(await cfg.store.retryMail(id))) throw problem(404, 'No failed message with this id.');
    return c.body(null, 204);
  });

  app.post('/moderation/delete', async (c) => {
    const deleted = await cfg.store.removeItems(parseItemRefs(await readJson(c)));
    return c.json({deleted});
  });

  return app;
}

/** What GET returns is what PUT accepts: the content fields and the settings, flat. */
export function statementDocument(st: StatementRecord): Record<string, unknown> {
  const settings = Object.fromEntries(SETTING_KEYS.map((k) => [k, st[k]]));
  return {id: st.id, ...st.content, notes: (st.content.notes as unknown[] | undefined) ?? [], ...settings};
}

function invitationToWire(i: InvitationRecord): AdminInvitation {
  return {
    id: i.id, email: i.email, created_at: i.created_at.toISOString(),
    status: i.used_at ? 'used' : i.revoked_at ? 'revoked' : 'unused',
    used_at: i.used_at?.toISOString() ?? null,
    signatory: i.signatory_id === null ? null : {id: i.signatory_id, name: i.signatory_name},
  };
}

const ZERO = {published: 0, pending: 0, hidden: 0};

function summaryToWire(s: StatementSummary): AdminStatementSummary {
  return {
    id: s.id, title: s.title, goal: s.goal, updated_at: s.updated_at.toISOString(),
    signatories: {...ZERO, ...s.signatories}, comments: {...ZERO, ...s.comments},
  };
}

const MAIL_STATUSES: readonly MailStatus[] = ['queued', 'sent', 'failed', 'cancelled'];

export function parseMailQuery(q: Record<string, string | undefined>): {status?: MailStatus; limit: number; before?: number} {
  const errors: Record<string, string> = {};
  const status = q.status || undefined;
  if (status !== undefined && !MAIL_STATUSES.includes(status as MailStatus)) errors.status = `One of: ${MAIL_STATUSES.join(', ')}.`;
  const limit = q.limit === undefined ? 100 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) errors.limit = 'An integer from 1 to 1000.';
  const before = q.before === undefined ? undefined : Number(q.before);
  if (before !== undefined && (!Number.isInteger(before) || before < 1)) errors.before = 'A message id.';
  if (Object.keys(errors).length) throw problem(422, 'Some parameters are not valid.', errors);
  return {...(status !== undefined && {status: status as MailStatus}), limit, ...(before !== undefined && {before})};
}

export function mailToWire(m: MailRecord): AdminMailItem {
  return {
    id: m.id, statement_id: m.statement_id, signatory_id: m.signatory_id, kind: m.kind, to: m.recipient, subject: m.subject,
    status: m.status, attempts: m.attempts, error: m.last_error, created_at: m.created_at.toISOString(),
    next_attempt_at: m.status === 'queued' ? m.next_attempt_at.toISOString() : null, sent_at: m.sent_at?.toISOString() ?? null,
  };
}

function queueItemToWire({verified_domain, ...q}: QueueItem): AdminQueueItem {
  return {...q, at: q.at.toISOString(), verified: verified_domain === null ? null : {domain: verified_domain}};
}

/** The admin view adds what the public one hides: e-mail, visibility, status. */
function adminSignatory(r: SignatoryRecord) {
  // Without `position` until published (an unconfirmed or pending signature has none yet).
  return {...signatureToWire(r), email: r.email, public: r.public, status: r.status};
}

function adminComment(r: CommentRecord) {
  return {...commentToWire(r), author_email: r.author_email, status: r.status};
}
