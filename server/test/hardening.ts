import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {INLINE_REPLIES, LIMITS} from '../../src/contract/index.ts';
import {admin, postJson, request, serve, serverPerSuite, uniqueId, type StoreFactory, newStatement} from './helpers.ts';

/**
 * Issue 12's attacks, each a regression test, on one store: pglite.test.ts
 * and postgres.test.ts run it on each database beside the contract suite.
 */
export function hardeningSuite(label: string, factory: () => StoreFactory, skip: string | false = false): void {
  describe(`hardening on ${label}`, {skip}, () => {
    const ctx = serverPerSuite(factory);

    const statement = (settings: Record<string, unknown> = {}) => newStatement(ctx.api, settings);

    const sign = (id: string, body: Record<string, unknown>) => postJson(`${ctx.api}/statements/${id}/signatories`, body);
    const comment = (id: string, body: Record<string, unknown>) => postJson(`${ctx.api}/statements/${id}/comments`, body);

    test('text follows the shared rules: code points, a dotted e-mail domain, no controls, something visible', async () => {
      const id = await statement();
      const refused: [Record<string, unknown>, string][] = [
        [{name: '😀'.repeat(201), kind: 'individual'}, 'name'],
        [{name: 'Ana', kind: 'individual', email: 'ana@example'}, 'email'],
        [{name: 'Eve\u001b[2J\u0007', kind: 'individual'}, 'name'],
        [{name: 'Eve', kind: 'individual', location: 'x\u009by'}, 'location'],
        [{name: '\u200b\u200d\u202e', kind: 'individual'}, 'name'],
        [{name: '\u2066\u2069\u3164', kind: 'individual'}, 'name'],
        [{name: 'Two\nlines', kind: 'individual'}, 'name'],
      ];
      for (const [body, field] of refused) {
        const res = await sign(id, body);
        assert.equal(res.status, 422, JSON.stringify(body));
        assert.deepEqual(Object.keys(res.json.errors), [field], JSON.stringify(body));
      }
      assert.equal((await sign(id, {name: '😀'.repeat(200), kind: 'individual', email: 'ana@example.org'})).status, 201);
      const ok = await comment(id, {author: {name: 'Ana'}, body: 'Two\r\nlines'});
      assert.equal(ok.status, 201);
      assert.equal(ok.json.comment.body, 'Two\nlines');
      const bell = await comment(id, {author: {name: 'Ana'}, body: 'ding\u0007'});
      assert.deepEqual(Object.keys(bell.json.errors), ['body']);
      const blank = await comment(id, {author: {name: '\u200b'}, body: '\u200b\n\u200b'});
      assert.deepEqual(Object.keys(blank.json.errors).sort(), ['author.name', 'body']);
      assert.equal((await ctx.store.allSignatories(id)).length, 1);
    });

    test('a search finds a signatory when each word matches some field', async () => {
      const id = await statement();
      await sign(id, {name: 'Tomás Ito', kind: 'individual', location: 'Kyoto'});
      await sign(id, {name: 'Tomas Berg', kind: 'individual', location: 'Oslo'});
      const names = async (q: string) =>
        (await request(`${ctx.api}/statements/${id}/signatories?q=${encodeURIComponent(q)}`)).json.items.map((s: {name: string}) => s.name);
      assert.deepEqual(await names('tomas kyoto'), ['Tomás Ito']);
      assert.deepEqual(await names('  KYOTO  tomas '), ['Tomás Ito']);
      assert.deepEqual(await names('tomas'), ['Tomás Ito', 'Tomas Berg']);
      assert.deepEqual(await names('tomas lima'), []);
      const res = await request(`${ctx.api}/statements/${id}/signatories?q=tomas%20kyoto`);
      assert.equal(res.json.total, 1);
    });

    test('a bot on a closed statement gets exactly what a person gets', async () => {
      const id = await statement({signatories_open: false, comments_open: false});
      const person = await sign(id, {name: 'Late', kind: 'organization'});
      const bot = await sign(id, {name: 'Late', kind: 'organization', website: 'http://spam.example'});
      assert.equal(person.status, 403);
      assert.equal(bot.status, person.status);
      assert.equal(bot.text, person.text);
      const personComment = await comment(id, {author: {name: 'Late'}, body: 'x'});
      const botComment = await comment(id, {author: {name: 'Late'}, body: 'x', website: 'x'});
      assert.equal(botComment.status, 403);
      assert.equal(botComment.text, personComment.text);
    });

    test('a bot gets a person\'s answer to a reply to a missing comment, to a moderated statement, and keeps nothing', async () => {
      const id = await statement({moderation: 'pre'});
      const reply = {author: {name: 'A'}, body: 'x', parent_id: 'c_missing'};
      const person = await comment(id, reply);
      const bot = await comment(id, {...reply, website: 'x'});
      assert.equal(person.status, 404);
      assert.equal(bot.text, person.text);
      const pending = await comment(id, {author: {name: 'Bot'}, body: 'Buy now', website: 'x'});
      assert.equal(pending.status, 201);
      assert.equal(pending.json.status, 'pending');
      assert.deepEqual(Object.keys(pending.json.comment).sort(), ['author', 'body', 'created_at', 'id', 'parent_id']);
      const signed = await sign(id, {name: 'Bot', kind: 'organization', website: 'x'});
      assert.equal(signed.json.signatory.position, 1);
      assert.equal((await ctx.store.allSignatories(id)).length, 0);
      assert.equal((await admin(`${ctx.api}/admin/statements/${id}/pending`, 'GET')).json.comments.length, 0);
    });

    test('an image url must stay on the site: /\\evil.example and //evil.example are refused', async () => {
      for (const url of ['/\\evil.example/x.png', '//evil.example/x.png', '/\t/evil.example/x.png', '\\\\evil.example/x.png']) {
        const res = await admin(`${ctx.api}/admin/statements/${uniqueId()}`, 'PUT', {title: 't', body: '<p>b</p>', image: {url, alt: ''}});
        assert.equal(res.status, 422, url);
        assert.ok(res.json.errors['image.url'], url);
      }
      const ok = await admin(`${ctx.api}/admin/statements/${uniqueId()}`, 'PUT', {title: 't', body: '<p>b</p>', image: {url: '/demo/hero.svg', alt: ''}});
      assert.equal(ok.status, 201);
    });

    test('a statement body past the shared tag cap is refused; one at the cap is stored', async () => {
      const links = (n: number) => `<p>${'<a href="https://example.org/">x</a> '.repeat(n - 1)}</p>`;
      const over = await admin(`${ctx.api}/admin/statements/${uniqueId()}`, 'PUT', {title: 't', body: links(LIMITS.statementBodyTags + 1)});
      assert.equal(over.status, 422);
      assert.match(over.json.errors.body, /At most 2000 tags/);
      const id = uniqueId();
      const atCap = await admin(`${ctx.api}/admin/statements/${id}`, 'PUT', {title: 't', body: links(LIMITS.statementBodyTags)});
      assert.equal(atCap.status, 201, atCap.text);
      assert.equal((await request(`${ctx.api}/statements/${id}`)).json.body.match(/<a /g).length, LIMITS.statementBodyTags - 1);
    });

    test('a preflight without Origin is answered, not a 500, when origins are listed', async () => {
      const strict = await serve(ctx.store, {allowedOrigins: ['https://site.example']});
      try {
        const res = await request(`${strict.url}/v1/statements/x/signatories`, {
          method: 'OPTIONS', headers: {'Access-Control-Request-Method': 'POST'},
        });
        assert.equal(res.status, 204);
        assert.equal(res.headers.get('access-control-allow-origin'), null);
        assert.match(res.headers.get('allow')!, /POST/);
      } finally {
        await strict.close();
      }
    });

    test('NUL and out-of-range values in ids, queries and cursors are a 404 or 422, never a 500', async () => {
      const id = await statement();
      await comment(id, {author: {name: 'Ana'}, body: 'Root'});
      const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const urls: [string, number][] = [
        [`${ctx.api}/statements/a%00b`, 404],
        [`${ctx.api}/statements/a%00b/comments`, 404],
        [`${ctx.api}/statements/${id}/signatories?q=a%00b`, 422],
        [`${ctx.api}/statements/${id}/signatories?cursor=${enc({p: 2 ** 31})}`, 422],
        [`${ctx.api}/statements/${id}/comments?cursor=${enc({t: '+010000-01-01T00:00:00.000Z', i: 'c_x'})}`, 422],
        [`${ctx.api}/statements/${id}/comments?cursor=${enc({t: '2025-01-01T00:00:00.000Z', i: 'c\u0000x'})}`, 422],
      ];
      for (const [url, status] of urls) assert.equal((await request(url)).status, status, url);
      const reply = await comment(id, {author: {name: 'Ana'}, body: 'x', parent_id: 'c\u0000x'});
      assert.equal(reply.status, 422);
    });

    test('behind TRUST_PROXY only a well-formed address is a client: junk X-Forwarded-For values share the peer\'s bucket', async () => {
      const id = await statement();
      const limited = await serve(ctx.store, {rateLimit: 2, trustProxy: 1});
      try {
        const statuses: number[] = [];
        for (const xff of ['x'.repeat(8000), 'not-an-ip', '999.1.1.1', 'junk-3']) {
          const res = await postJson(`${limited.url}/v1/statements/${id}/signatories`, {name: 'Ana', kind: 'individual'},
            {'X-Forwarded-For': xff});
          statuses.push(res.status);
        }
        assert.deepEqual(statuses, [201, 201, 429, 429]);
        const real = await postJson(`${limited.url}/v1/statements/${id}/signatories`, {name: 'Bo', kind: 'individual'},
          {'X-Forwarded-For': '203.0.113.9'});
        assert.equal(real.status, 201);
      } finally {
        await limited.close();
      }
    });

    test('an Idempotency-Key is forgotten after 24 hours', async () => {
      const id = await statement();
      const headers = {'Idempotency-Key': `k-${uniqueId()}`};
      const url = `${ctx.api}/statements/${id}/signatories`;
      assert.equal((await postJson(url, {name: 'Ana', kind: 'individual'}, headers)).status, 201);
      assert.equal((await postJson(url, {name: 'Other', kind: 'individual'}, headers)).status, 422);
      assert.equal(await ctx.store.pruneIdempotencyKeys(new Date(Date.now() + 23 * 3600_000)), 0);
      assert.ok((await ctx.store.pruneIdempotencyKeys(new Date(Date.now() + 25 * 3600_000))) >= 1);
      const again = await postJson(url, {name: 'Other', kind: 'individual'}, headers);
      assert.equal(again.status, 201);
      assert.equal(again.json.signatory.name, 'Other');
    });

    test('a deep reply chain is capped at depth 8, pages stay bounded, and the thread continues in order', async () => {
      const id = await statement();
      const root = (await comment(id, {author: {name: 'Root'}, body: 'Root'})).json.comment;
      const chain: {id: string; parent_id: string}[] = [];
      let parent = root.id as string;
      for (let i = 1; i <= 30; i++) {
        const res = await comment(id, {author: {name: `R${i}`}, body: `Reply ${i}`, parent_id: parent});
        assert.equal(res.status, 201, res.text);
        chain.push(res.json.comment);
        parent = res.json.comment.id;
      }
      // Depth d = i until 8; a reply to a depth-8 comment attaches under its parent, at depth 8.
      assert.equal(chain[7]!.parent_id, chain[6]!.id);
      assert.equal(chain[8]!.parent_id, chain[6]!.id);
      assert.equal(chain[29]!.parent_id, chain[6]!.id);
      const st = await request(`${ctx.api}/statements/${id}`);
      assert.equal(st.json.comments.count, 31);
      const page = await request(`${ctx.api}/statements/${id}/comments?limit=1`);
      assert.equal(page.json.items.length, 1 + INLINE_REPLIES);
      assert.deepEqual(page.json.items[0].replies.count, 30);
      const seen = page.json.items.slice(1).map((c: {id: string}) => c.id);
      let next = page.json.items[0].replies.next as string | null;
      while (next) {
        const more = await request(`${ctx.api}/statements/${id}/comments?thread=${root.id}&limit=7&cursor=${next}`);
        assert.equal(more.status, 200, more.text);
        assert.equal(more.json.total, 30);
        assert.ok(more.json.items.length <= 7);
        seen.push(...more.json.items.map((c: {id: string}) => c.id));
        next = more.json.next;
      }
      // Thread order: depth-first, oldest first within a parent, so the chain's own order.
      assert.deepEqual(seen, chain.map((c) => c.id));
      assert.equal((await request(`${ctx.api}/statements/${id}/comments?thread=nope`)).status, 404);
      assert.equal((await request(`${ctx.api}/statements/${id}/comments?thread=${root.id}&cursor=abc`)).status, 422);
    });

    test('hiding a reply hides its subtree from pages and counts; approving brings it back', async () => {
      const id = await statement();
      const root = (await comment(id, {author: {name: 'Root'}, body: 'Root'})).json.comment;
      const a = (await comment(id, {author: {name: 'A'}, body: 'A', parent_id: root.id})).json.comment;
      const a1 = (await comment(id, {author: {name: 'A1'}, body: 'A1', parent_id: a.id})).json.comment;
      await comment(id, {author: {name: 'A2'}, body: 'A2', parent_id: a1.id});
      await comment(id, {author: {name: 'B'}, body: 'B', parent_id: root.id});
      const view = async () => {
        const [st, page] = await Promise.all([request(`${ctx.api}/statements/${id}`), request(`${ctx.api}/statements/${id}/comments`)]);
        return {count: st.json.comments.count, total: page.json.total, replies: page.json.items[0].replies.count,
          bodies: page.json.items.map((c: {body: string}) => c.body)};
      };
      assert.deepEqual(await view(), {count: 5, total: 5, replies: 4, bodies: ['Root', 'A', 'A1', 'A2', 'B']});
      assert.ok(await ctx.store.moderate(id, 'comment', a.id, 'hide'));
      assert.deepEqual(await view(), {count: 2, total: 2, replies: 1, bodies: ['Root', 'B']});
      assert.ok(await ctx.store.moderate(id, 'comment', a.id, 'approve'));
      assert.deepEqual(await view(), {count: 5, total: 5, replies: 4, bodies: ['Root', 'A', 'A1', 'A2', 'B']});
      assert.ok(await ctx.store.remove(id, 'comment', a1.id));
      assert.deepEqual(await view(), {count: 3, total: 3, replies: 2, bodies: ['Root', 'A', 'B']});
    });
  });
}
