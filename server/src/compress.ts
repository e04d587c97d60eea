import {promisify} from 'node:util';
import {brotliCompress, constants, gzip} from 'node:zlib';
import type {MiddlewareHandler} from 'hono';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this a compressed body saves less than its headers and CPU cost. */
const THRESHOLD = 1024;
// Whole bodies of these types are compressed; event streams never (they would wait for a buffer to fill).
const COMPRESSIBLE = /^(application\/(json|problem\+json|javascript)|text\/(html|css|csv|javascript|plain)|image\/svg\+xml)\b/i;

/**
 * br or gzip, as the client accepts (br first), for the API's JSON and the
 * demo's files. zlib runs on libuv's thread pool, so the event loop keeps
 * serving. Hono's own compress() has no br and streams through
 * CompressionStream; our bodies are already whole.
 */
export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    // Not res.body: reading it turns @hono/node-server's lightweight Response
    // into a WHATWG one whose body is then streamed out chunk by chunk (a
    // timer per response), where a string body is written in one go.
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304 || res.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return;
    res.headers.append('Vary', 'Accept-Encoding');
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    const length = Number(res.headers.get('content-length') ?? NaN);
    if (!encoding || length < THRESHOLD) return;
    const body = Buffer.from(await res.arrayBuffer());
    const packed = body.byteLength < THRESHOLD ? body : encoding === 'br'
      ? await brotli(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength}})
      : await gzipped(body, {level: 6});
    // Hono carries the old response's headers over: set ours after.
    c.res = new Response(packed, res);
    if (packed !== body) c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.set('Content-Length', String(packed.byteLength));
  };
}

/** br, else gzip, when Accept-Encoding allows it (q > 0). */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const allows = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return allows('br') ? 'br' : allows('gzip') ? 'gzip' : null;
}
