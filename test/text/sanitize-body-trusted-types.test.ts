import {expect, fixture, html} from '@open-wc/testing';
import {sanitizeWithSetHTML} from '../../src/text/sanitize-body.js';
import {sanitizeWithPurify} from '../../src/text/sanitize-body-purify.js';

// A page that enforces Trusted Types with the policy names the embed docs
// list, and whose own DOMPurify already took the `dompurify` name. Each test
// file runs in its own page, so this CSP stays here.
const csp = document.createElement('meta');
csp.httpEquiv = 'Content-Security-Policy';
csp.content = "require-trusted-types-for 'script'; trusted-types lit-html dompurify undersigned";
document.head.append(csp);
window.trustedTypes!.createPolicy('dompurify', {createHTML: (s: string) => s});

for (const [path, sanitizeBody] of [
  ['setHTML', sanitizeWithSetHTML],
  ['DOMPurify', sanitizeWithPurify],
] as const) {
  describe(`sanitizeBody with ${path} under Trusted Types`, () => {
    it('runs on a page that enforces Trusted Types (the page cannot use innerHTML)', () => {
      expect(() => {
        document.createElement('div').innerHTML = '<b>x</b>';
      }).to.throw(TypeError);
    });

    it('sanitises without the `dompurify` name (DOMPurify with its own `undersigned` policy)', () => {
      const fragment = sanitizeBody('<p>Hello <a href="https://a.example/">there</a><script>1</script></p>');
      const box = document.createElement('div');
      box.append(fragment);
      expect(box.querySelector('p')!.textContent).to.equal('Hello there');
      expect(box.querySelector('script')).to.equal(null);
      expect(box.querySelector('a')!.getAttribute('rel')).to.equal('noopener');
    });

    it('renders the fragment as a child of a Lit template', async () => {
      const el = await fixture<HTMLElement>(html`<div>${sanitizeBody('<h2>Heading</h2><p>Body</p>')}</div>`);
      expect(el.querySelector('h2')!.textContent).to.equal('Heading');
      expect(el.querySelector('p')!.textContent).to.equal('Body');
    });
  });
}
