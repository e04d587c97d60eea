import {expect} from '@open-wc/testing';
import {deep, deepWait, openPage, type EmbedFrame} from '../helpers/embed-frame.js';
import {waitUntil} from '../helpers/dom.js';

// The built bundle on host pages that fight it (test/embed/pages). What a
// reader would notice is layout, so the tests read computed styles inside
// the shadow roots.

const px = (value: string) => parseFloat(value);

describe('on a page with aggressive theme CSS', () => {
  let page: EmbedFrame;
  before(async () => {
    page = await openPage('/test/embed/pages/hostile-css.html');
    await deepWait(page.doc, 'signatory-list', '[part~=item]');
    await deepWait(page.doc, 'comment-thread', '[part~=comment]');
  });
  after(() => page.remove());
  const style = (el: Element) => page.win.getComputedStyle(el);

  it('the theme rules really apply on the page itself', () => {
    const own = page.doc.querySelector('body > p')!;
    expect(style(own).fontSize).to.equal('40px');
    expect(px(style(own).lineHeight)).to.equal(120);
    expect(style(own).display).to.equal('inline');
  });

  it('body paragraphs keep their size, line height, block layout and spacing', () => {
    const p = deep(page.doc, 'statement-card', '[part=body] p')!;
    const s = style(p);
    const size = px(s.fontSize);
    expect(size).to.be.within(15, 19);
    expect(px(s.lineHeight) / size).to.be.closeTo(1.5, 0.01);
    expect(s.display).to.equal('block');
    expect(px(s.marginBlockEnd)).to.be.within(10, 20);
    for (const [property, value] of [
      ['font-weight', '400'],
      ['font-style', 'normal'],
      ['font-variant-caps', 'normal'],
      ['letter-spacing', 'normal'],
      ['word-spacing', '0px'],
      ['text-transform', 'none'],
      ['text-indent', '0px'],
      ['text-align', 'start'],
      ['text-align-last', 'auto'],
      ['text-shadow', 'none'],
      ['white-space', 'normal'],
      ['word-break', 'normal'],
    ]) {
      expect(s.getPropertyValue(property), property).to.equal(value);
    }
  });

  it('takes only the font family and the colour from the page', () => {
    const title = deep(page.doc, 'statement-card', '[part=title]')!;
    expect(style(title).fontFamily).to.equal('Georgia, serif');
    expect(style(title).color).to.equal('rgb(20, 40, 60)');
    expect(style(title).textTransform).to.equal('none');
  });

  it('buttons keep their own size and box', () => {
    const share = deep(page.doc, 'statement-card', '[part=share-button]')!;
    expect(px(style(share).fontSize)).to.be.within(13, 18);
    expect(style(share).display).to.equal('inline-flex');
    expect(style(share).boxSizing).to.equal('border-box');
    expect(share.getBoundingClientRect().height).to.be.within(36, 60);
  });

  it('the statement body lists show bullets, and the signatories their numbers', () => {
    const li = deep(page.doc, 'statement-card', '[part=body] ul > li')!;
    expect(style(li).display).to.equal('list-item');
    expect(style(li).listStyleType).to.equal('disc');
    expect(style(li).listStylePosition).to.equal('outside');
    const item = deep(page.doc, 'signatory-list', '[part~=item]')!;
    expect(style(item).display).to.equal('grid');
    expect(item.querySelector('[part~=number]')!.textContent!.trim()).to.match(/^1\b/);
  });

  it('the hero image fills the card width, with its aspect ratio', () => {
    const card = page.doc.querySelector('statement-card')!;
    const image = deep(page.doc, 'statement-card', '[part=image]')!;
    const {width, height} = image.getBoundingClientRect();
    expect(width).to.be.closeTo(card.getBoundingClientRect().width, 1);
    expect(width / height).to.be.closeTo(16 / 9, 0.05);
  });

  it('logs nothing', () => {
    expect(page.report.errors).to.deep.equal([]);
    expect(page.report.consoleErrors).to.deep.equal([]);
    expect(page.report.warnings).to.deep.equal([]);
  });
});

describe('on a page whose <base href> points elsewhere', () => {
  let page: EmbedFrame;
  before(async () => {
    page = await openPage('/test/embed/pages/hostile-base.html');
  });
  after(() => page.remove());

  it('a relative src reads the document from the page’s own origin', async () => {
    await deepWait(page.doc, 'statement-card', '[part=body] p');
    await deepWait(page.doc, 'statement-card > signatory-list', '[part~=item]');
    const urls = page.win.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(urls).to.include(`${location.origin}/demo/data/statement.json`);
    // (The test server's own live-reload script, injected into the page, is the base's business.)
    const ours = urls.filter((url) => !url.includes('__web-dev-server__'));
    expect(ours.filter((url) => url.includes('elsewhere.invalid'))).to.deep.equal([]);
  });

  it('a relative endpoint is asked on the page’s own origin', async () => {
    const expected = `${location.origin}/test/embed/no-api/v1/statements/wren-river/signatories`;
    await waitUntil(
      () => page.win.performance.getEntriesByType('resource').some((entry) => entry.name.startsWith(expected)),
      'no request to the endpoint on the page’s origin',
      {timeout: 8000}
    );
    // Nothing answers there in this test: the list says so, with a retry.
    await deepWait(page.doc, '#live', '[part=retry-button]');
  });
});

describe('on a right-to-left Arabic page', () => {
  let page: EmbedFrame;
  before(async () => {
    page = await openPage('/test/embed/pages/rtl.html');
    await deepWait(page.doc, 'statement-card', '[part=note]');
    await deepWait(page.doc, 'signatory-list', '[part~=item]');
  });
  after(() => page.remove());
  const style = (el: Element) => page.win.getComputedStyle(el);

  it('speaks Arabic', () => {
    expect(deep(page.doc, 'statement-card', '[part=share-button]')!.textContent!.trim()).to.equal('مشاركة');
    expect(deep(page.doc, 'statement-card', '[part=base]')!.getAttribute('dir')).to.equal('rtl');
  });

  it('mirrors: the notes banner’s rule is on the right, text starts on the right', () => {
    const note = deep(page.doc, 'statement-card', '[part=note]')!;
    expect(style(note).borderRightWidth).to.equal('4px');
    expect(style(note).borderLeftWidth).to.equal('0px');
    const p = deep(page.doc, 'statement-card', '[part=body] p')!;
    expect(style(p).direction).to.equal('rtl');
    expect(style(p).textAlign).to.equal('start');
  });

  it('puts the signatory numbers on the right of the names', () => {
    const item = deep(page.doc, 'signatory-list', '[part~=item]')!;
    const number = item.querySelector('[part~=number]')!.getBoundingClientRect();
    const name = item.querySelector('[part~=name]')!.getBoundingClientRect();
    expect(number.left).to.be.greaterThan(name.right - 1);
  });

  it('indents replies from the right', async () => {
    const replies = await deepWait(page.doc, 'comment-thread', '[part~=replies]');
    expect(style(replies).borderRightWidth).to.equal('2px');
    expect(style(replies).borderLeftWidth).to.equal('0px');
    const parent = replies.closest('li')!.querySelector(':scope > [part~=comment]')!.getBoundingClientRect();
    const reply = replies.querySelector('[part~=comment]')!.getBoundingClientRect();
    expect(parent.right - reply.right).to.be.greaterThan(8);
    expect(Math.abs(parent.left - reply.left)).to.be.lessThan(2);
  });
});
