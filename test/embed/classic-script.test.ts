import {expect} from '@open-wc/testing';
import {de} from '../../src/i18n/locales/de.js';
import {deep, deepWait, openPage, type EmbedFrame} from '../helpers/embed-frame.js';
import {referenceServer, SERVER_START_TIMEOUT} from '../helpers/reference-server.js';

// Issue 11 item 2: the classic script (dist/undersigned.iife.js) loads the
// module and its lazily loaded siblings from beside itself, also when the
// page, the script and the API are three different origins, under the
// strict policy (test/plugins/embed-pages.mjs: script-src 'self' and the
// script's origin).

/** The test server under its other name: the same files from another origin. */
const otherOrigin = () => {
  const url = new URL(location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
};

describe('the classic script from another origin', function () {
  this.timeout(30000);
  let page: EmbedFrame;
  let cdn: string;
  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    const {endpoint, statement} = await referenceServer.start();
    cdn = otherOrigin();
    const query = new URLSearchParams({lang: 'de', cdn, endpoint, statement});
    page = await openPage(`/test/embed/pages/csp-classic.html?${query}`);
    await deepWait(page.doc, 'statement-card', '[part=body] p');
    await deepWait(page.doc, 'signatory-list', '[part~=item]');
    await deepWait(page.doc, 'comment-thread', 'comment-form', 'textarea');
  });
  after(() => page.remove());

  it('renders every widget in the page’s language, with the forms', () => {
    expect(deep(page.doc, 'signatory-list', 'sign-form', '[part=submit-button]')!.textContent!.trim()).to.equal(de.signSubmit);
    expect(deep(page.doc, 'statement-card', '[part=share-button]')!.textContent!.trim()).to.equal(de.share);
  });

  it('loads the module and the catalog from beside itself, on the script’s origin', () => {
    const scripts = page.win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname.startsWith('/dist/'));
    expect(scripts.every((url) => url.origin === cdn), scripts.join(' ')).to.equal(true);
    const names = scripts.map((url) => url.pathname.replace(/-[\w-]{8}\.js$/, '-<hash>.js')).sort();
    expect(names).to.deep.equal(['/dist/undersigned-de-<hash>.js', '/dist/undersigned.iife.js', '/dist/undersigned.js']);
  });

  it('exposes the module’s classes as window.undersigned, the ones registered', () => {
    const win = page.win as EmbedFrame['win'] & {undersigned?: {StatementCard?: unknown}};
    expect(win.undersigned?.StatementCard).to.equal(win.customElements.get('statement-card'));
  });

  it('logs nothing, and the policy blocks nothing', () => {
    expect(page.report.violations, 'CSP violations').to.deep.equal([]);
    expect(page.report.errors, 'uncaught errors').to.deep.equal([]);
    expect(page.report.consoleErrors, 'console errors').to.deep.equal([]);
    expect(page.report.warnings, 'console warnings').to.deep.equal([]);
  });
});
