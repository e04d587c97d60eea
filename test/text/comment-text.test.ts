import {expect, fixture, html} from '@open-wc/testing';
import {linkify, parseCommentText, renderCommentText, type Block} from '../../src/text/comment-text.js';

declare global {
  interface Window {
    __commentPwned?: number;
  }
}

/** Blocks as plain data: each line as its text, links marked as [text](href). */
const shape = (blocks: Block[]) =>
  blocks.map((b) => ({
    kind: b.kind,
    lines: b.lines.map((line) => line.map((s) => (s.href ? `[${s.text}](${s.href})` : s.text)).join('')),
  }));

async function render(body: string): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<div>${renderCommentText(body)}</div>`);
}

describe('parseCommentText', () => {
  it('splits paragraphs on blank lines and keeps single newlines as line breaks', () => {
    expect(shape(parseCommentText('One\ntwo\n\n\nThree'))).to.deep.equal([
      {kind: 'paragraph', lines: ['One', 'two']},
      {kind: 'paragraph', lines: ['Three']},
    ]);
  });

  it('handles \\r\\n, whitespace-only lines, and leading and trailing blank lines', () => {
    expect(shape(parseCommentText('\r\n  \r\nOne\r\ntwo  \r\n \t \r\nThree\r\n\r\n'))).to.deep.equal([
      {kind: 'paragraph', lines: ['One', 'two']},
      {kind: 'paragraph', lines: ['Three']},
    ]);
    expect(parseCommentText('')).to.deep.equal([]);
    expect(parseCommentText('\n\n  \n')).to.deep.equal([]);
  });

  it('groups consecutive quote lines into one quote, with bare `>` as an empty line', () => {
    expect(shape(parseCommentText('Before\n> one\n>\n> two\nAfter'))).to.deep.equal([
      {kind: 'paragraph', lines: ['Before']},
      {kind: 'quote', lines: ['one', '', 'two']},
      {kind: 'paragraph', lines: ['After']},
    ]);
  });

  it('drops empty quote lines at a quote’s ends and quotes that hold nothing', () => {
    expect(shape(parseCommentText('>\n> x\n>\n\n>\n>'))).to.deep.equal([{kind: 'quote', lines: ['x']}]);
  });

  it('separates two quotes divided by a blank line; `>x` and `> > x` are not nested quotes', () => {
    expect(shape(parseCommentText('> a\n\n> b\n\n>_> hm\n\n> > nested'))).to.deep.equal([
      {kind: 'quote', lines: ['a']},
      {kind: 'quote', lines: ['b']},
      {kind: 'paragraph', lines: ['>_> hm']},
      {kind: 'quote', lines: ['> nested']},
    ]);
  });
});

describe('linkify', () => {
  const links = (text: string) => linkify(text).filter((s) => s.href).map((s) => s.text);

  it('links bare http and https URLs', () => {
    expect(shape([{kind: 'paragraph', lines: [linkify('See https://example.org/page and http://a.example.')]}])[0]!.lines).to.deep.equal([
      'See [https://example.org/page](https://example.org/page) and [http://a.example](http://a.example/).',
    ]);
  });

  it('leaves sentence punctuation and closing quotes out of the URL', () => {
    expect(links('Go to https://a.example/x.')).to.deep.equal(['https://a.example/x']);
    expect(links('(see https://a.example/x), then')).to.deep.equal(['https://a.example/x']);
    expect(links('Really? https://a.example/x?!')).to.deep.equal(['https://a.example/x']);
    expect(links('“https://a.example/q”; and ‘https://b.example/’')).to.deep.equal(['https://a.example/q', 'https://b.example/']);
    expect(links('«https://a.example/fr» https://b.example/a:')).to.deep.equal(['https://a.example/fr', 'https://b.example/a']);
    expect(links('"https://a.example/d" <https://b.example/e>')).to.deep.equal(['https://a.example/d', 'https://b.example/e']);
  });

  it('keeps balanced parentheses and query strings', () => {
    expect(links('https://en.wikipedia.org/wiki/Bolivia_(disambiguation).')).to.deep.equal([
      'https://en.wikipedia.org/wiki/Bolivia_(disambiguation)',
    ]);
    expect(links('(https://en.wikipedia.org/wiki/Bolivia_(disambiguation))')).to.deep.equal([
      'https://en.wikipedia.org/wiki/Bolivia_(disambiguation)',
    ]);
    expect(links('https://a.example/s?q=1&r=2#frag')).to.deep.equal(['https://a.example/s?q=1&r=2#frag']);
  });

  it('never links javascript:, data: or other schemes, nor URLs glued to a word', () => {
    for (const text of ['javascript:alert(1)', 'JAVASCRIPT://x.example/%0Aalert(1)', 'data:text/html,x', 'ftp://a.example', 'xhttps://a.example', 'https://', 'https://:80']) {
      expect(links(text), text).to.deep.equal([]);
    }
  });

  it('keeps every character of the text across segments', () => {
    const text = 'a https://a.example/b, c (https://d.example) e';
    expect(linkify(text).map((s) => s.text).join('')).to.equal(text);
  });
});

describe('renderCommentText', () => {
  afterEach(() => {
    delete window.__commentPwned;
  });

  it('renders paragraphs with line breaks and a blockquote', async () => {
    const el = await render('First line\nsecond line\n\n> quoted\n> more\n\nLast');
    const ps = [...el.querySelectorAll(':scope > p')];
    expect(ps.map((p) => p.textContent)).to.deep.equal(['First linesecond line', 'Last']);
    expect(ps[0]!.querySelectorAll('br')).to.have.length(1);
    const quote = el.querySelector('blockquote')!;
    expect(quote.textContent).to.equal('quotedmore');
    expect(quote.querySelectorAll('br')).to.have.length(1);
  });

  it('renders links with rel="nofollow ugc noopener"', async () => {
    const el = await render('Read https://example.org/report.');
    const a = el.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('https://example.org/report');
    expect(a.getAttribute('rel')).to.equal('nofollow ugc noopener');
    expect(a.textContent).to.equal('https://example.org/report');
    expect(el.querySelector('p')!.textContent).to.equal('Read https://example.org/report.');
  });

  it('shows markup as literal text and never runs it', async () => {
    const hostile = '<script>window.__commentPwned=1</script><img src=x onerror="window.__commentPwned=2"><b>bold</b>';
    const el = await render(`${hostile}\n\n> ${hostile}`);
    expect(el.querySelector('script, img, b')).to.equal(null);
    expect(el.querySelector('p')!.textContent).to.equal(hostile);
    expect(el.querySelector('blockquote')!.textContent).to.equal(hostile);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(window.__commentPwned).to.equal(undefined);
  });

  it('does not make javascript: a link', async () => {
    const el = await render('javascript:alert(1)\n\n[x](javascript:alert(1))');
    expect(el.querySelector('a')).to.equal(null);
    expect(el.textContent).to.contain('javascript:alert(1)');
  });

  it('renders names and text in any script as given', async () => {
    const text = '“Ñandú” — São Paulo, 北京, עברית, مرحبا';
    const el = await render(text);
    expect(el.querySelector('p')!.textContent).to.equal(text);
  });
});
