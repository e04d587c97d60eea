import {html, nothing, type TemplateResult} from 'lit';
import type {LocaleController} from '../../i18n/locale-controller.js';
import {renderCommentText} from '../../text/comment-text.js';
import {safeHttpUrl} from '../../text/safe-url.js';
import {descendants, type CommentNode} from './comment-tree.js';

/** What rendering comments needs from the thread. */
export interface CommentView {
  locale: LocaleController;
  /** Levels of indentation; deeper replies line up at the last level. */
  maxDepth: number;
  canComment: boolean;
  /** The comment whose reply form is open. */
  replyingTo: string | undefined;
  isPending: (id: string) => boolean;
  openReply: (id: string) => void;
  /** The reply form under comment `parentId`. */
  renderForm: (parentId: string) => TemplateResult;
  /** Under a root: "N more replies" when its thread continues. */
  renderMoreReplies: (root: CommentNode) => TemplateResult | typeof nothing;
  /** With `live`: how many new replies to comment `id` wait to be shown. */
  freshReplies: (id: string) => number;
  showReplies: (id: string) => void;
}

/**
 * List items for `nodes` at `depth` (1 for top-level comments). Below the
 * cap each reply list nests inside its parent's item; at the cap a comment
 * and all its descendants line up in one list.
 */
export function renderCommentItems(view: CommentView, nodes: readonly CommentNode[], depth = 1): TemplateResult[] {
  const out: TemplateResult[] = [];
  for (const node of nodes) {
    const more = depth === 1 ? view.renderMoreReplies(node) : nothing;
    // A top-level item's size until it is first rendered (then the browser remembers the real one).
    const size = depth === 1 ? `contain-intrinsic-block-size:auto ${guessHeight(node, depth >= view.maxDepth, view.canComment)}em` : '';
    if (depth < view.maxDepth && node.replies.length) {
      out.push(html`<li .style=${size}>
        ${renderComment(view, node, false)}
        <ol class="replies" part="replies">
          ${renderCommentItems(view, node.replies, depth + 1)}
        </ol>
        ${more}
      </li>`);
      continue;
    }
    out.push(html`<li .style=${size}>${renderComment(view, node, false)}${more}</li>`);
    if (depth >= view.maxDepth) {
      for (const reply of descendants(node)) out.push(html`<li class="flat">${renderComment(view, reply, true)}</li>`);
    }
  }
  return out;
}

/**
 * About how tall (em) a comment item renders with the replies under it
 * (`alone`: without them, at the depth cap they are items of their own):
 * its lines of text at ~60 characters a line, its name line and Reply button,
 * with a fifth more. A guess on the high side: after End the page may
 * shrink to its real end, never grow past the view.
 */
export function guessHeight(node: CommentNode, alone = false, replyButtons = true): number {
  let em = 0;
  for (const {comment} of alone ? [node] : [node, ...descendants(node)]) {
    let lines = 0;
    let paragraphs = 0;
    for (const paragraph of comment.body.split(/\n\s*\n/)) {
      paragraphs++;
      for (const line of paragraph.split('\n')) lines += Math.ceil(line.length / 60) || 1;
    }
    em += (replyButtons ? 5.5 : 3.2) + lines * 1.5 + paragraphs * 0.6;
  }
  return Math.ceil(em * 1.2);
}

/** One comment: who wrote it, when, whom it answers, and what it says. */
function renderComment(view: CommentView, {comment, index, parent}: CommentNode, flat: boolean): TemplateResult {
  const {locale} = view;
  const id = `c${index}`;
  const authorUrl = safeHttpUrl(comment.author.url);
  // The name isolated (FSI … PDI): a bidi override in it cannot reorder the sentence around it.
  const replyTo = parent ? locale.t('inReplyTo', {name: `\u2068${parent.comment.author.name}\u2069`}) : undefined;
  const pending = view.isPending(comment.id);
  return html`<article
      id=${id}
      data-id=${comment.id}
      class="comment"
      part="comment"
      tabindex="-1"
      aria-labelledby=${replyTo ? `${id}-author ${id}-reply` : `${id}-author`}
    >
      <header class="meta">
        <h4 id="${id}-author" class="author" part="author" dir="auto">
          ${authorUrl ? html`<a href=${authorUrl} rel="nofollow ugc noopener">${comment.author.name}</a>` : comment.author.name}
        </h4>
        <time part="time" datetime=${comment.createdAt} title=${locale.dateTime(comment.createdAt)}
          >${locale.relative(comment.createdAt)}</time
        >
        ${comment.editedAt
          ? html`<span class="edited" title=${locale.dateTime(comment.editedAt)}>(${locale.t('edited')})</span>`
          : nothing}
      </header>
      ${replyTo
        ? html`<p id="${id}-reply" class=${flat ? 'in-reply-to' : 'visually-hidden'} part=${flat ? 'in-reply-to' : nothing}>
            ${replyTo}
          </p>`
        : nothing}
      ${pending ? html`<p class="pending" part="pending">${locale.t('awaitingApproval')}</p>` : nothing}
      <div class="body" part="body" dir="auto">${renderCommentText(comment.body)}</div>
      ${view.canComment && !pending
        ? html`<button
            class="reply-button"
            part="reply-button"
            type="button"
            data-reply-to=${comment.id}
            aria-expanded=${view.replyingTo === comment.id}
            aria-describedby="${id}-author"
            @click=${() => view.openReply(comment.id)}
          >
            ${locale.t('reply')}
          </button>`
        : nothing}
      ${renderFreshReplies(view, comment.id)}
    </article>
    ${view.replyingTo === comment.id ? view.renderForm(comment.id) : nothing}`;
}

/** "2 new replies — show" under a comment on screen that live replies answer. */
function renderFreshReplies(view: CommentView, id: string): TemplateResult | typeof nothing {
  const count = view.freshReplies(id);
  if (!count) return nothing;
  return html`<button class="reply-button" part="new-replies" type="button" @click=${() => view.showReplies(id)}>
    ${view.locale.t('newReplies', {count})}
  </button>`;
}
