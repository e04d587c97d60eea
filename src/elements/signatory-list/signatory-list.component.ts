import {html, nothing, type PropertyValues, type PropertyDeclarations} from 'lit';
import type {LiveChange, SignResult, Signatory, SignatoryPage} from '../../api/index.js';
import {FallbackController} from '../../controllers/fallback-controller.js';
import {LiveController, PoliteAnnouncer} from '../../controllers/live-controller.js';
import {PagedController} from '../../controllers/paged-controller.js';
import {ContextRelay, SourceController, statementTask} from '../../controllers/source-controller.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import {baseStyles} from '../../internal/base.styles.js';
import {renderEmpty, renderError, renderLoading, renderMore} from '../../internal/status-views.js';
import {UndersignedElement} from '../../internal/undersigned-element.js';
import {forgetListed} from '../../internal/own-signatures.js';
import {fire} from '../../events.js';
import {DeepLinkController, focusSignatory} from './deep-link.js';
import {ListSearch, renderControls} from './list-search.js';
import {headingKey, learnOverview, type Overview} from './list-overview.js';
import {emptyMessage, renderSignatory} from './signatory-rows.js';
import {signatoryListStyles} from './signatory-list.styles.js';
import type {RandomAccess} from './random-access.js';
import type {VirtualWindow} from './virtual-window.js';
import type {renderWindow} from './window-rows.js';
import '../sign-form/sign-form.js';

/** The `page-size` default, written as a literal on the property too, so the manifest shows the number. */
const DEFAULT_PAGE_SIZE = 50;
/** The contract's largest `limit`. */
const MAX_PAGE_SIZE = 200;
/** Lists longer than the contract's largest page scroll in a box that renders only the rows in view. */
const VIRTUAL_FROM = MAX_PAGE_SIZE;
/** Rows a page loaded while scrolling holds, where the source allows more than the contract's 200. */
const FILL_PAGE_SIZE = 5000;
/** How far a deep link may walk the pages of an endpoint without `from`: 50 requests of 200. */
const DEEP_LINK_MAX_ROWS = 10_000;

