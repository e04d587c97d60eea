import {timingSafeEqual} from 'node:crypto';
import {Hono} from 'hono';
import type {AppConfig} from './config.ts';
import {signatoriesCsv} from './csv.ts';
import {readJson, sha256} from './http.ts';
import {problem} from './problem.ts';
import type {CommentRecord, Kind, SignatoryRecord} from './store/store.ts';
import {parseStatementInput} from './validation.ts';
import {commentToWire, signatoryToWire, statementToWire} from './wire.ts';

const MAX_STATEMENT_BODY = 1024 * 1024;

/** The publisher's side, behind the bearer token: mounted under /v1/admin. */
export function adminRoutes(cfg: AppConfig): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!cfg.adminTokenHash || !token || !sameHash(sha256(token), cfg.adminTokenHash)) {
      const err = problem(401, 'Send the admin token as "Authorization: Bearer <token>".');
      err.headers['WWW-Authenticate'] = 'Bearer';
      throw err;
    }
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });

  app.get('/statements', async (c) => c.json({items: await cfg.store.listStatements()}));

  app.put('/statements/:id', async (c) => {
    const input = parseStatementInput(await readJson(c, MAX_STATEMENT_BODY), c.req.param('id'));
    const created = await cfg.store.putStatement(input);
    const st = await cfg.store.getStatement(input.id);
    return c.json({statement: statementToWire(st!), settings: settingsOf(st!)}, created ? 201 : 200);
  });

  app.get('/statements/:id', async (c) => {
    const st = await cfg.store.getStatement(c.req.param('id'));
    if (!st) throw problem(404, `No statement "${c.req.param('id')}".`);
    return c.json({statement: statementToWire(st), settings: settingsOf(st)});
  });

  app.get('/statements/:id/pending', async (c) => {
    const {signatories, comments} = await cfg.store.pending(c.req.param('id'));
    return c.json({signatories: signatories.map(adminSignatory), comments: comments.map(adminComment)});
  });

  const kinds: Record<string, Kind> = {signatories: 'signatory', comments: 'comment'};
  for (const [path, kind] of Object.entries(kinds)) {
    for (const action of ['approve', 'hide'] as const) {
      app.post(`/statements/:id/${path}/:item/${action}`, async (c) => {
        const found = await cfg.store.moderate(c.req.param('id'), kind, c.req.param('item'), action);
        if (!found) throw problem(404, `No such ${kind}.`);
        return c.body(null, 204);
      });
    }
    app.delete(`/statements/:id/${path}/:item`, async (c) => {
      const found = await cfg.store.remove(c.req.param('id'), kind, c.req.param('item'));
      if (!found) throw problem(404, `No such ${kind}.`);
      return c.body(null, 204);
    });
  }

  app.get('/statements/:id/signatories.csv', async (c) => {
    const id = c.req.param('id');
    if (!(await cfg.store.hasStatement(id))) throw problem(404, `No statement "${id}".`);
    const csv = signatoriesCsv(await cfg.store.allSignatories(id));
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}-signatories.csv"`,
    });
  });

  return app;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function settingsOf(st: {signatories_open: boolean; comments_open: boolean; moderation: string; email_required: boolean; goal: number | null}) {
  const {signatories_open, comments_open, moderation, email_required, goal} = st;
  return {signatories_open, comments_open, moderation, email_required, goal};
}

/** The admin view adds what the public one hides: e-mail, visibility, status. */
function adminSignatory(r: SignatoryRecord) {
  return {...signatoryToWire(r), email: r.email, public: r.public, status: r.status};
}

function adminComment(r: CommentRecord) {
  return {...commentToWire(r), author_email: r.author_email, status: r.status};
}
