import {Hono} from 'hono';
import type {EventHub} from './live/event-hub.ts';
import {noStatement, problem} from './problem.ts';
import {isStatementId} from './validation.ts';

/** GET /statements/{id}/events: the statement's changes as Server-Sent Events. Mounted under /v1. */
export function eventRoutes(live: EventHub): Hono {
  const app = new Hono();
  app.get('/statements/:id/events', async (c) => {
    const id = c.req.param('id');
    // EventSource resends the last id it saw; `after` serves clients that reconnect themselves.
    const after = parseEventId(c.req.header('last-event-id') ?? c.req.query('after'));
    const stream = isStatementId(id) ? await live.open(id, after) : null;
    if (!stream) throw noStatement(id);
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        // Every reader needs its own stream: no cache or proxy may hold or merge it.
        'Cache-Control': 'no-store',
        'X-Accel-Buffering': 'no',
        // A stream holds its socket for as long as it lasts: not worth keeping alive after.
        Connection: 'close',
      },
    });
  });
  return app;
}

function parseEventId(v: string | undefined): number | null {
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw problem(422, 'Invalid event id.', {'Last-Event-ID': 'Not an id this server gave out.'});
  return n;
}
