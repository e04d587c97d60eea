import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {admin, postJson, request, serverPerSuite, uniqueId, type StoreFactory, newStatement} from './helpers.ts';

/** Issue 9 items 4 and 5: verified organisations, invitation-only and domain-restricted signing. */
export function orgsSuite(label: string, factory: () => StoreFactory, skip: string | false = false): void {
  describe(`verified organisations and restricted signing on ${label}`, {skip}, () => {
    const ctx = serverPerSuite(factory);

    const statement = (settings: Record<string, unknown> = {}) => newStatement(ctx.api, settings);

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

    const sign = (id: string, body: Record<string, unknown>) => postJson(`${ctx.api}/statements/${id}/signatories`, body);
    const invite = (id: string, body: unknown) => admin(`${ctx.api}/admin/statements/${id}/invitations`, 'POST', body);

    test('invitation-only: each token lets exactly one signature through; forged, reused, withdrawn and other-statement tokens are refused', async () => {
      const id = await statement({signing: 'invite', url: 'https://letters.example/wren?lang=en'});
      const other = await statement({signing: 'invite'});
      assert.equal((await request(`${ctx.api}/statements/${id}`)).json.signatories.signing, 'invite', 'the statement says how signing works');
      const made = await invite(id, {count: 3});
      assert.equal(made.status, 201, made.text);
      const [a, b, c] = made.json.invitations as {id: string; token: string; link: string; email: null}[];
      assert.equal(new URL(a!.link).searchParams.get('invite'), a!.token, 'a link to the statement’s page with ?invite=');
      assert.equal(new URL(a!.link).searchParams.get('lang'), 'en');
      const theirs = (await invite(other, {count: 1})).json.invitations[0].token as string;

      const refused = async (body: Record<string, unknown>, what: RegExp) => {
        const res = await sign(id, {name: 'Someone', kind: 'individual', ...body});
        assert.equal(res.status, 422, res.text);
        assert.match(res.json.errors.invite, what);
      };
      await refused({}, /Required/);
      await refused({invite: 'forged-token-forged-token-forged'}, /not valid/);
      await refused({invite: theirs}, /not valid/);

      const first = await sign(id, {name: 'Invited', kind: 'individual', invite: a!.token});
      assert.equal(first.status, 201, first.text);
      await refused({invite: a!.token}, /used/);

      // Two people race with one token: one signature gets through.
      const race = await Promise.all([1, 2].map((n) => sign(id, {name: `Racer ${n}`, kind: 'individual', invite: b!.token})));
      assert.deepEqual(race.map((r) => r.status).sort(), [201, 422]);

      assert.equal((await admin(`${ctx.api}/admin/statements/${id}/invitations/${c!.id}`, 'DELETE')).status, 204);
      await refused({invite: c!.token}, /withdrawn/);
      assert.equal((await admin(`${ctx.api}/admin/statements/${id}/invitations/${a!.id}`, 'DELETE')).status, 409, 'a used one stays used');
      assert.equal((await admin(`${ctx.api}/admin/statements/${id}/invitations/i_nobody`, 'DELETE')).status, 404);

      const listing = await admin(`${ctx.api}/admin/statements/${id}/invitations`, 'GET');
      assert.equal(listing.status, 200, listing.text);
      assert.deepEqual(listing.json.counts, {unused: 0, used: 2, revoked: 1});
      const byId = new Map(listing.json.items.map((i: {id: string}) => [i.id, i]));
      assert.deepEqual((byId.get(a!.id) as {signatory: unknown}).signatory, {id: first.json.signatory.id, name: 'Invited'}, 'who signed');
      assert.equal((byId.get(c!.id) as {status: string}).status, 'revoked');
      assert.ok(!listing.text.includes(a!.token), 'tokens are shown once, never listed');
      const total = (await request(`${ctx.api}/statements/${id}`)).json.signatories.count;
      assert.equal(total, 2);
    });

    test('invitations for e-mail addresses, and what a request may ask', async () => {
      const id = await statement({signing: 'invite'});
      const made = await invite(id, {emails: ['ana@riverkeepers.org', ' bo@example.org ', 'ana@riverkeepers.org']});
      assert.equal(made.status, 201, made.text);
      assert.deepEqual(made.json.invitations.map((i: {email: string}) => i.email), ['ana@riverkeepers.org', 'bo@example.org']);
      assert.equal(made.json.invitations[0].link, undefined, 'no link without the statement’s url');
      for (const bad of [{emails: ['not-an-address']}, {emails: []}, {count: 0}, {count: 1001}, {}]) {
        assert.equal((await invite(id, bad)).status, 422, JSON.stringify(bad));
      }
      assert.equal((await invite(`nope-${id}`, {count: 1})).status, 404);
      const listing = await admin(`${ctx.api}/admin/statements/${id}/invitations?limit=1`, 'GET');
      assert.equal(listing.json.items.length, 1);
      const rest = await admin(`${ctx.api}/admin/statements/${id}/invitations?limit=1&after=${encodeURIComponent(listing.json.next)}`, 'GET');
      assert.equal(rest.json.items.length, 1);
      assert.notEqual(rest.json.items[0].id, listing.json.items[0].id);
    });

    test('an open statement ignores an invite token', async () => {
      const id = await statement();
      const res = await sign(id, {name: 'Ana', kind: 'individual', invite: 'whatever'});
      assert.equal(res.status, 201, res.text);
    });

    test('domain-restricted signing: only addresses at the listed domains', async () => {
      assert.equal((await admin(`${ctx.api}/admin/statements/${uniqueId()}`, 'PUT',
        {title: 't', body: '<p>b</p>', signing: 'domains'})).status, 422, 'needs a domain');
      const bad = await admin(`${ctx.api}/admin/statements/${uniqueId()}`, 'PUT',
        {title: 't', body: '<p>b</p>', signing: 'domains', allowed_domains: ['co.uk']});
      assert.equal(bad.status, 422);
      assert.ok(bad.json.errors.allowed_domains);
      const id = await statement({signing: 'domains', allowed_domains: ['RiverKeepers.org', 'bbc.co.uk']});
      const wire = (await request(`${ctx.api}/statements/${id}`)).json.signatories;
      assert.equal(wire.signing, 'domains');
      assert.deepEqual(wire.allowed_domains, ['riverkeepers.org', 'bbc.co.uk']);

      const noMail = await sign(id, {name: 'Ana', kind: 'individual'});
      assert.equal(noMail.status, 422);
      assert.ok(noMail.json.errors.email);
      for (const email of ['press@evil-riverkeepers.org', 'press@riverkeepers.org.evil.com', 'a@other.co.uk']) {
        const res = await sign(id, {name: 'Mallory', kind: 'individual', email});
        assert.equal(res.status, 422, email);
        assert.match(res.json.errors.email, /riverkeepers\.org/);
      }
      for (const email of ['press@riverkeepers.org', 'clerk@mail.bbc.co.uk']) {
        assert.equal((await sign(id, {name: email, kind: 'individual', email})).status, 201, email);
      }
      assert.equal((await request(`${ctx.api}/statements/${id}`)).json.signatories.count, 2);
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
