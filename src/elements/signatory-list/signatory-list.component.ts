import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
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
 * @csspart list - The numbered list (an `ol`).
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
          const page = await source.signatories({limit, cursor, q: q || undefined, kind}, {signal});
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

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
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
    if (this.focusFrom !== undefined && this.signatories.moreStatus !== 'loading') {
      const from = this.focusFrom;
      this.focusFrom = undefined;
      const target =
        this.signatories.moreStatus === 'error'
          ? this.renderRoot.querySelector<HTMLElement>('.more [part="retry-button"]')
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
        return html`<ol class="list" part="list" role="list">
            ${items.map((s, i) => this.renderItem(s, i))}
          </ol>
          ${this.renderMore()}`;
    }
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
  private renderItem(signatory: Signatory, index: number) {
    const position = signatory.position ?? (this.filtered ? undefined : index + 1);
    const url = safeHttpUrl(signatory.url);
    const details = [signatory.role, signatory.organization].filter(Boolean).join(', ');
    return html`<li class="item" part="item" tabindex="-1" value=${position ?? nothing} data-position=${position ?? nothing}>
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
    if (!hasMore) {
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
    this.signatories.more();
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
