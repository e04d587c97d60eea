// N readers of one statement's event stream, for bench/live-capacity.mjs,
// in a process of their own (IPC):
//   {type: 'open', url, n}  → {type: 'opened', n, ms, failed}  (every stream has its `ready`)
//   {type: 'mark'}          → {type: 'marked'}  (counting from now)
//   {type: 'wait', count, ms} → {type: 'waited', ms | null}  (until every stream has seen signatories.count ≥ count)
//   {type: 'report'}        → {type: 'report', ...}  change events per stream per second since the mark
//   {type: 'close'}         → {type: 'closed'}
// Raw node:http, one socket per stream (agent: false), as 1 000 browsers would.
import http from 'node:http';

const streams = [];
let mark = performance.now();
const send = (m) => process.send(m);

function open(url, i) {
  return new Promise((resolve) => {
    const s = {i, events: [], ids: [], count: 0, ready: false, ended: false, error: null, req: null, bytes: 0};
    streams.push(s);
    let buffer = '';
    const req = http.get(url, {agent: false, headers: {Accept: 'text/event-stream'}}, (res) => {
      if (res.statusCode !== 200) {
        s.error = `status ${res.statusCode}`;
        res.resume();
        resolve(s);
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        s.bytes += chunk.length;
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (block.includes('event: ready')) {
            s.ready = true;
            resolve(s);
          } else if (block.includes('event: change')) {
            const at = performance.now();
            s.events.push(at);
            const id = /^id: (\d+)$/m.exec(block);
            if (id) s.ids.push(Number(id[1]));
            // The counts come first in the message (event-hub.ts): no need to parse 25 signatories per event.
            const count = /"signatories":\{"count":(\d+)/.exec(block);
            if (count) s.count = Math.max(s.count, Number(count[1]));
          }
        }
      });
      res.on('end', () => (s.ended = true));
      res.on('error', (e) => (s.error = String(e)));
    });
    req.on('error', (e) => {
      s.error = String(e);
      resolve(s);
    });
    s.req = req;
  });
}

function report() {
  const from = mark;
  const now = performance.now();
  const seconds = (now - from) / 1000;
  const rates = [];
  const maxPerSecond = [];
  let duplicates = 0;
  for (const s of streams) {
    const events = s.events.filter((t) => t >= from);
    rates.push(events.length / seconds);
    // The most events in any one-second window.
    let most = 0;
    for (let a = 0, b = 0; b < events.length; b++) {
      while (events[b] - events[a] > 1000) a++;
      most = Math.max(most, b - a + 1);
    }
    maxPerSecond.push(most);
    for (let k = 1; k < s.ids.length; k++) if (s.ids[k] <= s.ids[k - 1]) duplicates++;
  }
  const sorted = (v) => [...v].sort((a, b) => a - b);
  const pct = (v, p) => sorted(v)[Math.min(v.length - 1, Math.floor((v.length * p) / 100))];
  return {
    streams: streams.length,
    seconds,
    meanPerSecond: rates.reduce((a, b) => a + b, 0) / rates.length,
    p99PerSecond: pct(rates, 99),
    maxInOneSecond: Math.max(...maxPerSecond),
    p99InOneSecond: pct(maxPerSecond, 99),
    duplicates,
    ended: streams.filter((s) => s.ended).length,
    errors: streams.filter((s) => s.error).length,
    minCount: Math.min(...streams.map((s) => s.count)),
    megabytes: streams.reduce((a, s) => a + s.bytes, 0) / 1e6,
    // The first stream's events, ms after the mark: what one reader saw.
    first: streams[0]?.events.filter((t) => t >= from).map((t) => Math.round(t - from)),
  };
}

// The bench went away (finished or failed): so does this process.
process.on('disconnect', () => process.exit());

process.on('message', async (m) => {
  if (m.type === 'open') {
    const t0 = performance.now();
    // A few at a time, as readers arrive: 50 connects in flight at most.
    const queue = Array.from({length: m.n}, (_, i) => i);
    await Promise.all(Array.from({length: 50}, async () => {
      while (queue.length) await open(m.url, queue.shift());
    }));
    send({type: 'opened', n: streams.filter((s) => s.ready).length, ms: performance.now() - t0,
      failed: streams.filter((s) => !s.ready).map((s) => s.error).slice(0, 5)});
  } else if (m.type === 'mark') {
    mark = performance.now();
    send({type: 'marked'});
  } else if (m.type === 'wait') {
    const t0 = performance.now();
    while (streams.some((s) => s.count < m.count) && performance.now() - t0 < m.ms) await new Promise((r) => setTimeout(r, 20));
    send({type: 'waited', ms: streams.some((s) => s.count < m.count) ? null : performance.now() - t0});
  } else if (m.type === 'report') {
    send({type: 'report', ...report()});
  } else if (m.type === 'close') {
    for (const s of streams) s.req?.destroy();
    send({type: 'closed'});
    process.disconnect();
  }
});
