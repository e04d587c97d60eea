import {html, LitElement, nothing} from 'lit';
import {customElement, property, state} from 'lit/decorators.js';
import {ApiProblem, type AdminApi, type CommentRow, type ImportAnswer, type SignatoryRow} from '../../api.js';
import {consoleStyles} from '../../styles.js';
import {FIELD_LABELS, FIELDS, guessMapping, parseCsv, toSignatories, type Field, type Mapping} from './csv.js';
import {parseDisqus, threadRows, type DisqusThread} from './disqus.js';

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const fileText = (input: HTMLInputElement) => input.files?.[0]?.text() ?? Promise.resolve('');

/**
 * Getting names and comments in: a signatory by hand, signatories from a
 * spreadsheet's CSV (map the columns, preview, check — a dry run that
 * writes nothing and shows each row's errors — then import), comments from
 * a Disqus export; and the statement out again (CSV, static JSON).
 * Re-importing the same file adds nothing: the server skips duplicates.
 */
@customElement('console-import-view')
export class ConsoleImportView extends LitElement {
  static override styles = consoleStyles;

  @property({attribute: false}) accessor api!: AdminApi;
  @property({attribute: false}) accessor statementId!: string;
  @state() private accessor handMessage = '';
  @state() private accessor handErrors: Record<string, string> = {};
  @state() private accessor csv: string[][] | undefined;
  @state() private accessor mapping: Mapping = {};
  @state() private accessor defaultKind: SignatoryRow['kind'] = 'organization';
  @state() private accessor csvCheck: ImportAnswer | undefined;
  @state() private accessor csvMessage = '';
  @state() private accessor disqus: {threads: DisqusThread[]; posts: ReturnType<typeof parseDisqus>['posts']} | undefined;
  @state() private accessor thread = '';
  @state() private accessor disqusMessage = '';

  override render() {
    const id = this.statementId;
    return html`
      <h1 tabindex="-1">Import and export: <code>${id}</code></h1>
      ${this.handForm()}
      ${this.csvSection()}
      ${this.disqusSection()}
      <section aria-labelledby="export-h"><h2 id="export-h">Export</h2>
        <p><a href=${this.api.csvUrl(id)} download>Signatories as CSV</a> (with e-mail addresses; opens with accents intact in spreadsheet programs)</p>
        <p><a href=${this.api.documentUrl(id)} download>The statement as one static JSON document</a>
          (for the widgets' <code>src</code> attribute: freeze a closed campaign onto any static host; no e-mail addresses)</p>
      </section>`;
  }

  private handForm() {
    const field = (name: string, label: string, type = 'text') => html`<label for="hand-${name}">${label}</label>
      <input id="hand-${name}" name=${name} type=${type} aria-invalid=${this.handErrors[name] ? 'true' : 'false'}
        aria-describedby=${this.handErrors[name] ? `hand-${name}-error` : nothing}>
      ${this.handErrors[name] ? html`<p class="error" id="hand-${name}-error">${this.handErrors[name]}</p>` : nothing}`;
    return html`<section aria-labelledby="hand-h"><h2 id="hand-h">Add a signatory by hand</h2>
      <p class="hint">For names received by e-mail or on paper. Added at once, even when signing is closed.</p>
      <form id="hand" @submit=${this.addByHand} novalidate>
        ${field('name', 'Name')}
        <fieldset><legend>Signs as</legend>
          <label class="inline"><input type="radio" name="kind" value="individual" checked> A person</label>
          <label class="inline"><input type="radio" name="kind" value="organization"> An organisation</label>
        </fieldset>
        ${field('organization', 'Organisation')}${field('role', 'Role')}${field('location', 'Location')}
        ${field('email', 'E-mail (not shown publicly)', 'email')}
        <button type="submit">Add signatory</button>
        <p role="status" class="ok">${this.handMessage}</p>
      </form></section>`;
  }

