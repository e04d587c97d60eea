import {expect} from '@open-wc/testing';
import type {Catalog} from '../../src/i18n/catalog.js';
import {ar} from '../../src/i18n/locales/ar.js';
import {de} from '../../src/i18n/locales/de.js';
import {en} from '../../src/i18n/locales/en.js';
import {enForms} from '../../src/i18n/locales/en-forms.js';
import {deep, deepWait, openPage, type EmbedFrame} from '../helpers/embed-frame.js';
import {referenceServer, SERVER_START_TIMEOUT} from '../helpers/reference-server.js';
import {waitUntil} from '../helpers/dom.js';

// Issue 11 item 2: catalogs other than English are lazily loaded chunks
// beside the built bundle, fetched only for a page that needs them, and a
// page in another language never shows English interface text, at any
// frame (test/embed/pages/english-watch.js records every text the widgets'
// shadow roots held, from the first one attached).

const CATALOG_CHUNK = /\/dist\/undersigned-(en|es|fr|pt|de|ar)-[\w-]+\.js$/;
const catalogsFetched = (page: EmbedFrame) =>
  page.win.performance
    .getEntriesByType('resource')
    .map((entry) => CATALOG_CHUNK.exec(entry.name)?.[1])
    .filter((lang): lang is string => lang !== undefined);

const forms = (message: Catalog[keyof Catalog]) => (typeof message === 'string' ? [message] : Object.values(message));

/**
 * The English interface texts a reader could recognise: each message's
 * pieces between placeholders, four characters or more, leaving out those
 * the other catalog or the statement's own (English) data also contain.
 */
function englishTexts(other: Catalog, data: string): string[] {
  const theirs = JSON.stringify(other);
  const pieces = new Set<string>();
  for (const message of [...Object.values(en), ...Object.values(enForms)]) {
    for (const form of forms(message)) {
      for (const piece of form.split(/\{\w+\}/)) {
        const text = piece.trim();
        if (text.length >= 4 && !theirs.includes(text) && !data.includes(text)) pieces.add(text);
      }
    }
  }
  return [...pieces];
}

describe('catalogs load lazily, and no English shows first', function () {
  this.timeout(30000);
  let run: {endpoint: string; statement: string};
  let data: string;
  let page: EmbedFrame | undefined;
  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    run = await referenceServer.start();
    data = await (await fetch('/demo/data/statement.json')).text();
  });
  afterEach(() => page?.remove());

  const open = (lang: string) =>
    openPage(`/test/embed/pages/language.html?lang=${lang}&endpoint=${encodeURIComponent(run.endpoint)}&statement=${encodeURIComponent(run.statement)}`);

  /** Until the three widgets show their data and both forms. */
  async function rendered(p: EmbedFrame): Promise<void> {
    await deepWait(p.doc, 'statement-card', '[part=body] p');
    await deepWait(p.doc, 'signatory-list', '[part~=item]');
    await deepWait(p.doc, 'comment-thread', '[part=comment]');
    await deepWait(p.doc, 'signatory-list', 'sign-form', '[part=submit-button]');
    await deepWait(p.doc, 'comment-thread', 'comment-form', 'textarea');
  }

  for (const [lang, catalog] of [
    ['de', de],
    ['ar', ar],
  ] as const) {
    it(`a page with lang="${lang}" fetches its catalog only, and shows no English text at any frame`, async () => {
      page = await open(lang);
      await rendered(page);
      const submit = deep(page.doc, 'signatory-list', 'sign-form', '[part=submit-button]')!;
      expect(submit.textContent!.trim()).to.equal(catalog.signSubmit);
      expect(catalogsFetched(page)).to.deep.equal([lang]);
      const seen = [...(page.win as unknown as {__texts: Set<string>}).__texts];
      expect(seen.length, 'texts recorded').to.be.greaterThan(20);
      const english = englishTexts(catalog, data);
      expect(english.length, 'English texts to look for').to.be.greaterThan(50);
      const shown = english.filter((text) => seen.some((s) => s.includes(text)));
      expect(shown, 'English texts shown').to.deep.equal([]);
      expect(page.report.errors, 'uncaught errors').to.deep.equal([]);
    });
  }

  it('an English page fetches no catalog', async () => {
    page = await open('en');
    await rendered(page);
    const submit = deep(page.doc, 'signatory-list', 'sign-form', '[part=submit-button]')!;
    expect(submit.textContent!.trim()).to.equal(en.signSubmit);
    await waitUntil(() => page!.doc.querySelector('statement-card')?.shadowRoot?.querySelector('[part=title]'), 'no title');
    expect(catalogsFetched(page)).to.deep.equal([]);
    // Nor, over an endpoint with a short list and no `live`, any other sibling: the
    // static document's code, a long list's window, the live stream (and DOMPurify, with setHTML).
    const scripts = page.win.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /^\/dist\/undersigned.*\.js$/.test(path));
    expect(scripts).to.deep.equal(['/dist/undersigned.js']);
  });
});
