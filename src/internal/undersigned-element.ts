import {LitElement, ReactiveElement, type PropertyDeclarations, type PropertyValues} from 'lit';
import {hasCatalog, loadCatalog, resolveLocale} from '../i18n/index.js';
import {effectiveLang} from '../i18n/locale-controller.js';

/** ReactiveElement's own update: reflects attributes and marks the update done, renders nothing. */
const updateWithoutRender = (ReactiveElement.prototype as unknown as {update(this: ReactiveElement, changed: PropertyValues): void})
  .update;

// Shared by every copy of the library on the page (Symbol.for is global), so
// a page that loads it twice hears about it once, not once per tag and copy.
const WARNED = Symbol.for('undersigned.warned-duplicate');

/**
 * What every undersigned element shares: the attributes that say where its
 * data comes from, and registration that never throws when a page loads
 * the library twice.
 */
export class UndersignedElement extends LitElement {
  // Reactive properties are declared here rather than with decorators: the
  // decorators' runtime and the code TypeScript emits for them cost the bundle 1.7 KB gzip.
  static override properties: PropertyDeclarations = {
    endpoint: {reflect: true},
    statement: {reflect: true},
    src: {reflect: true},
    theme: {reflect: true},
    live: {type: Boolean, reflect: true},
  };

  /** Base URL of a contract v1 endpoint, absolute or relative to the page. */
  declare endpoint: string | undefined;

  /** The statement's id at `endpoint`. */
  declare statement: string | undefined;

  /** A static JSON document (`{statement, signatories, comments}`) to read instead of an endpoint. */
  declare src: string | undefined;

  /**
   * Colours. Unset (or `auto`): the page's text colour, no background, and
   * an accent that follows the reader's light or dark preference. `light` or
   * `dark`: the element's own text colour and background, whatever the page
   * and the reader's preference; the widgets inside it follow.
   */
  declare theme: 'light' | 'dark' | 'auto' | undefined;

  /**
   * Follows the statement as it happens, where the endpoint has live events
   * (docs/contract.md, optional): counts and goal update in place, new
   * comments wait behind a "new comments" button, new notes and public
   * signatures appear. On a `<statement-card>` it applies to the elements
   * inside. A static document (`src`), or an endpoint without the route, is
   * never live.
   */
  declare live: boolean;

  constructor() {
    super();
    this.live = false;
  }

  /**
   * Renders only once the catalog of the element's language is here: until
   * then (a lazily loaded chunk for every language but English) the element
   * keeps what it showed, nothing on a first render, so a page in another
   * language never shows English text, not even for a frame. Its
   * controllers still run, so data loads meanwhile; it renders when the
   * catalog arrives.
   */
  protected override update(changed: PropertyValues): void {
    const locale = resolveLocale(effectiveLang(this));
    if (hasCatalog(locale)) {
      super.update(changed);
      return;
    }
    void loadCatalog(locale).then(() => this.requestUpdate());
    updateWithoutRender.call(this, changed);
  }

  /**
   * Registers this class under `tag`, once. A tag already taken (another
   * copy of the library, or an earlier load of this one) is left as it is,
   * with one console warning per page, so two embeds on one page never throw.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tag);
    if (!existing) {
      registry.define(tag, this);
    } else if (existing !== this) {
      const page = globalThis as {[WARNED]?: boolean};
      if (page[WARNED]) return;
      page[WARNED] = true;
      console.warn(`undersigned: <${tag}> is already defined, probably by another copy of the library; keeping the first copy's elements.`);
    }
  }
}
