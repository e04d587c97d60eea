import {css, html, LitElement, nothing} from 'lit';
import {customElement, property, state} from 'lit/decorators.js';
import type {AdminApi, MailPage, MailStatus} from '../../api.js';
import {consoleStyles} from '../../styles.js';

const SHOW: {value: MailStatus | ''; label: string}[] = [
  {value: 'failed', label: 'Failed'}, {value: 'queued', label: 'Waiting'}, {value: 'sent', label: 'Sent'}, {value: '', label: 'All'},
];

/**
 * The outbox (the server's confirmation mails): what failed and why — the
 * SMTP server's answer — with a button to queue a failed one again, what
 * waits (SMTP down, or a cap's next hour) and what was sent.
 */
@customElement('console-mail-view')
export class ConsoleMailView extends LitElement {
  static override styles = [consoleStyles, css`
    .counts { color: #50545c; }
    td.error { font-family: ui-monospace, monospace; font-size: 0.875rem; overflow-wrap: anywhere; }
    .table-wrap { overflow-x: auto; }
  `];

  @property({attribute: false}) accessor api!: AdminApi;
  @state() private accessor show: MailStatus | '' = 'failed';
  @state() private accessor page: MailPage | undefined;
  @state() private accessor error = '';
  @state() private accessor message = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.page = await this.api.mail(this.show || undefined);
      this.error = '';
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  override render() {
    const c = this.page?.counts;
    return html`
      <h1 tabindex="-1">Mail</h1>
      <p>Confirmation mails the server sends for statements that confirm signatures by e-mail.</p>
      ${c ? html`<p class="counts">${c.queued} waiting · ${c.sent} sent · ${c.failed} failed · ${c.cancelled} cancelled</p>` : nothing}
      <label for="show">Show</label>
      <select id="show" @change=${(e: Event) => {
        this.show = (e.target as HTMLSelectElement).value as MailStatus | '';
        void this.load();
      }}>
        ${SHOW.map((s) => html`<option value=${s.value} ?selected=${s.value === this.show}>${s.label}</option>`)}
      </select>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      <p role="status">${this.message}</p>
      ${!this.page ? html`<p>Loading…</p>` : !this.page.items.length ? html`<p>No messages here.</p>` : html`
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">State</th>
            <th scope="col">Tries</th><th scope="col">Why</th><th scope="col">Action</th></tr></thead>
          <tbody>${this.page.items.map((m) => html`<tr data-id=${m.id}>
            <td>${new Date(m.sent_at ?? m.next_attempt_at ?? m.created_at).toLocaleString()}</td>
            <td>${m.to ?? html`<em>erased (withdrawn)</em>`}</td>
            <td>${m.subject}</td>
            <td>${m.status === 'queued' ? 'waiting' : m.status}</td>
            <td>${m.attempts}</td>
            <td class="error">${m.error ?? ''}</td>
            <td>${m.status === 'failed' ? html`<button class="secondary" @click=${() => this.retry(m.id)}
              aria-label=${`Send again to ${m.to ?? 'the signer'}`}>Send again</button>` : nothing}</td>
          </tr>`)}</tbody>
        </table></div>`}`;
  }

  private async retry(id: number) {
    try {
      await this.api.retryMail(id);
      this.message = 'Queued again: the server sends it now.';
      await this.load();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }
}
