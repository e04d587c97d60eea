import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {admin, postJson, request, serverPerSuite, uniqueId, type StoreFactory} from './helpers.ts';

/** Issue 9 items 4 and 5: verified organisations, invitation-only and domain-restricted signing. */
export function orgsSuite(label: string, factory: () => StoreFactory, skip: string | false = false): void {
  describe(`verified organisations and restricted signing on ${label}`, {skip}, () => {
    const ctx = serverPerSuite(factory);

    async function statement(fields: Record<string, unknown> = {}): Promise<string> {
      const id = uniqueId();
      const res = await admin(`${ctx.api}/admin/statements/${id}`, 'PUT', {title: `Statement ${id}`, body: '<p>Text</p>', ...fields});
      assert.equal(res.status, 201, res.text);
      return id;
    }

    async function listed(id: string): Promise<{name: string; verified?: {domain: string}}[]> {
      const res = await request(`${ctx.api}/statements/${id}/signatories?limit=50`);
      assert.equal(res.status, 200, res.text);
      return res.json.items;
    }

    const verify = (id: string, item: string, body: unknown = {}) =>
      admin(`${ctx.api}/admin/statements/${id}/signatories/${item}/verified`, 'PUT', body);

    test('the publisher marks a signatory verified by hand, and unmarks it', async () => {
      const id = await statement();
      const org = await postJson(`${ctx.api}/statements/${id}/signatories`,
        {name: 'Wren River Keepers', kind: 'organization', url: 'https://www.riverkeepers.org/about'});
      assert.equal(org.status, 201, org.text);
      assert.equal(org.json.signatory.verified, undefined, 'not verified when signing');
      const item = org.json.signatory.id as string;
      assert.deepEqual((await listed(id))[0]!.verified, undefined, 'absent when not verified');

      const byUrl = await verify(id, item);
      assert.equal(byUrl.status, 200, byUrl.text);
      assert.deepEqual(byUrl.json.signatory.verified, {domain: 'riverkeepers.org'}, 'by default the registrable domain of its url');
      assert.deepEqual((await listed(id))[0]!.verified, {domain: 'riverkeepers.org'});

      const given = await verify(id, item, {domain: 'RiverKeepers.ORG.'});
      assert.deepEqual(given.json.signatory.verified, {domain: 'riverkeepers.org'}, 'a given domain, normalised');

      const doc = await admin(`${ctx.api}/admin/statements/${id}/document.json`, 'GET');
      assert.deepEqual(doc.json.signatories[0].verified, {domain: 'riverkeepers.org'}, 'the static document keeps it');
      const csv = await admin(`${ctx.api}/admin/statements/${id}/signatories.csv`, 'GET');
      assert.match(csv.text.trim().split('\r\n')[1]!, /,riverkeepers\.org$/);

      const removed = await admin(`${ctx.api}/admin/statements/${id}/signatories/${item}/verified`, 'DELETE');
      assert.equal(removed.status, 204);
      assert.equal((await listed(id))[0]!.verified, undefined);
    });

    test('hand verification refuses what is no domain, and unknown signatories', async () => {
      const id = await statement();
      const person = await postJson(`${ctx.api}/statements/${id}/signatories`, {name: 'Ana', kind: 'individual'});
      const item = person.json.signatory.id as string;
      const noSite = await verify(id, item);
      assert.equal(noSite.status, 422, 'no url to take the domain from');
      assert.ok(noSite.json.errors.domain);
      for (const domain of ['co.uk', '192.0.2.1', 'not a domain', 42]) {
        const bad = await verify(id, item, {domain});
        assert.equal(bad.status, 422, String(domain));
        assert.ok(bad.json.errors.domain);
      }
      assert.equal((await verify(id, 's_nobody', {domain: 'riverkeepers.org'})).status, 404);
      assert.equal((await admin(`${ctx.api}/admin/statements/${id}/signatories/s_nobody/verified`, 'DELETE')).status, 404);
      assert.equal((await verify(`nope-${id}`, item, {domain: 'riverkeepers.org'})).status, 404);
      const anonymous = await request(`${ctx.api}/admin/statements/${id}/signatories/${item}/verified`,
        {method: 'PUT', headers: {'Content-Type': 'application/json'}, body: '{"domain": "riverkeepers.org"}'});
      assert.equal(anonymous.status, 401, 'admin only');
      assert.equal((await listed(id))[0]!.verified, undefined);
    });

    test('a signature cannot claim to be verified', async () => {
      const id = await statement();
      const res = await postJson(`${ctx.api}/statements/${id}/signatories`,
        {name: 'Amnesty International', kind: 'organization', url: 'https://www.amnesty.org', verified: {domain: 'amnesty.org'}});
      assert.equal(res.status, 201, res.text);
      assert.equal(res.json.signatory.verified, undefined);
      assert.equal((await listed(id))[0]!.verified, undefined);
    });
  });
}
