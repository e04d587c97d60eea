import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {openPage, type EmbedFrame} from '../helpers/embed-frame.js';
import {waitUntil} from '../helpers/dom.js';

// demo/embed.html, the embed-code page for editors: the options make the
// snippet, the preview runs exactly that snippet on an origin of its own
// (as on the editor's site), and Copy puts it on the clipboard (or selects
// it when the clipboard is denied).

interface FrameRead {
  origin?: string;
  found: boolean;
  text?: string | null;
  style?: string | null;
}

/** What the preview frame shows at `selectors` (through shadow roots), read from outside its origin. */
const readPreview = (selectors: string[], style?: string) =>
  executeServerCommand<FrameRead, {parent: string; selectors: string[]; style?: string}>('frame-read', {
    parent: '/demo/embed.html', selectors, style,
  });

/** Waits until the preview shows something at `selectors`, and returns it. */
async function previewShows(selectors: string[], style?: string): Promise<FrameRead> {
  let read: FrameRead = {found: false};
  await waitUntil(async () => (read = await readPreview(selectors, style)).found, `the preview shows nothing at ${selectors.join(' >> ')}`, {timeout: 8000});
  return read;
}

describe('the embed-code page', () => {
  let page: EmbedFrame;
  beforeEach(async () => {
    page = await openPage('/demo/embed.html', 1000);
  });
  afterEach(() => page.remove());

  const $ = <T extends Element = HTMLInputElement>(selector: string) => page.doc.querySelector<T>(selector)!;
  const snippet = () => $<HTMLTextAreaElement>('#snippet').value;
  const preview = () => $<HTMLIFrameElement>('#preview');
  /** Sets a field as a person would, firing the events the page listens to. */
  function set(selector: string, value: string | boolean) {
    const field = $(selector);
    if (typeof value === 'boolean') field.checked = value;
    else field.value = value;
    field.dispatchEvent(new Event('input', {bubbles: true}));
    field.dispatchEvent(new Event('change', {bubbles: true}));
  }
  async function previewFollows(expected: string): Promise<void> {
    // The preview frame's document is the snippet in an empty page, and nothing else.
    await waitUntil(() => preview().srcdoc.includes(`<body>\n${expected}\n</body>`), 'the preview did not follow', {timeout: 8000});
  }

  it('starts with a working snippet for this site’s endpoint', () => {
    const origin = location.origin;
    expect(snippet()).to.equal(
      [
        `<script type="module" src="${origin}/dist/undersigned.js"></script>`,
        `<statement-card endpoint="${origin}/v1" statement="wren-river">`,
        '  <signatory-list></signatory-list>',
        '  <comment-thread></comment-thread>',
        '</statement-card>',
      ].join('\n')
    );
  });

  it('follows the options, and the preview runs exactly the snippet', async () => {
    const origin = location.origin;
    set('input[name=mode][value=static]', true);
    set('input[name=comments]', false);
    set('select[name=lang]', 'es');
    set('select[name=theme]', 'dark');
    set('input[name=customAccent]', true);
    set('input[name=accent]', '#123456');
    const expected = [
      `<script type="module" src="${origin}/dist/undersigned.js"></script>`,
      '<style>',
      '  statement-card, signatory-list {',
      '    --undersigned-color-accent: #123456;',
      '  }',
      '</style>',
      `<statement-card src="${origin}/demo/data/statement.json" lang="es" theme="dark">`,
      '  <signatory-list></signatory-list>',
      '</statement-card>',
    ].join('\n');
    expect(snippet()).to.equal(expected);
    await previewFollows(expected);
    expect(preview().srcdoc.split('<body>\n')[1]).to.equal(`${expected}\n</body></html>`);
    const title = await previewShows(['statement-card[lang=es][theme=dark]', '[part=title]']);
    expect(title.text).to.equal('Keep the Wren River whole');
    // On an origin of its own (opaque), never the server's: the library and the document came across origins.
    expect(title.origin).to.equal('null');
    expect(preview().sandbox.contains('allow-same-origin')).to.equal(false);
    // Spanish, dark, with the chosen accent: what the reader of the page will see.
    expect((await previewShows(['statement-card', '[part=share-button]'])).text!.trim()).to.equal('Compartir');
    expect((await previewShows(['statement-card', '[part=kicker]'], 'color')).style).to.equal('rgb(18, 52, 86)');
    await previewShows(['signatory-list', '[part~=item]']);
    expect((await readPreview(['comment-thread'])).found).to.equal(false);
  });

  it('makes standalone elements without the card, and a classic script', async () => {
    set('input[name=card]', false);
    set('input[name=format][value=classic]', true);
    set('#statement', 'another-letter');
    const origin = location.origin;
    expect(snippet()).to.equal(
      [
        `<script defer src="${origin}/dist/undersigned.iife.js"></script>`,
        `<signatory-list endpoint="${origin}/v1" statement="another-letter"></signatory-list>`,
        `<comment-thread endpoint="${origin}/v1" statement="another-letter"></comment-thread>`,
      ].join('\n')
    );
    set('input[name=format][value=module]', true);
    expect(snippet().split('\n')[0]).to.equal(`<script type="module" src="${origin}/dist/undersigned.js"></script>`);
  });

  it('runs the classic choice as a classic script: the preview renders', async () => {
    set('input[name=mode][value=static]', true);
    set('input[name=format][value=classic]', true);
    expect(snippet().split('\n')[0]).to.match(/^<script defer src=".*\/dist\/undersigned\.iife\.js"><\/script>$/);
    await previewFollows(snippet());
    const title = await previewShows(['statement-card', '[part=title]']);
    expect(title.text).to.equal('Keep the Wren River whole');
    expect(title.origin).to.equal('null');
  });

  it('fits a 375 px phone screen: nothing wider than the screen', async () => {
    page.remove();
    page = await openPage('/demo/embed.html', 375);
    const root = page.doc.documentElement;
    const wide = [...page.doc.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5);
    expect(wide.map((el) => el.outerHTML.slice(0, 60)), 'wider than the screen').to.deep.equal([]);
    expect(root.scrollWidth, 'page width at 375 px').to.be.at.most(root.clientWidth);
  });

  it('hides the fields of the other source', () => {
    const shown = (selector: string) => $(selector).closest('label')!.checkVisibility();
    expect(shown('#statement')).to.equal(true);
    set('input[name=mode][value=static]', true);
    expect(shown('#statement')).to.equal(false);
    expect(shown('#src')).to.equal(true);
  });

  it('escapes what an editor types, and says what to fix instead of making a broken snippet', () => {
    set('#statement', 'x" onload="alert(1)');
    expect(snippet()).to.contain('statement="x&quot; onload=&quot;alert(1)"');
    set('#endpoint', 'api.example.org/v1');
    expect(snippet()).to.equal('');
    expect($('#problem').textContent).to.match(/full address/);
    expect($<HTMLButtonElement>('#copy').disabled).to.equal(true);
    set('#endpoint', 'https://api.example.org/v1');
    expect(snippet()).to.contain('endpoint="https://api.example.org/v1"');
    expect($('#problem').textContent).to.equal('');
  });

  it('copies the exact snippet to the clipboard', async () => {
    let copied: string | undefined;
    Object.defineProperty(page.win.navigator, 'clipboard', {
      configurable: true,
      value: {writeText: async (text: string) => void (copied = text)},
    });
    $<HTMLButtonElement>('#copy').click();
    await waitUntil(() => $('#copy-status').textContent, 'no confirmation');
    expect(copied).to.equal(snippet());
    expect($('#copy-status').textContent).to.match(/Copied/);
  });

  it('selects the snippet for Ctrl+C when the clipboard is denied', async () => {
    Object.defineProperty(page.win.navigator, 'clipboard', {
      configurable: true,
      value: {writeText: async () => Promise.reject(new DOMException('denied', 'NotAllowedError'))},
    });
    $<HTMLButtonElement>('#copy').click();
    await waitUntil(() => $('#copy-status').textContent, 'no message');
    const box = $<HTMLTextAreaElement>('#snippet');
    expect(page.doc.activeElement).to.equal(box);
    expect([box.selectionStart, box.selectionEnd]).to.deep.equal([0, box.value.length]);
    expect($('#copy-status').textContent).to.match(/Ctrl\+C/);
  });
});
