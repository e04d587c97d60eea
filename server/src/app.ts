import {serveStatic} from '@hono/node-server/serve-static';
import {Hono} from 'hono';
import {adminRoutes} from './admin-routes.ts';
import type {AppConfig} from './config.ts';
import {compressResponses} from './compress.ts';
import {mountConsole} from './console-routes.ts';
import {eventRoutes} from './event-routes.ts';
import {problemResponse} from './http.ts';
import {EventHub} from './live/event-hub.ts';
import {problem, ProblemError} from './problem.ts';
import {publicRoutes} from './public-routes.ts';

/** The whole server as a Hono app: API under /v1, the demo and bundle as files. */
export function createApp(cfg: AppConfig, live: EventHub = new EventHub(cfg.store)): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    const start = performance.now();
    await next();
    cfg.log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - start)}ms`);
  });

  app.use('*', compressResponses());
  app.route('/v1/admin', adminRoutes(cfg));
  app.route('/v1', publicRoutes(cfg));
  app.route('/v1', eventRoutes(live));

  if (cfg.staticRoot) {
    const root = cfg.staticRoot;
    app.get('/', serveStatic({root, path: 'demo/index.html'}));
    app.get('/demo/*', serveStatic({root}));
    app.get('/dist/*', serveStatic({root}));
    mountConsole(app, root);
  }

  app.notFound(() => problemResponse(problem(404, 'No such route.').problem));
  app.onError((err) => {
    if (err instanceof ProblemError) return problemResponse(err.problem, err.headers);
    console.error(err);
    return problemResponse(problem(500, 'Something went wrong on our side.').problem);
  });
  return app;
}
