import {expect} from '@open-wc/testing';
import {dirOf, formatDate, formatNumber, formatRelative, loadCatalog, LOCALES, resolveLocale, translate} from '../../src/i18n/index.js';

// Catalogs other than English are lazily loaded chunks: these tests read them all.
before(() => Promise.all(LOCALES.map(loadCatalog)));

describe('resolveLocale', () => {
  const cases: [string | null | undefined, string][] = [
    ['en', 'en'],
    ['en-GB', 'en'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['pt-BR', 'pt'],
    ['pt_PT', 'pt'],
    ['FR-ca', 'fr'],
    ['de-AT', 'de'],
    ['ar', 'ar'],
    ['ar-EG', 'ar'],
    [' es ', 'es'],
    ['zh-Hant-TW', 'en'],
    ['it', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
    ['not a tag!', 'en'],
  ];
  for (const [tag, locale] of cases) {
    it(`${JSON.stringify(tag)} → ${locale}`, () => expect(resolveLocale(tag)).to.equal(locale));
  }
});

describe('dirOf', () => {
  it('is rtl for Arabic only', () => {
    expect(dirOf('ar')).to.equal('rtl');
    for (const locale of ['en', 'es', 'fr', 'pt', 'de'] as const) expect(dirOf(locale)).to.equal('ltr');
  });
});

describe('translate', () => {
  it('fills placeholders, formatting numbers for the locale', () => {
    expect(translate('en', 'showingOf', {shown: 50, total: 1234})).to.equal('Showing 50 of 1,234');
    expect(translate('de', 'showingOf', {shown: 50, total: 1234})).to.equal('50 von 1.234 angezeigt');
    expect(translate('en', 'noMatches', {query: '<b>x</b>'})).to.equal('No signatories match “<b>x</b>”.');
    expect(translate('en', 'inReplyTo', {name: '{count}'})).to.equal('In reply to {count}');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(translate('en', 'published')).to.equal('Published {date}');
  });

  it('picks English plural forms by count', () => {
    expect(translate('en', 'commentsHeading', {count: 0})).to.equal('0 comments');
    expect(translate('en', 'commentsHeading', {count: 1})).to.equal('1 comment');
    expect(translate('en', 'commentsHeading', {count: 2})).to.equal('2 comments');
    expect(translate('en', 'signedOrganizations', {count: 1})).to.equal('1 organization has signed');
    expect(translate('en', 'signedOrganizations', {count: 30})).to.equal('30 organizations have signed');
    expect(translate('en', 'signedIndividuals', {count: 1200})).to.equal('1,200 people have signed');
  });

  it('picks Spanish plural forms, including “de” for millions', () => {
    expect(translate('es', 'commentsHeading', {count: 1})).to.equal('1 comentario');
    expect(translate('es', 'commentsHeading', {count: 5})).to.equal('5 comentarios');
    expect(translate('es', 'signedOrganizations', {count: 1})).to.equal('1 organización ha firmado');
    const million = translate('es', 'signedIndividuals', {count: 1_000_000});
    const many = new Intl.PluralRules('es').select(1_000_000) === 'many';
    expect(million).to.equal(`${new Intl.NumberFormat('es').format(1_000_000)} ${many ? 'de ' : ''}personas han firmado`);
  });

  it('picks all six Arabic plural forms', () => {
    const n = (v: number) => new Intl.NumberFormat('ar').format(v);
    expect(translate('ar', 'commentsHeading', {count: 0})).to.equal('لا تعليقات');
    expect(translate('ar', 'commentsHeading', {count: 1})).to.equal('تعليق واحد');
    expect(translate('ar', 'commentsHeading', {count: 2})).to.equal('تعليقان');
    expect(translate('ar', 'commentsHeading', {count: 3})).to.equal(`${n(3)} تعليقات`);
    expect(translate('ar', 'commentsHeading', {count: 11})).to.equal(`${n(11)} تعليقًا`);
    expect(translate('ar', 'commentsHeading', {count: 100})).to.equal(`${n(100)} تعليق`);
    expect(translate('ar', 'signedOrganizations', {count: 2})).to.equal('وقّعت منظمتان');
  });

  it('chooses a plural without `count` by its only number', async () => {
    // English for what a form shows after a submit comes with the forms' sending code.
    await import('../../src/internal/form-senders.js');
    expect(translate('en', 'errorRateLimited', {seconds: 1})).to.equal('Too many attempts. Try again in 1 second.');
    expect(translate('en', 'errorRateLimited', {seconds: 30})).to.equal('Too many attempts. Try again in 30 seconds.');
  });

  it('formats numbers for the locale', () => {
    expect(formatNumber('en', 12345)).to.equal('12,345');
    expect(formatNumber('fr', 12345)).to.equal(new Intl.NumberFormat('fr').format(12345));
  });
});

describe('formatDate', () => {
  it('formats an ISO date in the locale, and returns unparsable input unchanged', () => {
    const iso = '2019-11-12T12:00:00Z';
    expect(formatDate('en', iso)).to.equal(new Intl.DateTimeFormat('en', {dateStyle: 'long'}).format(new Date(iso)));
    expect(formatDate('es', iso, 'short')).to.equal(new Intl.DateTimeFormat('es', {dateStyle: 'short'}).format(new Date(iso)));
    expect(formatDate('en', 'not a date')).to.equal('not a date');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2024-06-15T12:00:00Z');
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const S = 1000;
  const M = 60 * S;
  const H = 60 * M;
  const D = 24 * H;

  const cases: [number, string][] = [
    [0, 'now'],
    [30 * S, 'now'],
    [-20 * S, 'now'],
    [61 * S, '1 minute ago'],
    [5 * M, '5 minutes ago'],
    [59 * M + 40 * S, '1 hour ago'],
    [3 * H, '3 hours ago'],
    [23 * H + 40 * M, 'yesterday'],
    [3 * D, '3 days ago'],
    [8 * D, 'last week'],
    [20 * D, '3 weeks ago'],
    [45 * D, 'last month'],
    [200 * D, '7 months ago'],
    [400 * D, 'last year'],
    [3 * 365 * D, '3 years ago'],
    [-2 * H, 'in 2 hours'],
    [-2 * D, 'in 2 days'],
  ];
  for (const [ms, text] of cases) {
    it(`${ms} ms before now → “${text}”`, () => expect(formatRelative('en', ago(ms), now)).to.equal(text));
  }

  it('speaks the locale', () => {
    expect(formatRelative('es', ago(3 * D), now)).to.equal('hace 3 días');
    expect(formatRelative('de', ago(D), now)).to.equal('gestern');
    expect(formatRelative('fr', ago(5 * M), now)).to.equal(new Intl.RelativeTimeFormat('fr', {numeric: 'auto'}).format(-5, 'minute'));
    expect(formatRelative('ar', ago(2 * H), new Date(now))).to.equal(new Intl.RelativeTimeFormat('ar', {numeric: 'auto'}).format(-2, 'hour'));
  });

  it('returns unparsable input unchanged', () => {
    expect(formatRelative('en', 'soon', now)).to.equal('soon');
  });
});
