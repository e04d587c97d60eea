import DOMPurify, {type Config} from 'dompurify';
import {BODY_ATTRIBUTES, BODY_ELEMENTS, DROPPED_WITH_CONTENT, dropEmptyImages, finishElement} from './body-rules.js';
import {undersignedPolicy} from './trusted-types.js';

/**
 * The statement body sanitised with DOMPurify, for browsers without
 * `Element.prototype.setHTML`. A lazily loaded chunk of its own
 * (src/text/sanitize-body.ts loads it only there): DOMPurify is most of its
 * 12 KB gzip.
 */

// A private instance: the host page's global DOMPurify config and hooks
// (and anything we add) never affect each other.
const purify = DOMPurify(window);

// What DOMPurify's config cannot express: per-element attributes, value
// formats, and URL schemes (it lets data: through on img).
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node instanceof Element) finishElement(node);
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
    ALLOWED_TAGS: BODY_ELEMENTS,
    ALLOWED_ATTR: BODY_ATTRIBUTES,
    // finishElement checks these; DOMPurify would test them against its URL pattern.
    ADD_URI_SAFE_ATTR: ['alt', 'width', 'height', 'dir', 'lang'],
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  };
  const policy = undersignedPolicy();
  if (policy) config.TRUSTED_TYPES_POLICY = policy;
  return config;
}

/** The statement body, sanitised by DOMPurify, as a fresh DocumentFragment. */
export function sanitizeWithPurify(html: string): DocumentFragment {
  // Null when DOMPurify could not parse: Trusted Types enforced and no
  // policy name left to us. Show no body rather than break the element.
  const fragment: DocumentFragment | null = purify.sanitize(html, {...getConfig(), RETURN_DOM_FRAGMENT: true});
  if (!fragment) {
    console.warn('undersigned: cannot sanitise the statement body; allow the Trusted Types policy “undersigned”.');
    return document.createDocumentFragment();
  }
  return dropEmptyImages(fragment);
}
