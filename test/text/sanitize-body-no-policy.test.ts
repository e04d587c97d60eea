import {expect} from '@open-wc/testing';
import {sanitizeBody} from '../../src/text/sanitize-body.js';

// A page that enforces Trusted Types but allows neither `undersigned` nor a
// free `dompurify` name: the body cannot be parsed safely, so none is shown.
const csp = document.createElement('meta');
csp.httpEquiv = 'Content-Security-Policy';
csp.content = "require-trusted-types-for 'script'; trusted-types lit-html";
document.head.append(csp);

describe('sanitizeBody when Trusted Types leave it no policy', () => {
  it('returns an empty fragment instead of throwing', () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args[0]);
    try {
      const fragment = sanitizeBody('<p>Hello</p>');
      expect(fragment).to.be.instanceOf(DocumentFragment);
      expect(fragment.childNodes).to.have.length(0);
      expect(warnings.some((w) => String(w).includes('undersigned'))).to.equal(true);
    } finally {
      console.warn = warn;
    }
  });
});
