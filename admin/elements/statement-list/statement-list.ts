import {html, LitElement, nothing} from 'lit';
import {customElement, property, state} from 'lit/decorators.js';
import type {AdminApi, StatementSummary} from '../../api.js';
import {consoleStyles} from '../../styles.js';
import {statusCounts} from './counts.js';

/**
 * Every statement with its counts and progress towards its goal, and the
 * way to each statement's editor, import and export, and to delete it (by
 * typing its id, after the export is offered).
 */
@customElement('console-statement-list')
export class ConsoleStatementList extends LitElement {
  static override styles = consoleStyles;

  @property({attribute: false}) accessor api!: AdminApi;
  @state() private accessor items: StatementSummary[] | undefined;
  @state() private accessor error = '';
  @state() private accessor deleting: string | undefined;
  @state() private accessor typed = '';
  @state() private accessor message = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    try {
      this.items = await this.api.statements();
      this.error = '';
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  override render() {
    return html`
      <h1 tabindex="-1">Statements</h1>
      <p><a href="#new">New statement</a></p>
      <p role="status" class="ok">${this.message}</p>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${this.items === undefined ? html`<p>Loading…</p>` : this.items.length === 0 ? html`<p>No statements yet.</p>` : html`
        <div class="scroll" tabindex="0" role="region" aria-label="Statements">
        <table>
          <caption class="visually-hidden">Statements, newest first</caption>
          <thead><tr><th scope="col">Statement</th><th scope="col">Signatures</th><th scope="col">Comments</th><th scope="col">Actions</th></tr></thead>
          <tbody>${this.items.map((s) => this.row(s))}</tbody>
        </table></div>`}
      ${this.deleting ? this.deleteDialog(this.deleting) : nothing}`;
  }

  private row(s: StatementSummary) {
    const signed = s.signatories.published ?? 0;
    return html`<tr data-id=${s.id}>
      <td><a href="#edit/${encodeURIComponent(s.id)}">${s.title}</a><br><code>${s.id}</code></td>
      <td>
        <span class="counts">${statusCounts(s.signatories, 'signatory')}</span>
        ${s.goal ? html`<br><progress max=${s.goal} value=${Math.min(signed, s.goal)} aria-label="Goal for ${s.title}"></progress>
          <span>${signed} of ${s.goal} (${Math.floor((signed / s.goal) * 100)} %)</span>` : nothing}
      </td>
      <td>${statusCounts(s.comments, 'comment')}</td>
      <td>
        <a href="#edit/${encodeURIComponent(s.id)}">Edit</a> ·
        <a href="#import/${encodeURIComponent(s.id)}">Import / add</a> ·
        <a href="#queue/${encodeURIComponent(s.id)}">Moderate</a> ·
        <a href="#invitations/${encodeURIComponent(s.id)}">Invitations</a> ·
        <a href=${this.api.csvUrl(s.id)} download>CSV</a> ·
        <a href=${this.api.documentUrl(s.id)} download>JSON</a>
        <br><button class="secondary" @click=${() => this.askDelete(s.id)} aria-label="Delete ${s.title}">Delete…</button>
      </td>
    </tr>`;
  }

  private deleteDialog(id: string) {
    return html`<section class="box" aria-labelledby="delete-heading">
      <h2 id="delete-heading" tabindex="-1">Delete “${id}”?</h2>
      <p>This removes the statement with all its signatories and comments, for good.
        Keep a copy first: <a href=${this.api.csvUrl(id)} download>signatories (CSV)</a>,
        <a href=${this.api.documentUrl(id)} download>whole statement (JSON)</a>.</p>
      <label for="confirm-id">Type the statement's id, <code>${id}</code>, to confirm</label>
      <input id="confirm-id" autocomplete="off" .value=${this.typed} @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}>
      <button class="danger" ?disabled=${this.typed !== id} @click=${() => this.confirmDelete(id)}>Delete for good</button>
      <button class="secondary" @click=${() => this.cancelDelete()}>Cancel</button>
    </section>`;
  }

  private async askDelete(id: string) {
    this.deleting = id;
    this.typed = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#delete-heading')?.focus();
  }

  private cancelDelete() {
    const id = this.deleting;
    this.deleting = undefined;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id ?? '')}"] button`)?.focus();
  }

  private async confirmDelete(id: string) {
    try {
      await this.api.deleteStatement(id);
      this.deleting = undefined;
      this.message = `Deleted “${id}”.`;
      await this.load();
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }
}