  private readonly addByHand = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const row = toSignatories([[...FIELDS.map((f) => String(data.get(f) ?? ''))]],
      Object.fromEntries(FIELDS.map((f, i) => [f, i])), 'individual')[0]!;
    try {
      await this.api.addSignatory(this.statementId, row);
      this.handErrors = {};
      this.handMessage = `Added “${row.name}”.`;
      form.reset();
      form.querySelector<HTMLInputElement>('#hand-name')?.focus();
    } catch (err) {
      this.handMessage = '';
      this.handErrors = err instanceof ApiProblem ? (err.problem.errors ?? {name: err.message}) : {name: message(err)};
      await this.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
    }
  };

  private csvSection() {
    const header = this.csv?.[0] ?? [];
    const rows = this.signatoryRows();
    return html`<section aria-labelledby="csv-h"><h2 id="csv-h">Import signatories from a spreadsheet (CSV)</h2>
      <p class="hint">Export the sheet as CSV, with a first row of column names. Nothing is written until you confirm.</p>
      <label for="csv-file">CSV file</label>
      <input id="csv-file" type="file" accept=".csv,text/csv" @change=${async (e: Event) => this.readCsv(await fileText(e.target as HTMLInputElement))}>
      <label for="csv-text">Or paste it</label>
      <textarea id="csv-text" @change=${(e: Event) => this.readCsv((e.target as HTMLTextAreaElement).value)}></textarea>
      ${this.csv ? html`
        <fieldset><legend>Which column holds what</legend>
          ${FIELDS.map((f) => this.mapSelect(f, header))}
          ${this.mapping.kind === undefined ? html`<label for="default-kind">Without a kind column, every row is</label>
            <select id="default-kind" .value=${this.defaultKind} @change=${(e: Event) => {
              this.defaultKind = (e.target as HTMLSelectElement).value as SignatoryRow['kind'];
              this.csvCheck = undefined;
            }}>
              <option value="organization">an organisation</option><option value="individual">a person</option>
            </select>` : nothing}
        </fieldset>
        <h3 id="preview-h">Preview (first 5 of ${rows.length} rows)</h3>
        <div class="scroll" tabindex="0" role="region" aria-labelledby="preview-h"><table aria-labelledby="preview-h"><thead><tr><th scope="col">Row</th>${FIELDS.map((f) => html`<th scope="col">${FIELD_LABELS[f]}</th>`)}</tr></thead>
          <tbody>${rows.slice(0, 5).map((r, i) => html`<tr><td>${i + 2}</td>${FIELDS.map((f) => html`<td>${r[f] ?? ''}</td>`)}</tr>`)}</tbody></table></div>
        <button @click=${() => this.importCsv(true)} ?disabled=${this.mapping.name === undefined}>Check ${rows.length} rows</button>
        ${this.csvCheck?.dry_run ? html`<button @click=${() => this.importCsv(false)}>Import ${this.csvCheck.added} new signatories</button>` : nothing}
        ${this.answer(this.csvCheck, 'signatories')}` : nothing}
      <p role="status" class="ok">${this.csvMessage}</p>
    </section>`;
  }

  private mapSelect(field: Field, header: string[]) {
    return html`<label for="map-${field}">${FIELD_LABELS[field]}</label>
      <select id="map-${field}" data-field=${field} .value=${String(this.mapping[field] ?? '')} @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        this.mapping = {...this.mapping, [field]: v === '' ? undefined : Number(v)};
        this.csvCheck = undefined;
      }}>
        <option value="">(none)</option>
        ${header.map((h, i) => html`<option value=${i} ?selected=${this.mapping[field] === i}>${h || `Column ${i + 1}`}</option>`)}
      </select>`;
  }

  private readCsv(text: string) {
    const rows = parseCsv(text);
    this.csv = rows.length ? rows : undefined;
    this.mapping = guessMapping(rows[0] ?? []);
    this.csvCheck = undefined;
    this.csvMessage = rows.length ? `${rows.length - 1} rows read.` : 'The file is empty.';
  }

  private signatoryRows() {
    return this.csv ? toSignatories(this.csv.slice(1), this.mapping, this.defaultKind) : [];
  }

  private async importCsv(dryRun: boolean) {
    try {
      const answer = await this.api.importSignatories(this.statementId, this.signatoryRows(), dryRun);
      this.csvCheck = answer;
      this.csvMessage = dryRun ? `Checked: ${answer.added} would be added, ${answer.duplicates.length} already there, ${answer.errors.length} with errors. Nothing written yet.`
        : `Imported ${answer.added} signatories (${answer.duplicates.length} already there, ${answer.errors.length} rows with errors skipped).`;
    } catch (err) {
      this.csvMessage = message(err);
    }
  }

  /** Per-row errors; `row` is the request's index: spreadsheet line = index + 2 (after the header). */
  private answer(a: ImportAnswer | undefined, what: string) {
    if (!a || !a.errors.length) return nothing;
    return html`<div class="error box" role="alert"><p>${a.errors.length} ${what} rows have errors and will be skipped:</p>
      <ul>${a.errors.map((e) => html`<li>Line ${e.row + 2}: ${Object.entries(e.errors).map(([k, v]) => `${k}: ${v}`).join('; ')}</li>`)}</ul></div>`;
  }

  private disqusSection() {
    const d = this.disqus;
    return html`<section aria-labelledby="disqus-h"><h2 id="disqus-h">Import comments from Disqus</h2>
      <p class="hint">The XML file of Disqus's export. Threads, authors, dates and replies are kept; markup becomes plain text. Importing it again adds nothing.</p>
      <label for="disqus-file">Disqus XML export</label>
      <input id="disqus-file" type="file" accept=".xml,application/xml,text/xml" @change=${this.readDisqus}>
      ${d ? html`<label for="disqus-thread">Thread (page) to import</label>
        <select id="disqus-thread" .value=${this.thread} @change=${(e: Event) => (this.thread = (e.target as HTMLSelectElement).value)}>
          ${d.threads.map((t) => html`<option value=${t.id} ?selected=${t.id === this.thread}>${t.title || t.link} (${t.posts} comments)</option>`)}
        </select>
        <button @click=${() => this.importDisqus(true)}>Check</button>
        <button @click=${() => this.importDisqus(false)}>Import comments</button>` : nothing}
      <p role="status" class="ok">${this.disqusMessage}</p>
    </section>`;
  }

  private readonly readDisqus = async (e: Event) => {
    try {
      const parsed = parseDisqus(await fileText(e.target as HTMLInputElement));
      this.disqus = parsed;
      this.thread = [...parsed.threads].sort((a, b) => b.posts - a.posts)[0]?.id ?? '';
      this.disqusMessage = `${parsed.posts.length} comments in ${parsed.threads.length} threads.`;
    } catch (err) {
      this.disqus = undefined;
      this.disqusMessage = message(err);
    }
  };

  private async importDisqus(dryRun: boolean) {
    if (!this.disqus) return;
    const rows: CommentRow[] = threadRows(this.disqus.posts, this.thread);
    try {
      const a = await this.api.importComments(this.statementId, rows, dryRun);
      const errors = a.errors.length ? ` ${a.errors.length} with errors: ${a.errors.map((x) => `#${x.row + 1} ${Object.values(x.errors).join(', ')}`).join('; ')}.` : '';
      this.disqusMessage = `${dryRun ? 'Checked (nothing written): would add' : 'Imported'} ${a.added} comments, ${a.duplicates.length} already there.${errors}`;
    } catch (err) {
      this.disqusMessage = message(err);
    }
  }
}
