// A web-test-runner plugin that serves the embed test pages
// (test/embed/pages/*.html) the way a host site would: pages named csp-*
// carry a strict Content-Security-Policy header (a header, not a <meta>,
// because that is what real sites send). `?endpoint=<absolute URL>` fills
// the page's {{endpoint}} placeholders and allows that origin in
// connect-src, as a site embedding a live endpoint would; `?statement=` fills
// {{statement}}; `?lang=` (two letters) fills {{lang}}, and {{dir}} with
// `rtl` for Arabic, else `ltr`; `?cdn=<origin>` fills {{cdn}} (where a page
// loads the library from: another origin than the page's) and allows it in
// script-src. `cdnHeaders` gives /dist/ and the demo's static documents
// (/demo/data/) the CORS headers README "Hosting" asks of a CDN.
import {readFile} from 'node:fs/promises';

const PAGES = '/test/embed/pages/';

/** The strict policy the README documents; tests assert it holds. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html undersigned',
];

const escapeAttribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedPagesPlugin() {
  return {
    name: 'embed-pages',
    async serve(context) {
      if (!context.path.startsWith(PAGES) || !context.path.endsWith('.html')) return undefined;
      const name = context.path.slice(PAGES.length);
      if (!/^[a-z0-9-]+\.html$/.test(name)) return undefined;
      let body = await readFile(new URL(`../embed/pages/${name}`, import.meta.url), 'utf8');
      const policy = [...STRICT_CSP];
      const endpoint = context.query.endpoint;
      if (typeof endpoint === 'string') {
        const url = new URL(endpoint);
        policy.push(`connect-src 'self' ${url.origin}`);
        body = body.replaceAll('{{endpoint}}', escapeAttribute(url.href));
      }
      const cdn = context.query.cdn;
      if (typeof cdn === 'string') {
        const {origin} = new URL(cdn);
        policy[policy.indexOf("script-src 'self'")] = `script-src 'self' ${origin}`;
        body = body.replaceAll('{{cdn}}', escapeAttribute(origin));
      }
      const statement = context.query.statement;
      if (typeof statement === 'string') body = body.replaceAll('{{statement}}', escapeAttribute(statement));
      const lang = typeof context.query.lang === 'string' && /^[a-z]{2}$/.test(context.query.lang) ? context.query.lang : 'en';
      body = body.replaceAll('{{lang}}', lang).replaceAll('{{dir}}', lang === 'ar' ? 'rtl' : 'ltr');
      const headers = {'Cache-Control': 'no-store'};
      if (name.startsWith('csp-')) headers['Content-Security-Policy'] = policy.join('; ');
      return {body, type: 'html', headers};
    },
  };
}

/** Koa middleware: /dist/ answers as README "Hosting" asks of a CDN, readable from any origin. */
export async function cdnHeaders(ctx, next) {
  await next();
  if (ctx.path.startsWith('/dist/') || ctx.path.startsWith('/demo/data/')) {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  }
}
