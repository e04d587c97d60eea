// What only a long list (more than 200 signatories) renders and runs: its
// window of rows, and reading the list by position. A sibling chunk that
// <signatory-list> loads once a list is that long (long-list.ts).
import {html, nothing, type TemplateResult} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import type {Signatory} from '../../api/index.js';
import type {LocaleController} from '../../i18n/locale-controller.js';
import {renderSignatory} from './signatory-rows.js';
import type {Slot} from './sparse-rows.js';

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
