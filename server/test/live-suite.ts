import assert from 'node:assert/strict';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {after, before, describe, test} from 'node:test';
import type {RunningServer} from '../src/server.ts';
import type {Store} from '../src/store/store.ts';
import {admin, closeServer, openServer, postJson, request, serve, uniqueId, type StoreFactory, newStatement} from './helpers.ts';
import {openSse, type SseMessage, type SseStream} from './sse.ts';

/**
 * Live events, counts kept at write time, random access and compression,
 * against one store. pglite.test.ts and postgres.test.ts run it on each database.
 */
export function liveSuite(label: string, factory: () => StoreFactory, skip: string | false = false): void {
  describe(`live events and counts on ${label}`, {skip}, () => {
    let db: StoreFactory;
    let store: Store;
    let server: RunningServer;
    let api: string;
    const streams: SseStream[] = [];

    before(async () => void ({db, store, server, api} = await openServer(factory)));
    after(async () => {
      for (const s of streams) s.close();
      await closeServer({server, store, db});
    });

    const statement = (settings: Record<string, unknown> = {}) => newStatement(api, settings);

    const sign = (id: string, body: Record<string, unknown>) => postJson(`${api}/statements/${id}/signatories`, body);

    async function events(id: string, headers: Record<string, string> = {}, base = api): Promise<SseStream> {
      const s = await openSse(`${base}/statements/${id}/events`, headers);
      streams.push(s);
      assert.equal(s.status, 200);
      await s.next((m) => m.event === 'ready', 'ready');
      return s;
    }

    const addedNames = (messages: SseMessage[]) =>
      messages.flatMap((m) => m.data.signatories?.added ?? []).map((s: {name: string}) => s.name);

    test('the events route streams no-store, readable from any origin; 404 for an unknown statement', async () => {
      const id = await statement();
      const s = await events(id, {Origin: 'https://elsewhere.example', 'Accept-Encoding': 'gzip, br'});
      assert.match(s.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(s.headers.get('cache-control'), 'no-store');
      assert.equal(s.headers.get('access-control-allow-origin'), '*');
      assert.equal(s.headers.get('content-encoding'), null);
      assert.match(s.messages[0]!.id!, /^\d+$/);
      const missing = await request(`${api}/statements/no-such-statement/events`);
      assert.equal(missing.status, 404);
      assert.match(missing.headers.get('content-type') ?? '', /problem\+json/);
    });

    test('a signature arrives with the new counts; an anonymous one is counted, not named', async () => {
      const id = await statement();
      const s = await events(id);
      await sign(id, {name: 'Live Org', kind: 'organization'});
      const first = await s.next((m) => m.data.signatories?.count === 1, 'count 1');
      assert.deepEqual(first.data.signatories.kinds, {organization: 1, individual: 0});
      assert.deepEqual(first.data.signatories.added.map((x: {name: string}) => x.name), ['Live Org']);
      await sign(id, {name: 'Anonymous', kind: 'individual', public: false});
      const second = await s.next((m) => m.data.signatories?.count === 2, 'count 2');
      assert.equal(second.data.signatories.listed, 1);
      assert.deepEqual(second.data.signatories.added, []);
      assert.ok(Number(second.id) > Number(first.id));
    });

    test('comments, hides and statement changes arrive as they happen', async () => {
      const id = await statement();
      const s = await events(id);
      const posted = await postJson(`${api}/statements/${id}/comments`, {author: {name: 'Ana'}, body: 'Live comment'});
      const arrived = await s.next((m) => m.data.comments?.count === 1, 'the comment');
      assert.deepEqual(arrived.data.comments.added, [posted.json.comment]);
      await admin(`${api}/admin/statements/${id}/comments/${posted.json.comment.id}/hide`, 'POST');
      await s.next((m) => m.data.comments?.count === 0, 'the hide');
      const put = await admin(`${api}/admin/statements/${id}`, 'PUT', {
        title: 'Changed', body: '<p>Text</p>', signatories_open: false, notes: [{text: 'A correction.'}],
      });
      assert.equal(put.status, 200, put.text);
      const changed = await s.next((m) => m.data.statement !== undefined, 'the statement change');
      assert.equal(changed.data.statement.signatories.open, false);
      assert.deepEqual(changed.data.statement.notes, [{text: 'A correction.'}]);
    });

    test('a reader resuming with Last-Event-ID gets every event it missed, once, then follows', async () => {
      const id = await statement();
      const first = await events(id);
      await sign(id, {name: 'Before', kind: 'individual'});
      const seen = await first.next((m) => m.data.signatories?.count === 1, 'the first signature');
      first.close();
      for (const name of ['Missed 1', 'Missed 2', 'Missed 3']) await sign(id, {name, kind: 'individual'});
      const resumed = await events(id, {'Last-Event-ID': seen.id!});
      await resumed.next((m) => m.data.signatories?.count === 4, 'the replay');
      await sign(id, {name: 'After', kind: 'individual'});
      await resumed.next((m) => m.data.signatories?.count === 5, 'the live one');
      assert.deepEqual(addedNames(resumed.messages), ['Missed 1', 'Missed 2', 'Missed 3', 'After']);
      const ids = resumed.messages.map((m) => Number(m.id));
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
      assert.equal(new Set(ids).size, ids.length);
    });

    test('a burst of concurrent signatures reaches a reader exactly once each', async () => {
      const id = await statement();
      const s = await events(id);
      const names = Array.from({length: 60}, (_, i) => `Burst ${i}`);
      await Promise.all(names.map((name) => sign(id, {name, kind: 'individual'})));
      await s.next((m) => m.data.signatories?.count === 60, 'count 60');
      assert.deepEqual(addedNames(s.messages).sort(), [...names].sort());
    });

    test('counts kept at write time equal a recount after concurrent writes, hides, approvals and deletes', async () => {
      const id = await statement();
      const signed = await Promise.all(Array.from({length: 80}, (_, i) =>
        sign(id, {name: `Signer ${i}`, kind: i % 3 ? 'individual' : 'organization', public: i % 5 !== 0})));
      const ids: string[] = signed.map((r) => r.json.signatory.id);
      // Overlapping on purpose: rows 15-19 are hidden and deleted at once, 10-14 hidden and approved.
      await Promise.all([
        ...ids.slice(0, 20).map((sid) => admin(`${api}/admin/statements/${id}/signatories/${sid}/hide`, 'POST')),
        ...ids.slice(10, 15).map((sid) => admin(`${api}/admin/statements/${id}/signatories/${sid}/approve`, 'POST')),
        ...ids.slice(15, 45).map((sid) => admin(`${api}/admin/statements/${id}/signatories/${sid}`, 'DELETE')),
        ...Array.from({length: 20}, (_, i) => sign(id, {name: `Late ${i}`, kind: 'organization', public: i % 2 === 0})),
      ]);
      const rows = await store.allSignatories(id);
      const published = rows.filter((r) => r.status === 'published');
      const listed = published.filter((r) => r.public);
      const st = await request(`${api}/statements/${id}`);
      assert.deepEqual(st.json.signatories, {count: published.length, listed: listed.length, open: true, email_required: false});
      const page = await request(`${api}/statements/${id}/signatories?limit=1`);
      assert.equal(page.json.total, listed.length);
      assert.deepEqual(page.json.kinds, {
        organization: listed.filter((r) => r.kind === 'organization').length,
        individual: listed.filter((r) => r.kind === 'individual').length,
      });
      const people = await request(`${api}/statements/${id}/signatories?kind=individual&limit=1`);
      assert.equal(people.json.total, page.json.kinds.individual);
      const orgs = await request(`${api}/statements/${id}/signatories?kind=organization&limit=1`);
      assert.equal(orgs.json.total, page.json.kinds.organization);
      // Every page together is the recount: the listed rows in position order, nothing twice.
      const walked: string[] = [];
      for (let cursor: string | null = null, n = 0; n === 0 || cursor; n++) {
        const next = await request(`${api}/statements/${id}/signatories?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        walked.push(...next.json.items.map((s: {id: string}) => s.id));
        cursor = next.json.next;
      }
      assert.deepEqual(walked, [...listed].sort((a, b) => a.position! - b.position!).map((r) => r.id));
    });

    test('?from=N answers the page of listed signatories at position N or later', async () => {
      const id = await statement();
      for (let i = 1; i <= 12; i++) await sign(id, {name: `P${i}`, kind: 'individual', public: i !== 6});
      const page = await request(`${api}/statements/${id}/signatories?from=5&limit=3`);
      assert.equal(page.status, 200, page.text);
      assert.deepEqual(page.json.items.map((s: {position: number}) => s.position), [5, 7, 8]);
      assert.equal(page.json.total, 11);
      const rest = await request(`${api}/statements/${id}/signatories?cursor=${page.json.next}&limit=10`);
      assert.deepEqual(rest.json.items.map((s: {position: number}) => s.position), [9, 10, 11, 12]);
      assert.equal(rest.json.next, null);
      const past = await request(`${api}/statements/${id}/signatories?from=13`);
      assert.deepEqual([past.json.items, past.json.next], [[], null]);
      const both = await request(`${api}/statements/${id}/signatories?from=2&cursor=${page.json.next}`);
      assert.equal(both.status, 422);
      assert.equal((await request(`${api}/statements/${id}/signatories?from=0`)).status, 422);
    });

    test('pages are compressed with br or gzip when the client accepts it', async () => {
      const id = await statement();
      for (let i = 0; i < 40; i++) await sign(id, {name: `Compressible signer number ${i}`, kind: 'individual', location: 'Somewhere'});
      const url = `${api}/statements/${id}/signatories?limit=40`;
      const plain = await rawGet(url, {});
      const expected = plain.body.toString('utf8');
      assert.equal(plain.headers['content-encoding'], undefined);
      for (const [accept, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
        // fetch() would decode for us: read the raw bytes through node:http semantics instead.
        const res = await rawGet(url, {'Accept-Encoding': accept});
        assert.equal(res.headers['content-encoding'], accept);
        assert.match(String(res.headers.vary), /Accept-Encoding/);
        assert.ok(res.body.byteLength < Buffer.byteLength(expected) / 2, `${accept}: ${res.body.byteLength} bytes`);
        assert.equal(decode(res.body).toString('utf8'), expected);
      }
    });

    test('closing the server ends its event streams', async () => {
      const own = await serve(store);
      const id = await statement();
      const s = await events(id, {}, `${own.url}/v1`);
      await own.close();
      await s.ended;
      assert.equal(own.live.size, 0);
    });
  });
}

async function rawGet(url: string, headers: Record<string, string>): Promise<{headers: Record<string, unknown>; body: Buffer}> {
  const {get} = await import('node:http');
  return new Promise((resolve, reject) => {
    get(url, {headers}, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({headers: res.headers, body: Buffer.concat(chunks)}));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** Two instances on one database: a write on one reaches a reader on the other (LISTEN/NOTIFY). */
export function twoInstanceSuite(label: string, factory: () => StoreFactory, skip: string | false = false): void {
  describe(`live events across two instances on ${label}`, {skip}, () => {
    let db: StoreFactory;
    const stores: Store[] = [];
    const servers: RunningServer[] = [];

    before(async () => {
      db = factory();
      for (let i = 0; i < 2; i++) {
        const store = await db.open();
        stores.push(store);
        servers.push(await serve(store));
      }
    });

    after(async () => {
      for (const s of servers) await s.close();
      for (const s of stores) await s.close();
      await db?.dispose();
    });

    test('a signature and a comment written on A reach a reader connected to B', async () => {
      const [a, b] = servers.map((s) => `${s.url}/v1`) as [string, string];
      const id = uniqueId();
      assert.equal((await admin(`${a}/admin/statements/${id}`, 'PUT', {title: 'Two instances', body: '<p>x</p>', confirmation: 'none'})).status, 201);
      const s = await openSse(`${b}/statements/${id}/events`);
      try {
        await s.next((m) => m.event === 'ready', 'ready');
        await postJson(`${a}/statements/${id}/signatories`, {name: 'Signed on A', kind: 'individual'});
        const sig = await s.next((m) => m.data.signatories?.count === 1, 'the signature');
        assert.equal(sig.data.signatories.added[0].name, 'Signed on A');
        await postJson(`${a}/statements/${id}/comments`, {author: {name: 'A'}, body: 'Commented on A'});
        const com = await s.next((m) => m.data.comments?.count === 1, 'the comment');
        assert.equal(com.data.comments.added[0].body, 'Commented on A');
      } finally {
        s.close();
      }
    });
  });
}
