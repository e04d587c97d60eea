import type {ServerResponse} from 'node:http';
import {serveStatic} from '@hono/node-server/serve-static';
import {Hono} from 'hono';
import {adminRoutes} from './admin-routes.ts';
import type {AppConfig} from './config.ts';
import {compressResponses} from './compress.ts';
import {mountConsole} from './console-routes.ts';
import {eventRoutes} from './event-routes.ts';
import {problemResponse} from './http.ts';
import {EventHub} from './live/event-hub.ts';
import {accessLine, errorLine} from './log.ts';
import {problem, ProblemError} from './problem.ts';
import {linkRoutes} from './link-routes.ts';
import {publicRoutes} from './public-routes.ts';
import {staticHeaders} from './static-headers.ts';

/** The whole server as a Hono app: API under /v1, the demo and bundle as files. */
export function createApp(cfg: AppConfig, live: EventHub = new EventHub(cfg.store), mailer: {kick(): void} | null = null): Hono {
  const app = new Hono();

  const format = cfg.logFormat ?? 'text';
  app.use('*', async (c, next) => {
    const start = performance.now();
    const entry = (status: number, aborted = false) => cfg.log(accessLine(format, {
      method: c.req.method, path: c.req.path, status, ms: Math.round(performance.now() - start), aborted,
    }));
    // The line says what the client was sent: read from the socket's response
    // once it is done, not from what the handler returned.
    const outgoing = (c.env as {outgoing?: ServerResponse} | undefined)?.outgoing;
    outgoing?.once('close', () => entry(outgoing.statusCode, !outgoing.writableFinished));
    await next();
    // Headers through the WHATWG checks here, so the socket writer never
    // meets a value it refuses (it would answer 500 with the error's text).
    void c.res.headers;
    if (!outgoing) entry(c.res.status);
  });

  app.use('*', compressResponses());
  app.route('/v1/admin', adminRoutes(cfg));
  app.route('/v1', publicRoutes(cfg, mailer));
  app.route('/', linkRoutes(cfg));
  app.route('/v1', eventRoutes(live));

  if (cfg.staticRoot) {
    const root = cfg.staticRoot;
    app.get('/', serveStatic({root, path: 'demo/index.html'}));
    app.use('/demo/*', staticHeaders());
    app.use('/dist/*', staticHeaders());
    app.get('/demo/*', serveStatic({root}));
    app.get('/dist/*', serveStatic({root}));
    mountConsole(app, root);
  }

  app.notFound(() => problemResponse(problem(404, 'No such route.').problem));
  app.onError((err, c) => {
    if (err instanceof ProblemError) return problemResponse(err.problem, err.headers);
    // The stack once, in the log; the client learns nothing of it.
    cfg.log(errorLine(format, c.req.method, c.req.path, err), 'error');
    return problemResponse(problem(500, 'Something went wrong on our side.').problem);
  });
  return app;
}
