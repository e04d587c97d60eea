import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import type {RunningServer} from '../src/server.ts';
import type {Store} from '../src/store/store.ts';
import {closeServer, newStatement, openServer, postJson, request, type StoreFactory} from './helpers.ts';

/**
 * A signatories page read, then a write, then the page again: it shows the
 * write at once (PGlite keeps pages in memory, server/src/store/cached-store.ts).
 */
export function pageCacheSuite(label: string, factory: () => StoreFactory): void {
  describe(`signatories pages after each kind of write on ${label}`, () => {
    let db: StoreFactory;
    let store: Store;
    let server: RunningServer;
    let api: string;
    before(async () => void ({db, store, server, api} = await openServer(factory)));
    after(async () => closeServer({server, store, db}));

    const page = async (id: string, query = '') => {
      const res = await request(`${api}/statements/${id}/signatories?limit=10${query}`);
      assert.equal(res.status, 200, res.text);
      return {total: res.json.total as number, kinds: res.json.kinds, names: (res.json.items as {name: string}[]).map((s) => s.name),
        items: res.json.items as {id: string; name: string; verified?: {domain: string}}[]};
    };
    const sign = async (id: string, name: string, extra: Record<string, unknown> = {}) => {
      const res = await postJson(`${api}/statements/${id}/signatories`, {name, kind: 'individual', ...extra});
      assert.equal(res.status, 201, res.text);
      return res.json.signatory.id as string;
    };
    /** A statement with Ann and Bo signed, its pages read once (and so kept). */
    const signed = async (settings: Record<string, unknown> = {}) => {
      const id = await newStatement(api, settings);
      const ids = [await sign(id, 'Ann'), await sign(id, 'Bo')];
      assert.deepEqual((await page(id)).names, ['Ann', 'Bo']);
      assert.deepEqual((await page(id, '&kind=individual')).names, ['Ann', 'Bo']);
      assert.deepEqual((await page(id, '&q=bo')).names, ['Bo']);
      return {id, ids};
    };

    test('a signature, a hide and an approval, a delete', async () => {
      const {id, ids} = await signed();
      await sign(id, 'Cy Bo');
      assert.deepEqual((await page(id)).names, ['Ann', 'Bo', 'Cy Bo']);
      assert.equal((await page(id, '&q=bo')).total, 2);
      await store.moderate(id, 'signatory', ids[0]!, 'hide');
      const hidden = await page(id);
      assert.deepEqual([hidden.names, hidden.total, hidden.kinds.individual], [['Bo', 'Cy Bo'], 2, 2]);
      await store.moderate(id, 'signatory', ids[0]!, 'approve');
      assert.deepEqual((await page(id)).names, ['Ann', 'Bo', 'Cy Bo']);
      await store.remove(id, 'signatory', ids[1]!);
      assert.deepEqual((await page(id, '&kind=individual')).names, ['Ann', 'Cy Bo']);
    });

    test('the console\'s bulk status and delete, verification, an import', async () => {
      const {id, ids} = await signed();
      await store.setStatus([{statement_id: id, kind: 'signatory', id: ids[1]!}], 'hidden');
      assert.deepEqual((await page(id)).names, ['Ann']);
      await store.setVerified(id, ids[0]!, 'ann.example');
      assert.equal((await page(id)).items[0]!.verified?.domain, 'ann.example');
      await store.removeItems([{statement_id: id, kind: 'signatory', id: ids[0]!}]);
      assert.equal((await page(id)).total, 0);
      await store.addSignatories(id, [{import_key: 'k1', name: 'Dee Org', kind: 'organization', public: true}], false);
      const imported = await page(id);
      assert.deepEqual([imported.names, imported.kinds.organization], [['Dee Org'], 1]);
    });

    test('a deleted statement is gone; loaded again, it shows its new list', async () => {
      const {id} = await signed();
      assert.equal(await store.deleteStatement(id), true);
      assert.equal((await request(`${api}/statements/${id}/signatories?limit=10`)).status, 404);
      const input = {
        id, content: {title: 'Again', body: '<p>Text</p>'}, signatories_open: true, comments_open: true, moderation: 'none' as const,
        email_required: false, goal: null, signing: 'open' as const, allowed_domains: [], confirmation: 'none' as const,
        language: 'en' as const, mail_hourly_cap: 100,
      };
      await store.importDocument(input, {signatories: [], comments: []});
      assert.deepEqual((await page(id)).names, []);
      await store.addSignatories(id, [{import_key: 'k2', name: 'Eve', kind: 'individual', public: true}], false);
      assert.deepEqual((await page(id)).names, ['Eve']);
    });

    test('following a confirmation link and a withdrawal link', async () => {
      const id = await newStatement(api, {confirmation: 'email', url: 'https://letters.example/x'});
      assert.equal((await page(id)).total, 0);
      await sign(id, 'Fay', {email: 'fay@example.org'});
      assert.equal((await page(id)).total, 0);
      const [mail] = await store.claimMail('test', 10, 60_000);
      const token = (link: string) => new RegExp(`/${link}/([\\w-]+)`).exec(mail!.body)![1]!;
      assert.equal((await store.confirmSignature(token('confirm'))).outcome, 'done');
      assert.deepEqual((await page(id)).names, ['Fay']);
      assert.equal((await store.withdrawSignature(token('withdraw'))).outcome, 'done');
      assert.deepEqual([(await page(id)).names, (await page(id)).total], [[], 0]);
    });
  });
}
