import {html, nothing, type TemplateResult} from 'lit';
import {ApiError} from '../api/index.js';
import type {LocaleController} from '../i18n/locale-controller.js';

/** The sentence that tells a reader what went wrong, by kind of failure. */
function errorMessage(locale: LocaleController, error: unknown): string {
  if (!(error instanceof ApiError)) return locale.t('errorServer');
  switch (error.kind) {
    case 'network':
      return locale.t('errorNetwork');
    case 'timeout':
      return locale.t('errorTimeout');
    case 'invalid':
      return locale.t('errorInvalid');
    case 'http':
      return error.status === 404 ? locale.t('errorNotFound') : locale.t('errorServer');
  }
}

/** The error state: what happened, and a retry button. */
export function renderError(locale: LocaleController, error: unknown, retry: () => void): TemplateResult {
  return html`<div class="status error" part="error" role="alert">
    <strong>${locale.t('errorTitle')}</strong>
    <span>${errorMessage(locale, error)}</span>
    <button class="button" part="retry-button" type="button" @click=${retry}>${locale.t('retry')}</button>
  </div>`;
}

/** The loading state: placeholder blocks that hold the space the content will take. */
export function renderLoading(locale: LocaleController, blocks: string[]): TemplateResult {
  return html`<div class="loading" part="loading" role="status">
    <span class="visually-hidden">${locale.t('loading')}</span>
    ${blocks.map((block) => html`<div class="skeleton ${block}" aria-hidden="true"></div>`)}
  </div>`;
}

/** The empty state. */
export function renderEmpty(message: string): TemplateResult {
  return html`<p class="status empty" part="empty">${message}</p>`;
}

/**
 * Under a paged list: the "more" button (busy while a page loads, with an
 * optional note beside it that describes it), or why the last attempt
 * failed with a retry; the items on screen stay either way.
 */
export function renderMore(
  locale: LocaleController,
  {moreStatus, error}: {moreStatus: string; error?: unknown},
  label: string,
  more: () => void,
  note?: string
): TemplateResult {
  const busy = moreStatus === 'loading';
  return html`<div class="more" part="more">
    ${moreStatus === 'error'
      ? renderError(locale, error, more)
      : html`<button
            class="button"
            part="more-button"
            type="button"
            aria-describedby=${note ? 'showing' : nothing}
            aria-disabled=${busy}
            aria-busy=${busy}
            @click=${more}
          >
            ${label}
          </button>
          ${note ? html`<span id="showing" class="showing" part="showing">${note}</span>` : nothing}`}
  </div>`;
}
