import {html, nothing, type TemplateResult} from 'lit';
import type {WriteFailure} from '../controllers/write-controller.js';
import type {MessageKey} from '../i18n/index.js';
import type {LocaleController} from '../i18n/locale-controller.js';
import {lazy} from './lazy.js';

/** The forms' sending code (form-senders.ts): fetched at a form's first focus, awaited by a submit before that. */
export const formSenders = lazy(() => import('./form-senders.js'));

export interface TextFieldOptions {
  /** The control's id inside the shadow root; its error is `${id}-error`. */
  id: string;
  label: string;
  value: string;
  error?: string;
  required?: boolean;
  /** Shown after the label for fields that may be left empty. */
  optionalText?: string;
  type?: 'text' | 'email' | 'url';
  autocomplete?: string;
  maxlength?: number;
  multiline?: boolean;
  /** A line under the field, e.g. a character count; announced with the field. */
  hint?: string;
  onInput: (value: string) => void;
}

/** A labelled text field with its error tied to it for screen readers. */
export function textField(o: TextFieldOptions): TemplateResult {
  const described = [o.error ? `${o.id}-error` : '', o.hint ? `${o.id}-hint` : ''].filter(Boolean).join(' ');
  const input = (event: Event) => o.onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="field ${o.error ? 'invalid' : ''}">
    <label for=${o.id}
      >${o.label}${o.optionalText ? html` <span class="muted">(${o.optionalText})</span>` : nothing}</label
    >
    ${o.multiline
      ? html`<textarea
          id=${o.id}
          name=${o.id}
          rows="5"
          .value=${o.value}
          ?required=${o.required}
          maxlength=${o.maxlength ?? nothing}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${described || nothing}
          @input=${input}
        ></textarea>`
      : html`<input
          id=${o.id}
          name=${o.id}
          type=${o.type ?? 'text'}
          .value=${o.value}
          ?required=${o.required}
          maxlength=${o.maxlength ?? nothing}
          autocomplete=${o.autocomplete ?? nothing}
          aria-invalid=${o.error ? 'true' : 'false'}
          aria-describedby=${described || nothing}
          @input=${input}
        />`}
    ${o.hint ? html`<span class="hint muted" id="${o.id}-hint">${o.hint}</span>` : nothing}
    ${o.error ? html`<span class="field-error" id="${o.id}-error">${o.error}</span>` : nothing}
  </div>`;
}

/**
 * A field people never see and bots fill in: a non-empty value makes the
 * server discard the write while answering as if it took it.
 */
export function honeypotField(value: string, onInput: (value: string) => void): TemplateResult {
  return html`<div class="honeypot" aria-hidden="true">
    <label>Website <input name="website" tabindex="-1" autocomplete="off" .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} /></label>
  </div>`;
}

/** Moves focus to the first invalid control after the form re-renders. */
export async function focusFirstInvalid(host: HTMLElement & {updateComplete: Promise<boolean>}): Promise<void> {
  await host.updateComplete;
  host.shadowRoot?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** What a form says about its last failed send; `closed` and `gone` name the form's own messages. */
export function failureMessage(
  locale: LocaleController,
  failure: WriteFailure,
  messages: {closed: MessageKey; gone: MessageKey}
): string {
  switch (failure.kind) {
    case 'fields':
      return locale.t('errorFixFields');
    case 'rate-limited':
      return locale.t('errorRateLimited', {seconds: failure.retryAfter});
    case 'closed':
      return locale.t(messages.closed);
    case 'gone':
      return locale.t(messages.gone);
    case 'send':
      return locale.t('errorSend');
  }
}
