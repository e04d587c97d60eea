import {html, nothing, type TemplateResult} from 'lit';
import type {StatementDoc} from '../../api.js';

/** The statement's content fields; every other key of the document is a setting. */
export const CONTENT_KEYS = new Set(['id', 'title', 'kicker', 'summary', 'image', 'notes', 'body', 'published_at', 'url']);
const KNOWN = new Set(['signatories_open', 'comments_open', 'moderation', 'email_required', 'goal']);

/** Friendlier labels for settings other servers add; any other is shown by its key. */
const LABELS: Record<string, [label: string, hint?: string]> = {
  confirmation: ['Confirmation of signatures by e-mail', 'email: a signature counts only once its address is confirmed by the link mailed to it; none: at once.'],
  language: ['Language of the confirmation mails and pages', 'en, de, es, fr, pt or ar.'],
  mail_hourly_cap: ['Mails per hour, at most', 'Past it, signatures are still taken and their confirmation mails wait for the next hour.'],
  signing: ['Who may sign', 'e.g. open, invite (invitation only) or domains (addresses in the allowed domains).'],
  allowed_domains: ['Allowed e-mail domains', 'One per line, e.g. example.org.'],
};

type Set_ = (key: string, value: unknown) => void;

const check = (doc: StatementDoc, set: Set_, key: string, label: string, hint?: string) => html`
  <label class="inline"><input type="checkbox" name=${key} .checked=${doc[key] === true}
    aria-describedby=${hint ? `${key}-hint` : nothing}
    @change=${(e: Event) => set(key, (e.target as HTMLInputElement).checked)}> ${label}</label>
  ${hint ? html`<p class="hint" id="${key}-hint">${hint}</p>` : nothing}`;

/** Every setting the document has: the contract's, then any the server adds, by the value's type. */
export function settingsFields(doc: StatementDoc, set: Set_): TemplateResult {
  const extras = Object.keys(doc).filter((k) => !CONTENT_KEYS.has(k) && !KNOWN.has(k));
  return html`<fieldset>
    <legend>Settings</legend>
    ${check(doc, set, 'signatories_open', 'Signing is open')}
    ${check(doc, set, 'comments_open', 'Comments are open')}
    <label class="inline"><input type="checkbox" name="moderation" .checked=${doc.moderation === 'pre'}
      @change=${(e: Event) => set('moderation', (e.target as HTMLInputElement).checked ? 'pre' : 'none')}>
      Pre-moderation: new signatures and comments wait for approval</label>
    ${check(doc, set, 'email_required', 'Signers must give an e-mail address')}
    <label for="goal">Goal (signatures)</label>
    <input id="goal" name="goal" type="number" min="1" inputmode="numeric" .value=${doc.goal == null ? '' : String(doc.goal)}
      aria-describedby="goal-hint"
      @input=${(e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        set('goal', v === '' ? null : Number(v));
      }}>
    <p class="hint" id="goal-hint">Leave empty for no goal.</p>
    ${extras.map((k) => extraField(doc, set, k))}
  </fieldset>`;
}

function extraField(doc: StatementDoc, set: Set_, key: string): TemplateResult {
  const [label, hint] = LABELS[key] ?? [key.replace(/_/g, ' ')];
  const value = doc[key];
  const hintId = `${key}-hint`;
  const described = hint ? hintId : nothing;
  const hintP = hint ? html`<p class="hint" id=${hintId}>${hint}</p>` : nothing;
  if (typeof value === 'boolean') return check(doc, set, key, label, hint);
  if (Array.isArray(value)) {
    return html`<label for=${key}>${label}</label>
      <textarea id=${key} name=${key} aria-describedby=${described} .value=${value.join('\n')}
        @input=${(e: Event) => set(key, (e.target as HTMLTextAreaElement).value.split('\n').map((s) => s.trim()).filter(Boolean))}></textarea>${hintP}`;
  }
  if (typeof value === 'number' || value === null) {
    return html`<label for=${key}>${label}</label>
      <input id=${key} name=${key} type="number" aria-describedby=${described} .value=${value == null ? '' : String(value)}
        @input=${(e: Event) => {
          const v = (e.target as HTMLInputElement).value;
          set(key, v === '' ? null : Number(v));
        }}>${hintP}`;
  }
  if (typeof value === 'string') {
    return html`<label for=${key}>${label}</label>
      <input id=${key} name=${key} aria-describedby=${described} .value=${value}
        @input=${(e: Event) => set(key, (e.target as HTMLInputElement).value)}>${hintP}`;
  }
  return html`<p>${label}: <code>${JSON.stringify(value)}</code> (not editable here)</p>`;
}
