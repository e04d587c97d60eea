import {html, LitElement, nothing} from 'lit';
import {customElement, property, state} from 'lit/decorators.js';
import {ApiProblem, type AdminApi, type StatementDoc} from '../../api.js';
import {consoleStyles} from '../../styles.js';
import {loadBodySanitizer} from '../../../src/text/sanitize-body.js';
import type {WireImage, WireNote} from '../../../src/contract/index.js';
import {cleanDoc, clearDraft, emptyDoc, fromLocalInput, readDraft, toLocalInput, writeDraft} from './draft.js';
import {settingsFields} from './settings.js';
import {editorStyles} from './statement-editor.styles.js';

const ID_PATTERN = '[a-z0-9][a-z0-9-]{0,62}';

/**
 * Creates or edits one statement: every content field, the notes (each
 * dated), every setting the server's document has. The body is previewed
 * through the widgets' own sanitiser. Unsaved edits are kept as a draft in
 * this browser and offered again after a reload.
 *
 * @fires saved - The statement was stored. `detail: {id}`.
 */
@customElement('console-statement-editor')
export class ConsoleStatementEditor extends LitElement {
  static override styles = [consoleStyles, editorStyles];

  @property({attribute: false}) accessor api!: AdminApi;
  /** The statement to edit; none for a new one. */
  @property({attribute: false}) accessor statementId: string | undefined;
  @state() private accessor doc: StatementDoc | undefined;
  @state() private accessor restored: string | undefined;
  @state() private accessor errors: Record<string, string> = {};
  @state() private accessor message = '';
  @state() private accessor busy = false;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('statementId') || !this.hasUpdated) void this.load();
  }

  private async load() {
    const id = this.statementId;
    const draft = readDraft(id);
    try {
      const stored = id ? await this.api.statement(id) : emptyDoc();
      this.doc = draft ? {...stored, ...draft.doc} : stored;
      this.restored = draft && JSON.stringify(cleanDoc(draft.doc)) !== JSON.stringify(cleanDoc(stored)) ? draft.saved_at : undefined;
    } catch (err) {
      this.doc = emptyDoc();
      this.errors = {form: err instanceof Error ? err.message : String(err)};
    }
  }

  /** One field changed: kept in the page and in the draft. */
  private set(key: string, value: unknown) {
    if (!this.doc) return;
    this.doc = {...this.doc, [key]: value};
    writeDraft(this.statementId, this.doc);
  }

  private setImage(key: keyof WireImage, value: string) {
    const image = {...(this.doc?.image ?? {url: '', alt: ''})} as unknown as Record<string, unknown>;
    image[key] = key === 'width' || key === 'height' ? (value ? Number(value) : undefined) : value;
    this.set('image', image);
  }

  private setNote(i: number, change: Partial<WireNote>) {
    const notes = [...(this.doc?.notes ?? [])];
    notes[i] = {...notes[i]!, ...change};
    this.set('notes', notes);
  }

  override render() {
    const doc = this.doc;
    if (!doc) return html`<h1 tabindex="-1">Loading…</h1>`;
    const isNew = !this.statementId;
    return html`
      <h1 tabindex="-1">${isNew ? 'New statement' : html`Edit “${doc.title || doc.id}”`}</h1>
      ${this.restored ? html`<p class="box" role="status">Unsaved changes from ${new Date(this.restored).toLocaleString()} were restored.
        <button class="secondary" @click=${this.discard}>Discard them</button></p>` : nothing}
      ${this.errorSummary()}
      <form @submit=${this.save} novalidate>
        ${isNew ? html`${this.text('id', 'Id (in the page\'s embed code; lowercase letters, digits, hyphens)', {pattern: ID_PATTERN})}` : nothing}
        ${this.text('title', 'Title')}
        ${this.text('kicker', 'Kicker (small line above the title)')}
        ${this.text('summary', 'Summary', {multiline: true})}
        <fieldset><legend>Hero image</legend>
          ${(['url', 'alt', 'caption', 'credit', 'credit_url'] as const).map((k) => this.imageField(k))}
          <div class="pair">${this.imageField('width')}${this.imageField('height')}</div>
        </fieldset>
        <div class="body-pair">
          <div>${this.text('body', 'Body (HTML)', {multiline: true, rows: 14})}</div>
          <section aria-labelledby="preview-heading"><h2 id="preview-heading">Preview</h2>
            <p class="hint">As readers will see it: only the markup the widgets allow is kept.</p>
            <div class="preview" part="preview"></div></section>
        </div>
        ${this.notes(doc.notes ?? [])}
        ${this.text('url', 'Canonical URL (the page the statement is published on)', {type: 'url'})}
        <label for="published_at">Publication date</label>
        <input id="published_at" type="datetime-local" .value=${toLocalInput(doc.published_at)}
          @input=${(e: Event) => this.set('published_at', fromLocalInput((e.target as HTMLInputElement).value))}>
        ${settingsFields(doc, (k, v) => this.set(k, v))}
        <p role="status" class="ok">${this.message}</p>
        <button type="submit" ?disabled=${this.busy}>${isNew ? 'Create statement' : 'Save changes'}</button>
        ${isNew ? nothing : html`<a href="#statements">Back to the list</a>`}
      </form>`;
  }

  override updated() {
    const preview = this.renderRoot.querySelector('.preview');
    if (!preview || !this.doc) return;
    const body = this.doc.body ?? '';
    void loadBodySanitizer().then((sanitize) => preview.replaceChildren(sanitize(body)));
  }

  private text(key: string, label: string, opts: {multiline?: boolean; rows?: number; type?: string; pattern?: string} = {}) {
    const value = String(this.doc?.[key] ?? '');
    const err = this.errors[key];
    const onInput = (e: Event) => this.set(key, (e.target as HTMLInputElement).value);
    const described = err ? `${key}-error` : nothing;
    return html`<label for=${key}>${label}</label>
      ${opts.multiline
        ? html`<textarea id=${key} name=${key} rows=${opts.rows ?? 3} .value=${value} @input=${onInput}
            aria-invalid=${err ? 'true' : 'false'} aria-describedby=${described}></textarea>`
        : html`<input id=${key} name=${key} type=${opts.type ?? 'text'} .value=${value} @input=${onInput}
            pattern=${opts.pattern ?? nothing} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${described}>`}
      ${err ? html`<p class="error" id="${key}-error">${err}</p>` : nothing}`;
  }

  private imageField(key: keyof WireImage) {
    const labels: Record<keyof WireImage, string> = {
      url: 'Image URL', alt: 'Alternative text', caption: 'Caption', credit: 'Credit', credit_url: 'Credit link',
      width: 'Width (px)', height: 'Height (px)',
    };
    const value = this.doc?.image?.[key];
    const err = this.errors[`image.${key}`];
    return html`<div><label for="image-${key}">${labels[key]}</label>
      <input id="image-${key}" type=${key === 'width' || key === 'height' ? 'number' : key.endsWith('url') ? 'url' : 'text'}
        .value=${value === undefined ? '' : String(value)} aria-invalid=${err ? 'true' : 'false'}
        @input=${(e: Event) => this.setImage(key, (e.target as HTMLInputElement).value)}>
      ${err ? html`<p class="error">${err}</p>` : nothing}</div>`;
  }

  private notes(notes: WireNote[]) {
    return html`<fieldset class="notes"><legend>Notes and updates</legend>
      ${notes.length === 0 ? html`<p class="hint">No notes yet. A note (e.g. “Update: …”) shows above the statement, with its date.</p>` : nothing}
      <ol>${notes.map((n, i) => html`<li>
        <label for="note-label-${i}">Label of note ${i + 1}</label>
        <input id="note-label-${i}" .value=${n.label ?? ''} placeholder="Update"
          @input=${(e: Event) => this.setNote(i, {label: (e.target as HTMLInputElement).value})}>
        <label for="note-text-${i}">Text of note ${i + 1}</label>
        <textarea id="note-text-${i}" .value=${n.text} @input=${(e: Event) => this.setNote(i, {text: (e.target as HTMLTextAreaElement).value})}></textarea>
        <label for="note-at-${i}">Date of note ${i + 1}</label>
        <input id="note-at-${i}" type="datetime-local" .value=${toLocalInput(n.at)}
          @input=${(e: Event) => this.setNote(i, {at: fromLocalInput((e.target as HTMLInputElement).value)})}>
        <button type="button" class="secondary" @click=${() => this.removeNote(i)}>Remove note ${i + 1}</button>
      </li>`)}</ol>
      <button type="button" class="secondary" @click=${this.addNote}>Add a note</button>
    </fieldset>`;
  }

  private readonly addNote = async () => {
    const notes = [...(this.doc?.notes ?? []), {label: 'Update', text: '', at: new Date().toISOString()}];
    this.set('notes', notes);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#note-text-${notes.length - 1}`)?.focus();
  };

  private async removeNote(i: number) {
    this.set('notes', (this.doc?.notes ?? []).filter((_, j) => j !== i));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.notes legend + * button, .notes > button')?.focus();
  }

  private errorSummary() {
    const entries = Object.entries(this.errors);
    if (!entries.length) return nothing;
    return html`<div role="alert" class="error box" tabindex="-1" id="errors"><p>Not saved:</p>
      <ul>${entries.map(([k, v]) => html`<li>${k === 'form' ? '' : `${k}: `}${v}</li>`)}</ul></div>`;
  }

  private readonly discard = () => {
    clearDraft(this.statementId);
    this.doc = undefined;
    this.restored = undefined;
    void this.load();
  };

  private readonly save = async (e: Event) => {
    e.preventDefault();
    if (!this.doc) return;
    const doc = cleanDoc(this.doc);
    const isNew = !this.statementId;
    this.busy = true;
    this.message = '';
    try {
      if (isNew && !new RegExp(`^${ID_PATTERN}$`).test(doc.id)) throw new ApiProblem({status: 422, title: 'Invalid', errors: {id: 'Lowercase letters, digits and hyphens, starting with a letter or digit.'}});
      if (isNew && (await this.api.statement(doc.id).then(() => true, () => false))) {
        throw new ApiProblem({status: 409, title: 'Taken', errors: {id: `A statement "${doc.id}" exists already; choose another id or edit that one.`}});
      }
      const stored = await this.api.putStatement(doc);
      clearDraft(this.statementId);
      this.errors = {};
      this.restored = undefined;
      this.doc = stored;
      this.message = isNew ? `Created “${stored.id}”.` : 'Saved.';
      this.dispatchEvent(new CustomEvent('saved', {detail: {id: stored.id}, bubbles: true, composed: true}));
      if (isNew) location.hash = `#edit/${encodeURIComponent(stored.id)}`;
    } catch (err) {
      this.errors = err instanceof ApiProblem ? (err.problem.errors ?? {form: err.message}) : {form: String(err)};
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#errors')?.focus();
    } finally {
      this.busy = false;
    }
  };
}
