// One autocannon run, in its own process so the load generator does not
// share an event loop (or a core's worth of scheduling) with the server.
// bench/server-load.mjs spawns it with a JSON config as argv[2] and reads
// one JSON line from stdout.
//
//   {"url": "http://127.0.0.1:PORT", "mode": "get", "paths": [...], "connections": 50, "duration": 10}
//   {"url": "...", "mode": "post", "path": "/v1/statements/ID/signatories", "connections": 50, "duration": 10}
import {randomUUID} from 'node:crypto';
import {readFileSync} from 'node:fs';
import autocannon from 'autocannon';

// `@file` reads the config from a file (a long list of paths does not fit in argv).
const arg = process.argv[2];
const cfg = JSON.parse(arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg);
const host = new URL(cfg.url).hostname;
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host) && !host.startsWith('127.')) {
  throw new Error(`load-client: only loopback targets, not ${host}`);
}

let sent = 0;
let answered = 0;
const statuses = {};
const count = (status) => {
  answered++;
  statuses[status] = (statuses[status] ?? 0) + 1;
};
const request =
  cfg.mode === 'get'
    ? {
        method: 'GET',
        setupRequest: (req) => ({...req, path: cfg.paths[sent++ % cfg.paths.length]}),
        onResponse: count,
      }
    : {
        method: 'POST',
        path: cfg.path,
        setupRequest: (req) => {
          const n = sent++;
          return {
            ...req,
            headers: {...req.headers, 'content-type': 'application/json', 'idempotency-key': randomUUID()},
            body: JSON.stringify({
              name: `Load Signer ${process.pid}-${n} Ñandú`,
              kind: n % 3 ? 'individual' : 'organization',
              location: 'Kraków, Poland',
              email: `load-${process.pid}-${n}@example.org`,
              public: true,
            }),
          };
        },
        onResponse: count,
      };

const cpu = process.cpuUsage();
const result = await autocannon({
  url: cfg.url,
  connections: cfg.connections,
  duration: cfg.duration,
  // One request per connection at a time: a POST retried by pipelining would not be distinct.
  pipelining: 1,
  timeout: 10,
  requests: [request],
});

process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    // Requests still in flight when the run's time was up: the server may finish (and store) them.
    sent,
    unanswered: sent - answered,
    duration: result.duration,
    cpuMicros: (({user, system}) => user + system)(process.cpuUsage(cpu)),
  })}\n`
);
