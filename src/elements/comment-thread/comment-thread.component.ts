import {html, nothing, type PropertyValues, type PropertyDeclarations} from 'lit';
import {guard} from 'lit/directives/guard.js';
import type {Comment, CommentResult, CommentSort, LiveChange} from '../../api/index.js';
import {FallbackController} from '../../controllers/fallback-controller.js';
import {LiveController, PoliteAnnouncer} from '../../controllers/live-controller.js';
import {PagedController} from '../../controllers/paged-controller.js';
import {RelativeTimeController} from '../../controllers/relative-time.js';
import {ContextRelay, SourceController, statementTask} from '../../controllers/source-controller.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import {baseStyles} from '../../internal/base.styles.js';
import {keptRecently} from '../../internal/own-signatures.js';
import {renderEmpty, renderError, renderLoading, renderMore} from '../../internal/status-views.js';
import {UndersignedElement} from '../../internal/undersigned-element.js';
import '../comment-form/comment-form.js';
import {commentThreadStyles} from './comment-thread.styles.js';
import {buildCommentTree, type CommentNode} from './comment-tree.js';
import {renderCommentItems, type CommentView} from './comment-view.js';
import {FreshComments, newestFirst} from './fresh-comments.js';
import {OwnComments} from './own-comments.js';
import {ProgressiveRuns, type Run} from './progressive-runs.js';
import {ThreadContinuations} from './thread-continuations.js';

