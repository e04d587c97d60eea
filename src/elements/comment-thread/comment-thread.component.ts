import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {guard} from 'lit/directives/guard.js';
import type {Comment, CommentResult, CommentSort} from '../../api/index.js';
import {FallbackController} from '../../controllers/fallback-controller.js';
import {PagedController} from '../../controllers/paged-controller.js';
import {RELATIVE_TIME_INTERVAL, RelativeTimeController} from '../../controllers/relative-time.js';
import {ContextRelay, SourceController, statementTask} from '../../controllers/source-controller.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import {baseStyles} from '../../internal/base.styles.js';
import {whenIdle} from '../../internal/idle.js';
import {dispatchError, renderEmpty, renderError, renderLoading} from '../../internal/status-views.js';
import {readStored, writeStored} from '../../internal/storage.js';
import {UndersignedElement} from '../../internal/undersigned-element.js';
import '../comment-form/comment-form.js';
import {renderCommentText} from '../../text/comment-text.js';
import {safeHttpUrl} from '../../text/safe-url.js';
import {commentThreadStyles} from './comment-thread.styles.js';
import {buildCommentTree, chunkRoots, descendants, type CommentNode} from './comment-tree.js';

const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_MAX_DEPTH = 3;
/** Comments rendered at once: about a screenful. */
const FIRST_COMMENTS = 20;
/** Comments rendered per idle moment after that: a few milliseconds of work, far from a 50 ms task. */
const CHUNK_COMMENTS = 40;

/** A run of top-level comments (with their replies) rendered as one unit. */
interface Chunk {
  roots: CommentNode[];
  /** Comments in the run, replies included: a reply loaded later changes it, so the run re-renders. */
  size: number;
  /** The relative-time minute the run was last rendered in. */
  stamp: number;
}

const currentMinute = () => Math.floor(Date.now() / RELATIVE_TIME_INTERVAL);

