import {html, nothing, type TemplateResult} from 'lit';
import type {Statement} from '../../api/index.js';
import type {LocaleController} from '../../i18n/locale-controller.js';
import {safeHttpUrl} from '../../text/safe-url.js';

/** Stands for a link inside a translated sentence, which is split around it. */
const SLOT = '\u0000';

/** The hero image with its caption and credit (a link where the credit has an http(s) address); nothing without a safe URL. */
export function renderHero(locale: LocaleController, image: Statement['image']): TemplateResult | typeof nothing {
  const imageUrl = safeHttpUrl(image?.url);
  if (!image || !imageUrl) return nothing;
  const creditUrl = safeHttpUrl(image.creditUrl);
  const credit = image.credit
    ? html`<span class="credit" part="credit"
        >${locale
          .t('photoCredit', {credit: SLOT})
          .split(SLOT)
          .map((text, i) =>
            i === 0 ? text : html`${creditUrl ? html`<a href=${creditUrl} rel="noopener">${image.credit}</a>` : image.credit}${text}`
          )}</span
      >`
    : nothing;
  return html`<figure class="hero" part="hero">
    <img
      part="image"
      src=${imageUrl}
      alt=${image.alt}
      width=${image.width ?? nothing}
      height=${image.height ?? nothing}
      decoding="async"
    />
    ${image.caption || image.credit ? html`<figcaption part="caption">${image.caption ?? ''} ${credit}</figcaption>` : nothing}
  </figure>`;
}

/** The publisher's dated notes ("Update: …"), each a `role=note`. */
export function renderNotes(locale: LocaleController, notes: Statement['notes']): TemplateResult | typeof nothing {
  if (!notes.length) return nothing;
  return html`<div class="notes" part="notes">
    ${notes.map(
      (note) => html`<p class="note" part="note" role="note">
        <span class="note-label">${note.label ?? locale.t('noteLabel')}:</span>
        ${note.text}
        ${note.at ? html`<time class="muted" datetime=${note.at}>(${locale.date(note.at)})</time>` : nothing}
      </p>`
    )}
  </div>`;
}

/** "31 of 100 signatures" as a progress bar, read out as such; nothing without a goal. */
export function renderGoal(locale: LocaleController, {count, goal}: Statement['signatories']): TemplateResult | typeof nothing {
  if (!goal) return nothing;
  const label = locale.t('goalProgress', {count, goal});
  return html`<p class="goal" part="goal">
    <progress max=${goal} .value=${Math.min(count, goal)} aria-label=${label}></progress>
    <span aria-hidden="true">${label}</span>
  </p>`;
}

/** When it was published and, where different, last updated. */
export function renderDates(locale: LocaleController, {publishedAt, updatedAt}: Statement): TemplateResult {
  return html`<span class="dates muted">
    ${publishedAt
      ? html`<time datetime=${publishedAt}>${locale.t('published', {date: locale.date(publishedAt)})}</time>`
      : nothing}
    ${updatedAt && updatedAt !== publishedAt
      ? html`<time datetime=${updatedAt}>${locale.t('updated', {date: locale.date(updatedAt)})}</time>`
      : nothing}
  </span>`;
}
