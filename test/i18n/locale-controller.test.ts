import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {loadCatalog, LOCALES} from '../../src/i18n/index.js';
import {effectiveLang, LocaleController} from '../../src/i18n/locale-controller.js';

// This probe is a plain LitElement, which renders at once: its catalogs are loaded first
// (UndersignedElement waits for them; test/i18n/lazy-catalogs.test.ts).
before(() => Promise.all(LOCALES.map(loadCatalog)));

/** A tiny element that renders one message in its language. */
class LocaleProbe extends LitElement {
  readonly locale = new LocaleController(this);
  renders = 0;

  override render() {
    this.renders++;
    return html`<p dir=${this.locale.dir}>${this.locale.t('commentsHeading', {count: 5})}</p>`;
  }
}
customElements.define('locale-probe', LocaleProbe);

const text = (el: LocaleProbe) => el.shadowRoot!.querySelector('p')!.textContent;
const dir = (el: LocaleProbe) => el.shadowRoot!.querySelector('p')!.getAttribute('dir');

/**
 * Settles after a DOM change: mutation observers are delivered in a microtask
 * queued by the change itself, so one turn of the microtask queue lets the
 * controller request its update; then we wait for that update.
 */
async function afterLangChange(el: LocaleProbe): Promise<void> {
  await Promise.resolve();
  await el.updateComplete;
}

describe('LocaleController', () => {
  const html0 = document.documentElement;
  afterEach(() => {
    html0.lang = 'en';
  });

  it('follows the element’s own lang', async () => {
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="es-MX"></locale-probe>`);
    expect(el.locale.locale).to.equal('es');
    expect(text(el)).to.equal('5 comentarios');
    expect(dir(el)).to.equal('ltr');
  });

  it('follows the nearest ancestor’s lang', async () => {
    const wrap = await fixture(html`<div lang="de"><section lang="fr"><div><locale-probe></locale-probe></div></section></div>`);
    const el = wrap.querySelector<LocaleProbe>('locale-probe')!;
    await el.updateComplete;
    expect(text(el)).to.equal('5 commentaires');
  });

  it('follows an ancestor’s lang through shadow roots', async () => {
    const outer = await fixture(html`<div lang="ar"><span></span></div>`);
    const root = outer.querySelector('span')!.attachShadow({mode: 'open'});
    const el = document.createElement('locale-probe') as LocaleProbe;
    root.append(el);
    await el.updateComplete;
    expect(el.locale.locale).to.equal('ar');
    expect(dir(el)).to.equal('rtl');
    expect(text(el)).to.equal(`${new Intl.NumberFormat('ar').format(5)} تعليقات`);

    // A lang inside the shadow root is nearer than the one outside it.
    const inner = document.createElement('div');
    inner.lang = 'pt';
    const el2 = document.createElement('locale-probe') as LocaleProbe;
    inner.append(el2);
    root.append(inner);
    await el2.updateComplete;
    expect(text(el2)).to.equal('5 comentários');
  });

  it('falls back to the document’s lang, then the browser’s, skipping lang=""', async () => {
    const el = await fixture<LocaleProbe>(html`<div lang=""><locale-probe></locale-probe></div>`);
    const probe = el.querySelector<LocaleProbe>('locale-probe')!;
    expect(effectiveLang(probe)).to.equal('en');
    html0.removeAttribute('lang');
    expect(effectiveLang(probe)).to.equal(navigator.language || 'en');
  });

  it('re-renders when the document’s lang changes', async () => {
    const el = await fixture<LocaleProbe>(html`<locale-probe></locale-probe>`);
    expect(text(el)).to.equal('5 comments');
    html0.lang = 'de';
    await afterLangChange(el);
    expect(text(el)).to.equal('5 Kommentare');
    html0.lang = 'ar';
    await afterLangChange(el);
    expect(dir(el)).to.equal('rtl');
  });

  it('does not re-render when a lang change leaves the locale the same', async () => {
    const el = await fixture<LocaleProbe>(html`<locale-probe></locale-probe>`);
    const renders = el.renders;
    html0.lang = 'en-GB';
    await Promise.resolve();
    expect(el.isUpdatePending).to.equal(false);
    await el.updateComplete;
    expect(el.renders).to.equal(renders);
  });

  it('does not follow the document when its own lang is set', async () => {
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="es"></locale-probe>`);
    html0.lang = 'de';
    await afterLangChange(el);
    expect(text(el)).to.equal('5 comentarios');
  });

  it('re-renders when its own lang attribute changes', async () => {
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="en"></locale-probe>`);
    el.lang = 'fr';
    await afterLangChange(el);
    expect(text(el)).to.equal('5 commentaires');
    el.removeAttribute('lang');
    await afterLangChange(el);
    expect(text(el)).to.equal('5 comments');
  });

  it('re-renders when an ancestor’s lang changes', async () => {
    const wrap = await fixture(html`<div lang="en"><locale-probe></locale-probe></div>`);
    const el = wrap.querySelector<LocaleProbe>('locale-probe')!;
    await el.updateComplete;
    wrap.setAttribute('lang', 'pt-BR');
    await afterLangChange(el);
    expect(text(el)).to.equal('5 comentários');
  });

  it('re-renders a host in a shadow root when its own lang changes', async () => {
    const outer = await fixture(html`<div></div>`);
    const el = document.createElement('locale-probe') as LocaleProbe;
    outer.attachShadow({mode: 'open'}).append(el);
    await el.updateComplete;
    el.lang = 'de';
    await afterLangChange(el);
    expect(text(el)).to.equal('5 Kommentare');
  });

  it('shares one MutationObserver between all instances', async () => {
    const Original = window.MutationObserver;
    let created = 0;
    window.MutationObserver = class extends Original {
      constructor(callback: MutationCallback) {
        super(callback);
        created++;
      }
    };
    try {
      const wrap = await fixture(html`<div>
        <locale-probe></locale-probe><locale-probe lang="es"></locale-probe><locale-probe lang="ar"></locale-probe>
      </div>`);
      expect(created).to.equal(1);
      const probes = [...wrap.querySelectorAll<LocaleProbe>('locale-probe')];
      html0.lang = 'fr';
      await Promise.resolve();
      await Promise.all(probes.map((p) => p.updateComplete));
      expect(probes.map(text)).to.deep.equal(['5 commentaires', '5 comentarios', `${new Intl.NumberFormat('ar').format(5)} تعليقات`]);
    } finally {
      window.MutationObserver = Original;
    }
  });

  it('formats dates, relative times and numbers in its locale', async () => {
    const el = await fixture<LocaleProbe>(html`<locale-probe lang="de"></locale-probe>`);
    const iso = '2019-11-12T12:00:00Z';
    expect(el.locale.date(iso)).to.equal(new Intl.DateTimeFormat('de', {dateStyle: 'long'}).format(new Date(iso)));
    expect(el.locale.relative(iso, Date.parse(iso) + 86_400_000)).to.equal('gestern');
    expect(el.locale.number(1234.5)).to.equal('1.234,5');
    expect(el.locale.t('signatoryNumber', {position: 3})).to.equal('Nr. 3');
  });
});
