import {expect, fixture, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/elements/signatory-list/signatory-list.js';
import type {SignatoryList} from '../../src/elements/signatory-list/signatory-list.js';
import {$$, settled} from '../helpers/dom.js';
import {FakeEndpoint, wireOrganizations, wireStatement, type WireSignatory} from '../helpers/fake-endpoint.js';

/** Issue 9 item 4: the badge of a verified organisation in <signatory-list>. */

const keepers: WireSignatory = {
  id: 'v1', position: 1, name: 'Wren River Keepers', kind: 'organization', url: 'https://www.riverkeepers.org',
  location: 'Alderbrook', signed_at: '2026-11-02T10:00:00Z', verified: {domain: 'riverkeepers.org'},
};

async function list(lang = 'en', dir?: string): Promise<SignatoryList> {
  const el = await fixture<SignatoryList>(html`<signatory-list
    endpoint="https://api.test/v1" statement="test-letter" lang=${lang} dir=${dir ?? 'ltr'}
  ></signatory-list>`);
  await settled(el);
  return el;
}

const badges = (el: Element) => $$(el, '[part="verified"]');

describe('<signatory-list> verified badge', () => {
  let api: FakeEndpoint;
  afterEach(async () => {
    api.restore();
    await setViewport({width: 800, height: 600});
  });

  it('shows "verified: domain" with a title explaining it, on the verified row only', async () => {
    api = new FakeEndpoint({statement: wireStatement(), signatories: [keepers, ...wireOrganizations(2, 2)]});
    const el = await list();
    const [badge, ...others] = badges(el);
    expect(others).to.have.length(0, 'unverified rows have none');
    expect(badge!.textContent!.trim()).to.equal('verified: riverkeepers.org');
    expect(badge!.title).to.equal('Confirmed from an e-mail address at riverkeepers.org or checked by the publisher');
    expect(badge!.closest('[part="item"]')!.querySelector('[part="name"]')!.textContent!.trim(), 'the name stays the name')
      .to.equal('Wren River Keepers');
  });

  it('speaks the list’s language', async () => {
    api = new FakeEndpoint({statement: wireStatement(), signatories: [keepers]});
    const el = await list('de');
    expect(badges(el)[0]!.textContent!.trim()).to.equal('verifiziert: riverkeepers.org');
  });

  for (const [lang, dir] of [['en', 'ltr'], ['ar', 'rtl']] as const) {
    it(`fits a 375 px row (${dir}), a long domain cut short inside it`, async () => {
      await setViewport({width: 375, height: 700});
      const long = {...keepers, id: 'v2', position: 2, name: 'Alliance des rivières et des fleuves du bassin versant',
        verified: {domain: 'alliance-des-rivieres-et-des-fleuves-du-bassin-versant.example.org'}};
      api = new FakeEndpoint({statement: wireStatement(), signatories: [keepers, long]});
      const el = await list(lang, dir);
      for (const badge of badges(el)) {
        const row = badge.closest('[part="item"]')!.getBoundingClientRect();
        const box = badge.getBoundingClientRect();
        expect(box.left, 'inside the row').to.be.at.least(row.left - 0.5);
        expect(box.right, 'inside the row').to.be.at.most(row.right + 0.5);
        expect(box.width).to.be.greaterThan(0);
      }
      expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(375);
    });
  }

  it('shows in a long (virtual) list too', async () => {
    const rows = wireOrganizations(250);
    rows[0] = {...rows[0]!, verified: {domain: 'riverkeepers.org'}};
    api = new FakeEndpoint({statement: wireStatement({signatories: {count: 250, listed: 250, open: false}}), signatories: rows});
    const el = await list();
    expect(badges(el).map((b) => b.textContent!.trim())).to.deep.equal(['verified: riverkeepers.org']);
  });
});
