import {createHash} from 'node:crypto';
import {isIP} from 'node:net';
import type {Context} from 'hono';
import {getConnInfo} from '@hono/node-server/conninfo';
import {problem, type Problem} from './problem.ts';

export const MAX_BODY = 64 * 1024;
// Browsers revalidate every time (a reload shows the reader's own
// signature or comment; an unchanged page costs a 304), while a shared cache
// (CDN) may answer for 10 s before it too must revalidate.
const CACHE_CONTROL = 'public, max-age=0, must-revalidate, s-maxage=10';

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: {'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers},
  });
}

/** The request body as JSON: 415 unless JSON, 413 past `max` bytes, 400 if malformed. */
export async function readJson(c: Context, max = MAX_BODY): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw problem(415, 'Send the body as application/json.');
  if (Number(c.req.header('content-length')) > max) throw problem(413, `The body is larger than ${max} bytes.`);
  const reader = c.req.raw.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Counted while read, so a chunked body without a length is capped too.
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    size += chunk.value.byteLength;
    if (size > max) {
      await reader!.cancel();
      throw problem(413, `The body is larger than ${max} bytes.`);
    }
    chunks.push(chunk.value);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(Buffer.concat(chunks)));
  } catch {
    throw problem(400, 'The body is not valid UTF-8 JSON.');
  }
}

/**
 * A cacheable JSON GET: weak ETag over the bytes, revalidated by browsers
 * and briefly cached by CDNs, and 304 when the client already has them.
 */
export function cachedJson(c: Context, value: unknown): Response {
  const body = JSON.stringify(value);
  const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = {ETag: etag, 'Cache-Control': CACHE_CONTROL};
  if (etagMatches(c.req.header('if-none-match'), etag)) return new Response(null, {status: 304, headers});
  return new Response(body, {status: 200, headers: {...headers, 'Content-Type': 'application/json; charset=utf-8'}});
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/**
 * The client's address. Behind `trustProxy` proxies, the address the
 * outermost trusted proxy saw, read from the right of X-Forwarded-For
 * (entries further left are whatever the client sent). Only a well-formed
 * IP address counts; anything else falls back to the socket's peer, so a
 * header value never becomes a limiter key. TRUST_PROXY must match the
 * deployment: on a directly reachable server every client writes this
 * header itself (README "Security notes").
 */
export function clientIp(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const header = c.req.header('x-forwarded-for') ?? '';
    const hops = header.length > 4096 ? [] : header.split(',').map((s) => s.trim()).filter(Boolean);
    const ip = hops[hops.length - trustProxy] ?? hops[0];
    if (ip && isIP(ip)) return ip;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
