import {expect, fixture, html} from '@open-wc/testing';
import {emulateMedia} from '@web/test-runner-commands';
import '../../src/elements/statement-card/statement-card.js';
import '../../src/elements/signatory-list/signatory-list.js';
import type {StatementCard} from '../../src/elements/statement-card/statement-card.js';
import {FakeEndpoint, wireOrganizations, wireStatement} from '../helpers/fake-endpoint.js';
import {waitUntil} from '../helpers/dom.js';

// The `theme` attribute: light or dark whatever the page and the reader's
// preference, with the widgets inside the card following.

const LIGHT_ACCENT = 'rgb(11, 92, 173)';
const DARK_ACCENT = 'rgb(138, 184, 255)';

async function themed(theme?: string): Promise<StatementCard> {
  const el = await fixture<StatementCard>(html`<div style="color: rgb(200, 0, 0)">
    <statement-card endpoint="https://api.test/v1" statement="test-letter" lang="en" theme=${theme ?? ''}>
      <signatory-list></signatory-list>
    </statement-card>
  </div>`);
  const card = el.querySelector('statement-card')!;
  if (!theme) card.removeAttribute('theme');
  await waitUntil(() => card.shadowRoot!.querySelector('[part=title]'), 'the card did not load');
  await waitUntil(() => card.querySelector('signatory-list')!.shadowRoot!.querySelector('[part~=item]'), 'no list');
  return card;
}

const style = (el: Element) => getComputedStyle(el);
const root = (el: Element) => el.shadowRoot!.querySelector('[part~="base"]')!;
const kicker = (card: StatementCard) => card.shadowRoot!.querySelector('[part=kicker]')!;

describe('theme', () => {
  let api: FakeEndpoint;
  beforeEach(() => {
    api = new FakeEndpoint({statement: wireStatement(), signatories: wireOrganizations(3)});
  });
  afterEach(async () => {
    api.restore();
    await emulateMedia({colorScheme: 'light'});
  });

  it('unset: the page’s text colour, no background, the light accent for a light reader', async () => {
    const card = await themed();
    expect(style(root(card)).color).to.equal('rgb(200, 0, 0)');
    expect(style(root(card)).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(style(kicker(card)).color).to.equal(LIGHT_ACCENT);
  });

  it('dark: its own light text on a dark background, the dark accent, for a light reader too', async () => {
    const card = await themed('dark');
    expect(card.theme).to.equal('dark');
    expect(style(root(card)).color).to.equal('rgb(232, 234, 237)');
    expect(style(root(card)).backgroundColor).to.equal('rgb(27, 29, 34)');
    expect(style(kicker(card)).color).to.equal(DARK_ACCENT);
    expect(style(root(card)).colorScheme).to.equal('dark');
    // The list inside the card follows: text colour and scheme.
    const list = card.querySelector('signatory-list')!;
    expect(style(root(list)).color).to.equal('rgb(232, 234, 237)');
    expect(style(root(list)).colorScheme).to.equal('dark');
    await expect(card).to.be.accessible();
  });

  it('light: dark text on white, the light accent, for a dark reader too', async () => {
    await emulateMedia({colorScheme: 'dark'});
    const card = await themed('light');
    expect(style(root(card)).color).to.equal('rgb(31, 35, 40)');
    expect(style(root(card)).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style(kicker(card)).color).to.equal(LIGHT_ACCENT);
    const list = card.querySelector('signatory-list')!;
    expect(style(root(list)).colorScheme).to.equal('light');
  });

  it('auto follows the reader, like unset', async () => {
    await emulateMedia({colorScheme: 'dark'});
    const card = await themed('auto');
    expect(style(kicker(card)).color).to.equal(DARK_ACCENT);
    expect(style(root(card)).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('a custom accent wins over the theme’s', async () => {
    const card = await themed('dark');
    card.style.setProperty('--undersigned-color-accent', 'rgb(1, 2, 3)');
    expect(style(kicker(card)).color).to.equal('rgb(1, 2, 3)');
  });
});
