import {expect, fixture, html} from '@open-wc/testing';
import '../../src/elements/comment-thread/comment-thread.js';
import '../../src/elements/signatory-list/signatory-list.js';
import {FakeEndpoint, wireOrganizations, wireStatement} from '../helpers/fake-endpoint.js';
import {waitUntil} from '../helpers/dom.js';

// A server-rendered first page inside <signatory-list> / <comment-thread>:
// shown while loading and on error, hidden once the data shows.

const shown = (node: Element) => node.checkVisibility() && node.getBoundingClientRect().height > 0;

for (const tag of ['signatory-list', 'comment-thread'] as const) {
  describe(`<${tag}> fallback content`, () => {
    let api: FakeEndpoint;
    beforeEach(() => {
      api = new FakeEndpoint({
        statement: wireStatement(),
        signatories: wireOrganizations(3),
        comments: [{id: 'c1', parent_id: null, author: {name: 'Ana'}, body: 'Live comment.', created_at: '2026-11-02T10:00:00Z'}],
      });
    });
    afterEach(() => api.restore());

    const mount = () =>
      fixture<HTMLElement>(
        tag === 'signatory-list'
          ? html`<signatory-list endpoint="https://api.test/v1" statement="test-letter" lang="en"
              ><ol id="first-page"><li>Org 1 (server-rendered)</li></ol></signatory-list
            >`
          : html`<comment-thread endpoint="https://api.test/v1" statement="test-letter" lang="en"
              ><ol id="first-page"><li>Ana: Live comment. (server-rendered)</li></ol></comment-thread
            >`
      );
    const live = tag === 'signatory-list' ? '[part~=item]' : '[part~=comment]';

    it('shows it instead of the placeholder while loading, then the live data only', async () => {
      api.fail(/.*/, {hang: true}, 10);
      const el = await mount();
      const firstPage = el.querySelector('#first-page')!;
      await waitUntil(() => firstPage.assignedSlot, 'the fallback was not slotted');
      expect(shown(firstPage)).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part=loading]')).to.equal(null);
      api.release();
      await waitUntil(() => el.shadowRoot!.querySelector(live), 'no live data');
      expect(shown(firstPage)).to.equal(false);
    });

    it('shows it under the error message when loading fails', async () => {
      api.fail(/\/(signatories|comments)/, {status: 404}, 3);
      const el = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'no error shown');
      const firstPage = el.querySelector('#first-page')!;
      expect(shown(firstPage)).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part=error]')!.getBoundingClientRect().bottom).to.be.at.most(
        firstPage.getBoundingClientRect().top
      );
      await expect(el).to.be.accessible();
    });

    it('keeps the placeholder when the element holds only whitespace', async () => {
      api.fail(/.*/, {hang: true}, 10);
      const el = await fixture<HTMLElement>(
        tag === 'signatory-list'
          ? html`<signatory-list endpoint="https://api.test/v1" statement="test-letter"> </signatory-list>`
          : html`<comment-thread endpoint="https://api.test/v1" statement="test-letter"> </comment-thread>`
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part=loading]'), 'no placeholder');
      api.release();
    });
  });
}
