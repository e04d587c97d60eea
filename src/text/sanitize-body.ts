import {BODY_ATTRIBUTES, BODY_ELEMENTS, DROPPED_WITH_CONTENT, dropEmptyImages, finishElement} from './body-rules.js';

/**
 * Statement bodies are publisher HTML and never trusted (DESIGN.md). What
 * survives sanitising:
 *
 * - elements: p, h2, h3, h4, a, em, strong, i, b, blockquote, ul, ol, li, br,
 *   img. Everything else is dropped: script, style, iframe, form, svg and math
 *   with their content, other tags unwrapped to their text.
 * - attributes: a[href], img[src alt width height], and dir/lang on any of
 *   them (right-to-left passages must render as given). No on* handlers, no
 *   style (the host page's and our CSS decide the look), no class or id (ids
 *   would collide with the host page's and allow DOM clobbering).
 * - URLs: only absolute ones. Links take http, https or mailto; images take
 *   http or https. A relative URL is dropped rather than resolved, because
 *   the body's base (the publisher's site) is not the page it is shown on.
 *   An image left without a source is removed.
 * - links get `rel="noopener"` and stay in the same tab (no `target`): the
 *   reader decides; images get `loading="lazy"` and `decoding="async"`.
 *
 * Where the browser has the HTML Sanitizer API (`Element.prototype.setHTML`)
 * it parses and removes what is dangerous; this module then unwraps what is
 * not on the allowlist (the native allowlist would drop its text) and checks
 * attributes and URLs (it does not check `img src` schemes). Elsewhere
 * DOMPurify does the same in a lazily loaded chunk
 * (src/text/sanitize-body-purify.ts), so browsers with `setHTML` never
 * fetch it.
 */

/** Turns a body's HTML into a fresh, sanitised DocumentFragment. */
export type BodySanitizer = (html: string) => DocumentFragment;

const HTML = 'http://www.w3.org/1999/xhtml';
const KEPT = new Set(BODY_ELEMENTS);

/** The native sanitizer's part: remove these with their content, keep only these attributes. */
const NATIVE_CONFIG = {
  removeElements: [
    ...DROPPED_WITH_CONTENT,
    {name: 'svg', namespace: 'http://www.w3.org/2000/svg'},
    {name: 'math', namespace: 'http://www.w3.org/1998/Math/MathML'},
  ],
  attributes: BODY_ATTRIBUTES,
  comments: false,
  dataAttributes: false,
};

/** The statement body sanitised with the browser's `setHTML`, as a fresh DocumentFragment. */
export function sanitizeWithSetHTML(html: string): DocumentFragment {
  // A template's content belongs to an inert document: no image loads
  // before the URLs are checked.
  const template = document.createElement('template');
  (template as TemplateWithSetHTML).setHTML(html, {sanitizer: NATIVE_CONFIG});
  // A static list: an unwrapped element's children are still visited.
  for (const el of template.content.querySelectorAll('*')) {
    if (el.namespaceURI === HTML && KEPT.has(el.localName)) finishElement(el);
    else el.replaceWith(...el.childNodes);
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...template.content.childNodes);
  return dropEmptyImages(fragment);
}

interface TemplateWithSetHTML extends HTMLTemplateElement {
  setHTML(html: string, options: {sanitizer: typeof NATIVE_CONFIG}): void;
}

/** Whether this browser has the HTML Sanitizer API's `setHTML`. */
export const hasSetHTML = (): boolean => 'setHTML' in Element.prototype;

let purify: Promise<BodySanitizer> | undefined;

/**
 * The body sanitiser for this browser: `setHTML` at once where it exists,
 * else DOMPurify's chunk, fetched on the first call (next to this script,
 * wherever it is served from). Call it early, e.g. when a card connects, so
 * the chunk arrives while the statement loads.
 */
export function loadBodySanitizer(): Promise<BodySanitizer> {
  if (hasSetHTML()) return Promise.resolve(sanitizeWithSetHTML);
  purify ??= import('./sanitize-body-purify.js').then(
    (module) => module.sanitizeWithPurify,
    (error: unknown) => {
      purify = undefined; // A retry may fetch it again.
      throw error;
    }
  );
  return purify;
}
