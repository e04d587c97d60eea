import type {CommentRow} from '../../api.js';

/**
 * A Disqus XML export (Admin → Community → Export) read into the comment
 * import's rows: one thread's posts, with authors, dates and replies
 * (`parent`), deleted and spam posts left out. Disqus keeps HTML; the
 * contract's comments are plain text, so markup becomes text: paragraphs
 * and line breaks kept, a link kept as its address when its text differs.
 */

export interface DisqusThread {
  id: string;
  title: string;
  link: string;
  posts: number;
}

const DSQ = 'http://disqus.com/disqus-internals';

const child = (el: Element, name: string) => [...el.children].find((c) => c.localName === name);
const text = (el: Element, name: string) => child(el, name)?.textContent?.trim() ?? '';
const dsqId = (el: Element | undefined) => el?.getAttributeNS(DSQ, 'id') ?? el?.getAttribute('dsq:id') ?? '';

export function parseDisqus(xml: string): {threads: DisqusThread[]; posts: (CommentRow & {thread: string})[]} {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.querySelector('parsererror') || doc.documentElement.localName !== 'disqus') {
    throw new Error('This is not a Disqus XML export.');
  }
  const root = doc.documentElement;
  const posts = [...root.children].filter((e) => e.localName === 'post')
    .filter((p) => text(p, 'isDeleted') !== 'true' && text(p, 'isSpam') !== 'true')
    .map((p) => {
      const author = child(p, 'author');
      const parent = dsqId(child(p, 'parent'));
      const url = author ? text(author, 'link') : '';
      return {
        thread: dsqId(child(p, 'thread')),
        import_key: `disqus:${dsqId(p)}`,
        ...(parent && {parent_key: `disqus:${parent}`}),
        author: {name: (author && (text(author, 'name') || text(author, 'username'))) || 'Anonymous', ...(url && {url})},
        body: htmlToText(text(p, 'message')),
        created_at: new Date(text(p, 'createdAt')).toISOString(),
      };
    })
    .filter((p) => p.body);
  const threads = [...root.children].filter((e) => e.localName === 'thread' && dsqId(e)).map((t) => ({
    id: dsqId(t), title: text(t, 'title'), link: text(t, 'link'), posts: posts.filter((p) => p.thread === dsqId(t)).length,
  })).filter((t) => t.posts > 0);
  return {threads, posts};
}

/** One thread's rows, parents before their replies (oldest first). */
export function threadRows(posts: (CommentRow & {thread: string})[], thread: string): CommentRow[] {
  return posts.filter((p) => p.thread === thread)
    .sort((a, b) => a.created_at.localeCompare(b.created_at))
    .map(({thread: _, ...row}) => row);
}

const BLOCKS = new Set(['p', 'div', 'blockquote', 'li', 'ul', 'ol', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Disqus's message HTML as the contract's plain text (never parsed as a live document: inert). */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (!(node instanceof Element)) return;
    const tag = node.localName;
    if (tag === 'br') {
      out += '\n';
      return;
    }
    if (tag === 'script' || tag === 'style') return;
    if (BLOCKS.has(tag)) out += '\n\n';
    node.childNodes.forEach(walk);
    if (tag === 'a') {
      const href = node.getAttribute('href') ?? '';
      if (/^https?:/i.test(href) && href !== node.textContent?.trim()) out += ` (${href})`;
    }
    if (BLOCKS.has(tag)) out += '\n\n';
  };
  doc.body.childNodes.forEach(walk);
  return out.split('\n').map((l) => l.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