/**
 * The people and organisations who signed a statement: a heading with the
 * count ("30 organizations have signed"), a list numbered by each
 * signatory's stable position (a search result keeps its number), and
 * "Show more" for further pages. Once the list is longer than a page it
 * offers a search over names, roles and places, and where both
 * organisations and individuals signed, a filter between them. Inside a
 * `<statement-card>` it needs no attributes.
 *
 * @tag signatory-list
 * @summary Shows who signed a statement, page by page, with search and a kind filter.
 *
 * Where the endpoint takes signatures, a `<sign-form>` follows the list (or
 * says that signing is closed); a new published signature is counted at
 * once and, when the whole list is on screen, listed at its end.
 *
 * A list longer than 200 (the contract's largest page) scrolls in a box
 * of its own (`part="list"`, focusable, so arrow keys scroll it) that
 * renders only the rows in view: its height stands for every row, rows
 * not yet loaded show as placeholders and load as they scroll into view.
 * The list is read by position where the endpoint takes `from`
 * (docs/contract.md) and for a static document: a jump of the thumb, `End`
 * or a deep link loads only the page at that position, the rows between
 * stay placeholders until scrolled to, and a position where nobody is
 * listed says "Not listed". A search's results, and an endpoint without
 * `from`, load page by page through `next`. Rendered rows carry
 * `aria-posinset`/`aria-setsize`. Rows then have one fixed height and cut
 * long lines short with an ellipsis.
 *
 * Deep links: `#signatory-1234` in the page's URL (on load or on
 * `hashchange`) clears any search, loads position 1234, scrolls to it and
 * focuses it. Over an endpoint without `from`, only the first 10 000 rows
 * are walked.
 *
 * @slot - Fallback content (a first page of names, server-rendered): shown before the script runs, while loading and after an error; hidden once the data shows.
 *
 * @fires {CustomEvent<UndersignedErrorDetail>} undersigned-error - A page of signatories could not be loaded, or a signature could not be sent. `detail: {error, action}`.
 * @fires {CustomEvent<SignResult>} undersigned-sign - A reader's signature was accepted (from the form inside). `detail: {signatory, status}`.
 *
 * @csspart base - The section wrapping everything.
 * @csspart heading - The "30 organizations have signed" heading (an `h3`).
 * @csspart search - The search form.
 * @csspart search-input - The search box.
 * @csspart filter - The fieldset of the All / Organizations / People choice.
 * @csspart list - The numbered list (an `ol`); for a long list, also its scroll box.
 * @csspart item - One signatory (an `li`, with `data-position`).
 * @csspart number - A signatory's number, its stable position.
 * @csspart name - A signatory's name (a link when they gave a web address).
 * @csspart details - A signatory's role and organisation.
 * @csspart location - A signatory's location.
 * @csspart more - The area under the list: the "Show more" button, or why a further page failed.
 * @csspart more-button - The "Show more" button.
 * @csspart showing - "Showing 50 of 120" beside the "Show more" button.
 * @csspart unlisted - "Plus 2 signatories who asked not to be listed", under the whole list.
 * @csspart heading-placeholder - The heading's placeholder while the count loads.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message (for the whole list, or under it when a further page failed).
 * @csspart retry-button - The error message's retry button.
 * @csspart empty - The message shown when no one has signed, or nobody matches a search.
 * @csspart sign-form - The `<sign-form>` under the list, where the endpoint takes signatures.
 *
 * @cssprop [--undersigned-color-accent=#0b5cad] - Links, the chosen filter and focus rings (lighter in dark mode).
 * @cssprop [--undersigned-color-on-accent=#fff] - Text on the chosen filter.
 * @cssprop [--undersigned-color-text=currentColor] - Text colour; inherits the page's by default.
 * @cssprop [--undersigned-color-muted] - Numbers, locations and counts; derived from the text colour.
 * @cssprop [--undersigned-color-border] - Rules and borders; derived from the text colour.
 * @cssprop [--undersigned-color-surface] - Subtle backgrounds; derived from the text colour.
 * @cssprop [--undersigned-color-danger=#b3261e] - Error messages.
 * @cssprop [--undersigned-font-family=inherit] - Font; inherits the page's by default.
 * @cssprop [--undersigned-font-size=1rem] - Base font size.
 * @cssprop [--undersigned-line-height=1.5] - Base line height.
 * @cssprop [--undersigned-radius=0.5rem] - Corner radius.
 * @cssprop [--undersigned-space=1rem] - Base spacing.
 */
export class SignatoryList extends UndersignedElement {
  static override styles = [baseStyles, signatoryListStyles];
  static override properties: PropertyDeclarations = {
    pageSize: {type: Number, attribute: 'page-size', reflect: true},
  };

  /** How many signatories a page holds (at most 200). */
  declare pageSize: number;

