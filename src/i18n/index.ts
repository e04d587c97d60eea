import {whenIdle} from '../internal/idle.js';
import type {Catalog, MessageKey, Params, Plural} from './catalog.js';
import {en} from './locales/en.js';
import type {enForms} from './locales/en-forms.js';

export type {Catalog, Message, MessageKey, Params, Plural} from './catalog.js';

/** The languages the widgets speak; the first is the fallback. */
export const LOCALES = ['en', 'es', 'fr', 'pt', 'de', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

// English is in the bundle, but for what only a form shows after a submit
// (locales/en-forms.ts), which comes with the forms' sending code and is
// added by addEnglishForms. Every other catalog is a lazily loaded chunk
// beside it (undersigned-<locale>-<hash>.js), fetched the first time an
// element in that language updates (src/internal/undersigned-element.ts
// renders nothing until then, so no English shows first).
let english: typeof en & Partial<typeof enForms> = en;
const catalogs: Partial<Record<Exclude<Locale, 'en'>, Catalog | 'english'>> = {};
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Catalog>> = {
  es: () => import('./locales/es.js').then((m) => m.es),
  fr: () => import('./locales/fr.js').then((m) => m.fr),
  pt: () => import('./locales/pt.js').then((m) => m.pt),
  de: () => import('./locales/de.js').then((m) => m.de),
  ar: () => import('./locales/ar.js').then((m) => m.ar),
};
const loading = new Map<Locale, Promise<void>>();

/** Whether `locale`'s catalog is here (English always is), so its text can render. */
export const hasCatalog = (locale: Locale): boolean => locale === 'en' || catalogs[locale] !== undefined;

/** The English a form shows after a submit, added when the forms' sending code arrives. */
export function addEnglishForms(forms: typeof enForms): void {
  english = {...en, ...forms};
}

/**
 * Loads `locale`'s catalog, once. Where its chunk cannot be fetched (the
 * host serves only undersigned.js, or the network failed), the locale speaks
 * English rather than nothing.
 */
export function loadCatalog(locale: Locale): Promise<void> {
  if (locale === 'en' || hasCatalog(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]().then(
      (catalog) => void (catalogs[locale] = catalog),
      () => void (catalogs[locale] = 'english')
    );
    loading.set(locale, pending);
  }
  return pending;
}

const isLocale = (tag: string): tag is Locale => (LOCALES as readonly string[]).includes(tag);

/**
 * The supported locale that best matches a BCP 47 tag: `es-MX` → `es`,
 * `pt_BR` → `pt`, anything unknown or malformed → `en`.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  // The language subtag decides: we ship one catalog per language, not per region.
  const language = (tag ?? '').trim().split(/[-_]/)[0]!.toLowerCase();
  return isLocale(language) ? language : 'en';
}

/** Text direction of a locale's script. */
export function dirOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

// Intl constructors are slow next to format calls: one instance per locale and options.
type Formatter = Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat;
const cache = new Map<string, Formatter>();
function cached<T extends Formatter>(
  key: string,
  make: () => T
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) cache.set(key, (value = make()));
  return value;
}

const pluralRules = (locale: Locale) => cached(`p:${locale}`, () => new Intl.PluralRules(locale));

/** A number in the locale's digits and grouping. */
export function formatNumber(locale: Locale, n: number): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** `a, b or c` in the locale's words. */
export function formatOrList(locale: Locale, items: readonly string[]): string {
  return cached(`o:${locale}`, () => new Intl.ListFormat(locale, {type: 'disjunction'})).format(items);
}

/**
 * The message `key` in `locale`, placeholders filled. A plural message picks
 * its form by `Intl.PluralRules` on `params.count`, or, without `count`, on the
 * message's only number param (`errorRateLimited` uses `seconds`). A missing
 * form falls back to `other`; a missing placeholder value is left visible.
 */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
  const catalog = locale === 'en' ? undefined : catalogs[locale];
  const message: string | Plural = (catalog && catalog !== 'english' ? catalog[key] : undefined) ?? english[key] ?? key;
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const n = params['count'] ?? Object.values(params).find((v) => typeof v === 'number');
    const category = pluralRules(locale).select(Number(n));
    text = message[category] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** A date (no time) in the locale's style; an unparsable ISO string comes back unchanged. */
export function formatDate(
  locale: Locale,
  iso: string,
  style: 'full' | 'long' | 'medium' | 'short' = 'long'
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(`d:${locale}:${style}`, () => new Intl.DateTimeFormat(locale, {dateStyle: style})).format(date);
}

/** A long date with the time of day, for hover titles ("2 hours ago" needs the hour). */
export function formatDateTime(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(`t:${locale}`, () => new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeStyle: 'short'})).format(date);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago (or ahead) `iso` is from `now`, in the largest unit that fits:
 * “now”, “5 minutes ago”, “yesterday”, “3 weeks ago”, “last year”. Under a
 * minute reads “now”: the relative-time controller refreshes once a minute,
 * so counting seconds would be stale, and a server clock a little ahead of
 * ours would otherwise say “in 3 seconds”.
 */
export function formatRelative(locale: Locale, iso: string, now: number | Date = Date.now()): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return iso;
  const diff = time - Number(now);
  const abs = Math.abs(diff);
  const rtf = cached(`r:${locale}`, () => new Intl.RelativeTimeFormat(locale, {numeric: 'auto'}));
  const sign = diff < 0 ? -1 : 1;
  // Each step rounds in its own unit, then checks the rounded value, so 59.6
  // minutes reads “1 hour”, never “60 minutes”.
  const steps: [Intl.RelativeTimeFormatUnit, number, number][] = [
    ['minute', MINUTE, 60],
    ['hour', HOUR, 24],
    ['day', DAY, 7],
    ['week', 7 * DAY, 4.35],
    ['month', 30.44 * DAY, 12],
  ];
  if (abs < MINUTE) return rtf.format(0, 'second');
  for (const [unit, size, limit] of steps) {
    const value = Math.round(abs / size);
    if (value < limit) return rtf.format(sign * value, unit);
  }
  return rtf.format(sign * Math.max(1, Math.round(abs / (365.25 * DAY))), 'year');
}

const prepared = new Set<Locale>();

/**
 * Builds a locale's Intl formatters ahead of need, one per idle moment. The
 * first constructor of each kind costs 5 to 25 ms on a cold page (ICU data),
 * which would otherwise fall between the data's arrival and the first paint;
 * while the request is in flight the main thread is idle anyway.
 */
export function prepareFormats(locale: Locale): void {
  if (prepared.has(locale)) return;
  prepared.add(locale);
  const now = new Date().toISOString();
  whenIdle(() => formatNumber(locale, 0));
  whenIdle(() => pluralRules(locale));
  whenIdle(() => formatDate(locale, now));
  whenIdle(() => formatRelative(locale, now));
  whenIdle(() => formatDateTime(locale, now));
}
