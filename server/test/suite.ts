import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, describe, test} from 'node:test';
import {DEMO_DOCUMENT, seedDemo} from '../src/seed.ts';
import type {RunningServer} from '../src/server.ts';
import type {Store} from '../src/store/store.ts';
import {admin, closeServer, openServer, postJson, request, serve, uniqueId, type StoreFactory, newStatement} from './helpers.ts';

/**
 * Contract v1 end to end over HTTP, against one store. pglite.test.ts and
 * postgres.test.ts run this same suite on each database.
 */
export function storageSuite(label: string, factory: () => StoreFactory, skip: string | false = false): void {
  describe(`contract v1 on ${label}`, {skip}, () => {
    let db: StoreFactory;
    let store: Store;
    let server: RunningServer;
    let api: string;

    before(async () => void ({db, store, server, api} = await openServer(factory, seedDemo)));
    after(() => closeServer({server, store, db}));

    /** A new statement with the given settings; returns its id. */
    const statement = (settings: Record<string, unknown> = {}) => newStatement(api, settings);

    const sign = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      postJson(`${api}/statements/${id}/signatories`, body, headers);
    const comment = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      postJson(`${api}/statements/${id}/comments`, body, headers);

    async function allSignatories(id: string, query = ''): Promise<{items: any[]; total: number}> {
      const items: any[] = [];
      let cursor: string | null = null;
      let total = 0;
      do {
        const res = await request(`${api}/statements/${id}/signatories?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.status, 200, res.text);
        items.push(...res.json.items);
        total = res.json.total;
        cursor = res.json.next;
      } while (cursor);
      return {items, total};
    }

    async function allComments(id: string, query = ''): Promise<{pages: any[][]; total: number}> {
      const pages: any[][] = [];
      let cursor: string | null = null;
      let total = 0;
      do {
        const res = await request(`${api}/statements/${id}/comments?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(res.status, 200, res.text);
        pages.push(res.json.items);
        total = res.json.total;
        cursor = res.json.next;
      } while (cursor);
      return {pages, total};
    }

    test('serves the seeded demo exactly as the static document has it', async () => {
      const doc = JSON.parse(readFileSync(DEMO_DOCUMENT, 'utf8'));
      const id = doc.statement.id;
      const st = await request(`${api}/statements/${id}`);
      assert.equal(st.status, 200);
      const {updated_at: _a, ...fromServer} = st.json;
      const {updated_at: _b, ...fromFile} = doc.statement;
      assert.deepEqual(fromServer, fromFile);
      const sigs = await request(`${api}/statements/${id}/signatories?limit=200`);
      const kinds = {organization: 0, individual: 0};
      for (const sig of doc.signatories) kinds[sig.kind as keyof typeof kinds]++;
      assert.deepEqual(sigs.json, {items: doc.signatories, total: doc.signatories.length, next: null, kinds});
      const comments = await request(`${api}/statements/${id}/comments?limit=100`);
      // Roots carry their thread's size (docs/contract.md "Comment pages"); the rest is the document's.
      type Item = {id: string; parent_id: string | null};
      const all = doc.comments as Item[];
      const replies = (c: Item) => all.filter((r) => r.parent_id !== null && threadRoot(all, r) === c.id).length;
      assert.deepEqual(comments.json, {
        items: all.map((c) => (c.parent_id === null ? {...c, replies: {count: replies(c), next: null}} : c)),
        total: doc.comments.length, next: null,
      });
    });

    test('a signature gets the next position and is listed; the statement counts it', async () => {
      const id = await statement({goal: 10, email_required: false});
      const a = await sign(id, {name: 'First Org', kind: 'organization', location: 'Lyon, France', email: 'a@example.org'});
      const b = await sign(id, {name: 'Second Person', kind: 'individual', role: 'Teacher', public: true});
      assert.equal(a.status, 201);
      assert.equal(a.json.status, 'published');
      assert.equal(a.json.signatory.position, 1);
      assert.equal(b.json.signatory.position, 2);
      assert.equal(a.json.signatory.name, 'First Org');
      assert.equal(a.json.signatory.location, 'Lyon, France');
      assert.equal('email' in a.json.signatory, false);
      assert.match(a.json.signatory.signed_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const list = await request(`${api}/statements/${id}/signatories`);
      assert.deepEqual(list.json.items, [a.json.signatory, b.json.signatory]);
      const st = await request(`${api}/statements/${id}`);
      assert.deepEqual(st.json.signatories, {count: 2, listed: 2, open: true, goal: 10, email_required: false});
      assert.deepEqual(st.json.comments, {count: 0, open: true});
    });

    test('a non-public signature is counted, not listed', async () => {
      const id = await statement();
      const res = await sign(id, {name: 'Quiet Supporter', kind: 'individual', public: false});
      assert.equal(res.status, 201);
      assert.equal(res.json.status, 'published');
      await sign(id, {name: 'Loud Supporter', kind: 'individual'});
      const list = await request(`${api}/statements/${id}/signatories`);
      assert.deepEqual(list.json.items.map((s: any) => s.name), ['Loud Supporter']);
      assert.equal(list.json.total, 1);
      const st = await request(`${api}/statements/${id}`);
      assert.equal(st.json.signatories.count, 2);
      assert.equal(st.json.signatories.listed, 1);
    });

    test('200 concurrent distinct signatures make exactly 200 rows with positions 1..200', async () => {
      const id = await statement();
      const replies = await Promise.all(Array.from({length: 200}, (_, i) =>
        sign(id, {name: `Signer ${i}`, kind: 'individual', email: `signer${i}@example.org`}, {'Idempotency-Key': `k-${i}`})));
      assert.deepEqual(replies.map((r) => r.status), Array(200).fill(201));
      const rows = await store.allSignatories(id);
      assert.equal(rows.length, 200);
      assert.deepEqual(rows.map((r) => r.position), Array.from({length: 200}, (_, i) => i + 1));
      assert.equal(new Set(rows.map((r) => r.name)).size, 200);
      const st = await request(`${api}/statements/${id}`);
      assert.equal(st.json.signatories.count, 200);
    });

    test('50 concurrent retries with one Idempotency-Key make one row and 50 identical answers', async () => {
      const id = await statement();
      const body = {name: 'Retrying Org', kind: 'organization', email: 'retry@example.org'};
      const replies = await Promise.all(Array.from({length: 50}, () => sign(id, body, {'Idempotency-Key': 'same-key-1'})));
      assert.deepEqual(replies.map((r) => r.status), Array(50).fill(201));
      assert.equal(new Set(replies.map((r) => r.text)).size, 1);
      assert.equal((await store.allSignatories(id)).length, 1);

      const comments = await Promise.all(Array.from({length: 50}, () =>
        comment(id, {author: {name: 'Ann'}, body: 'Once only'}, {'Idempotency-Key': 'same-key-2'})));
      assert.equal(new Set(comments.map((r) => `${r.status} ${r.text}`)).size, 1);
      const thread = await request(`${api}/statements/${id}/comments`);
      assert.equal(thread.json.total, 1);
    });

    test('a reused Idempotency-Key with another body is refused with 422', async () => {
      const id = await statement();
      const first = await sign(id, {name: 'One', kind: 'organization'}, {'Idempotency-Key': 'k'});
      assert.equal(first.status, 201);
      const again = await sign(id, {name: 'One', kind: 'organization'}, {'Idempotency-Key': 'k'});
      assert.equal(again.text, first.text);
      const other = await sign(id, {name: 'Two', kind: 'organization'}, {'Idempotency-Key': 'k'});
      assert.equal(other.status, 422);
      assert.ok(other.json.errors['Idempotency-Key']);
      assert.equal((await store.allSignatories(id)).length, 1);
      const bad = await sign(id, {name: 'Three', kind: 'organization'}, {'Idempotency-Key': 'spaces are not allowed'});
      assert.equal(bad.status, 422);
    });

    test('a second signature with the same e-mail looks like success and adds no row', async () => {
      const id = await statement();
      const first = await sign(id, {name: 'Original', kind: 'individual', email: 'Same@Example.org'});
      const dup = await sign(id, {name: 'Impostor', kind: 'individual', email: 'same@example.org'});
      assert.equal(first.status, 201);
      assert.equal(dup.status, 201);
      assert.deepEqual(Object.keys(dup.json).sort(), ['signatory', 'status']);
      assert.deepEqual(Object.keys(dup.json.signatory).sort(), Object.keys(first.json.signatory).sort());
      assert.equal(dup.json.signatory.name, 'Impostor');
      assert.equal(dup.json.status, 'published');
      const rows = await store.allSignatories(id);
      assert.deepEqual(rows.map((r) => r.name), ['Original']);
    });

    test('SQL metacharacters and markup in every field are stored and returned verbatim', async () => {
      const id = await statement();
      const nasty = [`'; DROP TABLE signatories; --`, '100% _sure_ \\ back\\slash', '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>', `"quoted" & 'single' ‘curly’ — ñ 漢字 مرحبا`];
      for (const [i, s] of nasty.entries()) {
        const res = await sign(id, {name: s, kind: 'organization', organization: s, role: s, location: s,
          url: `https://example.org/?q=${encodeURIComponent(s)}`, email: `x${i}@example.org`});
        assert.equal(res.status, 201, res.text);
        const c = await comment(id, {author: {name: s, url: `https://example.org/#${encodeURIComponent(s)}`}, body: `${s}\n\n> ${s}`});
        assert.equal(c.status, 201, c.text);
      }
      const {items} = await allSignatories(id);
      assert.deepEqual(items.map((s) => [s.name, s.organization, s.role, s.location, s.url]),
        nasty.map((s) => [s, s, s, s, `https://example.org/?q=${encodeURIComponent(s)}`]));
      const {pages} = await allComments(id);
      assert.deepEqual(pages.flat().map((c) => [c.author.name, c.author.url, c.body]),
        nasty.map((s) => [s, `https://example.org/#${encodeURIComponent(s)}`, `${s}\n\n> ${s}`]));
      // Search takes % _ \ literally.
      const pct = await request(`${api}/statements/${id}/signatories?q=${encodeURIComponent('100%')}`);
      assert.equal(pct.json.total, 1);
      const under = await request(`${api}/statements/${id}/signatories?q=${encodeURIComponent('_sure_')}`);
      assert.equal(under.json.total, 1);
      const none = await request(`${api}/statements/${id}/signatories?q=${encodeURIComponent('%_%')}`);
      assert.equal(none.json.total, 0);
      const drop = await request(`${api}/statements/${id}/signatories?q=${encodeURIComponent("'; DROP")}`);
      assert.equal(drop.json.total, 1);
      assert.equal((await store.allSignatories(id)).length, nasty.length);
    });

    test('e-mail addresses never appear in a public response', async () => {
      const id = await statement({moderation: 'none'});
      const emails = ['hidden.one@example.org', 'HIDDEN.two@example.org'];
      const bodies: string[] = [];
      for (const [i, email] of emails.entries()) {
        bodies.push((await sign(id, {name: `S${i}`, kind: 'individual', email})).text);
        bodies.push((await comment(id, {author: {name: `C${i}`, email}, body: 'Hello'})).text);
      }
      bodies.push((await sign(id, {name: 'Dup', kind: 'individual', email: emails[0]})).text);
      for (const path of ['', '/signatories', '/signatories?q=hidden', '/comments', '/comments?sort=newest']) {
        bodies.push((await request(`${api}/statements/${id}${path}`)).text);
      }
      for (const text of bodies) {
        assert.doesNotMatch(text, /hidden\.(one|two)/i);
        assert.doesNotMatch(text, /"email"|author_email/);
      }
      const q = await request(`${api}/statements/${id}/signatories?q=${encodeURIComponent('hidden.one')}`);
      assert.equal(q.json.total, 0, 'search does not match e-mail addresses');
    });

    test('invalid writes get 422 naming each field', async () => {
      const id = await statement();
      const cases: [Record<string, unknown>, string[]][] = [
        [{}, ['kind', 'name']],
        [{name: '   ', kind: 'robot'}, ['kind', 'name']],
        [{name: 'x'.repeat(201), kind: 'organization'}, ['name']],
        [{name: 'ok', kind: 'organization', url: 'javascript:alert(1)'}, ['url']],
        [{name: 'ok', kind: 'organization', url: 'ftp://example.org/'}, ['url']],
        [{name: 'ok', kind: 'organization', email: 'not-an-address'}, ['email']],
        [{name: 'ok', kind: 'organization', organization: 'o'.repeat(201), role: 7, public: 'yes'}, ['organization', 'public', 'role']],
        [{name: 'nul\u0000byte', kind: 'organization'}, ['name']],
      ];
      for (const [body, fields] of cases) {
        const res = await sign(id, body);
        assert.equal(res.status, 422, JSON.stringify(body));
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        assert.equal(res.json.status, 422);
        assert.deepEqual(Object.keys(res.json.errors).sort(), fields, JSON.stringify(body));
      }
      const notObject = await sign(id, [] as unknown as Record<string, unknown>);
      assert.equal(notObject.status, 422);
      const commentCases: [Record<string, unknown>, string[]][] = [
        [{}, ['author', 'body']],
        [{author: {}, body: 'x'}, ['author.name']],
        [{author: {name: 'a', url: 'data:text/html,hi', email: 'nope'}, body: 'b'.repeat(10_001)}, ['author.email', 'author.url', 'body']],
        [{author: {name: 'a'}, body: 'x', parent_id: 42}, ['parent_id']],
      ];
      for (const [body, fields] of commentCases) {
        const res = await comment(id, body);
        assert.equal(res.status, 422, JSON.stringify(body));
        assert.deepEqual(Object.keys(res.json.errors).sort(), fields, JSON.stringify(body));
      }
      // The limits themselves are allowed.
      assert.equal((await sign(id, {name: 'n'.repeat(200), kind: 'organization'})).status, 201);
      assert.equal((await comment(id, {author: {name: 'a'}, body: 'b'.repeat(10_000)})).status, 201);
      const bad = await request(`${api}/statements/${id}/signatories?limit=0&kind=robot`);
      assert.equal(bad.status, 422);
      assert.deepEqual(Object.keys(bad.json.errors).sort(), ['kind', 'limit']);
      const badCursor = await request(`${api}/statements/${id}/comments?cursor=nonsense&sort=sideways`);
      assert.equal(badCursor.status, 422);
      assert.ok(badCursor.json.errors.sort);
      const badCursor2 = await request(`${api}/statements/${id}/signatories?cursor=nonsense`);
      assert.equal(badCursor2.status, 422);
      assert.ok(badCursor2.json.errors.cursor);
    });

    test('an e-mail is required when the statement says so', async () => {
      const id = await statement({email_required: true});
      const st = await request(`${api}/statements/${id}`);
      assert.equal(st.json.signatories.email_required, true);
      const res = await sign(id, {name: 'No Mail', kind: 'individual'});
      assert.equal(res.status, 422);
      assert.ok(res.json.errors.email);
      assert.equal((await sign(id, {name: 'Mail', kind: 'individual', email: 'm@example.org'})).status, 201);
    });

    test('a closed statement refuses writes with 403', async () => {
      const id = await statement({signatories_open: false, comments_open: false});
      const s = await sign(id, {name: 'Late', kind: 'organization'}, {'Idempotency-Key': 'closed-1'});
      const c = await comment(id, {author: {name: 'Late'}, body: 'Too late'});
      assert.equal(s.status, 403);
      assert.equal(c.status, 403);
      assert.equal(s.headers.get('content-type'), 'application/problem+json');
      assert.equal((await store.allSignatories(id)).length, 0);
      const st = await request(`${api}/statements/${id}`);
      assert.equal(st.json.signatories.open, false);
      assert.equal(st.json.comments.open, false);
      // Reopened, the same key is free: the refused write kept nothing.
      await admin(`${api}/admin/statements/${id}`, 'PUT', {title: 't', body: '<p>b</p>', confirmation: 'none'});
      assert.equal((await sign(id, {name: 'Late', kind: 'organization'}, {'Idempotency-Key': 'closed-1'})).status, 201);
    });

    test('bodies over 64 KB get 413, and anything but JSON gets 415', async () => {
      const id = await statement();
      const big = JSON.stringify({name: 'x', kind: 'organization', role: 'r'.repeat(70_000)});
      assert.equal((await postJson(`${api}/statements/${id}/signatories`, big)).status, 413);
      // Without a Content-Length (a stream), the limit holds while reading.
      const chunked = await request(`${api}/statements/${id}/comments`, {
        method: 'POST', headers: {'Content-Type': 'application/json'}, duplex: 'half',
        body: new ReadableStream({start(ctl) {
          ctl.enqueue(new TextEncoder().encode(big));
          ctl.close();
        }}),
      } as RequestInit);
      assert.equal(chunked.status, 413);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const res = await request(`${api}/statements/${id}/signatories`, {
          method: 'POST', headers: {'Content-Type': type}, body: 'name=x&kind=organization'});
        assert.equal(res.status, 415, type);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
      }
      const noType = await request(`${api}/statements/${id}/signatories`, {method: 'POST', body: new Uint8Array([123, 125])});
      assert.equal(noType.status, 415);
      const malformed = await postJson(`${api}/statements/${id}/signatories`, '{"name": ');
      assert.equal(malformed.status, 400);
      assert.equal((await store.allSignatories(id)).length, 0);
    });

    test('unknown statements, parents and routes are 404 problems', async () => {
      for (const path of ['', '/signatories', '/comments']) {
        const res = await request(`${api}/statements/no-such-statement${path}`);
        assert.equal(res.status, 404, path);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        assert.equal(res.json.status, 404);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
      }
      assert.equal((await sign('no-such-statement', {name: 'x', kind: 'organization'})).status, 404);
      assert.equal((await comment('no-such-statement', {author: {name: 'x'}, body: 'y'})).status, 404);
      const id = await statement();
      const orphan = await comment(id, {author: {name: 'x'}, body: 'y', parent_id: 'c_missing'});
      assert.equal(orphan.status, 404);
      assert.ok(orphan.json.errors.parent_id);
      assert.equal((await request(`${api}/nothing-here`)).status, 404);
    });

    test('GETs carry an ETag, a Cache-Control browsers revalidate and CDNs keep briefly, and answer 304 to If-None-Match', async () => {
      const id = await statement();
      for (const path of ['', '/signatories', '/comments']) {
        const url = `${api}/statements/${id}${path}`;
        const first = await request(url);
        const etag = first.headers.get('etag');
        assert.ok(etag, path);
        // Browsers revalidate (a reload shows one's own write); a CDN may keep it briefly.
        assert.equal(first.headers.get('cache-control'), 'public, max-age=0, must-revalidate, s-maxage=10');
        const again = await request(url, {headers: {'If-None-Match': etag!}});
        assert.equal(again.status, 304);
        assert.equal(again.text, '');
        assert.equal(again.headers.get('etag'), etag);
        assert.equal((await request(url, {headers: {'If-None-Match': '"other", ' + etag}})).status, 304);
        assert.equal((await request(url, {headers: {'If-None-Match': '"other"'}})).status, 200);
      }
      const url = `${api}/statements/${id}/signatories`;
      const before = (await request(url)).headers.get('etag')!;
      await sign(id, {name: 'Changes things', kind: 'organization'});
      const after = await request(url, {headers: {'If-None-Match': before}});
      assert.equal(after.status, 200);
      assert.notEqual(after.headers.get('etag'), before);
      const write = await sign(id, {name: 'No cache', kind: 'organization'});
      assert.equal(write.headers.get('cache-control'), 'no-store');
    });

    test('CORS: any origin reads; writes only from allowed origins once listed', async () => {
      const id = await statement();
      const origin = 'https://news.example';
      const get = await request(`${api}/statements/${id}`, {headers: {Origin: origin}});
      assert.equal(get.headers.get('access-control-allow-origin'), '*');
      assert.match(get.headers.get('access-control-expose-headers')!, /ETag/);
      const preflight = await request(`${api}/statements/${id}/signatories`, {method: 'OPTIONS', headers: {
        Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key'}});
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
      assert.match(preflight.headers.get('access-control-allow-headers')!, /Idempotency-Key/);

      const strict = await serve(store, {allowedOrigins: ['https://allowed.example']});
      try {
        const base = `${strict.url}/v1/statements/${id}`;
        const denied = await request(`${base}/signatories`, {method: 'OPTIONS', headers: {
          Origin: origin, 'Access-Control-Request-Method': 'POST'}});
        assert.equal(denied.headers.get('access-control-allow-origin'), null);
        const allowed = await request(`${base}/signatories`, {method: 'OPTIONS', headers: {
          Origin: 'https://allowed.example', 'Access-Control-Request-Method': 'POST'}});
        assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://allowed.example');
        const readPreflight = await request(`${base}/comments`, {method: 'OPTIONS', headers: {
          Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match'}});
        assert.equal(readPreflight.headers.get('access-control-allow-origin'), '*');
        const read = await request(base, {headers: {Origin: origin}});
        assert.equal(read.headers.get('access-control-allow-origin'), '*');
        const post = await postJson(`${base}/signatories`, {name: 'Foreign', kind: 'organization'}, {Origin: origin});
        assert.equal(post.status, 403);
        const ok = await postJson(`${base}/signatories`, {name: 'Friendly', kind: 'organization'}, {Origin: 'https://allowed.example'});
        assert.equal(ok.status, 201);
        assert.equal(ok.headers.get('access-control-allow-origin'), 'https://allowed.example');
        assert.deepEqual((await store.allSignatories(id)).map((s) => s.name), ['Friendly']);
      } finally {
        await strict.close();
      }
    });

    test('the honeypot field is answered like success and stores nothing', async () => {
      const id = await statement();
      const s = await sign(id, {name: 'Bot', kind: 'organization', website: 'http://spam.example'});
      assert.equal(s.status, 201);
      assert.equal(s.json.signatory.name, 'Bot');
      assert.equal(s.json.status, 'published');
      const c = await comment(id, {author: {name: 'Bot'}, body: 'Buy now', website: 'x'});
      assert.equal(c.status, 201);
      assert.equal(c.json.comment.body, 'Buy now');
      assert.equal((await store.allSignatories(id)).length, 0);
      assert.equal((await request(`${api}/statements/${id}/comments`)).json.total, 0);
      assert.equal((await sign(id, {name: 'Human', kind: 'organization', website: ''})).status, 201);
      assert.equal((await store.allSignatories(id)).length, 1);
    });

    test('the rate limit answers 429 with Retry-After', async () => {
      const id = await statement();
      const limited = await serve(store, {rateLimit: 3});
      try {
        const url = `${limited.url}/v1/statements/${id}/signatories`;
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push((await postJson(url, {name: `R${i}`, kind: 'organization'})).status);
        assert.deepEqual(statuses, [201, 201, 201, 429]);
        const res = await postJson(url, {name: 'R9', kind: 'organization'});
        assert.equal(res.status, 429);
        assert.equal(res.headers.get('content-type'), 'application/problem+json');
        assert.ok(Number(res.headers.get('retry-after')) >= 1);
        assert.equal((await request(`${limited.url}/v1/statements/${id}`)).status, 200, 'reads are not limited');
      } finally {
        await limited.close();
      }
      const proxied = await serve(store, {rateLimit: 1, trustProxy: 1});
      try {
        const url = `${proxied.url}/v1/statements/${id}/signatories`;
        const from = (xff: string) => postJson(url, {name: xff, kind: 'organization'}, {'X-Forwarded-For': xff});
        assert.equal((await from('6.6.6.6, 10.0.0.1')).status, 201);
        assert.equal((await from('10.0.0.2')).status, 201, 'another client behind the proxy');
        assert.equal((await from('7.7.7.7, 10.0.0.1')).status, 429, 'a forged left entry does not dodge the limit');
      } finally {
        await proxied.close();
      }
    });

    test('comments page by roots with whole subtrees, in either sort', async () => {
      const id = await statement();
      const post = async (body: string, parent: string | null = null) => {
        const res = await comment(id, {author: {name: 'A'}, body, parent_id: parent});
        assert.equal(res.status, 201, res.text);
        return res.json.comment.id as string;
      };
      // Five roots; root 1 has a chain 4 deep, root 3 two branches; replies arrive out of root order.
      const r = [];
      for (let i = 1; i <= 5; i++) r.push(await post(`root ${i}`));
      const a = await post('1.a', r[0]);
      const b = await post('3.a', r[2]);
      const a2 = await post('1.a.i', a);
      await post('3.b', r[2]);
      const a3 = await post('1.a.i.x', a2);
      await post('1.a.i.x.deep', a3);
      await post('3.a.i', b);
      await post('5.a', r[4]);

      const oldest = await allComments(id);
      assert.equal(oldest.total, 13);
      assert.deepEqual(oldest.pages.map((p) => p.map((c) => c.body)), [
        ['root 1', '1.a', '1.a.i', '1.a.i.x', '1.a.i.x.deep', 'root 2'],
        ['root 3', '3.a', '3.a.i', '3.b', 'root 4'],
        ['root 5', '5.a'],
      ]);
      const newest = await allComments(id, '&sort=newest');
      assert.deepEqual(newest.pages.map((p) => p.map((c) => c.body)), [
        ['root 5', '5.a', 'root 4'],
        ['root 3', '3.a', '3.a.i', '3.b', 'root 2'],
        ['root 1', '1.a', '1.a.i', '1.a.i.x', '1.a.i.x.deep'],
      ]);
      for (const page of [...oldest.pages, ...newest.pages]) {
        const seen = new Set<string>();
        for (const c of page) {
          if (c.parent_id !== null) assert.ok(seen.has(c.parent_id), 'a reply never comes before its parent');
          seen.add(c.id);
        }
      }
      const st = await request(`${api}/statements/${id}`);
      assert.equal(st.json.comments.count, 13);
    });

    test('signatories: q, kind and cursor paging keep positions stable', async () => {
      const id = await statement();
      const people = [
        ['Ríos Libres', 'organization', 'Valparaíso, Chile'], ['Ana Pérez', 'individual', 'Lyon, France'],
        ['Lyon Kayak Club', 'organization', 'Lyon, France'], ['Bob Stone', 'individual', 'San Diego, California'],
        ['River Friends', 'organization', 'Washington DC'], ['川を守る会', 'organization', 'Kyoto, Japan'],
      ] as const;
      for (const [name, kind, location] of people) assert.equal((await sign(id, {name, kind, location})).status, 201);
      await sign(id, {name: 'Org Member', kind: 'individual', organization: 'Lyon Rowing'});
      const lyon = await allSignatories(id, '&q=lyon');
      assert.deepEqual(lyon.items.map((s) => [s.position, s.name]), [[2, 'Ana Pérez'], [3, 'Lyon Kayak Club'], [7, 'Org Member']]);
      assert.equal(lyon.total, 3);
      const orgs = await allSignatories(id, '&kind=organization');
      assert.deepEqual(orgs.items.map((s) => s.position), [1, 3, 5, 6]);
      assert.equal(orgs.total, 4);
      const both = await allSignatories(id, '&kind=individual&q=LYON');
      assert.deepEqual(both.items.map((s) => s.position), [2, 7]);
      assert.equal((await allSignatories(id, '&q=%E5%B7%9D')).items[0].name, '川を守る会');
      // Like the widgets' static mode: accents and case folded; role is searched too.
      assert.deepEqual((await allSignatories(id, '&q=RIOS')).items.map((s) => s.name), ['Ríos Libres']);
      assert.deepEqual((await allSignatories(id, `&q=${encodeURIComponent('pérez')}`)).items.map((s) => s.name), ['Ana Pérez']);
      await sign(id, {name: 'Role Holder', kind: 'individual', role: 'Hydrologist'});
      assert.deepEqual((await allSignatories(id, '&q=hydrolog')).items.map((s) => s.position), [8]);
      const kinds = await request(`${api}/statements/${id}/signatories?kind=organization&q=lyon`);
      assert.deepEqual(kinds.json.kinds, {organization: 4, individual: 4}, 'kinds counts the unfiltered list');
      const page1 = await request(`${api}/statements/${id}/signatories?limit=3`);
      assert.deepEqual(page1.json.items.map((s: any) => s.position), [1, 2, 3]);
      assert.equal(page1.json.total, 8);
      const page2 = await request(`${api}/statements/${id}/signatories?limit=3&cursor=${page1.json.next}`);
      assert.deepEqual(page2.json.items.map((s: any) => s.position), [4, 5, 6]);
      const page3 = await request(`${api}/statements/${id}/signatories?limit=3&cursor=${page2.json.next}`);
      assert.deepEqual(page3.json.items.map((s: any) => s.position), [7, 8]);
      assert.equal(page3.json.next, null);
      const capped = await request(`${api}/statements/${id}/signatories?limit=5000`);
      assert.equal(capped.status, 200);
    });

    test('pre-moderation: a new comment is pending until approved; hide and delete', async () => {
      const id = await statement({moderation: 'pre'});
      const res = await comment(id, {author: {name: 'Waiting', email: 'w@example.org'}, body: 'Please approve me'});
      assert.equal(res.status, 201);
      assert.equal(res.json.status, 'pending');
      const cid = res.json.comment.id;
      assert.equal((await request(`${api}/statements/${id}/comments`)).json.total, 0);
      assert.equal((await request(`${api}/statements/${id}`)).json.comments.count, 0);
      const reply = await comment(id, {author: {name: 'Early'}, body: 'reply', parent_id: cid});
      assert.equal(reply.status, 404, 'no replies to a comment the public cannot see');

      const pending = await admin(`${api}/admin/statements/${id}/pending`, 'GET');
      assert.equal(pending.status, 200);
      assert.deepEqual(pending.json.comments.map((c: any) => [c.id, c.author_email, c.status]), [[cid, 'w@example.org', 'pending']]);

      assert.equal((await admin(`${api}/admin/statements/${id}/comments/${cid}/approve`, 'POST')).status, 204);
      const visible = await request(`${api}/statements/${id}/comments`);
      assert.deepEqual(visible.json.items.map((c: any) => c.id), [cid]);
      assert.equal((await admin(`${api}/admin/statements/${id}/pending`, 'GET')).json.comments.length, 0);

      assert.equal((await admin(`${api}/admin/statements/${id}/comments/${cid}/hide`, 'POST')).status, 204);
      assert.equal((await request(`${api}/statements/${id}/comments`)).json.total, 0);
      assert.equal((await admin(`${api}/admin/statements/${id}/comments/${cid}`, 'DELETE')).status, 204);
      assert.equal((await admin(`${api}/admin/statements/${id}/comments/${cid}`, 'DELETE')).status, 404);

      const s = await sign(id, {name: 'Spam Inc', kind: 'organization'});
      const sid = s.json.signatory.id;
      assert.equal((await admin(`${api}/admin/statements/${id}/signatories/${sid}/hide`, 'POST')).status, 204);
      assert.equal((await request(`${api}/statements/${id}/signatories`)).json.total, 0);
      assert.equal((await admin(`${api}/admin/statements/${id}/signatories/${sid}/approve`, 'POST')).status, 204);
      assert.equal((await request(`${api}/statements/${id}/signatories`)).json.total, 1);
      assert.equal((await admin(`${api}/admin/statements/${id}/signatories/${sid}`, 'DELETE')).status, 204);
      assert.equal((await request(`${api}/statements/${id}`)).json.signatories.count, 0);
    });

    test('admin routes need the bearer token', async () => {
      const id = await statement();
      for (const [method, path] of [['GET', '/statements'], ['PUT', `/statements/${id}`], ['GET', `/statements/${id}/pending`],
        ['GET', `/statements/${id}/signatories.csv`], ['DELETE', `/statements/${id}/comments/c1`]] as const) {
        const none = await request(`${api}/admin${path}`, {method});
        assert.equal(none.status, 401, `${method} ${path}`);
        assert.equal(none.headers.get('content-type'), 'application/problem+json');
        const wrong = await request(`${api}/admin${path}`, {method, headers: {Authorization: 'Bearer wrong'}});
        assert.equal(wrong.status, 401);
      }
      const list = await admin(`${api}/admin/statements`, 'GET');
      assert.equal(list.status, 200);
      assert.ok(list.json.items.some((s: any) => s.id === id));
    });

    test('admin PUT creates and updates a statement, and validates it', async () => {
      const id = uniqueId();
      const doc = {title: 'First', kicker: 'Open letter', body: '<p>One</p>', image: {url: '/demo/hero.svg', alt: 'A river'},
        notes: [{label: 'Note', text: 'Hello', at: '2025-01-01T00:00:00Z'}], published_at: '2025-01-01T00:00:00Z',
        signatories: {open: true, goal: 50}, comments: {open: false}};
      const created = await admin(`${api}/admin/statements/${id}`, 'PUT', doc);
      assert.equal(created.status, 201);
      assert.equal(created.json.title, 'First');
      assert.equal(created.json.goal, 50);
      assert.equal(created.json.comments_open, false);
      assert.deepEqual(created.json.notes, [{label: 'Note', text: 'Hello', at: '2025-01-01T00:00:00.000Z'}]);
      // New statements confirm signatures by e-mail (issue 9 item 1): the form then asks for an address.
      assert.equal(created.json.confirmation, 'email');
      assert.deepEqual((await request(`${api}/statements/${id}`)).json.signatories,
        {count: 0, listed: 0, open: true, goal: 50, email_required: true, confirmation: 'email'});
      const updated = await admin(`${api}/admin/statements/${id}`, 'PUT', {...doc, title: 'Second', comments_open: true, moderation: 'pre'});
      assert.equal(updated.status, 200);
      assert.equal(updated.json.moderation, 'pre');
      const pub = await request(`${api}/statements/${id}`);
      assert.equal(pub.json.title, 'Second');
      assert.equal(pub.json.comments.open, true);
      const bad = await admin(`${api}/admin/statements/${id}`, 'PUT', {body: 5, image: {url: 'javascript:x'}, moderation: 'post', goal: -1});
      assert.equal(bad.status, 422);
      assert.deepEqual(Object.keys(bad.json.errors).sort(), ['body', 'goal', 'image.alt', 'image.url', 'moderation', 'title']);
      assert.equal((await admin(`${api}/admin/statements/bad%20id`, 'PUT', doc)).status, 422);
    });

    test('CSV export escapes cells and defuses formulas', async () => {
      const id = await statement();
      await sign(id, {name: '=HYPERLINK("http://evil.example","click")', kind: 'organization', email: 'a@example.org'});
      await sign(id, {name: 'Comma, "Quotes"', kind: 'individual', role: '+1 555', location: '@home',
        organization: '-minus', public: false});
      const res = await admin(`${api}/admin/statements/${id}/signatories.csv`, 'GET');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^text\/csv/);
      assert.match(res.headers.get('content-disposition')!, /attachment/);
      assert.deepEqual([...new Uint8Array(await (await fetch(`${api}/admin/statements/${id}/signatories.csv`,
        {headers: {Authorization: 'Bearer test-admin-token'}})).arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark');
      const lines = res.text.split('\r\n');
      assert.equal(lines[0], 'position,id,name,kind,organization,role,location,url,email,public,status,signed_at,verified');
      assert.match(lines[1]!, /^1,s_[\w-]+,"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)",organization,,,,,a@example\.org,true,published,/);
      assert.match(res.text, /\n2,s_[\w-]+,"Comma, ""Quotes""",individual,'-minus,'\+1 555,'@home,,,false,published,/);
      assert.equal((await admin(`${api}/admin/statements/nope/signatories.csv`, 'GET')).status, 404);
    });

    // Last: it restarts the server and the database under the other tests' feet.
    test('a restarted server has lost no acknowledged write', async () => {
      const id = await statement();
      const acked = await Promise.all(Array.from({length: 20}, (_, i) =>
        sign(id, {name: `Durable ${i}`, kind: 'individual'}, {'Idempotency-Key': `durable-${i}`})));
      const c = await comment(id, {author: {name: 'Durable'}, body: 'Still here?'});
      assert.deepEqual(acked.map((r) => r.status), Array(20).fill(201));
      await server.close();
      await store.close();

      store = await db.open();
      server = await serve(store);
      api = `${server.url}/v1`;
      const {items} = await allSignatories(id);
      assert.deepEqual(items.map((s) => s.id).sort(), acked.map((r) => r.json.signatory.id).sort());
      const thread = await request(`${api}/statements/${id}/comments`);
      assert.deepEqual(thread.json.items, [{...c.json.comment, replies: {count: 0, next: null}}]);
      // The idempotency keys survived too: a late retry replays, adds nothing.
      const retry = await sign(id, {name: 'Durable 3', kind: 'individual'}, {'Idempotency-Key': 'durable-3'});
      assert.equal(retry.text, acked[3]!.text);
      assert.equal((await store.allSignatories(id)).length, 20);
    });
  });
}

/** The root of `c`'s thread among `all` (walks up by parent_id). */
function threadRoot(all: {id: string; parent_id: string | null}[], c: {id: string; parent_id: string | null}): string {
  let at = c;
  while (at.parent_id !== null) at = all.find((x) => x.id === at.parent_id)!;
  return at.id;
}
