import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import type {SignResult, Signatory, SignatoryKind, SignatoryPage} from '../../api/index.js';
import {FallbackController} from '../../controllers/fallback-controller.js';
import {PagedController} from '../../controllers/paged-controller.js';
import {ContextRelay, SourceController, statementTask} from '../../controllers/source-controller.js';
import {LocaleController} from '../../i18n/locale-controller.js';
import {baseStyles} from '../../internal/base.styles.js';
import {dispatchError, renderEmpty, renderError, renderLoading} from '../../internal/status-views.js';
import {UndersignedElement} from '../../internal/undersigned-element.js';
import {safeHttpUrl} from '../../text/safe-url.js';
import {signatoryListStyles} from './signatory-list.styles.js';
import '../sign-form/sign-form.js';

const DEFAULT_PAGE_SIZE = 50;
/** The contract's largest `limit`. */
const MAX_PAGE_SIZE = 200;
/** How long typing pauses before a search runs. */
const SEARCH_DELAY = 250;
/** Lists longer than the contract's largest page scroll in a box that renders only the rows in view. */
const VIRTUAL_FROM = MAX_PAGE_SIZE;
/** Rows rendered above and below the visible ones, so a fast scroll rarely shows a gap. */
const OVERSCAN = 5;
/**
 * Rows rendered before the box is measured: what it holds at its tallest
 * (34em of 5.25em rows, the styles' sizes), with overscan, so that
 * measuring it does not render the list a second time.
 */
const INITIAL_ROWS = Math.ceil(34 / 5.25) + 1 + 2 * OVERSCAN;
/** Row height (px) assumed until the first row is measured; the CSS fixes every row's height. */
const ROW_ESTIMATE = 84;
/** Rows a page loaded while scrolling holds, where the source allows more than the contract's 200. */
const FILL_PAGE_SIZE = 5000;
/** How long loading pages back to back (from memory) may hold the main thread before it yields. */
const FILL_SLICE_MS = 8;
/** How far a deep link may walk an endpoint's pages: 50 requests of 200. */
const DEEP_LINK_MAX_ROWS = 10_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Kinds = Record<SignatoryKind, number>;

/** What is known about a source's whole, unfiltered list; it outlives searches so the heading and controls stay put. */
interface Overview {
  sourceKey: string;
  total?: number;
  kinds?: Kinds;
}

