import {randomBytes, timingSafeEqual} from 'node:crypto';
import type {Context, MiddlewareHandler} from 'hono';
import {Hono} from 'hono';
import {deleteCookie, getCookie, setCookie} from 'hono/cookie';
import type {AppConfig} from './config.ts';
import {clientIp, readJson, sha256} from './http.ts';
import {problem} from './problem.ts';
import {RateLimiter} from './rate-limit.ts';

/**
 * Who may use /v1/admin: a bearer token (scripts, the CLI's peers) or a
 * console session. The console signs in once with the token and gets an
 * HttpOnly, SameSite=Strict cookie; every write made with that cookie must
 * also come from this server's own origin (a page on another port of the
 * same host is the same *site*, so SameSite alone lets it through) and
 * carry the session's CSRF token in X-CSRF-Token.
 */

export const SESSION_COOKIE = 'undersigned_admin';
const SESSION_HOURS = 12;
/** Wrong tokens per minute per client address, sign-in and bearer alike. */
const FAILURES_PER_MINUTE = 10;
const SAFE_METHODS = new Set(['GET', 'HEAD']);

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The origin this request was addressed to (as the browser saw it, behind trusted proxies). */
function ownOrigin(c: Context, trustProxy: number): string {
  const url = new URL(c.req.url);
  const forwarded = (name: string) => (trustProxy > 0 ? c.req.header(name)?.split(',')[0]?.trim() : undefined);
  const proto = forwarded('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const host = forwarded('x-forwarded-host') ?? c.req.header('host') ?? url.host;
  return `${proto}://${host}`;
}

export function adminAuth(cfg: AppConfig): {session: Hono; guard: MiddlewareHandler} {
  const failures = new RateLimiter(FAILURES_PER_MINUTE);

  /** A wrong token costs the client one of its few tries; none left is a 429. */
  const checkToken = (c: Context, token: string | undefined): boolean => {
    const client = clientIp(c, cfg.trustProxy);
    const wait = failures.wait(client);
    if (wait > 0) {
      const err = problem(429, 'Too many wrong admin tokens from your address; try again shortly.');
      err.headers['Retry-After'] = String(wait);
      throw err;
    }
    const ok = !!cfg.adminTokenHash && !!token && sameHash(sha256(token), cfg.adminTokenHash);
    if (!ok) failures.take(client);
    return ok;
  };

  const sessionOf = async (c: Context) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (!id) return null;
    const found = await cfg.store.getSession(sha256(id));
    return found && {idHash: sha256(id), ...found};
  };

  const secure = (c: Context) => ownOrigin(c, cfg.trustProxy).startsWith('https:');

  const session = new Hono();

  session.post('/', async (c) => {
    const body = await readJson(c);
    const token = typeof body === 'object' && body !== null ? (body as {token?: unknown}).token : undefined;
    if (!checkToken(c, typeof token === 'string' ? token : undefined)) {
      throw problem(401, 'That is not the admin token.', {token: 'Not the admin token.'});
    }
    const id = randomBytes(32).toString('base64url');
    const created = {csrf_token: randomBytes(24).toString('base64url'), expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000)};
    await cfg.store.createSession(sha256(id), created);
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true, sameSite: 'Strict', secure: secure(c), path: '/', maxAge: SESSION_HOURS * 3600,
    });
    return c.json({csrf_token: created.csrf_token, expires_at: created.expires_at.toISOString()}, 201);
  });

  session.get('/', async (c) => {
    const found = await sessionOf(c);
    if (!found) throw problem(401, 'Not signed in.');
    return c.json({csrf_token: found.csrf_token, expires_at: found.expires_at.toISOString()});
  });

  session.delete('/', async (c) => {
    const found = await sessionOf(c);
    if (found) {
      assertSameOrigin(c, found.csrf_token);
      await cfg.store.deleteSession(found.idHash);
    }
    deleteCookie(c, SESSION_COOKIE, {path: '/', secure: secure(c)});
    return c.body(null, 204);
  });

  const assertSameOrigin = (c: Context, csrf: string) => {
    const origin = c.req.header('origin');
    if (origin !== ownOrigin(c, cfg.trustProxy) || c.req.header('sec-fetch-site') === 'cross-site') {
      throw problem(403, 'Console writes must come from the console\'s own page.');
    }
    const sent = c.req.header('x-csrf-token') ?? '';
    if (!sameHash(sha256(sent), sha256(csrf))) throw problem(403, 'Missing or wrong X-CSRF-Token.');
  };

  const guard: MiddlewareHandler = async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer !== undefined) {
      if (!checkToken(c, bearer)) throw unauthorized();
    } else {
      const found = await sessionOf(c);
      if (!found) throw unauthorized();
      if (!SAFE_METHODS.has(c.req.method)) assertSameOrigin(c, found.csrf_token);
    }
    await next();
  };

  return {session, guard};
}

function unauthorized() {
  const err = problem(401, 'Sign in to the console, or send the admin token as "Authorization: Bearer <token>".');
  err.headers['WWW-Authenticate'] = 'Bearer';
  return err;
}
