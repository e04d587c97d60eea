import type {en} from './locales/en.js';
import type {enForms} from './locales/en-forms.js';

/** The English source catalog: what every view shows, and what only a form shows after a submit. */
type English = typeof en & typeof enForms;

/**
 * A plural message: one form per CLDR plural category, picked by
 * `Intl.PluralRules(locale)`. `other` is required because every language has
 * it; a language supplies the other categories its rules use (Arabic all six).
 */
export interface Plural {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** A message: text with `{name}` placeholders, or a plural message. */
export type Message = string | Plural;

/** Every message key, taken from the English catalog (the source of truth). */
export type MessageKey = keyof English;

/**
 * A complete catalog: the keys of English (`en` and `enForms`), each with the same form (a string
 * where English has a string, a plural where English has a plural), so a
 * catalog that misses a key or turns a plural into a string fails to compile.
 */
export type Catalog = {readonly [K in MessageKey]: English[K] extends string ? string : Plural};

/** Values for a message's placeholders; numbers are formatted for the locale. */
export type Params = Readonly<Record<string, string | number>>;
