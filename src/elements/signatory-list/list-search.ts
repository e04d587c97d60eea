import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {SignatoryKind} from '../../api/index.js';
import type {LocaleController} from '../../i18n/locale-controller.js';

/** How long typing pauses before a search runs. */
export const SEARCH_DELAY = 250;

/**
 * The search and kind filter in effect: typing searches once it pauses,
 * Enter at once; the host re-renders (and its list reloads) on a change.
 */
export class ListSearch implements ReactiveController {
  /** The search, trimmed; empty for none. */
  query = '';
  /** The kind shown, or undefined for all. */
  kind: SignatoryKind | undefined;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost & {renderRoot: ParentNode}) {
    host.addController(this);
  }

  get filtered(): boolean {
    return Boolean(this.query || this.kind);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Back to the whole list, the search box emptied. */
  clear(): void {
    clearTimeout(this.timer);
    if (!this.filtered) return;
    this.set('', undefined);
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('[part="search-input"]');
    if (input) input.value = '';
  }

  readonly onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.set(input.value.trim(), this.kind), SEARCH_DELAY);
  };

  readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    clearTimeout(this.timer);
    this.set((event.target as HTMLFormElement).querySelector('input')!.value.trim(), this.kind);
  };

  readonly onKindChange = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    this.set(this.query, value === 'organization' || value === 'individual' ? value : undefined);
  };

  private set(query: string, kind: SignatoryKind | undefined): void {
    if (query === this.query && kind === this.kind) return;
    this.query = query;
    this.kind = kind;
    this.host.requestUpdate();
  }
}

export interface ControlsView {
  locale: LocaleController;
  search: ListSearch;
  /** Show the search box (the list is longer than a page, or a search is in effect). */
  searchable: boolean;
  /** Show the kind filter (both kinds signed). */
  filterable: boolean;
  /** "12 results", for a search or filter in effect. */
  results: string;
}

/** Search and the All / Organizations / People filter, above the list. */
export function renderControls(view: ControlsView): TemplateResult | typeof nothing {
  const {locale, search, searchable, filterable} = view;
  if (!searchable && !filterable) return nothing;
  return html`<div class="controls">
    ${searchable
      ? html`<form class="search" part="search" role="search" @submit=${search.onSubmit}>
          <label class="visually-hidden" for="search">${locale.t('searchLabel')}</label>
          <input
            id="search"
            part="search-input"
            type="search"
            autocomplete="off"
            spellcheck="false"
            placeholder=${locale.t('searchPlaceholder')}
            @input=${search.onInput}
          />
        </form>`
      : nothing}
    ${filterable ? renderFilter(locale, search) : nothing}
    <p class="results" role="status">${view.results}</p>
  </div>`;
}

function renderFilter(locale: LocaleController, search: ListSearch): TemplateResult {
  const options: Array<[SignatoryKind | '', string]> = [
    ['', locale.t('filterAll')],
    ['organization', locale.t('filterOrganizations')],
    ['individual', locale.t('filterIndividuals')],
  ];
  return html`<fieldset class="filter" part="filter">
    <legend class="filter-label">${locale.t('filterLabel')}</legend>
    <div class="options">
      ${options.map(
        ([value, label]) => html`<label class="option">
          <input
            class="visually-hidden"
            type="radio"
            name="kind"
            value=${value}
            .checked=${(search.kind ?? '') === value}
            @change=${search.onKindChange}
          /><span>${label}</span>
        </label>`
      )}
    </div>
  </fieldset>`;
}
