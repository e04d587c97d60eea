import {expect} from '@open-wc/testing';
import type {Catalog, Message, Plural} from '../../src/i18n/catalog.js';
import {LOCALES, type Locale} from '../../src/i18n/index.js';
import {ar} from '../../src/i18n/locales/ar.js';
import {de} from '../../src/i18n/locales/de.js';
import {en as enRead} from '../../src/i18n/locales/en.js';
import {enForms} from '../../src/i18n/locales/en-forms.js';
import {es} from '../../src/i18n/locales/es.js';
import {fr} from '../../src/i18n/locales/fr.js';
import {pt} from '../../src/i18n/locales/pt.js';

/** English whole: what every view shows and what only a form shows after a submit. */
const en: Catalog = {...enRead, ...enForms};
const catalogs: Record<Locale, Catalog> = {en, es, fr, pt, de, ar};
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
const forms = (message: Message): [string, string][] =>
  typeof message === 'string' ? [['text', message]] : Object.entries(message);

describe('message catalogs', () => {
  const keys = Object.keys(en).sort();

  it('cover every supported locale', () => {
    expect(Object.keys(catalogs).sort()).to.deep.equal([...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const catalog = catalogs[locale] as Record<string, Message>;

      it('has exactly the keys of en, each in the same form', () => {
        expect(Object.keys(catalog).sort()).to.deep.equal(keys);
        for (const key of keys) {
          expect(typeof catalog[key], key).to.equal(typeof (en as Record<string, Message>)[key]);
        }
      });

      it('uses the same placeholders as en in every message and plural form', () => {
        for (const key of keys) {
          const source = (en as Record<string, Message>)[key]!;
          const expected = placeholders(typeof source === 'string' ? source : source.other);
          // A plural form may leave out the number it is chosen by (Arabic
          // “منظمتان”, two organisations): `count`, or the only placeholder.
          const selector = expected.has('count') ? 'count' : [...expected][0];
          for (const [form, text] of forms(catalog[key]!)) {
            const found = placeholders(text);
            const where = `${locale}.${key}.${form}: ${text}`;
            for (const name of found) expect(expected.has(name), `unknown {${name}} in ${where}`).to.equal(true);
            for (const name of expected) {
              if (name === selector && form !== 'other' && form !== 'text') continue;
              expect(found.has(name), `missing {${name}} in ${where}`).to.equal(true);
            }
            // Braces only as placeholders: a typo like “{count” would show.
            expect(text.replace(/\{\w+\}/g, ''), `stray brace in ${where}`).to.not.match(/[{}]/);
            expect(text.trim(), `empty text in ${where}`).to.not.equal('');
          }
        }
      });

      it('gives every plural message the categories Intl.PluralRules needs for the language', () => {
        const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const key of keys) {
          const message = catalog[key]!;
          if (typeof message === 'string') continue;
          for (const category of needed) {
            expect((message as Plural)[category as keyof Plural], `${locale}.${key} lacks ${category}`).to.be.a('string');
          }
          for (const category of Object.keys(message)) expect(CATEGORIES, `${locale}.${key}`).to.include(category);
        }
      });
    });
  }

  it('Arabic supplies all six plural categories', () => {
    const needed = new Intl.PluralRules('ar').resolvedOptions().pluralCategories;
    expect([...needed].sort()).to.deep.equal([...CATEGORIES].sort());
    for (const message of Object.values(ar)) {
      if (typeof message !== 'string') expect(Object.keys(message).sort()).to.deep.equal([...CATEGORIES].sort());
    }
  });
});
