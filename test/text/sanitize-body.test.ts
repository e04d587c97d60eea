import {expect, fixture, html} from '@open-wc/testing';
import DOMPurify from 'dompurify';
import {sanitizeWithSetHTML} from '../../src/text/sanitize-body.js';
import {sanitizeWithPurify} from '../../src/text/sanitize-body-purify.js';

declare global {
  interface Window {
    __bodyPwned?: number;
  }
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

// Both sanitiser paths must behave the same: the browser's setHTML (where
// it exists) and DOMPurify (where it does not).
for (const [path, sanitizeBody] of [
  ['setHTML', sanitizeWithSetHTML],
  ['DOMPurify', sanitizeWithPurify],
] as const) {
  /** The sanitised body serialised, for comparing structure. */
  function clean(input: string): string {
    const box = document.createElement('div');
    box.append(sanitizeBody(input));
    return box.innerHTML;
  }

  /** The sanitised body inside a connected element. */
  async function mount(input: string): Promise<HTMLElement> {
    const el = await fixture<HTMLElement>(html`<div></div>`);
    el.append(sanitizeBody(input));
    return el;
  }

  describe(`sanitizeBody with ${path}`, () => {
    afterEach(() => {
      delete window.__bodyPwned;
    });

    it('keeps the allowlisted elements and their text', () => {
      const input =
        '<h2>Title</h2><h3>Sub</h3><h4>Minor</h4><p>Some <em>emphasis</em>, <strong>strength</strong>, ' +
        '<i>italic</i> and <b>bold</b>.<br>Next line.</p><blockquote><p>Quoted.</p></blockquote>' +
        '<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>';
      expect(clean(input)).to.equal(input);
    });

    it('returns a fresh DocumentFragment on every call', () => {
      const a = sanitizeBody('<p>x</p>');
      const b = sanitizeBody('<p>x</p>');
      expect(a).to.be.instanceOf(DocumentFragment);
      expect(a).to.not.equal(b);
      expect(sanitizeBody('').childNodes).to.have.length(0);
    });

    it('keeps nested lists', () => {
      const input = '<ul><li>a<ol><li>a.1</li><li>a.2<ul><li>a.2.i</li></ul></li></ol></li><li>b</li></ul>';
      expect(clean(input)).to.equal(input);
    });

    it('keeps http, https and mailto links, with rel="noopener" and no target', () => {
      const out = clean(
        '<p><a href="https://example.org/a?b=1#c" target="_blank">one</a> <a href="http://example.org">two</a> ' +
          '<a href="mailto:press@example.org">mail</a></p>'
      );
      expect(out).to.equal(
        '<p><a href="https://example.org/a?b=1#c" rel="noopener">one</a> <a href="http://example.org/" rel="noopener">two</a> ' +
          '<a href="mailto:press@example.org" rel="noopener">mail</a></p>'
      );
    });

    it('drops javascript:, data:, vbscript: and relative hrefs, keeping the link text', () => {
      for (const href of [
        'javascript:alert(1)',
        ' JaVaScRiPt:alert(1)',
        'java&#x09;script:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
        '/relative/path',
        '//evil.example/x',
        'page.html',
        '#top',
      ]) {
        const out = clean(`<p><a href="${href}">text</a></p>`);
        expect(out, href).to.equal('<p><a>text</a></p>');
      }
    });

    it('keeps http(s) images with alt, width and height, lazy and async', () => {
      const el = document.createElement('div');
      el.append(sanitizeBody('<p><img src="https://img.example/a.jpg" alt="A river" width="600" height="400" class="x" id="hero" style="border:0" title="t"></p>'));
      const img = el.querySelector('img')!;
      expect(img.getAttribute('src')).to.equal('https://img.example/a.jpg');
      expect(img.getAttribute('alt')).to.equal('A river');
      expect(img.getAttribute('width')).to.equal('600');
      expect(img.getAttribute('height')).to.equal('400');
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      for (const attr of ['class', 'id', 'style', 'title']) expect(img.hasAttribute(attr), attr).to.equal(false);
    });

    it('removes images whose src is not absolute http(s), and bad sizes', () => {
      for (const src of ['x', 'data:image/png;base64,iVBORw0KGgo=', 'javascript:alert(1)', '/a.png', 'ftp://a/b.png']) {
        expect(clean(`<p>a<img src="${src}" alt="alt">b</p>`), src).to.equal('<p>ab</p>');
      }
      expect(clean('<img src="https://a.example/b.png" width="100%" height="1e9">')).to.equal(
        '<img src="https://a.example/b.png" loading="lazy" decoding="async">'
      );
    });

    it('drops script, style, iframe, form, svg, math with their content, and unknown tags to their text', () => {
      const out = clean(
        '<p>before</p><script>window.__bodyPwned=1</script><style>p{color:red}</style>' +
          '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="q"><button>Go</button></form>' +
          '<svg><script>window.__bodyPwned=1</script><a href="https://x.example">svg link</a></svg>' +
          '<math><mi>x</mi></math><h1>Big</h1><div><span>inner</span></div><p>after</p>'
      );
      expect(out).to.not.match(/<(script|style|iframe|form|input|button|svg|math|h1|div|span)\b/i);
      expect(out).to.contain('<p>before</p>');
      expect(out).to.contain('<p>after</p>');
      expect(out).to.contain('Big');
      expect(out).to.contain('inner');
      expect(out).to.not.contain('__bodyPwned');
      expect(out).to.not.contain('color:red');
      // svg, math and form go with their content (the native sanitizer needs their namespaces spelled out).
      for (const text of ['svg link', '>x<', 'Go']) expect(out).to.not.contain(text);
    });

    it('drops event handlers, style, class and id attributes', () => {
      const out = clean(
        '<p onclick="window.__bodyPwned=1" style="color:red" class="lead" id="top" data-x="1" aria-hidden="true">' +
          '<a href="https://a.example" onmouseover="window.__bodyPwned=1" name="n">a</a></p>'
      );
      expect(out).to.equal('<p><a href="https://a.example/" rel="noopener">a</a></p>');
    });

    it('keeps dir and lang, so right-to-left passages render as given', () => {
      expect(clean('<p dir="rtl" lang="ar">نص عربي</p><p dir="sideways" lang="x y">a</p>')).to.equal(
        '<p dir="rtl" lang="ar">نص عربي</p><p>a</p>'
      );
    });

    it('never runs an onerror handler once the body is in the page', async () => {
      const el = await mount('<p>x<img src=x onerror="window.__bodyPwned=1"><img src="https://127.0.0.1:1/none.png" onerror="window.__bodyPwned=2"></p>');
      const img = el.querySelector('img');
      expect(img, 'remote image kept').to.exist;
      expect(img!.hasAttribute('onerror')).to.equal(false);
      // The kept image fails to load (nothing listens on port 1): its error
      // event fires, and no inline handler runs with it.
      img!.loading = 'eager';
      await new Promise<void>((resolve) => {
        if (img!.complete) resolve();
        else img!.addEventListener('error', () => resolve(), {once: true});
      });
      await frame();
      expect(window.__bodyPwned).to.equal(undefined);
    });

    it('is not affected by hooks or config on the page’s global DOMPurify', () => {
      const hook = (node: Element) => {
        if (node.nodeName === 'P') node.setAttribute('onclick', 'window.__bodyPwned=1');
      };
      DOMPurify.addHook('afterSanitizeAttributes', hook);
      DOMPurify.setConfig({ALLOWED_TAGS: ['script'], ADD_ATTR: ['onclick']});
      try {
        // The global instance is changed…
        expect(DOMPurify.sanitize('<p>a</p>')).to.not.equal('<p>a</p>');
        // …ours is not.
        expect(clean('<p>a</p><script>1</script>')).to.equal('<p>a</p>');
      } finally {
        DOMPurify.removeHook('afterSanitizeAttributes', hook);
        DOMPurify.clearConfig();
      }
    });

    it('keeps names and text in any script, curly quotes and accents', () => {
      const text = '<p>“Ñandú” — São Paulo, Zürich, Kraków, 北京, עברית, مرحبا</p>';
      expect(clean(text)).to.equal(text);
    });
  });
}
