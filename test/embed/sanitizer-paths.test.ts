import {expect} from '@open-wc/testing';
import {deep, deepWait, openPage, type EmbedFrame} from '../helpers/embed-frame.js';

// Issue 11 item 2: the built bundle sanitises the statement body with the
// browser's setHTML where it exists and fetches DOMPurify's chunk only where
// it does not (test/embed/pages/no-sethtml.js removes setHTML first). Both
// pages carry the strict policy, Trusted Types included.

declare global {
  interface Window {
    __bodyPwned?: number;
  }
}

const purifyChunk = /\/dist\/undersigned-sanitize-body-purify-[\w-]+\.js$/;
const scriptsFetched = (page: EmbedFrame) =>
  page.win.performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js'));

for (const [variant, fetchesPurify] of [
  ['native', false],
  ['purify', true],
] as const) {
  describe(`the built bundle ${fetchesPurify ? 'without' : 'with'} setHTML`, () => {
    let page: EmbedFrame;
    before(async () => {
      page = await openPage(`/test/embed/pages/csp-body-${variant}.html`);
      await deepWait(page.doc, 'statement-card', '[part=body] p');
    });
    after(() => page.remove());

    it(fetchesPurify ? 'fetches DOMPurify’s chunk' : 'never fetches DOMPurify’s chunk', () => {
      expect('setHTML' in page.win.Element.prototype).to.equal(!fetchesPurify);
      expect(scriptsFetched(page).some((url) => purifyChunk.test(url))).to.equal(fetchesPurify);
    });

    it('shows the allowed body and drops the rest', () => {
      const body = deep(page.doc, 'statement-card', '[part=body]')!;
      expect(body.querySelector('strong')!.textContent).to.equal('strong');
      const link = body.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal('https://example.org/');
      expect(link.getAttribute('rel')).to.equal('noopener');
      for (const attr of ['target', 'onclick']) expect(link.hasAttribute(attr), attr).to.equal(false);
      expect(body.textContent).to.contain('Unwrapped heading');
      expect(body.textContent).to.contain('js link');
      expect(body.querySelector('h1, script, svg, form, button, img, [class], [style], [href^="javascript"]')).to.equal(null);
      expect(body.textContent).not.to.contain('svg text');
      expect(body.textContent).not.to.contain('__bodyPwned');
      expect(page.win.__bodyPwned).to.equal(undefined);
    });

    it('logs nothing, and the policy blocks nothing but the inline attributes it parsed', () => {
      // Chromium reports on* and style attributes it meets while parsing, even in an inert document.
      expect(page.report.violations.filter((v) => !/^(script|style)-src-attr inline/.test(v)), 'CSP violations').to.deep.equal([]);
      expect(page.report.errors, 'uncaught errors').to.deep.equal([]);
      expect(page.report.consoleErrors, 'console errors').to.deep.equal([]);
      expect(page.report.warnings, 'console warnings').to.deep.equal([]);
    });
  });
}
