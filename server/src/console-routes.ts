import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {Hono} from 'hono';
import {problem} from './problem.ts';

/**
 * The publisher's console at /admin: one page and its script, from the
 * same origin as the API it calls (its session cookie is SameSite=Strict
 * and its writes are checked against this origin). The page may not be
 * framed, and runs only its own script.
 */
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
  'img-src https: http: data:', "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');

export function mountConsole(app: Hono, root: string): void {
  const file = (path: string, type: string, extra: Record<string, string> = {}) => async () => {
    let body: Buffer;
    try {
      body = await readFile(join(root, path));
    } catch {
      throw problem(404, 'The console is not built: run "npm run build".');
    }
    return new Response(new Uint8Array(body), {headers: {'Content-Type': type, 'Cache-Control': 'no-cache', ...extra}});
  };
  const page = file('admin/index.html', 'text/html; charset=utf-8', {
    'Content-Security-Policy': CSP, 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff',
  });
  app.get('/admin', (c) => c.redirect('/admin/'));
  app.get('/admin/', page);
  app.get('/admin/console.js', file('dist/admin/console.js', 'text/javascript; charset=utf-8', {'X-Content-Type-Options': 'nosniff'}));
  app.get('/admin/console.js.map', file('dist/admin/console.js.map', 'application/json; charset=utf-8'));
}