/** The `page-size` and `max-depth` defaults, written as literals on the properties too, so the manifest shows the numbers. */
const DEFAULT_PAGE_SIZE = 20;
const DEFAULT_MAX_DEPTH = 3;

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
 * @fires {CustomEvent<UndersignedErrorDetail>} undersigned-error - A page of comments could not be loaded, or a comment could not be sent. `detail: {error, action}`.
 * @fires {CustomEvent<CommentResult>} undersigned-comment - A reader's comment was accepted (from the forms inside). `detail: {comment, status}`.
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
 * @csspart more - The area under the thread: the "Load more comments" button, or why a further page failed.
 * @csspart more-button - The "Load more comments" button.
 * @csspart new-comments - With `live`: the "3 new comments — show" button over the top of the thread; pressing it shows them.
 * @csspart new-replies - With `live`: the "2 new replies — show" button under a comment with new replies.
 * @csspart heading-placeholder - The heading's placeholder while the count loads.
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
  static override properties: PropertyDeclarations = {
    sort: {reflect: true},
    pageSize: {type: Number, attribute: 'page-size'},
    maxDepth: {type: Number, attribute: 'max-depth'},
    replyingTo: {state: true},
    announcement: {state: true},
  };

  /** Order of the top-level comments: `oldest` or `newest` first. Replies always read oldest first. Changing it reloads. */
  declare sort: CommentSort;

  /** How many top-level comments a page holds (their replies come with them). */
  declare pageSize: number;

  /** How many levels replies are indented; deeper replies line up at the last level and name whom they answer. */
  declare maxDepth: number;

  /** The comment whose reply form is open; one at a time. */
  private declare replyingTo: string | undefined;

  /** Said to screen readers when a reply form closes after sending. */
  private declare announcement: string;

  private readonly locale = new LocaleController(this);
  /** Light-DOM content (a server-rendered first page): shown while loading and on error. */
  private readonly fallback = new FallbackController(this);
  // The card's retry brought the statement: this thread, which failed with it, loads again.
  private readonly sources = new SourceController(this, () => {
    if (this.comments.status === 'error') this.comments.reload();
  });
  private readonly pending = new OwnComments(this, this.storageKey('pending-comments'));
  /** The reader's published comments, until the server lists them (a cached page may be older). */
  private readonly published = new OwnComments(this, this.storageKey('own-comments'), keptRecently);
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
    // The first new comment shown (a repeated one is skipped), by its DOM id: no walk over the loaded ones.
    itemElement: (from: number): HTMLElement | null | undefined => {
      const items: readonly Comment[] = this.comments.items;
      for (let i = from; i < items.length; i++) {
        const item = items[i]!;
        const node = this.tree.byId.get(item.id);
        if (node?.comment === item) return this.shadowRoot?.getElementById(`c${node.index}`);
      }
      return undefined;
    },
  });
  /** The rest of threads longer than their page brought ("N more replies"). */
  private readonly continuations = new ThreadContinuations(
    this,
    () => {
      const source = this.sources.source;
      return source && {key: `${source.key} ${this.effectiveSort}`, load: (query, signal) => source.comments(query, {signal})};
    },
    (id) => this.commentElement(id)
  );
  // After `comments` and `pending`, whose updates it reads.
  private readonly runs = new ProgressiveRuns(this, () => (this.comments.status === 'ready' ? this.tree.roots : undefined));
  private readonly statementTask = statementTask(this, this.sources);

  /** The tree of the comments shown, rebuilt only when they change. */
  private tree: {items: readonly Comment[]; roots: CommentNode[]; byId: Map<string, CommentNode>} = {items: [], roots: [], byId: new Map()};
  /** With `live`: comments published since, waiting for the reader to show them. */
  private readonly fresh = new FreshComments();
  private readonly announcer = new PoliteAnnouncer(this);

  /** The reader's comments awaiting approval that the thread shows (counted for them). */
  private pendingShown = 0;

  /** The last count shown, kept while the thread reloads (e.g. on a sort change) so the heading does not flicker. */
  private lastCount?: {sourceKey: string; count: number};

  constructor() {
    super();
    this.sort = 'oldest';
    this.pageSize = 20;
    this.maxDepth = 3;
    this.announcement = '';
    // Re-renders once a minute so "5 minutes ago" stays true.
    new RelativeTimeController(this);
    // Hands this thread's source and statement to the forms inside it.
    new ContextRelay(this, this.sources, this.statementTask);
    this.addEventListener('undersigned-comment', (event) => this.onCommented(event.detail));
    new LiveController(this, () => (this.sources.live ? this.sources.source?.events : undefined), (change) => this.onLive(change));
  }

  /**
   * A live change: the count as it is now; new comments wait behind a
   * button, at the top of the thread or under the comment they answer. A
   * top-level comment that belongs past the loaded pages comes with them.
   */
  private onLive({comments: change}: LiveChange): void {
    if (!change) return;
    this.comments.total = change.count;
    if (this.comments.status === 'ready') {
      const shown = new Set(this.tree.items.map((c) => c.id));
      const topFits = this.effectiveSort === 'newest' || !this.comments.hasMore;
      this.fresh.hold(change.added, shown, topFits);
    }
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const waiting = this.fresh.count();
      this.announcer.say(waiting ? this.locale.t('newComments', {count: waiting}) : (this.renderRoot.querySelector('[part="heading"]')?.textContent?.trim() ?? ''));
    });
  }

  /** Shows the comments waiting at the top (or under comment `parentId`) and focuses the first. */
  private showFresh(parentId?: string): void {
    const taken = this.fresh.take(parentId);
    if (!taken.length) return;
    const atStart = parentId === undefined && this.effectiveSort === 'newest';
    this.comments.insert(atStart ? newestFirst(taken) : taken, this.comments.total, atStart);
    const first = atStart ? newestFirst(taken)[0] : taken[0];
    this.runs.reveal(first.id);
    void this.updateComplete.then(() =>
      this.commentElement(first.id)?.focus()
    );
  }

  /** A rendered comment's article, by its DOM id: no search through the loaded ones. */
  private commentElement(id: string): HTMLElement | null | undefined {
    const node = this.tree.byId.get(id);
    return node && this.shadowRoot?.getElementById(`c${node.index}`);
  }

  /** Where this thread's source keeps `what` in localStorage. */
  private storageKey(what: string): () => string | undefined {
    return () => {
      const key = this.sources.source?.key;
      return key === undefined ? undefined : `undersigned:${what}:${key}`;
    };
  }

  /** Whether readers may comment here: a writable source whose statement is open for comments. */
  private get canComment(): boolean {
    return Boolean(this.sources.source?.writable && this.statementTask.value?.comments.open);
  }

  private get effectiveSort(): CommentSort {
    return this.sort === 'newest' ? 'newest' : 'oldest';
  }

  /**
   * The number of comments, replies included: the card's statement knows it
   * before any page loads. The reader's own comments count too: published
   * ones a cached answer may not count yet, and those awaiting approval,
   * where they are shown: "0 comments" above one would be false to them.
   */
  private get count(): number | undefined {
    const published = this.publishedCount;
    if (published !== undefined) return published + this.pendingShown;
    const sourceKey = this.sources.source?.key;
    return sourceKey !== undefined && this.lastCount?.sourceKey === sourceKey ? this.lastCount.count : undefined;
  }

  /** The published comments: the card's or the server's count, never below the one the reader's own were counted in. */
  private get publishedCount(): number | undefined {
    const counted = this.sources.statement?.comments.count ?? (this.comments.status === 'ready' ? this.comments.total : undefined);
    return counted === undefined ? undefined : Math.max(counted, this.published.countAtLeast);
  }

  private onCommented({comment, status}: CommentResult): void {
    // Shown from what the reader keeps, not the loaded pages: a reload answered from an older cached page shows it too.
    if (status === 'pending') this.pending.add(comment);
    // Without a count yet (a reload under way), the last one shown.
    else this.published.add(comment, (this.publishedCount ?? this.count ?? 0) + 1);
    this.runs.reveal(comment.id);
    if (comment.parentId) {
      this.replyingTo = undefined;
      this.announcement = this.locale.t(status === 'published' ? 'commentPublished' : 'commentPending');
    }
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.commentElement(comment.id)?.focus()
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Runs before the controllers' hostUpdate, so a new page's tree is ready for the runs.
    // A reload (another sort, a retry) starts over: what it loads includes what waited.
    if (this.comments.status !== 'ready') this.fresh.clear();
    const published = this.published.withLoaded(this.continuations.items(this.comments.items));
    const items = this.pending.withLoaded(published);
    this.pendingShown = this.comments.status === 'ready' ? items.length - published.length : 0;
    if (this.tree.items !== items) {
      const byId = new Map<string, CommentNode>();
      this.tree = {items, roots: buildCommentTree(items, byId), byId};
    }
    const sourceKey = this.sources.source?.key;
    if (sourceKey !== undefined && this.comments.status === 'ready') this.lastCount = {sourceKey, count: this.comments.total};
  }

  protected override render() {
    const {status} = this.comments;
    const count = this.count;
    return html`<section class="root" part="base" dir=${this.locale.dir} aria-labelledby=${count === undefined ? nothing : 'heading'} aria-busy=${status === 'loading'}>
      <header class="header">
        ${count !== undefined
          ? html`<h3 id="heading" class="heading" part="heading">${this.locale.t('commentsHeading', {count})}</h3>`
          : status === 'error'
            ? nothing
            : html`<div class="skeleton heading-line" part="heading-placeholder" aria-hidden="true"></div>`}
        ${status === 'error' || (status === 'ready' && this.tree.roots.length === 0) ? nothing : this.renderSort()}
        ${this.fresh.count()
          ? html`<div class="fresh">
              <button class="button primary" part="new-comments" type="button" @click=${() => this.showFresh()}>
                ${this.locale.t('newComments', {count: this.fresh.count()})}
              </button>
            </div>`
          : nothing}
      </header>
      ${this.comments.render({
        loading: () =>
          this.fallback.has ? html`<slot></slot>` : renderLoading(this.locale, ['comment-block', 'comment-block', 'comment-block']),
        error: (error) =>
          html`${this.sources.cardFailed ? nothing : renderError(this.locale, error, () => this.comments.reload())}<slot></slot>`,
        empty: () => (this.tree.roots.length ? this.renderList() : renderEmpty(this.locale.t('noComments'))),
        ready: () => this.renderList(),
      })}
      ${this.canComment && status === 'ready' ? this.renderForm() : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.sources.live ? html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcer.text}</div>` : nothing}
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

  /** The runs rendered so far, and "load more". */
  private renderList() {
    // Runs holding a comment with new replies re-render; the others are skipped.
    const freshByRun = new Map<number, number>();
    for (const id of this.fresh.parents()) {
      const k = this.runs.runIndexOf(id);
      if (k !== undefined) freshByRun.set(k, (freshByRun.get(k) ?? 0) + this.fresh.count(id));
    }
    return html`<ol class="list" part="list">
        ${this.runs.runs.slice(0, this.runs.shown).map((run, k) => this.renderRun(run, k, freshByRun.get(k) ?? 0))}
      </ol>
      ${this.comments.hasMore ? renderMore(this.locale, this.comments, this.locale.t('loadMore'), this.loadMore) : nothing}`;
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

  private readonly loadMore = (): void => void this.comments.more({focus: true});

  /** "N more replies" under a root whose thread continues. */
  private renderMoreReplies(node: CommentNode) {
    const more = this.continuations.state(node.comment);
    if (!more) return nothing;
    const left = Math.max(0, (node.comment.replies?.count ?? 0) - (node.size - 1));
    return renderMore(this.locale, {moreStatus: more.status === 'loading' ? 'loading' : more.status === 'error' ? 'error' : 'idle', error: more.error},
      this.locale.t('moreReplies', {count: left}), () => void this.continuations.more(node.comment));
  }

  /** A run of comments; unchanged runs are skipped, so rendering the next run costs only that run. */
  private renderRun(run: Run, k: number, fresh: number) {
    const replying = this.replyingTo !== undefined && this.runs.runIndexOf(this.replyingTo) === k ? this.replyingTo : undefined;
    const view: CommentView = {
      locale: this.locale,
      maxDepth: positive(this.maxDepth, DEFAULT_MAX_DEPTH),
      canComment: this.canComment,
      replyingTo: replying,
      isPending: (id) => this.pending.has(id),
      openReply: (id) => this.openReply(id),
      renderForm: (parentId) => this.renderForm(parentId),
      renderMoreReplies: (node) => this.renderMoreReplies(node),
      freshReplies: (id) => this.fresh.count(id),
      showReplies: (id) => this.showFresh(id),
    };
    // Its roots' continuations only: "N more replies" pressed elsewhere leaves this run alone.
    let continued = 0;
    for (const root of run.roots) continued += this.continuations.versionOf(root.comment.id);
    return guard(
      [run.roots[0].comment, run.roots.at(-1)!.comment, run.size, run.stamp, this.locale.locale, view.canComment, view.maxDepth, this.pending.items, replying, continued, fresh],
      () => renderCommentItems(view, run.roots)
    );
  }
}
