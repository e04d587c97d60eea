import {html, nothing, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import type {Signatory, SignatoryKind} from '../../api/index.js';
import type {LocaleController} from '../../i18n/locale-controller.js';
import {safeHttpUrl} from '../../text/safe-url.js';
import type {Slot} from './sparse-rows.js';

/** Where a row sits: its number (stable position), and its place in a long list's set. */
export interface RowPlace {
  position: number | undefined;
  /** For a virtualised list: the row's index and the list's length (aria-posinset/-setsize). */
  index?: number;
  setSize?: number;
}

/** One signatory: number, name (a link for an http(s) address), role and organisation, location. */
export function renderSignatory(locale: LocaleController, signatory: Signatory, {position, index, setSize}: RowPlace): TemplateResult {
  const url = safeHttpUrl(signatory.url);
  const details = [signatory.role, signatory.organization].filter(Boolean).join(', ');
  return html`<li
    class="item"
    part="item"
    tabindex="-1"
    value=${position ?? nothing}
    data-position=${position ?? nothing}
    aria-posinset=${setSize === undefined || index === undefined ? nothing : index + 1}
    aria-setsize=${setSize ?? nothing}
  >
    ${position === undefined
      ? html`<span class="number"></span>`
      : html`<span class="number" part="number" aria-hidden="true">${locale.number(position)}</span>
          <span class="visually-hidden">${locale.t('signatoryNumber', {position})}</span>`}
    <span class="entry">
      <span
        ><span class="name" part="name" dir="auto"
          >${url ? html`<a href=${url} rel="nofollow ugc noopener">${signatory.name}</a>` : signatory.name}</span
        >${signatory.verified ? renderVerified(locale, signatory.verified.domain) : nothing}</span
      >
      ${details ? html`<span class="details" part="details" dir="auto">${details}</span>` : nothing}
      ${signatory.location ? html`<span class="location" part="location" dir="auto">${signatory.location}</span>` : nothing}
    </span>
  </li>`;
}

/** The badge of a verified signatory: its text says what was verified, the title how. */
function renderVerified(locale: LocaleController, domain: string): TemplateResult {
  return html` <span class="verified" part="verified" title=${locale.t('verifiedTitle', {domain})}
    >${locale.t('verified', {domain})}</span
  >`;
}

/** A row of a long list not loaded yet: it holds its place and says it is loading. */
export function renderPlaceholder(locale: LocaleController, index: number, setSize: number): TemplateResult {
  return html`<li class="item placeholder" aria-posinset=${index + 1} aria-setsize=${setSize}>
    <span class="number"></span><span class="skeleton line"></span><span class="visually-hidden">${locale.t('loading')}</span>
  </li>`;
}

/** A position where nobody is listed (a hidden or unlisted signature): it keeps its number, so the rows after keep theirs. */
export function renderGap(locale: LocaleController, index: number, setSize: number): TemplateResult {
  const position = index + 1;
  return html`<li class="item gap" part="item" tabindex="-1" value=${position} data-position=${position} aria-posinset=${position} aria-setsize=${setSize}>
    <span class="number" part="number" aria-hidden="true">${locale.number(position)}</span>
    <span class="visually-hidden">${locale.t('signatoryNumber', {position})}</span>
    <span class="entry"><span class="details">${locale.t('notListed')}</span></span>
  </li>`;
}

export interface WindowView {
  locale: LocaleController;
  /** What row `index` shows: a signatory, a gap, or a placeholder while not loaded. */
  row: (index: number) => Slot;
  /** The list's whole length, and the rows [start, end) to render. */
  total: number;
  range: {start: number; end: number};
  positionOf: (signatory: Signatory, index: number) => number | undefined;
  labelled: boolean;
  onScroll: () => void;
}

/**
 * A long list: a focusable scroll box whose spacers stand for the rows
 * above and below the rendered ones, so its height and scrollbar match the
 * whole list while the DOM holds a screenful. Rows are keyed by index
 * modulo the window's length: a row keeps its element (and focus) while it
 * stays in range, and the one scrolled out lends its element to the one
 * scrolled in.
 */
export function renderWindow({locale, row, total, range, positionOf, labelled, onScroll}: WindowView): TemplateResult {
  const start = Math.min(range.start, total);
  const end = Math.min(range.end, total);
  const indexes = Array.from({length: end - start}, (_, i) => start + i);
  return html`<ol
    class="list virtual"
    part="list"
    role="list"
    tabindex="0"
    aria-labelledby=${labelled ? 'heading' : nothing}
    @scroll=${onScroll}
  >
    ${repeat(
      indexes,
      (i) => i % indexes.length,
      (i) => {
        const slot = row(i);
        if (slot === 'gap') return renderGap(locale, i, total);
        return slot ? renderSignatory(locale, slot, {position: positionOf(slot, i), index: i, setSize: total}) : renderPlaceholder(locale, i, total);
      }
    )}
  </ol>`;
}

/** Why the list is empty: nobody matches the search, everyone asked not to be listed, or nobody signed yet. */
export function emptyMessage(locale: LocaleController, {query, kind}: {query: string; kind: SignatoryKind | undefined}, unlisted: number): string {
  if (query) return locale.t('noMatches', {query});
  if (!kind && unlisted) return locale.t('unlisted', {count: unlisted});
  return locale.t('noSignatories');
}