  private readonly locale = new LocaleController(this);
  /** Light-DOM content (a server-rendered first page): shown while loading and on error. */
  private readonly fallback = new FallbackController(this);
  // The card's retry brought the statement: this list, which failed with it, loads again.
  private readonly sources = new SourceController(this, () => {
    if (this.signatories.status === 'error') this.signatories.reload();
  });
  private readonly search = new ListSearch(this);
  private readonly signatories = new PagedController<Signatory, SignatoryPage>(this, {
    query: () => {
      const source = this.sources.source;
      if (!source) return undefined;
      const limit = this.limit;
      const {query: q, kind, filtered} = this.search;
      return {
        key: JSON.stringify([source.key, limit, q, kind]),
        load: async (cursor, signal) => {
          // Pages loaded by scrolling a long list are as large as the source allows.
          const size = cursor !== null && this.virtual ? Math.min(source.maxPageSize ?? MAX_PAGE_SIZE, FILL_PAGE_SIZE) : limit;
          const before = cursor === null ? [] : this.signatories.items;
          const page = await source.signatories({limit: size, cursor, q: q || undefined, kind}, {signal});
          if (!signal.aborted) this.overview = learnOverview(this.overview, {sourceKey: source.key, filtered, page, before});
          return page;
        },
      };
    },
    itemElement: (index) => (this.virtual ? this.listBox : this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')[index]),
  });
  /**
   * A long list's window of rows and reading by position: a lazily loaded
   * sibling chunk (long-list.ts), asked for once a list is long, so a page
   * with a short one never downloads it. Until it is here the list keeps
   * showing what it showed while loading; should it fail to load, the list
   * is shown in pages like a short one.
   */
  private long?: {byPosition: RandomAccess; window: VirtualWindow; renderWindow: typeof renderWindow};
  private longStatus: 'idle' | 'loading' | 'failed' = 'idle';
  private readonly link = new DeepLinkController(this, () => this.search.clear());
  private readonly statementTask = statementTask(this, this.sources);
  private overview?: Overview;
  private readonly announcer = new PoliteAnnouncer(this);
  /** A long unfiltered list, read by position where the source allows (once the long list's code is here). */
  private get byPosition(): RandomAccess | undefined {
    return this.long?.byPosition;
  }
  /** The first page last checked for the reader's own signatures. */
  private ownCheckedFor?: SignatoryPage;

  constructor() {
    super();
    this.pageSize = 50;
    // Hands this list's source and statement to the sign form inside it.
    new ContextRelay(this, this.sources, this.statementTask);
    this.addEventListener('undersigned-sign', (event) => this.onSigned(event.detail));
    new LiveController(this, () => (this.sources.live ? this.sources.source?.events : undefined), (change) => this.onLive(change));
  }

  /** A live change: the counts as they are now, and new public signatories where the list shows its end. */
  private onLive({signatories: change}: LiveChange): void {
    if (!change) return;
    if (this.overview) this.overview = {...this.overview, total: change.listed, kinds: change.kinds};
    const list = this.signatories;
    if (list.status === 'ready' && !this.search.filtered) {
      if (this.byPosition?.active) {
        this.byPosition.put(change.added);
        list.total = change.listed;
      } else if (!list.hasMore) {
        const shown = new Set(list.items.map((s) => s.id));
        list.insert(change.added.filter((s) => !shown.has(s.id)), change.listed);
      }
    }
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const heading = this.renderRoot.querySelector('[part="heading"]')?.textContent?.trim();
      if (heading) this.announcer.say(heading);
    });
  }

  /** A reader signed: count them, and list them when they asked to be listed and the whole list is on screen. */
  private onSigned({signatory, status, listed}: SignResult): void {
    if (status !== 'published' || !listed) return;
    this.showOwn(signatory);
    this.requestUpdate();
  }

  private loadLongList(): void {
    this.longStatus = 'loading';
    import('./long-list.js').then(
      ({RandomAccess, positionQuery, VirtualWindow, renderWindow}) => {
        this.longStatus = 'idle';
        this.long = {
          byPosition: new RandomAccess(this, () =>
            this.virtual && !this.search.filtered ? positionQuery(this.sources.source, this.signatories.firstPage, FILL_PAGE_SIZE) : undefined
          ),
          window: new VirtualWindow(this, () => ({total: this.rowCount, firstPage: this.signatories.firstPage}), () => this.listBox),
          renderWindow,
        };
        this.requestUpdate();
      },
      (error: unknown) => {
        this.longStatus = 'failed';
        fire(this, 'undersigned-error', {error, action: 'load'});
        this.requestUpdate();
      }
    );
  }

  private showOwn(signatory: Signatory): void {
    if (this.overview) this.overview = {...this.overview, total: (this.overview.total ?? 0) + 1};
    if (!this.search.filtered && !this.signatories.hasMore && this.signatories.status === 'ready') {
      this.signatories.append(signatory);
    }
  }

  /**
   * After a reload, a shared cache may answer with a first page from before
   * the reader's own signature: it is shown until the server lists it, and
   * forgotten once a page does.
   */
  private showOwnSignatures(): void {
    const {firstPage, status, items} = this.signatories;
    const source = this.sources.source;
    if (!source?.writable || !firstPage || firstPage === this.ownCheckedFor || status !== 'ready' || this.search.filtered) return;
    this.ownCheckedFor = firstPage;
    for (const own of forgetListed(source.key, new Set(items.map((s) => s.id)))) if (own.listed) this.showOwn(own.signatory);
  }

  private get listBox(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.list.virtual');
  }

  private get limit(): number {
    const size = this.pageSize;
    return Number.isFinite(size) && size >= 1 ? Math.min(Math.floor(size), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  /** Whether the list is long enough to render only what is in view (and the code for that did not fail to load). */
  private get virtual(): boolean {
    return this.signatories.status === 'ready' && this.signatories.total > VIRTUAL_FROM && this.longStatus !== 'failed';
  }

  /** Rows in a long list's box: one per position when read by position (all signatures counted, the card's count where known). */
  private get rowCount(): number {
    const {total} = this.signatories;
    return this.byPosition?.active ? this.byPosition.size(Math.max(total, this.sources.statement?.signatories.count ?? 0)) : total;
  }

  /** Signatures in all: the card's statement counts unlisted ones too; else the unfiltered list's length. */
  private get count(): number | undefined {
    return this.sources.statement?.signatories.count ?? this.overview?.total;
  }

  /** Signatures counted but not listed (anonymous signers), as far as the card's statement says. */
  private get unlisted(): number {
    const counts = this.sources.statement?.signatories;
    return counts?.listed === undefined ? 0 : Math.max(0, counts.count - counts.listed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.overview && this.overview.sourceKey !== this.sources.source?.key) {
      // Another statement: what was known, searched and filtered was about the old one.
      this.overview = undefined;
      this.search.clear();
    }
    this.showOwnSignatures();
    if (this.virtual && !this.long && this.longStatus === 'idle') this.loadLongList();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.long?.byPosition.active) {
      const {start, end} = this.long.window.range;
      this.long.byPosition.want(start + 1, Math.min(end, this.rowCount));
      if (this.link.target !== undefined) void this.updateComplete.then(() => this.jump());
    }
    // Loading starts once this update is done, so it never schedules one from inside it.
    else if (this.needsMore() || this.reachedTarget()) void this.updateComplete.then(() => this.fill());
  }

  protected override render() {
    const count = this.count;
    const {status, total} = this.signatories;
    const kinds = this.overview?.kinds;
    const loading = () => (this.fallback.has ? html`<slot></slot>` : renderLoading(this.locale, ['row', 'row', 'row', 'row']));
    const long = this.long;
    const waiting = this.virtual && !long;
    return html`<section class="root" part="base" dir=${this.locale.dir} aria-labelledby=${count === undefined ? nothing : 'heading'} aria-busy=${status === 'loading' || waiting}>
      ${count !== undefined
        ? html`<h3 id="heading" class="heading" part="heading">${this.locale.t(headingKey(kinds), {count})}</h3>`
        : status === 'error'
          ? nothing
          : html`<div class="skeleton heading-line" part="heading-placeholder" aria-hidden="true"></div>`}
      ${renderControls({
        locale: this.locale,
        search: this.search,
        searchable: (this.overview?.total ?? 0) > this.limit || this.search.query !== '',
        filterable: Boolean(kinds?.organization && kinds.individual),
        results: this.search.filtered && status === 'ready' ? this.locale.t('resultsCount', {count: total}) : '',
      })}
      ${this.signatories.render({
        loading,
        error: (error) =>
          html`${this.sources.cardFailed ? nothing : renderError(this.locale, error, () => this.signatories.reload())}<slot></slot>`,
        empty: () => renderEmpty(emptyMessage(this.locale, this.search, this.unlisted)),
        ready: (items) =>
          waiting
            ? loading()
            : html`${this.virtual && long
              ? long.renderWindow({
                  locale: this.locale,
                  row: (i) => (long.byPosition.active ? long.byPosition.at(i + 1) : items[i]),
                  total: this.rowCount,
                  range: long.window.range,
                  positionOf: this.positionOf,
                  labelled: count !== undefined,
                  onScroll: long.window.onScroll,
                })
              : html`<ol class="list" part="list" role="list">
                  ${items.map((s, i) => renderSignatory(this.locale, s, {position: this.positionOf(s, i)}))}
                </ol>`}
            ${this.renderMore()}`,
      })}
      ${this.sources.source?.writable && status !== 'loading' && status !== 'idle' && !waiting
        ? html`<sign-form class="sign-form" part="sign-form"></sign-form>`
        : nothing}
      ${this.sources.live ? html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcer.text}</div>` : nothing}
    </section>`;
  }

  /** A signatory's number: its stable position; without one, its place in the unfiltered list, unknown in a filtered view. */
  private readonly positionOf = (signatory: Signatory, index: number): number | undefined =>
    signatory.position ?? (this.search.filtered ? undefined : index + 1);

  /** Whether rows in view (or a deep link's target) are not loaded yet. */
  private needsMore(): boolean {
    const {status, moreStatus, hasMore, items} = this.signatories;
    if (this.byPosition?.active || status !== 'ready' || !hasMore || moreStatus === 'loading' || moreStatus === 'error') return false;
    if (this.virtual) {
      // The window says which rows are in view: until its code is here, nothing is.
      if (!this.long) return false;
      if (this.long.window.range.end > items.length) return true;
    }
    const target = this.link.target;
    if (target === undefined || this.search.filtered) return false;
    const last = items.at(-1)?.position ?? items.length;
    const cap = (this.sources.source?.maxPageSize ?? MAX_PAGE_SIZE) > MAX_PAGE_SIZE ? Infinity : DEEP_LINK_MAX_ROWS;
    return last < target && items.length < cap;
  }

  /** Whether a deep link's target is as loaded as it will be (for a long list, not before its code is here). */
  private reachedTarget(): boolean {
    if (this.virtual && !this.long) return false;
    return this.link.target !== undefined && this.signatories.status === 'ready' && !this.search.filtered && !this.needsMore();
  }

  /** Loads pages until the rows in view (and a deep link's target) are in, then goes to the target. */
  private async fill(): Promise<void> {
    // Only the call that did the loading goes on to the target.
    if (!(await this.signatories.fill(() => this.needsMore())) || !this.reachedTarget()) return;
    // Scrolls to the signatory at the target position and focuses it.
    const position = this.link.take()!;
    await this.focusRow(position, this.signatories.items.findIndex((s) => s.position === position));
  }

  /** A deep link over a list read by position: scrolls to the target's row, and once it is loaded there, focuses it. */
  private async jump(): Promise<void> {
    const position = this.link.target;
    const long = this.long;
    if (position === undefined || !long?.byPosition.active) return;
    const index = Math.min(position, this.rowCount) - 1;
    // Scrolling there loads the page in view; once it is in, go to the row.
    if (long.byPosition.at(position) === undefined) return this.link.approach(index, (i) => long.window.scrollTo(i));
    this.link.take();
    await this.focusRow(position, index);
  }

  /** Scrolls to the signatory at `position` (row `index`, where a long list has it) and focuses it. */
  private async focusRow(position: number, index: number): Promise<void> {
    if (index < 0) return;
    if (this.virtual) {
      this.long?.window.scrollTo(index);
      await this.updateComplete;
    }
    focusSignatory(this.renderRoot, position);
  }

  /** "Show more" with how many are shown; for a long list (it loads as it scrolls), the unlisted note once all is in. */
  private renderMore() {
    const {moreStatus, hasMore, items, total} = this.signatories;
    if (hasMore && (!this.virtual || moreStatus === 'error')) {
      return renderMore(this.locale, this.signatories, this.locale.t('showMore'), this.loadMore, this.locale.t('showingOf', {shown: items.length, total}));
    }
    const unlisted = hasMore || this.search.filtered ? 0 : this.unlisted;
    return unlisted ? html`<p class="unlisted" part="unlisted">${this.locale.t('unlisted', {count: unlisted})}</p>` : nothing;
  }

  private readonly loadMore = (): void => void this.signatories.more({focus: true});
}
