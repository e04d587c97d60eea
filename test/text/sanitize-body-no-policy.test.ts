import {expect} from '@open-wc/testing';
import {sanitizeWithSetHTML} from '../../src/text/sanitize-body.js';
import {sanitizeWithPurify} from '../../src/text/sanitize-body-purify.js';

// A page that enforces Trusted Types but allows neither `undersigned` nor a
// free `dompurify` name.
const csp = document.createElement('meta');
csp.httpEquiv = 'Content-Security-Policy';
csp.content = "require-trusted-types-for 'script'; trusted-types lit-html";
document.head.append(csp);

describe('sanitizeBody when Trusted Types leave it no policy', () => {
  it('with setHTML, sanitises anyway: the native sanitizer needs no policy', () => {
    const box = document.createElement('div');
    box.append(sanitizeWithSetHTML('<p>Hello<script>1</script></p>'));
    expect(box.querySelector('p')!.textContent).to.equal('Hello');
    expect(box.querySelector('script')).to.equal(null);
  });

  it('with DOMPurify, returns an empty fragment instead of throwing: it cannot parse safely', () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args[0]);
    try {
      const fragment = sanitizeWithPurify('<p>Hello</p>');
      expect(fragment).to.be.instanceOf(DocumentFragment);
      expect(fragment.childNodes).to.have.length(0);
      expect(warnings.some((w) => String(w).includes('undersigned'))).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });
});
