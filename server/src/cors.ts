import type {MiddlewareHandler} from 'hono';
import type {AppConfig} from './config.ts';
import {problem} from './problem.ts';

const METHODS = 'GET, HEAD, POST, OPTIONS';
const ALLOW_HEADERS = 'Content-Type, Idempotency-Key, If-None-Match, Last-Event-ID';
const EXPOSE_HEADERS = 'ETag, Retry-After';

/**
 * CORS for the public API: anyone may read; once ALLOWED_ORIGINS lists
 * origins, only those may write (and get their own origin back, so the
 * browser hands the response to the page).
 */
export function cors(cfg: Pick<AppConfig, 'allowedOrigins'>): MiddlewareHandler {
  const allowed = cfg.allowedOrigins;
  const mayWrite = (origin: string | undefined) => allowed === null || origin === undefined || allowed.includes(origin);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const method = c.req.method;
    if (method === 'OPTIONS') {
      // Without an Origin this is no preflight: just say what the resource allows.
      if (origin === undefined) return new Response(null, {status: 204, headers: {Allow: METHODS}});
      const wants = c.req.header('access-control-request-method')?.toUpperCase();
      const headers: Record<string, string> = {Vary: 'Origin'};
      if (wants === 'GET' || wants === 'HEAD' || mayWrite(origin)) {
        Object.assign(headers, {
          'Access-Control-Allow-Origin': allowed && wants === 'POST' ? origin : '*',
          'Access-Control-Allow-Methods': METHODS,
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Max-Age': '600',
        });
      }
      return new Response(null, {status: 204, headers});
    }
    if (method === 'POST' && !mayWrite(origin)) throw problem(403, `Writes from ${origin} are not allowed.`);
    await next();
    const allow = method === 'POST' && allowed ? origin : '*';
    if (allow) c.res.headers.set('Access-Control-Allow-Origin', allow);
    if (allow !== '*') c.res.headers.append('Vary', 'Origin');
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  };
}
