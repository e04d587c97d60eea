import {Hono, type Context} from 'hono';
import type {AppConfig} from './config.ts';
import {cors} from './cors.ts';
import {
  decodeCommentCursor, decodeSignatoryCursor, decodeThreadCursor, encodeCommentCursor, encodeSignatoryCursor, encodeThreadCursor,
} from './cursor.ts';
import {cachedJson, clientIp, readJson, sha256} from './http.ts';
import {statementLookup} from './lookup.ts';
import {noStatement, problem} from './problem.ts';
import {MAX_KEY} from './rate-limit.ts';
import type {StoredResponse} from './store/store.ts';
import {
  isHoneypotFilled, isStatementId, parseCommentQuery, parseIdempotencyKey, parseNewComment, parseNewSignatory,
  parseSignatoryQuery,
} from './validation.ts';
import {commentToWire, signatoryToWire, statementToWire} from './wire.ts';

/** How long a confirmation link works unless CONFIRM_TTL says otherwise. */
export const CONFIRM_TTL_MS = 7 * 86_400_000;

/** Contract v1, read and write: mounted under /v1. */
export function publicRoutes(cfg: AppConfig, mailer: {kick(): void} | null = null): Hono {
  const app = new Hono();
  const perMinute = cfg.rateLimit;
  app.use('/statements/*', cors(cfg));

  const {statementOr404, existsOr404} = statementLookup(cfg.store);


  app.get('/statements/:id', async (c) => cachedJson(c, statementToWire(await statementOr404(c.req.param('id')))));

  app.get('/statements/:id/signatories', async (c) => {
    const q = parseSignatoryQuery(c.req.query());
    const id = c.req.param('id');
    // The page query answers whether the statement exists: no separate lookup.
    const page = isStatementId(id) ? await cfg.store.listSignatories(id, {
      limit: q.limit, after: q.cursor ? decodeSignatoryCursor(q.cursor) : q.from ? q.from - 1 : 0,
      ...(q.q !== undefined && {q: q.q}), ...(q.kind !== undefined && {kind: q.kind}),
    }) : null;
    if (!page) throw noStatement(id);
    const last = page.items[page.items.length - 1];
    return cachedJson(c, {
      items: page.items.map(signatoryToWire),
      total: page.total,
      next: page.hasMore && last ? encodeSignatoryCursor(last.position ?? 0) : null,
      kinds: page.kinds,
    });
  });

  app.get('/statements/:id/comments', async (c) => {
    const q = parseCommentQuery(c.req.query());
    const id = c.req.param('id');
    await existsOr404(id);
    if (q.thread !== undefined) {
      // The rest of one thread, after what came inline (docs/contract.md "Comment pages").
      const thread = await cfg.store.listThread(id, q.thread, {
        limit: q.limit, ...(q.cursor !== undefined && {after: decodeThreadCursor(q.cursor)}),
      });
      if (!thread) throw problem(404, 'No such thread.', {thread: 'Unknown comment.'});
      return cachedJson(c, {
        items: thread.items.map(commentToWire),
        total: thread.total,
        next: thread.after === null ? null : encodeThreadCursor(thread.after),
      });
    }
    const page = await cfg.store.listComments(id, {
      limit: q.limit, sort: q.sort, ...(q.cursor !== undefined && {after: decodeCommentCursor(q.cursor)}),
    });
    const lastRoot = page.items.filter((r) => r.parent_id === null).pop();
    return cachedJson(c, {
      items: page.items.map((r) => ({
        ...commentToWire(r),
        ...(r.replies && {replies: {count: r.replies.count, next: r.replies.after === null ? null : encodeThreadCursor(r.replies.after)}}),
      })),
      total: page.total,
      next: page.hasMore && lastRoot ? encodeCommentCursor(lastRoot) : null,
    });
  });

  /** Rate limit, parse, validate: what both writes do before the store. */
  const prepare = async <T>(c: Context, parse: (body: unknown) => T) => {
    if (perMinute !== false) {
      // In the database: every instance takes from one bucket per client.
      const taken = await cfg.store.takeRateToken(clientIp(c, cfg.trustProxy).slice(0, MAX_KEY), perMinute);
      if (!taken.ok) {
        const err = problem(429, 'Too many writes from your address; try again shortly.');
        err.headers['Retry-After'] = String(taken.retryAfter);
        throw err;
      }
    }
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    const body = await readJson(c);
    const input = parse(body);
    const idem = key === null ? null : {key, requestHash: sha256(JSON.stringify(input))};
    return {input, idem, honeypot: isHoneypotFilled(body)};
  };

  const respond = (res: StoredResponse) =>
    new Response(res.body, {
      status: res.status,
      headers: {'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store',
        ...(res.replayed && {'Idempotent-Replayed': 'true'})},
    });

  app.post('/statements/:id/signatories', async (c) => {
    const id = c.req.param('id');
    const {input, idem, honeypot} = await prepare(c, parseNewSignatory);
    if (!isStatementId(id)) throw noStatement(id);
    // A bot gets the answer a person would, and nothing is kept.
    const mail = {publicUrl: cfg.mail?.publicUrl ?? new URL(c.req.url).origin, confirmTtlMs: cfg.mail?.confirmTtlMs ?? CONFIRM_TTL_MS};
    const res = await cfg.store.sign(id, input, idem, {discard: honeypot, mail});
    // A mail may be queued: the sender looks now; the answer does not wait for it.
    if (!res.replayed && !honeypot) mailer?.kick();
    return respond(res);
  });

  app.post('/statements/:id/comments', async (c) => {
    const id = c.req.param('id');
    const {input, idem, honeypot} = await prepare(c, parseNewComment);
    if (!isStatementId(id)) throw noStatement(id);
    return respond(await cfg.store.comment(id, input, idem, {discard: honeypot}));
  });

  return app;
}
