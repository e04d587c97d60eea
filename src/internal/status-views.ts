import {html, type TemplateResult} from 'lit';
import {ApiError} from '../api/index.js';
import type {UndersignedErrorDetail} from '../events.js';
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

/** Tells the page that an element could not load or send, for its own logging. */
export function dispatchError(host: HTMLElement, error: unknown, action: UndersignedErrorDetail['action']): void {
  host.dispatchEvent(
    new CustomEvent('undersigned-error', {bubbles: true, composed: true, detail: {error, action}})
  );
}
