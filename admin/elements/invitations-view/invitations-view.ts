import {html, LitElement, nothing} from 'lit';
import {customElement, property, state} from 'lit/decorators.js';
import {ApiProblem, type AdminApi, type Invitation, type InvitationPage, type NewInvitation, type StatementDoc} from '../../api.js';
import {consoleStyles} from '../../styles.js';
import {inviteLink, isPageAddress, parseAddresses} from './invitation-links.js';
import {invitationsStyles} from './invitations-view.styles.js';

/** At most this many invitations in one request, as the server takes them. */
const MAX_AT_ONCE = 1000;

/**
 * The invitations of a statement where signing is by invitation: make them
 * for e-mail addresses or as anonymous links, copy the new links (shown
 * once: the server keeps only a hash of each token), see who was invited,
 * who signed and which are unused, and withdraw unused ones.
 */
@customElement('console-invitations-view')
export class ConsoleInvitationsView extends LitElement {
  static override styles = [consoleStyles, invitationsStyles];

  @property({attribute: false}) accessor api!: AdminApi;
  @property({attribute: false}) accessor statementId!: string;
  @state() private accessor doc: StatementDoc | undefined;
  @state() private accessor page: InvitationPage | undefined;
  @state() private accessor error = '';
  @state() private accessor fieldErrors: Record<string, string> = {};
  @state() private accessor message = '';
  @state() private accessor busy = false;
  /** What the last "invite" made, with their tokens: shown until the next one. */
  @state() private accessor made: NewInvitation[] = [];
  /** The page the links lead to: the statement's `url` unless the publisher types another. */
  @state() private accessor pageUrl = '';
  @state() private accessor emails = '';
  @state() private accessor count = '10';

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('statementId')) void this.load();
  }

  private async load() {
    try {
      this.doc = await this.api.statement(this.statementId);
      this.pageUrl = typeof this.doc.url === 'string' ? this.doc.url : '';
      this.page = await this.api.invitations(this.statementId);
      this.error = '';
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  override render() {
    const doc = this.doc;
    if (!doc) return html`<h1 tabindex="-1">Invitations</h1>${this.error ? html`<p role="alert" class="error">${this.error}</p>` : html`<p>Loading…</p>`}`;
    const counts = this.page?.counts;
    return html`
      <h1 tabindex="-1">Invitations to “${doc.title || doc.id}”</h1>
      ${doc.signing === 'invite' ? nothing : html`<p class="box">Anyone may sign this statement now: invitations count
        only once <em>Who may sign</em> is <code>invite</code> (<a href="#edit/${encodeURIComponent(doc.id)}">edit the statement</a>).</p>`}
      ${counts ? html`<p class="counts">${counts.unused} unused · ${counts.used} used · ${counts.revoked} withdrawn</p>` : nothing}
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite</h2>
        <p class="hint">Each invitation lets exactly one signature through.</p>
        <form @submit=${this.inviteAddresses} novalidate>
          <label for="emails">E-mail addresses, one per line or separated by commas</label>
          <textarea id="emails" rows="4" .value=${this.emails} aria-invalid=${this.fieldErrors.emails ? 'true' : 'false'}
            aria-describedby=${this.fieldErrors.emails ? 'emails-error' : nothing}
            @input=${(e: Event) => (this.emails = (e.target as HTMLTextAreaElement).value)}></textarea>
          ${this.fieldErrors.emails ? html`<p class="error" id="emails-error">${this.fieldErrors.emails}</p>` : nothing}
          <button type="submit" ?disabled=${this.busy}>Invite these addresses</button>
        </form>
        <form @submit=${this.inviteAnonymous} novalidate>
          <label for="count">Anonymous links to hand out</label>
          <input id="count" type="number" min="1" max=${MAX_AT_ONCE} inputmode="numeric" .value=${this.count}
            aria-invalid=${this.fieldErrors.count ? 'true' : 'false'} aria-describedby=${this.fieldErrors.count ? 'count-error' : nothing}
            @input=${(e: Event) => (this.count = (e.target as HTMLInputElement).value)}>
          ${this.fieldErrors.count ? html`<p class="error" id="count-error">${this.fieldErrors.count}</p>` : nothing}
          <button type="submit" ?disabled=${this.busy}>Make links</button>
        </form>
        <p role="status" class="ok">${this.message}</p>
      </section>
      ${this.made.length ? this.renderMade() : nothing}
      ${this.renderList()}`;
  }

  private renderMade() {
    const links = this.made.map((m) => {
      const link = inviteLink(this.pageUrl, m.token);
      return m.email ? `${m.email}\t${link}` : link;
    });
    return html`<section aria-labelledby="made-heading" class="made">
      <h2 id="made-heading" tabindex="-1">${this.made.length === 1 ? 'The new invitation' : `The ${this.made.length} new invitations`}: copy them now</h2>
      <p class="hint">Each link is shown only here: the server keeps no copy of it it could show again.
        Send each address its own link; hand out an anonymous link to one person each.</p>
      <label for="page-url">The page where the statement is embedded (links lead there)</label>
      <input id="page-url" type="url" .value=${this.pageUrl} aria-describedby="page-url-hint"
        @input=${(e: Event) => (this.pageUrl = (e.target as HTMLInputElement).value)}>
      <p class="hint" id="page-url-hint">${isPageAddress(this.pageUrl)
        ? 'Each link is this address with ?invite=… added.' : 'Without a full address (https://…) these are the bare tokens: add ?invite=TOKEN to the page\'s address yourself.'}</p>
      <label for="links">New links${this.made.some((m) => m.email) ? ' (address, tab, link)' : ''}</label>
      <textarea id="links" readonly rows=${Math.min(12, links.length + 1)} .value=${links.join('\n')}></textarea>
      <button type="button" class="secondary" @click=${this.copyLinks}>Copy all</button>
    </section>`;
  }

  private renderList() {
    const items = this.page?.items;
    if (!items) return nothing;
    return html`<section aria-labelledby="list-heading">
      <h2 id="list-heading" tabindex="-1">Who was invited</h2>
      ${items.length === 0 ? html`<p>No invitations yet.</p>` : html`
        <div class="scroll" tabindex="0" role="region" aria-label="Invitations">
        <table>
          <caption class="visually-hidden">Invitations, oldest first</caption>
          <thead><tr><th scope="col">Invited</th><th scope="col">Made</th><th scope="col">Status</th><th scope="col">Signed by</th><th scope="col">Actions</th></tr></thead>
          <tbody>${items.map((i) => this.row(i))}</tbody>
        </table></div>`}
      ${this.page?.next ? html`<button class="secondary" ?disabled=${this.busy} @click=${this.loadMore}>Show more</button>` : nothing}
    </section>`;
  }

  private row(i: Invitation) {
    const who = i.email ?? 'Anonymous link';
    return html`<tr data-id=${i.id}>
      <td>${who}</td>
      <td>${new Date(i.created_at).toLocaleString()}</td>
      <td class="status-${i.status}">${i.status === 'used' ? 'Used' : i.status === 'revoked' ? 'Withdrawn' : 'Unused'}</td>
      <td>${i.signatory?.name ?? ''}</td>
      <td>${i.status === 'unused'
        ? html`<button class="secondary" aria-label="Withdraw the invitation for ${who}, made ${new Date(i.created_at).toLocaleString()}"
            @click=${() => this.revoke(i)}>Withdraw</button>`
        : nothing}</td>
    </tr>`;
  }

  private readonly inviteAddresses = async (event: SubmitEvent) => {
    event.preventDefault();
    const {addresses, invalid} = parseAddresses(this.emails);
    if (invalid.length || !addresses.length || addresses.length > MAX_AT_ONCE) {
      this.fieldErrors = {emails: invalid.length ? `Not e-mail addresses: ${invalid.join(', ')}.`
        : addresses.length ? `At most ${MAX_AT_ONCE} at once.` : 'Enter at least one address.'};
      await this.focusInvalid();
      return;
    }
    if (await this.invite({emails: addresses})) this.emails = '';
  };

  private readonly inviteAnonymous = async (event: SubmitEvent) => {
    event.preventDefault();
    const count = Number(this.count);
    if (!Number.isInteger(count) || count < 1 || count > MAX_AT_ONCE) {
      this.fieldErrors = {count: `A whole number from 1 to ${MAX_AT_ONCE}.`};
      await this.focusInvalid();
      return;
    }
    await this.invite({count});
  };

  /** Makes the invitations and shows their links; what was typed stays when it fails. */
  private async invite(who: {emails: string[]} | {count: number}): Promise<boolean> {
    this.busy = true;
    this.fieldErrors = {};
    this.message = '';
    try {
      this.made = await this.api.invite(this.statementId, who);
      this.message = `Made ${this.made.length} ${this.made.length === 1 ? 'invitation' : 'invitations'}.`;
      this.page = await this.api.invitations(this.statementId);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#made-heading')?.focus();
      return true;
    } catch (err) {
      if (err instanceof ApiProblem && err.problem.errors) this.fieldErrors = err.problem.errors;
      this.error = err instanceof Error ? err.message : String(err);
      await this.focusInvalid();
      return false;
    } finally {
      this.busy = false;
    }
  }

  private readonly loadMore = async () => {
    const page = this.page;
    if (!page?.next) return;
    this.busy = true;
    try {
      const more = await this.api.invitations(this.statementId, page.next);
      this.page = {...more, items: [...page.items, ...more.items]};
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      this.busy = false;
    }
  };

  private async revoke(invitation: Invitation) {
    try {
      await this.api.revokeInvitation(this.statementId, invitation.id);
      this.message = `Withdrew the invitation for ${invitation.email ?? 'an anonymous link'}.`;
      const items = this.page!.items.map((i) => (i.id === invitation.id ? {...i, status: 'revoked' as const} : i));
      const counts = this.page!.counts;
      this.page = {...this.page!, items, counts: {...counts, unused: counts.unused - 1, revoked: counts.revoked + 1}};
      await this.updateComplete;
      // Its button is gone: focus goes to the list's heading, the status line says what happened.
      this.renderRoot.querySelector<HTMLElement>('#list-heading')?.focus();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
  }

  private readonly copyLinks = async () => {
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('#links')!;
    try {
      await navigator.clipboard.writeText(box.value);
      this.message = 'Copied the links.';
    } catch {
      box.focus();
      box.select();
      this.message = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    }
  };

  private async focusInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}
