import type {MiddlewareHandler} from 'hono';
import {etag} from 'hono/etag';

/** A lazily loaded sibling: Rollup's content hash in its name (rollup.config.mjs). */
const HASHED = /^\/dist\/undersigned-[\w-]+-[\w-]{8,}\.js(\.map)?$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, no-cache';
const revalidated = etag({weak: true});

/**
 * Headers for the bundle and the demo's files (static documents included),
 * so a page on any other origin may load them: a module script and a
 * `fetch` of a static document need CORS, and a cross-origin-isolated page
 * needs Cross-Origin-Resource-Policy. Hashed siblings never change under
 * their name and are cached for a year; everything else, whose name stays
 * (undersigned.js, the classic build, documents), is revalidated by ETag.
 */
export function staticHeaders(): MiddlewareHandler {
  return async (c, next) => {
    const immutable = HASHED.test(c.req.path);
    if (immutable) await next();
    else await revalidated(c, next);
    if (!c.res.ok && c.res.status !== 304) return;
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Cache-Control', immutable ? IMMUTABLE : REVALIDATE);
  };
}
