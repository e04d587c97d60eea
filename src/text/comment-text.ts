import {html, nothing, type TemplateResult} from 'lit';

/**
 * Comment bodies are plain text (DESIGN.md): blank lines separate
 * paragraphs, lines starting with `> ` (or a bare `>`) are quotes,
 * consecutive quote lines form one quote, bare http(s) URLs become links,
 * and a single newline is a line break. Everything is rendered through Lit
 * text bindings, so markup in a comment shows as typed.
 */

/** A run of text, or a link when `href` is set (`text` is what was typed). */
export interface Segment {
  text: string;
  href?: string;
}

/** One line of a block, split into text and links. */
export type Line = Segment[];

export interface Block {
  kind: 'paragraph' | 'quote';
  lines: Line[];
}

// A quote line: `>` then a space or the end of the line. `>foo` stays text
// (emoticons, arrows); `> > x` is one level of quote showing “> x”.
const QUOTE = /^>(?: |$)/;

// Candidate URLs: http(s):// not glued to a preceding word, up to whitespace
// or characters that cannot appear unescaped in one.
const URL_CANDIDATE = /(?<![\w/.@])https?:\/\/[^\s<>"]+/gi;

// Characters that end a sentence or close a quote rather than a URL.
const TRAILING = /[.,;:!?'’”»\]}*]$/;

/** Drops trailing punctuation that belongs to the sentence, keeping balanced `)`. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    if (TRAILING.test(url)) {
      url = url.slice(0, -1);
    } else if (url.endsWith(')') && url.split('(').length < url.split(')').length) {
      url = url.slice(0, -1);
    } else {
      return url;
    }
  }
}

/** `text` split into plain runs and links. */
export function linkify(text: string): Line {
  const line: Line = [];
  let last = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const typed = trimUrl(match[0]);
    let href: string | undefined;
    try {
      const url = new URL(typed);
      if (url.hostname) href = url.href;
    } catch {
      // Not a URL after all: stays text.
    }
    if (!href) continue;
    if (match.index > last) line.push({text: text.slice(last, match.index)});
    line.push({text: typed, href});
    last = match.index + typed.length;
  }
  if (last < text.length) line.push({text: text.slice(last)});
  return line;
}

/** A comment body as paragraphs and quotes, each a list of lines. */
export function parseCommentText(body: string): Block[] {
  const blocks: Block[] = [];
  let current: {kind: Block['kind']; lines: string[]} | undefined;
  const flush = () => {
    if (current) {
      const lines = current.lines;
      // Empty quote lines (a bare `>`) at either end of a quote carry nothing.
      while (lines.length && !lines[0]!.trim()) lines.shift();
      while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
      if (lines.length) blocks.push({kind: current.kind, lines: lines.map(linkify)});
    }
    current = undefined;
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (QUOTE.test(line)) {
      if (current?.kind !== 'quote') flush();
      (current ??= {kind: 'quote', lines: []}).lines.push(line.slice(2));
    } else if (!line.trim()) {
      flush();
    } else {
      if (current?.kind !== 'paragraph') flush();
      (current ??= {kind: 'paragraph', lines: []}).lines.push(line);
    }
  }
  flush();
  return blocks;
}

const renderLines = (lines: Line[]) =>
  lines.map(
    (line, i) =>
      html`${i ? html`<br />` : nothing}${line.map((segment) =>
        segment.href ? html`<a href=${segment.href} rel="nofollow ugc noopener">${segment.text}</a>` : segment.text
      )}`
  );

/** A comment body as Lit templates: `<p>`s and `<blockquote>`s with `<br>` and links. */
export function renderCommentText(body: string): TemplateResult {
  return html`${parseCommentText(body).map((block) =>
    block.kind === 'quote'
      ? html`<blockquote>${renderLines(block.lines)}</blockquote>`
      : html`<p>${renderLines(block.lines)}</p>`
  )}`;
}