/** A positive whole number from an attribute, or the fallback when it is not one. */
function positive(value: number, fallback: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

/**
 * The discussion under a statement: the comment count, a sort control,
 * replies nested under the comments they answer up to `max-depth` levels
 * (deeper replies line up at the last level and say whom they answer),
 * relative dates, and "load more" for further pages. Inside a
 * `<statement-card>` it needs no attributes.
 *
 * @tag comment-thread
 * @summary Shows a statement's comments, threaded, page by page.
 *
 * Where the endpoint takes comments, each comment has a Reply button that
 * opens a `<comment-form>` under it (one at a time; Escape closes it and
 * returns focus to the button), and a form for a new comment follows the
 * thread. A new comment appears in place; one awaiting moderation is marked
 * so and shown only in its author's browser.
 *
 * A long discussion renders progressively: about a screenful of comments
 * at once, the rest in runs of a few dozen while the page is idle; each
 * run re-renders only when its comments, the language or the reply form in
 * it change, and relative dates refresh run by run.
 *
 * @slot - Fallback content (the first comments, server-rendered): shown before the script runs, while loading and after an error; hidden once the data shows.
 *
 * @fires undersigned-error - A page of comments could not be loaded, or a comment could not be sent. `detail: {error, action}`.
 * @fires undersigned-comment - A reader's comment was accepted (from the forms inside). `detail: {comment, status}`.
 *
 * @csspart base - The section wrapping everything.
 * @csspart heading - The "12 comments" heading.
 * @csspart sort - The sort `<select>`.
 * @csspart list - The list of top-level comments.
 * @csspart comment - One comment (an `article`).
 * @csspart author - The author's name (a link when the author gave a web address).
 * @csspart time - The comment's relative date (a `time`; the full date shows on hover).
 * @csspart body - The comment's text.
 * @csspart replies - A list of replies, inside the comment they answer.
 * @csspart in-reply-to - "In reply to NAME", on replies shown past the depth cap.
 * @csspart reply-button - A comment's Reply button.
 * @csspart pending - The "awaiting approval" mark on the reader's own held comment.
 * @csspart form - The form for a new comment under the thread.
 * @csspart more-button - The "Load more comments" button.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message (for the whole thread, or under it when a further page failed).
 * @csspart retry-button - The error message's retry button.
 * @csspart empty - The message shown when there are no comments.
 *
 * @cssprop [--undersigned-color-accent=#0b5cad] - Links, buttons and focus rings (lighter in dark mode).
 * @cssprop [--undersigned-color-on-accent=#fff] - Text on accent-coloured buttons.
 * @cssprop [--undersigned-color-text=currentColor] - Text colour; inherits the page's by default.
 * @cssprop [--undersigned-color-muted] - Dates and "in reply to"; derived from the text colour.
 * @cssprop [--undersigned-color-border] - Thread lines and borders; derived from the text colour.
 * @cssprop [--undersigned-color-surface] - Subtle backgrounds; derived from the text colour.
 * @cssprop [--undersigned-color-danger=#b3261e] - Error messages.
 * @cssprop [--undersigned-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--undersigned-font-size=1rem] - Base font size.
 * @cssprop [--undersigned-line-height=1.5] - Base line height.
 * @cssprop [--undersigned-radius=0.5rem] - Corner radius.
 * @cssprop [--undersigned-space=1rem] - Base spacing.
 * @cssprop [--undersigned-comment-indent=1.5rem] - Indentation of each reply level (narrower on small screens).
 */
export class CommentThread extends UndersignedElement {
  static override styles = [baseStyles, commentThreadStyles];

  /** Order of the top-level comments: `oldest` or `newest` first. Replies always read oldest first. Changing it reloads. */
  @property({reflect: true}) accessor sort: CommentSort = 'oldest';

  /** How many top-level comments a page holds (their replies come with them). */
  @property({type: Number, attribute: 'page-size'}) accessor pageSize = DEFAULT_PAGE_SIZE;

  /** How many levels replies are indented; deeper replies line up at the last level and name whom they answer. */
  @property({type: Number, attribute: 'max-depth'}) accessor maxDepth = DEFAULT_MAX_DEPTH;

  private readonly locale = new LocaleController(this);
  /** Light-DOM content (a server-rendered first page): shown while loading and on error. */
  private readonly fallback = new FallbackController(this);
  private readonly sources = new SourceController(this);
  private readonly comments = new PagedController<Comment>(this, {
    query: () => {
      const source = this.sources.source;
      if (!source) return undefined;
      const sort = this.effectiveSort;
      const limit = positive(this.pageSize, DEFAULT_PAGE_SIZE);
      return {
        key: `${source.key} ${sort} ${limit}`,
        load: (cursor, signal) => source.comments({limit, cursor, sort}, {signal}),
      };
    },
  });

  private readonly statementTask = statementTask(this, this.sources);

  /** The comment whose reply form is open; one at a time. */
  @state() private accessor replyingTo: string | undefined;

  /** Said to screen readers when a reply form closes after sending. */
  @state() private accessor announcement = '';

  /** The reader's own comments that await moderation, by source: only their browser shows them. */
  private pending: Comment[] = [];
  private pendingKey?: string;

  constructor() {
    super();
    // Re-renders once a minute so "5 minutes ago" stays true.
    new RelativeTimeController(this);
    // Hands this thread's source and statement to the forms inside it.
    new ContextRelay(this, this.sources, this.statementTask);
    this.addEventListener('undersigned-comment', (event) => this.onCommented(event.detail));
  }

  /** Whether readers may comment here: a writable source whose statement is open for comments. */
  private get canComment(): boolean {
    return Boolean(this.sources.source?.writable && this.statementTask.value?.comments.open);
  }

  private get storageKey(): string | undefined {
    const source = this.sources.source;
    return source ? `undersigned:pending-comments:${source.key}` : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const minute = currentMinute();
    if (minute !== this.minute) {
      // A new minute (the shared timer's tick): the first run's dates now, the others' when idle.
      this.minute = minute;
      if (this.chunks[0]) this.chunks[0].stamp = minute;
    }
    const key = this.storageKey;
    if (key !== this.pendingKey) {
      this.pendingKey = key;
      this.pending = readStored<Comment[]>(key) ?? [];
    }
  }

  /** The loaded comments plus the reader's own pending ones not yet published. */
  private get shownItems(): readonly Comment[] {
    const items = this.comments.items;
    if (!this.pending.length) return items;
    const loaded = new Set(items.map((c) => c.id));
    const own = this.pending.filter((c) => !loaded.has(c.id));
    return own.length ? [...items, ...own] : items;
  }

  private onCommented({comment, status}: CommentResult): void {
    this.revealId = comment.id;
    if (status === 'pending') {
      this.pending = [...this.pending, comment];
      writeStored(this.storageKey, this.pending);
    } else {
      this.comments.append(comment);
    }
    if (comment.parentId) {
      this.replyingTo = undefined;
      this.announcement = this.locale.t(status === 'published' ? 'commentPublished' : 'commentPending');
    }
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(comment.id)}"]`)?.focus()
    );
  }

  private openReply(id: string): void {
    this.replyingTo = id;
    this.announcement = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('comment-form[parent-id]')?.focus());
  }

  private closeReply(): void {
    const id = this.replyingTo;
    if (!id) return;
    this.replyingTo = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-reply-to="${CSS.escape(id)}"]`)?.focus()
    );
  }

  /** The tree of the loaded items, rebuilt only when they change. */
  private tree: {items: readonly Comment[]; roots: CommentNode[]} = {items: [], roots: []};
  /** The last count shown, kept while the thread reloads (e.g. on a sort change) so the heading does not flicker. */
  private lastCount?: {sourceKey: string; count: number};
  private reportedError?: unknown;
  /** After "load more": the first loaded item whose comment takes focus once it renders. */
  private focusFrom?: number;

  /** The tree's top-level comments in runs; the first `shownChunks` are rendered. */
  private chunks: Chunk[] = [];
  private chunksFor?: CommentNode[];
  /** Which run holds each comment, by id. */
  private chunkOf = new Map<string, number>();
  private shownChunks = 0;
  /** A comment (the reader's own, just sent) whose run must render now. */
  private revealId?: string;
  private minute = currentMinute();
  private cancelIdle?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelIdle?.();
    this.cancelIdle = undefined;
  }

  /** Splits a new tree into runs. Pages appended keep what is on screen; a new list starts with a screenful. */
  private syncChunks(): void {
    const roots = this.roots;
    if (this.chunksFor === roots) return;
    const previous = this.chunksFor;
    const old = this.chunks;
    this.chunksFor = roots;
    this.chunkOf = new Map();
    this.chunks = chunkRoots(roots, FIRST_COMMENTS, CHUNK_COMMENTS).map((chunkRoots, k) => {
      let size = 0;
      for (const root of chunkRoots) {
        size += root.size;
        this.chunkOf.set(root.comment.id, k);
        for (const reply of descendants(root)) this.chunkOf.set(reply.comment.id, k);
      }
      const same = old[k]?.roots[0].comment === chunkRoots[0].comment && old[k].size === size;
      return {roots: chunkRoots, size, stamp: same ? old[k].stamp : this.minute};
    });
    const appended = Boolean(previous?.length && roots[0]?.comment === previous[0].comment);
    this.shownChunks = Math.min(this.chunks.length, appended ? Math.max(1, this.shownChunks) : 1);
    // After "load more", the first new comment takes focus: its run renders now.
    if (this.focusFrom !== undefined) {
      const from = this.focusFrom;
      this.showThrough(this.chunks.findIndex((c) => c.roots.at(-1)!.index >= from));
    }
    if (this.revealId !== undefined) this.showThrough(this.chunkOf.get(this.revealId) ?? -1);
  }

  private showThrough(k: number): void {
    if (k >= 0) this.shownChunks = Math.max(this.shownChunks, k + 1);
  }

  /** The next bit of deferred work: render the next run, else refresh one run's relative dates. */
  private scheduleChunk(): void {
    if (this.cancelIdle || !this.isConnected) return;
    const stale = this.chunks.findIndex((c, k) => k < this.shownChunks && c.stamp < this.minute);
    if (this.shownChunks >= this.chunks.length && stale < 0) return;
    this.cancelIdle = whenIdle(() => {
      this.cancelIdle = undefined;
      if (this.shownChunks < this.chunks.length) this.chunks[this.shownChunks++].stamp = this.minute;
      else if (this.chunks[stale]) this.chunks[stale].stamp = this.minute;
      this.requestUpdate();
    });
  }

  private get effectiveSort(): CommentSort {
    return this.sort === 'newest' ? 'newest' : 'oldest';
  }

  private get roots(): CommentNode[] {
    const items = this.shownItems;
    if (this.tree.items !== items) this.tree = {items, roots: buildCommentTree(items)};
    return this.tree.roots;
  }

  /** The number of comments, replies included: the card's statement knows it before any page loads. */
  private get count(): number | undefined {
    const sourceKey = this.sources.source?.key;
    const fromCard = this.sources.statement?.comments.count;
    if (fromCard !== undefined) return fromCard;
    if (this.comments.status === 'ready') return this.comments.total;
    return sourceKey !== undefined && this.lastCount?.sourceKey === sourceKey ? this.lastCount.count : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.revealId = undefined;
    this.scheduleChunk();
    const sourceKey = this.sources.source?.key;
    if (sourceKey !== undefined && this.comments.status === 'ready') this.lastCount = {sourceKey, count: this.comments.total};
    const error = this.comments.error;
    if (error && error !== this.reportedError) dispatchError(this, error, 'load');
    this.reportedError = error;
    if (this.focusFrom !== undefined && this.comments.moreStatus !== 'loading') {
      const from = this.focusFrom;
      this.focusFrom = undefined;
      const target =
        this.comments.moreStatus === 'error'
          ? this.renderRoot.querySelector<HTMLElement>('.more [part="retry-button"]')
          : [...this.renderRoot.querySelectorAll<HTMLElement>('article.comment')].find((a) => Number(a.id.slice(1)) >= from);
      target?.focus();
    }
  }

  protected override render() {
    const {status} = this.comments;
    const count = this.count;
    return html`<section class="root" part="base" dir=${this.locale.dir} aria-labelledby=${count === undefined ? nothing : 'heading'} aria-busy=${status === 'loading'}>
      <header class="header">
        ${count === undefined
          ? html`<div class="skeleton heading-line" aria-hidden="true"></div>`
          : html`<h3 id="heading" class="heading" part="heading">${this.locale.t('commentsHeading', {count})}</h3>`}
        ${status === 'ready' && this.comments.items.length === 0 ? nothing : this.renderSort()}
      </header>
      ${this.renderBody()}
      ${this.canComment && this.comments.status === 'ready' ? this.renderForm() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  private renderSort() {
    return html`<label class="sort">
      <span>${this.locale.t('sortLabel')}</span>
      <select part="sort" @change=${this.onSortChange}>
        <option value="oldest" .selected=${this.effectiveSort === 'oldest'}>${this.locale.t('sortOldest')}</option>
        <option value="newest" .selected=${this.effectiveSort === 'newest'}>${this.locale.t('sortNewest')}</option>
      </select>
    </label>`;
  }

  private onSortChange(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value === 'newest' ? 'newest' : 'oldest';
  }

  private renderBody() {
    const {status} = this.comments;
    const items = this.shownItems;
    switch (status) {
      case 'idle':
      case 'loading':
        return this.fallback.has ? html`<slot></slot>` : renderLoading(this.locale, ['comment-block', 'comment-block', 'comment-block']);
      case 'error':
        return html`${renderError(this.locale, this.comments.error, () => this.retry())}<slot></slot>`;
      case 'ready':
        if (items.length === 0) return renderEmpty(this.locale.t('noComments'));
        this.syncChunks();
        return html`<ol class="list" part="list">
            ${this.chunks.slice(0, this.shownChunks).map((chunk, k) => this.renderChunk(chunk, k))}
          </ol>
          ${this.renderMore()}`;
    }
  }

  /** A `<comment-form>`; it reads this thread's source and statement through context. */
  private renderForm(parentId?: string) {
    return html`<comment-form
      part=${parentId ? nothing : 'form'}
      class=${parentId ? 'reply-form' : 'root-form'}
      parent-id=${parentId ?? nothing}
      @undersigned-cancel=${this.closeReply}
    ></comment-form>`;
  }

  private retry(): void {
    this.comments.reload();
    // reload() changes state outside an update: show the loading state now.
    this.requestUpdate();
  }

  /** "Load more", or why the last attempt failed; the comments on screen stay either way. */
  private renderMore() {
    const {moreStatus, hasMore} = this.comments;
    if (moreStatus === 'error') {
      return html`<div class="more">${renderError(this.locale, this.comments.error, () => this.loadMore())}</div>`;
    }
    if (!hasMore) return nothing;
    return html`<div class="more">
      <button class="button" part="more-button" type="button" aria-disabled=${moreStatus === 'loading'} @click=${this.loadMore}>
        ${this.locale.t('loadMore')}
      </button>
    </div>`;
  }

  private loadMore(): void {
    if (this.comments.moreStatus === 'loading') return;
    this.focusFrom = this.comments.items.length;
    void this.comments.more();
  }

  /** A run of comments; unchanged runs are skipped, so rendering the next run costs only that run. */
  private renderChunk(chunk: Chunk, k: number) {
    const replying = this.replyingTo !== undefined && this.chunkOf.get(this.replyingTo) === k ? this.replyingTo : undefined;
    return guard(
      [chunk.roots[0].comment, chunk.roots.at(-1)!.comment, chunk.size, chunk.stamp, this.locale.locale, this.canComment, this.maxDepth, this.pending, replying],
      () => this.renderItems(chunk.roots, 1)
    );
  }

  /**
   * List items for `nodes` at `depth` (1 for top-level comments). Below the
   * cap each reply list nests inside its parent's item; at the cap a comment
   * and all its descendants line up in one list.
   */
  private renderItems(nodes: CommentNode[], depth: number): TemplateResult[] {
    const cap = positive(this.maxDepth, DEFAULT_MAX_DEPTH);
    const out: TemplateResult[] = [];
    for (const node of nodes) {
      if (depth < cap && node.replies.length) {
        out.push(html`<li>
          ${this.renderComment(node, false)}
          <ol class="replies" part="replies">
            ${this.renderItems(node.replies, depth + 1)}
          </ol>
        </li>`);
        continue;
      }
      out.push(html`<li>${this.renderComment(node, false)}</li>`);
      if (depth >= cap) {
        for (const reply of descendants(node)) out.push(html`<li class="flat">${this.renderComment(reply, true)}</li>`);
      }
    }
    return out;
  }

  /** One comment: who wrote it, when, whom it answers, and what it says. */
  private renderComment({comment, index, parent}: CommentNode, flat: boolean): TemplateResult {
    const id = `c${index}`;
    const authorUrl = safeHttpUrl(comment.author.url);
    const replyTo = parent
      ? this.locale.t('inReplyTo', {name: parent.comment.author.name})
      : undefined;
    const pending = this.pending.some((c) => c.id === comment.id);
    return html`<article
      id=${id}
      data-id=${comment.id}
      class="comment"
      part="comment"
      tabindex="-1"
      aria-labelledby=${replyTo ? `${id}-author ${id}-reply` : `${id}-author`}
    >
      <header class="meta">
        <h4 id="${id}-author" class="author" part="author">
          ${authorUrl
            ? html`<a href=${authorUrl} rel="nofollow ugc noopener">${comment.author.name}</a>`
            : comment.author.name}
        </h4>
        <time part="time" datetime=${comment.createdAt} title=${this.locale.dateTime(comment.createdAt)}
          >${this.locale.relative(comment.createdAt)}</time
        >
        ${comment.editedAt
          ? html`<span class="edited" title=${this.locale.dateTime(comment.editedAt)}>(${this.locale.t('edited')})</span>`
          : nothing}
      </header>
      ${replyTo
        ? html`<p id="${id}-reply" class=${flat ? 'in-reply-to' : 'visually-hidden'} part=${flat ? 'in-reply-to' : nothing}>
            ${replyTo}
          </p>`
        : nothing}
      ${pending ? html`<p class="pending" part="pending">${this.locale.t('awaitingApproval')}</p>` : nothing}
      <div class="body" part="body">${renderCommentText(comment.body)}</div>
      ${this.canComment && !pending
        ? html`<button
            class="reply-button"
            part="reply-button"
            type="button"
            data-reply-to=${comment.id}
            aria-expanded=${this.replyingTo === comment.id}
            aria-describedby="${id}-author"
            @click=${() => this.openReply(comment.id)}
          >
            ${this.locale.t('reply')}
          </button>`
        : nothing}
    </article>
    ${this.replyingTo === comment.id ? this.renderForm(comment.id) : nothing}`;
  }
}
