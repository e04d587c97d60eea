import DOMPurify, {type Config} from 'dompurify';
import {undersignedPolicy} from './trusted-types.js';

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
 */

// A private instance: the host page's global DOMPurify config and hooks
// (and anything we add) never affect each other.
const purify = DOMPurify(window);

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
const IMAGE_SCHEMES = ['http:', 'https:'];

/** `value` as a normalised absolute URL in one of `schemes`, or undefined. */
function absoluteUrl(value: string | null, schemes: string[]): string | undefined {
  if (!value) return undefined;
  try {
    // No base URL: a relative value throws and is dropped.
    const url = new URL(value.trim());
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// Checks DOMPurify cannot express in config: it lets data: URLs through on
// img, and tests other attributes' values against the URL pattern.
purify.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  for (const name of ['width', 'height']) {
    const value = node.getAttribute(name);
    if (value !== null && !/^\d{1,5}$/.test(value)) node.removeAttribute(name);
  }
  const dir = node.getAttribute('dir');
  if (dir !== null && !/^(ltr|rtl|auto)$/i.test(dir)) node.removeAttribute('dir');
  const lang = node.getAttribute('lang');
  if (lang !== null && !/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i.test(lang)) node.removeAttribute('lang');

  if (node.localName === 'a') {
    const href = absoluteUrl(node.getAttribute('href'), LINK_SCHEMES);
    if (href) {
      node.setAttribute('href', href);
      node.setAttribute('rel', 'noopener');
    } else {
      node.removeAttribute('href');
    }
  } else if (node.localName === 'img') {
    const src = absoluteUrl(node.getAttribute('src'), IMAGE_SCHEMES);
    if (src) {
      node.setAttribute('src', src);
      node.setAttribute('loading', 'lazy');
      node.setAttribute('decoding', 'async');
    } else {
      node.removeAttribute('src');
    }
  }
});

let config: Config | undefined;

/**
 * The sanitiser's config, made on first use. Under Trusted Types
 * (`require-trusted-types-for 'script'`), DOMPurify must hand its input to
 * DOMParser as TrustedHTML. We give it our own policy, named `undersigned`,
 * so we never compete with the host page's DOMPurify for the `dompurify`
 * name. If that name is taken (a second copy of this bundle) or not allowed,
 * DOMPurify falls back to creating its own `dompurify` policy. The policy
 * (src/text/trusted-types.ts) only feeds DOMPurify's inert parse here.
 */
function getConfig(): Config {
  if (config) return config;
  config = {
    ALLOWED_TAGS: ['p', 'h2', 'h3', 'h4', 'a', 'em', 'strong', 'i', 'b', 'blockquote', 'ul', 'ol', 'li', 'br', 'img'],
    ALLOWED_ATTR: ['href', 'src', 'alt', 'width', 'height', 'dir', 'lang'],
    // Attributes DOMPurify would otherwise test against the URL pattern below.
    ADD_URI_SAFE_ATTR: ['width', 'height', 'dir', 'lang'],
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  };
  // DOMPurify's type wants every method; see src/text/trusted-types.ts.
  const policy = undersignedPolicy();
  if (policy) config.TRUSTED_TYPES_POLICY = policy;
  return config;
}

/**
 * The statement body, sanitised, as a fresh DocumentFragment (callers may
 * cache it per body string). Render it as a child in a Lit template; never
 * serialise it back into innerHTML.
 */
export function sanitizeBody(html: string): DocumentFragment {
  // Null when DOMPurify could not parse: Trusted Types enforced and no
  // policy name left to us. Show no body rather than break the element.
  const fragment: DocumentFragment | null = purify.sanitize(html, {...getConfig(), RETURN_DOM_FRAGMENT: true});
  if (!fragment) {
    console.warn('undersigned: cannot sanitise the statement body; allow the Trusted Types policy “undersigned”.');
    return document.createDocumentFragment();
  }
  for (const img of fragment.querySelectorAll('img:not([src])')) img.remove();
  return fragment;
}
