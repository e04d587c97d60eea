import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {RunningServer} from '../src/server.ts';
import type {Store} from '../src/store/store.ts';
import {ADMIN_TOKEN, admin, closeServer, openServer, postJson, request, uniqueId, type StoreFactory, newStatement} from './helpers.ts';

/** The publisher's API (docs/contract.md "Admin"): the console uses only these routes. */
export function adminSuite(label: string, factory: () => StoreFactory, skip: string | false = false): void {
  describe(`admin API on ${label}`, {skip}, () => {
    let db: StoreFactory;
    let store: Store;
    let server: RunningServer;
    let api: string;

    before(async () => void ({db, store, server, api} = await openServer(factory)));
    after(() => closeServer({server, store, db}));

    const statement = (settings: Record<string, unknown> = {}) => newStatement(api, settings);

    test('GET returns what PUT accepts: putting it back changes nothing', async () => {
      const id = await statement({kicker: 'Open letter', image: {url: '/demo/hero.svg', alt: 'A river', credit: 'Me'},
        notes: [{label: 'Update', text: 'Vote moved', at: '2025-05-01T10:00:00Z'}], goal: 100, moderation: 'pre',
        signatories: {open: false}, url: 'https://example.org/letter'});
      const got = await admin(`${api}/admin/statements/${id}`, 'GET');
      assert.equal(got.status, 200);
      assert.deepEqual(got.json, {
        id, title: `Statement ${id}`, kicker: 'Open letter', image: {url: '/demo/hero.svg', alt: 'A river', credit: 'Me'},
        notes: [{label: 'Update', text: 'Vote moved', at: '2025-05-01T10:00:00.000Z'}], body: '<p>Text</p>',
        url: 'https://example.org/letter', signatories_open: false, comments_open: true, moderation: 'pre',
        email_required: false, goal: 100, signing: 'open', allowed_domains: [],
        confirmation: 'none', language: 'en', mail_hourly_cap: 500,
      });
      const put = await admin(`${api}/admin/statements/${id}`, 'PUT', got.json);
      assert.equal(put.status, 200, put.text);
      assert.deepEqual(put.json, got.json);
    });

    test('PATCH changes only the fields sent; null removes an optional one', async () => {
      const id = await statement({summary: 'Short', goal: 10, notes: [{text: 'First'}]});
      const res = await admin(`${api}/admin/statements/${id}`, 'PATCH', {notes: [{text: 'First'}, {label: 'Update', text: 'Second'}], summary: null});
      assert.equal(res.status, 200, res.text);
      assert.equal(res.json.goal, 10);
      assert.equal(res.json.title, `Statement ${id}`);
      assert.equal(res.json.summary, undefined);
      assert.deepEqual(res.json.notes.map((n: {text: string}) => n.text), ['First', 'Second']);
      const bad = await admin(`${api}/admin/statements/${id}`, 'PATCH', {goal: -3});
      assert.equal(bad.status, 422);
      assert.equal((await admin(`${api}/admin/statements/${id}`, 'GET')).json.goal, 10, 'a rejected PATCH changes nothing');
      assert.equal((await admin(`${api}/admin/statements/nope-${id}`, 'PATCH', {goal: 3})).status, 404);
    });

    test('PUT refuses a body whose id is not the URL\'s', async () => {
      const res = await admin(`${api}/admin/statements/${uniqueId()}`, 'PUT', {id: 'other', title: 't', body: '<p>b</p>'});
      assert.equal(res.status, 422);
      assert.ok(res.json.errors.id);
    });

    test('DELETE removes a statement with its signatories and comments', async () => {
      const id = await statement();
      await postJson(`${api}/statements/${id}/signatories`, {name: 'A', kind: 'individual'});
      assert.equal((await admin(`${api}/admin/statements/${id}`, 'DELETE')).status, 204);
      assert.equal((await request(`${api}/statements/${id}`)).status, 404);
      assert.equal((await admin(`${api}/admin/statements/${id}`, 'DELETE')).status, 404);
      assert.ok(!(await admin(`${api}/admin/statements`, 'GET')).json.items.some((s: {id: string}) => s.id === id));
    });

    test('a signatory added by hand: also when signing is closed, once', async () => {
      const id = await statement({signatories_open: false, email_required: true});
      const res = await admin(`${api}/admin/statements/${id}/signatories`, 'POST', {name: 'Paper Signer', kind: 'individual', location: 'Lyon'});
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.signatory.name, 'Paper Signer');
      assert.equal(res.json.signatory.position, 1);
      const again = await admin(`${api}/admin/statements/${id}/signatories`, 'POST', {name: 'paper signer', kind: 'individual'});
      assert.equal(again.status, 409);
      assert.equal((await admin(`${api}/admin/statements/${id}/signatories`, 'POST', {kind: 'x'})).status, 422);
      assert.equal((await request(`${api}/statements/${id}/signatories`)).json.total, 1);
    });

    test('signatory import: a dry run writes nothing, bad rows are reported, a re-import adds none', async () => {
      const id = await statement();
      await postJson(`${api}/statements/${id}/signatories`, {name: 'Web Signer', kind: 'individual', email: 'web@example.org'});
      const rows = [
        ...Array.from({length: 5}, (_, i) => ({name: `Org ${i}`, kind: 'organization', location: 'Bolivia'})),
        {name: '', kind: 'organization'},
        {name: 'Same as web', kind: 'individual', email: 'WEB@example.org'},
      ];
      const dry = await admin(`${api}/admin/statements/${id}/signatories/import`, 'POST', {rows, dry_run: true});
      assert.equal(dry.status, 200, dry.text);
      assert.deepEqual([dry.json.added, dry.json.duplicates, dry.json.errors.map((e: {row: number}) => e.row)], [5, [6], [5]]);
      assert.ok(dry.json.errors[0].errors.name);
      assert.equal((await request(`${api}/statements/${id}/signatories`)).json.total, 1, 'nothing written');
      const real = await admin(`${api}/admin/statements/${id}/signatories/import`, 'POST', {rows});
      assert.equal(real.status, 201);
      assert.equal(real.json.added, 5);
      const again = await admin(`${api}/admin/statements/${id}/signatories/import`, 'POST', {rows});
      assert.deepEqual([again.json.added, again.json.duplicates], [0, [0, 1, 2, 3, 4, 6]]);
      const list = await request(`${api}/statements/${id}/signatories?limit=50`);
      assert.deepEqual(list.json.items.map((s: {position: number}) => s.position), [1, 2, 3, 4, 5, 6]);
    });

    test('comment import keeps threads and is idempotent', async () => {
      const id = await statement();
      const rows = [
        {import_key: 'disqus:3', parent_key: 'disqus:2', author: {name: 'C'}, body: 'Third', created_at: '2020-01-03T00:00:00Z'},
        {import_key: 'disqus:1', parent_key: null, author: {name: 'A', url: 'https://a.example'}, body: 'First', created_at: '2020-01-01T00:00:00Z'},
        {import_key: 'disqus:2', parent_key: 'disqus:1', author: {name: 'B'}, body: 'Second', created_at: '2020-01-02T00:00:00Z'},
        {import_key: 'disqus:4', author: {name: 'D'}, body: '', created_at: 'yesterday'},
      ];
      const res = await admin(`${api}/admin/statements/${id}/comments/import`, 'POST', {rows});
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.added, 3);
      assert.deepEqual(res.json.errors.map((e: {row: number; errors: object}) => [e.row, Object.keys(e.errors).sort()]), [[3, ['body', 'created_at']]]);
      const thread = (await request(`${api}/statements/${id}/comments`)).json.items;
      assert.deepEqual(thread.map((c: {body: string}) => c.body), ['First', 'Second', 'Third']);
      assert.equal(thread[1].parent_id, thread[0].id);
      assert.equal(thread[2].parent_id, thread[1].id);
      assert.equal(thread[0].created_at, '2020-01-01T00:00:00.000Z');
      const again = await admin(`${api}/admin/statements/${id}/comments/import`, 'POST', {rows});
      assert.equal(again.json.added, 0);
      assert.equal((await request(`${api}/statements/${id}/comments`)).json.total, 3);
    });

    test('the list counts items by status, and the queue spans statements newest first', async () => {
      const a = await statement({moderation: 'pre', goal: 5});
      const b = await statement({moderation: 'pre'});
      const first = await postJson(`${api}/statements/${a}/comments`, {author: {name: 'Ann', email: 'ann@example.org'}, body: 'Root'});
      await admin(`${api}/admin/statements/${a}/comments/${first.json.comment.id}/approve`, 'POST');
      await postJson(`${api}/statements/${a}/comments`, {author: {name: 'Bob'}, body: 'A reply', parent_id: first.json.comment.id});
      await postJson(`${api}/statements/${b}/comments`, {author: {name: 'Cy', email: 'cy@example.org'}, body: 'Elsewhere'});
      const list = await admin(`${api}/admin/statements`, 'GET');
      const row = list.json.items.find((s: {id: string}) => s.id === a);
      assert.deepEqual([row.goal, row.comments], [5, {published: 1, pending: 1, hidden: 0}]);
      assert.deepEqual(row.signatories, {published: 0, pending: 0, hidden: 0});

      const queue = await admin(`${api}/admin/queue?status=pending&kind=comment`, 'GET');
      const mine = queue.json.items.filter((i: {statement_id: string}) => i.statement_id === a || i.statement_id === b);
      assert.deepEqual(mine.map((i: {text: string}) => i.text), ['Elsewhere', 'A reply']);
      assert.equal(mine[0].email, 'cy@example.org');
      assert.equal(mine[0].statement_title, `Statement ${b}`);
      assert.deepEqual(mine[1].parent, {id: first.json.comment.id, author_name: 'Ann', body: 'Root'});
      const searched = await admin(`${api}/admin/queue?status=published&q=roo`, 'GET');
      assert.deepEqual(searched.json.items.map((i: {text: string}) => i.text), ['Root']);

      const items = mine.map((i: {statement_id: string; kind: string; id: string}) => ({statement_id: i.statement_id, kind: i.kind, id: i.id}));
      const hidden = await admin(`${api}/admin/moderation/status`, 'POST', {items, status: 'hidden'});
      assert.deepEqual(hidden.json.items.map((i: {previous: string}) => i.previous), ['pending', 'pending']);
      const undone = await admin(`${api}/admin/moderation/status`, 'POST', {items, status: 'pending'});
      assert.equal(undone.json.items.length, 2);
      const deleted = await admin(`${api}/admin/moderation/delete`, 'POST', {items});
      assert.equal(deleted.json.deleted, 2);
      assert.equal((await admin(`${api}/admin/moderation/status`, 'POST', {items: [{kind: 'x'}], status: 'hidden'})).status, 422);
    });

    test('export: the static document is what the public sees', async () => {
      const id = await statement();
      await postJson(`${api}/statements/${id}/signatories`, {name: 'Listed', kind: 'individual', email: 'l@example.org'});
      await postJson(`${api}/statements/${id}/signatories`, {name: 'Anonymous', kind: 'individual', public: false});
      await postJson(`${api}/statements/${id}/comments`, {author: {name: 'Ann', email: 'ann@example.org'}, body: 'Hi'});
      const res = await admin(`${api}/admin/statements/${id}/document.json`, 'GET');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-disposition')!, /attachment/);
      assert.equal(res.json.statement.id, id);
      assert.equal(res.json.statement.signatories.count, 2);
      assert.deepEqual(res.json.signatories.map((s: {name: string}) => s.name), ['Listed']);
      assert.deepEqual(res.json.comments.map((c: {body: string}) => c.body), ['Hi']);
      assert.doesNotMatch(res.text, /@example\.org/, 'no e-mail address leaves in a public document');
    });

    describe('console sessions', () => {
      const origin = () => server.url;
      async function signIn(): Promise<{cookie: string; csrf: string}> {
        const res = await postJson(`${api}/admin/session`, {token: ADMIN_TOKEN});
        assert.equal(res.status, 201, res.text);
        const setCookie = res.headers.get('set-cookie')!;
        assert.match(setCookie, /HttpOnly/i);
        assert.match(setCookie, /SameSite=Strict/i);
        assert.doesNotMatch(setCookie, /Secure/i, 'not Secure over plain http');
        return {cookie: setCookie.split(';')[0]!, csrf: res.json.csrf_token};
      }

      test('a session reads with its cookie and writes only from its own origin with the CSRF token', async () => {
        const {cookie, csrf} = await signIn();
        assert.equal((await request(`${api}/admin/statements`, {headers: {cookie}})).status, 200);
        const write = (headers: Record<string, string>) => request(`${api}/admin/statements/${uniqueId()}`, {
          method: 'PUT', headers: {cookie, 'Content-Type': 'application/json', ...headers},
          body: JSON.stringify({title: 't', body: '<p>b</p>'}),
        });
        assert.equal((await write({'X-CSRF-Token': csrf})).status, 403, 'no Origin');
        assert.equal((await write({Origin: 'http://127.0.0.1:1', 'X-CSRF-Token': csrf})).status, 403, 'another port of the same host');
        assert.equal((await write({Origin: origin()})).status, 403, 'no CSRF token');
        assert.equal((await write({Origin: origin(), 'X-CSRF-Token': 'wrong'})).status, 403);
        assert.equal((await write({Origin: origin(), 'X-CSRF-Token': csrf})).status, 201);
        const current = await request(`${api}/admin/session`, {headers: {cookie}});
        assert.equal(current.json.csrf_token, csrf);
      });

      test('sign-out ends the session on the server', async () => {
        const {cookie, csrf} = await signIn();
        const out = await request(`${api}/admin/session`, {method: 'DELETE', headers: {cookie, Origin: origin(), 'X-CSRF-Token': csrf}});
        assert.equal(out.status, 204);
        assert.match(out.headers.get('set-cookie')!, /Max-Age=0/i);
        assert.equal((await request(`${api}/admin/statements`, {headers: {cookie}})).status, 401, 'the old cookie is dead');
      });

      // Last: it uses up this address's tries.
      test('wrong tokens are rate-limited', async () => {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) statuses.push((await postJson(`${api}/admin/session`, {token: `wrong-${i}`})).status);
        assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
        assert.deepEqual(statuses.slice(10), [429, 429]);
        const right = await postJson(`${api}/admin/session`, {token: ADMIN_TOKEN});
        assert.equal(right.status, 429, 'not even the right token gets through while blocked');
        assert.ok(Number(right.headers.get('retry-after')) >= 1);
      });
    });
  });
}