function countKinds(items: readonly Signatory[]): Kinds {
  const kinds: Kinds = {organization: 0, individual: 0};
  for (const s of items) kinds[s.kind]++;
  return kinds;
}

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
 * not yet loaded show as placeholders and load as they scroll into view
 * (pages through `next`, so an endpoint is walked in order). Rendered rows
 * carry `aria-posinset`/`aria-setsize`. Rows then have one fixed height and
 * cut long lines short with an ellipsis.
 *
 * Deep links: `#signatory-1234` in the page's URL (on load or on
 * `hashchange`) clears any search, loads up to position 1234, scrolls to it
 * and focuses it. With an endpoint, only the first 10 000 rows are walked.
 *
 * @slot - Fallback content (a first page of names, server-rendered): shown before the script runs, while loading and after an error; hidden once the data shows.
 *
 * @fires undersigned-error - A page of signatories could not be loaded, or a signature could not be sent. `detail: {error, action}`.
 * @fires undersigned-sign - A reader's signature was accepted (from the form inside). `detail: {signatory, status}`.
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
 * @csspart more-button - The "Show more" button.
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

  /** How many signatories a page holds (at most 200). */
  @property({type: Number, attribute: 'page-size', reflect: true}) accessor pageSize = DEFAULT_PAGE_SIZE;

  /** The search in effect, trimmed; empty for none. */
  @state() private accessor query = '';

  /** The kind the filter shows, or undefined for all. */
  @state() private accessor kind: SignatoryKind | undefined;

  private readonly locale = new LocaleController(this);
  /** Light-DOM content (a server-rendered first page): shown while loading and on error. */
  private readonly fallback = new FallbackController(this);
  private readonly sources = new SourceController(this);
  private readonly signatories = new PagedController<Signatory, SignatoryPage>(this, {
    query: () => {
      const source = this.sources.source;
      if (!source) return undefined;
      const limit = this.limit;
      const {query: q, kind} = this;
      const filtered = Boolean(q || kind);
      return {
        key: JSON.stringify([source.key, limit, q, kind]),
        load: async (cursor, signal) => {
          // Pages loaded by scrolling a long list are as large as the source allows.
          const size = cursor !== null && this.virtual ? Math.min(source.maxPageSize ?? MAX_PAGE_SIZE, FILL_PAGE_SIZE) : limit;
          const page = await source.signatories({limit: size, cursor, q: q || undefined, kind}, {signal});
          if (!signal.aborted) this.learn(source.key, filtered, cursor === null, page);
          return page;
        },
      };
    },
  });

  private readonly statementTask = statementTask(this, this.sources);

  constructor() {
    super();
    // Hands this list's source and statement to the sign form inside it.
    new ContextRelay(this, this.sources, this.statementTask);
    this.addEventListener('undersigned-sign', (event) => this.onSigned(event.detail));
  }

  /** A reader signed: count them, and list them when they asked to be listed and the whole list is on screen. */
  private onSigned({signatory, status}: SignResult): void {
    if (status !== 'published') return;
    if (this.overview) this.overview = {...this.overview, total: (this.overview.total ?? 0) + 1};
    if (!this.filtered && !this.signatories.hasMore && this.signatories.status === 'ready') {
      this.signatories.append(signatory);
    }
    this.requestUpdate();
  }

  private overview?: Overview;
  /** The rows a long list renders: [start, end) of the view, with overscan. */
  private range = {start: 0, end: INITIAL_ROWS};
  /** The first page of the list `range` belongs to: a new search or filter starts at the top. */
  private rangeFor?: SignatoryPage;
  private rowHeight = ROW_ESTIMATE;
  /** A position from the URL (`#signatory-N`) to scroll to and focus once loaded. */
  private target?: number;
  private filling = false;
  private readonly onHashChange = () => this.readHash();
  private searchTimer?: ReturnType<typeof setTimeout>;
  private reportedError?: unknown;
  /** After "show more": the index of the first new item, which takes focus once it renders. */
  private focusFrom?: number;

  private get limit(): number {
    const size = this.pageSize;
    return Number.isFinite(size) && size >= 1 ? Math.min(Math.floor(size), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  private get filtered(): boolean {
    return Boolean(this.query || this.kind);
  }

  /** Whether the list is long enough to render only what is in view. */
  private get virtual(): boolean {
    return this.signatories.status === 'ready' && this.signatories.total > VIRTUAL_FROM;
  }

  /** Records what a page tells about the unfiltered list: `kinds` when the server sends it, else what a complete unfiltered list shows. */
  private learn(sourceKey: string, filtered: boolean, first: boolean, page: SignatoryPage): void {
    const known = this.overview?.sourceKey === sourceKey ? this.overview : {sourceKey};
    let kinds = page.kinds ?? known.kinds;
    if (!page.kinds && !filtered && page.next === null) {
      kinds = countKinds(first ? page.items : [...this.signatories.items, ...page.items]);
    }
    this.overview = {sourceKey, kinds, total: filtered ? known.total : page.total};
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

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHashChange);
    this.readHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    removeEventListener('hashchange', this.onHashChange);
  }

  /** `#signatory-N`: show the whole list, so position N is in it, and go there once it is loaded. */
  private readHash(): void {
    const match = /^#signatory-(\d+)$/.exec(location.hash);
    if (!match) return;
    this.target = Number(match[1]);
    if (this.filtered) {
      clearTimeout(this.searchTimer);
      this.query = '';
      this.kind = undefined;
      const input = this.renderRoot.querySelector<HTMLInputElement>('[part="search-input"]');
      if (input) input.value = '';
    }
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const sourceKey = this.sources.source?.key;
    if (this.overview && this.overview.sourceKey !== sourceKey) {
      // Another statement: what was known, searched and filtered was about the old one.
      this.overview = undefined;
      this.query = '';
      this.kind = undefined;
      clearTimeout(this.searchTimer);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const error = this.signatories.error;
    if (error && error !== this.reportedError) dispatchError(this, error, 'load');
    this.reportedError = error;
    if (this.virtual) this.measure();
    if (this.needsMore() || (this.target !== undefined && this.signatories.status === 'ready' && !this.filtered)) void this.fill();
    if (this.focusFrom !== undefined && this.signatories.moreStatus !== 'loading') {
      const from = this.focusFrom;
      this.focusFrom = undefined;
      const target =
        this.signatories.moreStatus === 'error'
          ? this.renderRoot.querySelector<HTMLElement>('.more [part="retry-button"]')
          : this.virtual
            ? this.renderRoot.querySelector<HTMLElement>('.list.virtual')
            : this.renderRoot.querySelectorAll<HTMLElement>('[part~="item"]')[from];
      target?.focus();
    }
  }

  protected override render() {
    const count = this.count;
    const {status, total} = this.signatories;
    const results = this.filtered && status === 'ready' ? this.locale.t('resultsCount', {count: total}) : '';
    return html`<section class="root" part="base" dir=${this.locale.dir} aria-labelledby=${count === undefined ? nothing : 'heading'} aria-busy=${status === 'loading'}>
      ${count !== undefined
        ? html`<h3 id="heading" class="heading" part="heading">${this.locale.t(this.headingKey, {count})}</h3>`
        : status === 'error'
          ? nothing
          : html`<div class="skeleton heading-line" aria-hidden="true"></div>`}
      ${this.renderControls(results)}
      ${this.renderBody()}
      ${this.sources.source?.writable && status !== 'loading' && status !== 'idle'
        ? html`<sign-form class="sign-form" part="sign-form"></sign-form>`
        : nothing}
    </section>`;
  }

  /** The heading's words: organizations, people, or neutral when both signed or it is not known. */
  private get headingKey() {
    const kinds = this.overview?.kinds;
    if (kinds?.organization && !kinds.individual) return 'signedOrganizations';
    if (kinds?.individual && !kinds.organization) return 'signedIndividuals';
    return 'signedMixed';
  }

  /** Search once the list is longer than a page; the kind filter where both kinds signed. */
  private renderControls(results: string) {
    const total = this.overview?.total ?? 0;
    const kinds = this.overview?.kinds;
    const search = total > this.limit || this.query !== '';
    const filter = Boolean(kinds?.organization && kinds.individual);
    if (!search && !filter) return nothing;
    return html`<div class="controls">
      ${search
        ? html`<form class="search" part="search" role="search" @submit=${this.onSearchSubmit}>
            <label class="visually-hidden" for="search">${this.locale.t('searchLabel')}</label>
            <input
              id="search"
              part="search-input"
              type="search"
              autocomplete="off"
              spellcheck="false"
              placeholder=${this.locale.t('searchPlaceholder')}
              @input=${this.onSearchInput}
            />
          </form>`
        : nothing}
      ${filter ? this.renderFilter() : nothing}
      <p class="results" role="status">${results}</p>
    </div>`;
  }

  private renderFilter() {
    const options: Array<[SignatoryKind | '', string]> = [
      ['', this.locale.t('filterAll')],
      ['organization', this.locale.t('filterOrganizations')],
      ['individual', this.locale.t('filterIndividuals')],
    ];
    return html`<fieldset class="filter" part="filter">
      <legend class="filter-label">${this.locale.t('filterLabel')}</legend>
      <div class="options">
        ${options.map(
          ([value, label]) => html`<label class="option">
            <input
              class="visually-hidden"
              type="radio"
              name="kind"
              value=${value}
              .checked=${(this.kind ?? '') === value}
              @change=${this.onKindChange}
            /><span>${label}</span>
          </label>`
        )}
      </div>
    </fieldset>`;
  }

  private renderBody() {
    const {status, items, error} = this.signatories;
    switch (status) {
      case 'idle':
      case 'loading':
        return this.fallback.has ? html`<slot></slot>` : renderLoading(this.locale, ['row', 'row', 'row', 'row']);
      case 'error':
        return html`${renderError(this.locale, error, () => this.retry())}<slot></slot>`;
      case 'ready':
        if (items.length === 0) return renderEmpty(this.emptyMessage);
        if (this.virtual) return this.renderVirtual();
        return html`<ol class="list" part="list" role="list">
            ${items.map((s, i) => this.renderItem(s, i))}
          </ol>
          ${this.renderMore()}`;
    }
  }

  /**
   * A long list: a scroll box whose spacers stand for the rows above and
   * below the rendered ones, so its height and scrollbar match the whole
   * list while the DOM holds a screenful. Rows are keyed by index modulo
   * the window's length: a row keeps its element (and focus) while it
   * stays in range, and the one scrolled out lends its element to the one
   * scrolled in.
   */
  private renderVirtual() {
    const {items, total} = this.signatories;
    if (this.rangeFor !== this.signatories.firstPage) {
      this.rangeFor = this.signatories.firstPage;
      this.range = {start: 0, end: Math.min(total, INITIAL_ROWS)};
    }
    const start = Math.min(this.range.start, total);
    const end = Math.min(this.range.end, total);
    const indexes = Array.from({length: end - start}, (_, i) => start + i);
    return html`<ol
        class="list virtual"
        part="list"
        role="list"
        tabindex="0"
        aria-labelledby=${this.count === undefined ? nothing : 'heading'}
        @scroll=${this.onScroll}
      >
        ${repeat(
          indexes,
          (i) => i % indexes.length,
          (i) =>
            i < items.length
              ? this.renderItem(items[i], i, total)
              : html`<li class="item placeholder" aria-posinset=${i + 1} aria-setsize=${total}>
                  <span class="number"></span><span class="skeleton line"></span><span class="visually-hidden">${this.locale.t('loading')}</span>
                </li>`
        )}
      </ol>
      ${this.renderMore()}`;
  }

  /**
   * The rows the box shows at its scroll position, with overscan. The
   * window's length only grows (against the list's ends it stops sliding
   * instead of shrinking), so rows keyed by index modulo that length are
   * moved and refilled, never removed: lit-html's repeat leaves a marker
   * comment behind for every part it removes (lit/lit#5010), which would
   * pile up as the reader scrolls. It starts long enough for the box at its
   * tallest, so measuring the box does not render the list a second time.
   */
  private visibleRange(box: HTMLElement): {start: number; end: number} {
    const h = this.rowHeight;
    const total = this.signatories.total;
    const needed = Math.ceil(Math.max(box.clientHeight, h) / h) + 1 + 2 * OVERSCAN;
    const length = Math.min(total, Math.max(needed, this.range.end - this.range.start));
    const start = Math.max(0, Math.min(Math.floor(box.scrollTop / h) - OVERSCAN, total - length));
    return {start, end: start + length};
  }

  private onScroll(event: Event): void {
    this.setRange(this.visibleRange(event.currentTarget as HTMLElement));
  }

  private setRange(range: {start: number; end: number}): void {
    if (range.start === this.range.start && range.end === this.range.end) return;
    this.range = range;
    this.requestUpdate();
  }

  /**
   * Sizes the spacers (::before, ::after) that stand for the rows not
   * rendered (padding would not scroll), through the CSSOM, which a strict
   * CSP allows; then learns the real row height (the CSS sets it in em) and
   * the box's height, once they are on screen.
   */
  private measure(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.list.virtual');
    const row = box?.querySelector<HTMLElement>('.item');
    if (!box || !row) return;
    const {total} = this.signatories;
    const end = Math.min(this.range.end, total);
    box.style.setProperty('--_above', `${Math.min(this.range.start, end) * this.rowHeight}px`);
    box.style.setProperty('--_below', `${(total - end) * this.rowHeight}px`);
    const h = row.getBoundingClientRect().height;
    if (h > 0 && Math.abs(h - this.rowHeight) > 0.01) {
      this.rowHeight = h;
      this.requestUpdate();
    }
    this.setRange(this.visibleRange(box));
  }

  /** Whether rows in view (or a deep link's target) are not loaded yet. */
  private needsMore(): boolean {
    const {status, moreStatus, hasMore, items} = this.signatories;
    if (status !== 'ready' || !hasMore || moreStatus === 'loading' || moreStatus === 'error') return false;
    if (this.virtual && this.range.end > items.length) return true;
    if (this.target === undefined || this.filtered) return false;
    const last = items.at(-1)?.position ?? items.length;
    const cap = (this.sources.source?.maxPageSize ?? MAX_PAGE_SIZE) > MAX_PAGE_SIZE ? Infinity : DEEP_LINK_MAX_ROWS;
    return last < this.target && items.length < cap;
  }

  /**
   * Loads pages until the rows in view (and a deep link's target) are in.
   * Pages from memory resolve without yielding, so the loop yields to the
   * event loop every few milliseconds: no long task, whatever the length.
   */
  private async fill(): Promise<void> {
    if (this.filling) return;
    this.filling = true;
    try {
      let slice = performance.now();
      while (this.needsMore()) {
        await this.signatories.more();
        await this.updateComplete;
        if (performance.now() - slice > FILL_SLICE_MS) {
          await nextTask();
          slice = performance.now();
        }
      }
    } finally {
      this.filling = false;
    }
    if (this.target !== undefined && !this.needsMore() && this.signatories.status === 'ready' && !this.filtered) {
      await this.goTo(this.target);
    }
  }

  /** Scrolls to the signatory at `position` and focuses it; forgets the target either way. */
  private async goTo(position: number): Promise<void> {
    this.target = undefined;
    const index = this.signatories.items.findIndex((s) => s.position === position);
    if (index < 0) return;
    const box = this.renderRoot.querySelector<HTMLElement>('.list.virtual');
    if (box) {
      box.scrollTop = Math.max(0, index * this.rowHeight - (box.clientHeight - this.rowHeight) / 2);
      this.setRange(this.visibleRange(box));
      await this.updateComplete;
    }
    const item = this.renderRoot.querySelector<HTMLElement>(`[part~="item"][data-position="${position}"]`);
    item?.scrollIntoView({block: 'center'});
    item?.focus({preventScroll: true});
  }

  private get emptyMessage(): string {
    if (this.query) return this.locale.t('noMatches', {query: this.query});
    if (!this.kind && this.unlisted) return this.locale.t('unlisted', {count: this.unlisted});
    return this.locale.t('noSignatories');
  }

  /**
   * One signatory. Its number is its stable position; without one (a server
   * may leave it out), its place in the unfiltered list, unknown in a
   * filtered view. Kept apart so a virtualised list can render rows alone.
   */
  private renderItem(signatory: Signatory, index: number, setSize?: number) {
    const position = signatory.position ?? (this.filtered ? undefined : index + 1);
    const url = safeHttpUrl(signatory.url);
    const details = [signatory.role, signatory.organization].filter(Boolean).join(', ');
    return html`<li
      class="item"
      part="item"
      tabindex="-1"
      value=${position ?? nothing}
      data-position=${position ?? nothing}
      aria-posinset=${setSize === undefined ? nothing : index + 1}
      aria-setsize=${setSize ?? nothing}
    >
      ${position === undefined
        ? html`<span class="number"></span>`
        : html`<span class="number" part="number" aria-hidden="true">${this.locale.number(position)}</span>
            <span class="visually-hidden">${this.locale.t('signatoryNumber', {position})}</span>`}
      <span class="entry">
        <span class="name" part="name"
          >${url ? html`<a href=${url} rel="nofollow ugc noopener">${signatory.name}</a>` : signatory.name}</span
        >
        ${details ? html`<span class="details" part="details">${details}</span>` : nothing}
        ${signatory.location ? html`<span class="location" part="location">${signatory.location}</span>` : nothing}
      </span>
    </li>`;
  }

  /** "Show more" with how many are shown, or why the last attempt failed; the list stays either way. */
  private renderMore() {
    const {moreStatus, hasMore, items, total, error} = this.signatories;
    if (moreStatus === 'error') {
      return html`<div class="more">${renderError(this.locale, error, () => this.loadMore())}</div>`;
    }
    if (!hasMore || this.virtual) {
      // A long list loads as it scrolls: no button; the unlisted note once all is in.
      if (hasMore) return nothing;
      const unlisted = this.filtered ? 0 : this.unlisted;
      return unlisted ? html`<p class="unlisted">${this.locale.t('unlisted', {count: unlisted})}</p>` : nothing;
    }
    const busy = moreStatus === 'loading';
    return html`<div class="more">
      <button
        class="button"
        part="more-button"
        type="button"
        aria-describedby="showing"
        aria-disabled=${busy}
        aria-busy=${busy}
        @click=${this.loadMore}
      >
        ${this.locale.t('showMore')}
      </button>
      <span id="showing" class="showing">${this.locale.t('showingOf', {shown: items.length, total})}</span>
    </div>`;
  }

  private loadMore(): void {
    if (this.signatories.moreStatus === 'loading') return;
    this.focusFrom = this.signatories.items.length;
    void this.signatories.more();
  }

  private retry(): void {
    this.signatories.reload();
    // reload() changes state outside an update: show the loading state now.
    this.requestUpdate();
  }

  private onSearchInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.search(input.value), SEARCH_DELAY);
  }

  /** Enter searches at once. */
  private onSearchSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.search((event.target as HTMLFormElement).querySelector('input')!.value);
  }

  private search(text: string): void {
    this.query = text.trim();
  }

  private onKindChange(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.kind = value === 'organization' || value === 'individual' ? value : undefined;
  }
}
