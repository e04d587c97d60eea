import {Hono, type Context} from 'hono';
import type {AppConfig} from './config.ts';
import {decodeCommentCursor, decodeSignatoryCursor, encodeCommentCursor, encodeSignatoryCursor} from './cursor.ts';
import {cachedJson, clientIp, readJson, sha256} from './http.ts';
import {problem} from './problem.ts';
import {RateLimiter} from './rate-limit.ts';
import type {StoredResponse} from './store/store.ts';
import {
  isHoneypotFilled, parseCommentQuery, parseIdempotencyKey, parseNewComment, parseNewSignatory,
  parseSignatoryQuery,
} from './validation.ts';
import {commentToWire, fakeComment, fakeSignatory, signatoryToWire, statementToWire} from './wire.ts';

const ALLOW_HEADERS = 'Content-Type, Idempotency-Key, If-None-Match';
const EXPOSE_HEADERS = 'ETag, Retry-After';

/** Contract v1, read and write: mounted under /v1. */
export function publicRoutes(cfg: AppConfig): Hono {
  const app = new Hono();
  const limiter = cfg.rateLimit === false ? null : new RateLimiter(cfg.rateLimit);
  const originAllowed = (origin: string | undefined) =>
    cfg.allowedOrigins === null || origin === undefined || cfg.allowedOrigins.includes(origin);

  // CORS: anyone may read; writes only from allowed origins once listed.
  app.use('/statements/*', async (c, next) => {
    const origin = c.req.header('origin');
    const method = c.req.method;
    if (method === 'OPTIONS') {
      const wants = c.req.header('access-control-request-method')?.toUpperCase();
      const headers: Record<string, string> = {Vary: 'Origin'};
      if (wants === 'GET' || wants === 'HEAD' || originAllowed(origin)) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': cfg.allowedOrigins && wants === 'POST' ? origin! : '*',
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      }
      return new Response(null, {status: 204, headers});
    }
    if (method === 'POST' && !originAllowed(origin)) throw problem(403, `Writes from ${origin} are not allowed.`);
    await next();
    const allow = method === 'POST' && cfg.allowedOrigins ? origin : '*';
    if (allow) c.res.headers.set('Access-Control-Allow-Origin', allow);
    if (allow !== '*') c.res.headers.append('Vary', 'Origin');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  });

  const statementOr404 = async (id: string) => {
    const st = await cfg.store.getStatement(id);
    if (!st) throw problem(404, `No statement "${id}".`);
    return st;
  };

  // The lists need only the statement to exist: its counts cost more than a page.
  const existsOr404 = async (id: string) => {
    if (!(await cfg.store.hasStatement(id))) throw problem(404, `No statement "${id}".`);
  };

  app.get('/statements/:id', async (c) => cachedJson(c, statementToWire(await statementOr404(c.req.param('id')))));

  app.get('/statements/:id/signatories', async (c) => {
    const q = parseSignatoryQuery(c.req.query());
    const id = c.req.param('id');
    await existsOr404(id);
    const page = await cfg.store.listSignatories(id, {
      limit: q.limit, after: q.cursor ? decodeSignatoryCursor(q.cursor) : 0,
      ...(q.q !== undefined && {q: q.q}), ...(q.kind !== undefined && {kind: q.kind}),
    });
    const last = page.items[page.items.length - 1];
    return cachedJson(c, {
      items: page.items.map(signatoryToWire),
      total: page.total,
      next: page.hasMore && last ? encodeSignatoryCursor(last.position) : null,
      kinds: page.kinds,
    });
  });

  app.get('/statements/:id/comments', async (c) => {
    const q = parseCommentQuery(c.req.query());
    const id = c.req.param('id');
    await existsOr404(id);
    const page = await cfg.store.listComments(id, {
      limit: q.limit, sort: q.sort, ...(q.cursor !== undefined && {after: decodeCommentCursor(q.cursor)}),
    });
    const lastRoot = page.items.filter((r) => r.parent_id === null).pop();
    return cachedJson(c, {
      items: page.items.map(commentToWire),
      total: page.total,
      next: page.hasMore && lastRoot ? encodeCommentCursor(lastRoot) : null,
    });
  });

  /** Rate limit, parse, validate: what both writes do before the store. */
  const prepare = async <T>(c: Context, parse: (body: unknown) => T) => {
    if (limiter) {
      const taken = limiter.take(clientIp(c, cfg.trustProxy));
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
    if (honeypot) {
      // A bot: answer as if signed, keep nothing.
      const st = await statementOr404(id);
      const fake = fakeSignatory(input, st.signatories_count + 1);
      return respond({status: 201, body: JSON.stringify({signatory: signatoryToWire(fake), status: 'published'}), replayed: false});
    }
    return respond(await cfg.store.sign(id, input, idem));
  });

  app.post('/statements/:id/comments', async (c) => {
    const id = c.req.param('id');
    const {input, idem, honeypot} = await prepare(c, parseNewComment);
    if (honeypot) {
      const st = await statementOr404(id);
      const status = st.moderation === 'pre' ? 'pending' : 'published';
      return respond({status: 201, body: JSON.stringify({comment: commentToWire(fakeComment(input)), status}), replayed: false});
    }
    return respond(await cfg.store.comment(id, input, idem));
  });

  return app;
}
