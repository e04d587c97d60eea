import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {MessageKey, Params} from './catalog.js';
import {
  dirOf,
  formatDate,
  formatDateTime,
  formatNumber,
  formatOrList,
  formatRelative,
  prepareFormats,
  resolveLocale,
  translate,
  type Locale,
} from './index.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The language tag in effect for `el`: its own or its nearest ancestor's
 * `lang` (crossing shadow roots through their hosts), else the document's,
 * else the browser's. An empty `lang=""` means “unknown” in HTML: skipped.
 */
export function effectiveLang(el: Element): string {
  for (let node: Element | null = el; node; ) {
    const owner = node.closest('[lang]:not([lang=""])');
    if (owner) return owner.getAttribute('lang')!;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang || navigator.language || 'en';
}

// One observer for every instance (the Shoelace pattern): it watches `lang`
// on the whole light DOM of the document and on each connected host, since a
// host inside a shadow root is outside the document's subtree. It runs only
// while some instance is connected.
const connected = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function onLangMutation(): void {
  // lang changes are rare: re-resolve every instance, update those that changed.
  for (const controller of connected) controller.refresh();
}

function observe(host: Element): void {
  if (!observer) {
    observer = new MutationObserver(onLangMutation);
    observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang'], subtree: true});
  }
  // Observing an already-observed node replaces its options: no duplicates.
  observer.observe(host, {attributes: true, attributeFilter: ['lang']});
}

/**
 * Gives an element its language and the formatting that goes with it.
 *
 * The language follows the element's `lang`, its ancestors' (through shadow
 * roots), the document's, then the browser's. The controller re-renders its
 * host when a `lang` attribute changes on the host or anywhere in the page's
 * light DOM (one shared MutationObserver for all instances), and re-reads the
 * language on connect and before each update, so a moved element follows its
 * new surroundings.
 */
export class LocaleController implements ReactiveController {
  /** The supported locale in effect. */
  locale: Locale;

  constructor(private readonly host: Host) {
    this.locale = resolveLocale(effectiveLang(host));
    host.addController(this);
  }

  /** `ltr` or `rtl`, for the host template's `dir`. */
  get dir(): 'ltr' | 'rtl' {
    return dirOf(this.locale);
  }

  hostConnected(): void {
    connected.add(this);
    observe(this.host);
    this.refresh();
    prepareFormats(this.locale);
  }

  hostDisconnected(): void {
    connected.delete(this);
    if (connected.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  hostUpdate(): void {
    // Cheap (a few `closest` calls) and catches ancestor changes the observer can't see.
    this.locale = resolveLocale(effectiveLang(this.host));
  }

  /** Re-reads the language and requests an update when it changed. */
  refresh(): void {
    const locale = resolveLocale(effectiveLang(this.host));
    if (locale !== this.locale) {
      this.locale = locale;
      prepareFormats(locale);
      this.host.requestUpdate();
    }
  }

  t(key: MessageKey, params?: Params): string {
    return translate(this.locale, key, params);
  }

  date(iso: string, style?: 'full' | 'long' | 'medium' | 'short'): string {
    return formatDate(this.locale, iso, style);
  }

  /** A long date with the time of day. */
  dateTime(iso: string): string {
    return formatDateTime(this.locale, iso);
  }

  relative(iso: string, now?: number | Date): string {
    return formatRelative(this.locale, iso, now);
  }

  number(n: number): string {
    return formatNumber(this.locale, n);
  }

  /** `a, b or c` in the locale's words. */
  orList(items: readonly string[]): string {
    return formatOrList(this.locale, items);
  }
}
