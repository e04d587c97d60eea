import {html, nothing, type TemplateResult} from 'lit';
import type {Signatory, SignatoryKind} from '../../api/index.js';
import type {LocaleController} from '../../i18n/locale-controller.js';
import {safeHttpUrl} from '../../text/safe-url.js';

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

/** Why the list is empty: nobody matches the search, everyone asked not to be listed, or nobody signed yet. */
export function emptyMessage(locale: LocaleController, {query, kind}: {query: string; kind: SignatoryKind | undefined}, unlisted: number): string {
  if (query) return locale.t('noMatches', {query});
  if (!kind && unlisted) return locale.t('unlisted', {count: unlisted});
  return locale.t('noSignatories');
}
