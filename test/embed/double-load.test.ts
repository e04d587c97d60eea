import {expect, waitUntil} from '@open-wc/testing';
import {deepWait, openPage, type EmbedFrame} from '../helpers/embed-frame.js';

const TAGS = ['statement-card', 'signatory-list', 'comment-thread', 'sign-form', 'comment-form'];

describe('a page that loads the library four times (module twice, classic script twice)', () => {
  let page: EmbedFrame;
  before(async () => {
    // The load event comes after every module and deferred script ran.
    page = await openPage('/test/embed/pages/double-load.html');
  });
  after(() => page.remove());

  it('runs every copy without an error', async () => {
    const fetched = () =>
      page.win.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname + new URL(entry.name).search)
        .filter((path) => path.startsWith('/dist/'));
    // The page's static document is read by the lazily loaded sibling that every copy shares: fetched once.
    const sibling = /^\/dist\/undersigned-static-document-[\w-]+\.js$/;
    await waitUntil(() => fetched().some((path) => sibling.test(path)), 'the static document’s code was not loaded');
    const loaded = fetched();
    expect(loaded.filter((path) => sibling.test(path))).to.have.length(1);
    expect(loaded.filter((path) => !sibling.test(path)).sort()).to.deep.equal([
      '/dist/undersigned.iife.js',
      '/dist/undersigned.iife.js?copy=2',
      '/dist/undersigned.js',
      '/dist/undersigned.js?copy=2',
    ]);
    expect(page.report.errors).to.deep.equal([]);
    expect(page.report.consoleErrors).to.deep.equal([]);
  });

  it('defines each tag once, with the first copy’s classes, and warns once', async () => {
    const win = page.win as EmbedFrame['win'] & {undersigned: {StatementCard: CustomElementConstructor}};
    await waitUntil(() => win.undersigned, 'the classic script exposed nothing');
    for (const tag of TAGS) expect(win.customElements.get(tag), tag).to.be.a('function');
    // The classic script loads the module beside it (undersigned.js, the page's first copy,
    // not fetched again) and exposes its classes: the ones registered.
    expect(win.undersigned.StatementCard).to.be.a('function');
    expect(win.customElements.get('statement-card')).to.equal(win.undersigned.StatementCard);
    expect(page.report.warnings).to.have.length(1);
    expect(page.report.warnings[0]).to.match(/already defined, probably by another copy of the library/);
  });

  it('the widgets work', async () => {
    const title = await deepWait(page.doc, 'statement-card', '[part=title]');
    expect(title.textContent).to.equal('Keep the Wren River whole');
    await deepWait(page.doc, 'signatory-list', '[part~=item]');
    await deepWait(page.doc, 'comment-thread', '[part~=comment]');
  });
});
