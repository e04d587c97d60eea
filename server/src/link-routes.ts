import {Hono} from 'hono';
import type {AppConfig} from './config.ts';
import {TEXTS} from './mail/messages.ts';
import type {LinkOutcome} from './store/store.ts';
import type {Language} from './types.ts';

/**
 * The links in a confirmation mail (issue 9 items 1 and 3), at the root of
 * PUBLIC_URL: GET /confirm/TOKEN and GET /withdraw/TOKEN show a page with
 * one button; only its POST acts, so a mail scanner that opens every link
 * confirms and withdraws nothing.
 */
export function linkRoutes(cfg: AppConfig): Hono {
  const app = new Hono();
  // Ours are 32 base64url characters: anything else is no link of ours, and costs no query.
  const TOKEN = /^[A-Za-z0-9_-]{16,100}$/;

  for (const purpose of ['confirm', 'withdraw'] as const) {
    app.get(`/${purpose}/:token`, async (c) => {
      const token = c.req.param('token');
      const target = TOKEN.test(token) ? await cfg.store.linkTarget(token) : null;
      if (!target || target.purpose !== purpose) return page(404, 'en', TEXTS.en.invalid);
      const t = TEXTS[target.statement.language];
      const [heading, ask, button] = purpose === 'confirm'
        ? [t.confirmHeading, t.confirmAsk(target.statement.title), t.confirmButton]
        : [t.withdrawHeading, t.withdrawAsk(target.statement.title), t.withdrawButton];
      return page(200, target.statement.language, ask, {heading, button});
    });

    app.post(`/${purpose}/:token`, async (c) => {
      const token = c.req.param('token');
      const outcome: LinkOutcome = !TOKEN.test(token) ? {outcome: 'invalid'}
        : purpose === 'confirm' ? await cfg.store.confirmSignature(token) : await cfg.store.withdrawSignature(token);
      if (outcome.outcome === 'invalid') return page(404, 'en', TEXTS.en.invalid);
      const {language, url} = outcome.statement;
      const t = TEXTS[language];
      const text = {
        done: purpose === 'confirm' ? t.confirmed : t.withdrawnDone,
        pending: t.confirmedPending,
        already: purpose === 'confirm' ? t.alreadyConfirmed : t.alreadyWithdrawn,
        withdrawn: t.alreadyWithdrawn,
        expired: t.expired,
      }[outcome.outcome];
      return page(outcome.outcome === 'expired' ? 410 : 200, language, text, {back: url, outcome: outcome.outcome});
    });
  }
  return app;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A small page of its own: no script, nothing loaded, nothing it could leak the token to. */
function page(status: number, lang: Language, text: string,
  opts: {heading?: string; button?: string; back?: string | null; outcome?: string} = {}): Response {
  const t = TEXTS[lang];
  const heading = opts.heading ?? text;
  const back = opts.back && /^https?:\/\//i.test(opts.back) ? opts.back : null;
  const html = `<!doctype html>
<html lang="${lang}"${lang === 'ar' ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${escapeHtml(heading)}</title>
<style>
body{font:1.1rem/1.5 system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#1b1b1b;background:#f6f6f3}
main{max-width:36rem;margin:auto;background:#fff;padding:1.5rem 2rem;border-radius:.5rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin-top:0}
button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:.4rem;background:#1d4ed8;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
a{color:#1d4ed8}
@media (prefers-color-scheme:dark){body{color:#e8e8e3;background:#121314}main{background:#1e1f22;box-shadow:none}button{background:#8ab4f8;color:#0b0c0e}a{color:#8ab4f8}}
</style>
</head>
<body>
<main data-outcome="${escapeHtml(opts.outcome ?? '')}">
<h1>${escapeHtml(heading)}</h1>
${opts.heading ? `<p>${escapeHtml(text)}</p>` : ''}
${opts.button ? `<form method="post"><button type="submit">${escapeHtml(opts.button)}</button></form>` : ''}
${back ? `<p><a href="${escapeHtml(back)}">${escapeHtml(t.back)}</a></p>` : ''}
</main>
</body>
</html>
`;
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // The token is in this page's address: it goes nowhere else.
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex',
    },
  });
}
