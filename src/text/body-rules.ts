/**
 * What a statement body may keep, shared by both sanitisers
 * (src/text/sanitize-body.ts): the browser's `setHTML` where it exists,
 * DOMPurify where it does not. Each parses and drops what is dangerous;
 * `finishElement` then applies the rules neither expresses, so both paths
 * give the same result.
 */

export const BODY_ELEMENTS = ['p', 'h2', 'h3', 'h4', 'a', 'em', 'strong', 'i', 'b', 'blockquote', 'ul', 'ol', 'li', 'br', 'img'];

/** Attributes any kept element may carry; `a` adds href, `img` src, alt, width and height. */
const COMMON_ATTRIBUTES = ['dir', 'lang'];
const ELEMENT_ATTRIBUTES: Record<string, string[]> = {a: ['href'], img: ['src', 'alt', 'width', 'height']};
export const BODY_ATTRIBUTES = [...COMMON_ATTRIBUTES, 'href', 'src', 'alt', 'width', 'height'];

/**
 * Elements dropped with their content rather than unwrapped to their text
 * (DOMPurify's FORBID_CONTENTS, plus form and its controls).
 */
export const DROPPED_WITH_CONTENT = [
  'script', 'style', 'iframe', 'form', 'input', 'button', 'select', 'textarea', 'template', 'noscript', 'noembed',
  'noframes', 'xmp', 'plaintext', 'title', 'head', 'audio', 'video', 'object', 'embed', 'colgroup', 'thead',
];

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

const VALID: Record<string, RegExp> = {
  width: /^\d{1,5}$/,
  height: /^\d{1,5}$/,
  dir: /^(ltr|rtl|auto)$/i,
  lang: /^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i,
};

/**
 * Applies the per-element rules to an element already on the allowlist:
 * only its own attributes, each value well-formed; links and images with
 * absolute URLs in their schemes (links get `rel="noopener"`, images
 * `loading="lazy"` and `decoding="async"`); an unusable URL is removed.
 */
export function finishElement(el: Element): void {
  const allowed = ELEMENT_ATTRIBUTES[el.localName] ?? [];
  for (const {name, value} of [...el.attributes]) {
    const valid = VALID[name];
    if ((!COMMON_ATTRIBUTES.includes(name) && !allowed.includes(name)) || (valid && !valid.test(value))) el.removeAttribute(name);
  }
  const [attribute, schemes] = el.localName === 'a' ? ['href', LINK_SCHEMES] : ['src', IMAGE_SCHEMES];
  if (!allowed.includes(attribute)) return;
  const url = absoluteUrl(el.getAttribute(attribute), schemes);
  if (!url) {
    el.removeAttribute(attribute);
    return;
  }
  el.setAttribute(attribute, url);
  if (el.localName === 'a') {
    el.setAttribute('rel', 'noopener');
  } else {
    el.setAttribute('loading', 'lazy');
    el.setAttribute('decoding', 'async');
  }
}

/** Removes images left without a source; the fragment is ready to render. */
export function dropEmptyImages(fragment: DocumentFragment): DocumentFragment {
  for (const img of fragment.querySelectorAll('img:not([src])')) img.remove();
  return fragment;
}
