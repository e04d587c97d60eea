import {css, html, LitElement, nothing} from 'lit';
import {customElement, property, state} from 'lit/decorators.js';
import {AdminApi} from '../../api.js';
import {consoleStyles} from '../../styles.js';
import {parseRoute, type Route} from './route.js';
import '../sign-in/sign-in.js';
import '../statement-list/statement-list.js';
import '../statement-editor/statement-editor.js';
import '../moderation-queue/moderation-queue.js';
import '../import-view/import-view.js';
import '../invitations-view/invitations-view.js';
import '../mail-view/mail-view.js';

/**
 * The publisher's console: sign-in, then the statements, the editor, the
 * moderation queue and import/export, one view at a time, chosen by the
 * URL's hash so reloading and the back button keep the place.
 *
 * @attr api - The API root, default `/v1` (the console must be served from the API's origin).
 */
@customElement('undersigned-console')
export class UndersignedConsole extends LitElement {
  static override styles = [consoleStyles, css`
    :host { box-sizing: border-box; max-width: 72rem; margin: 0 auto; padding: 0 1rem 3rem; }
    header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; border-bottom: 1px solid #d5d7dc; margin-bottom: 1rem; }
    header p { font-weight: 700; margin: 0.5rem 0; }
    nav ul { display: flex; flex-wrap: wrap; gap: 0 1rem; list-style: none; margin: 0; padding: 0; }
    nav a[aria-current='page'] { font-weight: 700; }
    .signout { margin-inline-start: auto; }
  `];

  @property() accessor api = '/v1';
  @state() private accessor signedIn: boolean | undefined;
  @state() private accessor route: Route = parseRoute(location.hash);
  @state() private accessor error = '';
  private client: AdminApi | undefined;
  private readonly onHash = () => {
    this.route = parseRoute(location.hash);
    void this.focusView();
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    void this.resume();
  }

  override disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  /** The client for `api`, made once per value. */
  private get apiClient(): AdminApi {
    if (this.client?.base !== this.api) this.client = new AdminApi(this.api);
    return this.client;
  }

  private async resume() {
    try {
      this.signedIn = await this.apiClient.resume();
    } catch (err) {
      this.signedIn = false;
      this.error = `The server did not answer: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  override render() {
    if (this.signedIn === undefined) return html`<p>Loading…</p>`;
    const error = this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing;
    if (!this.signedIn) {
      return html`<header><p>undersigned console</p></header><main>${error}
        <console-sign-in .api=${this.apiClient} @signed-in=${this.onSignedIn}></console-sign-in></main>`;
    }
    const current = (name: Route['view']) => (this.route.view === name ? 'page' : nothing);
    return html`
      <header>
        <p>undersigned console</p>
        <nav aria-label="Console"><ul>
          <li><a href="#statements" aria-current=${current('statements')}>Statements</a></li>
          <li><a href="#queue" aria-current=${current('queue')}>Moderation</a></li>
          <li><a href="#new" aria-current=${current('new')}>New statement</a></li>
          <li><a href="#mail" aria-current=${current('mail')}>Mail</a></li>
        </ul></nav>
        <button class="secondary signout" @click=${this.signOut}>Sign out</button>
      </header>
      <main>${error}${this.view()}</main>`;
  }

  private view() {
    const api = this.apiClient;
    const r = this.route;
    switch (r.view) {
      case 'new':
        return html`<console-statement-editor .api=${api}></console-statement-editor>`;
      case 'edit':
        return html`<console-statement-editor .api=${api} .statementId=${r.id}></console-statement-editor>`;
      case 'queue':
        return html`<console-moderation-queue .api=${api} .statementId=${r.id}></console-moderation-queue>`;
      case 'import':
        return html`<console-import-view .api=${api} .statementId=${r.id}></console-import-view>`;
      case 'invitations':
        return html`<console-invitations-view .api=${api} .statementId=${r.id}></console-invitations-view>`;
      case 'mail':
        return html`<console-mail-view .api=${api}></console-mail-view>`;
      default:
        return html`<console-statement-list .api=${api}></console-statement-list>`;
    }
  }

  /** After a view change, focus goes to the new view's heading. */
  private async focusView() {
    await this.updateComplete;
    const view = this.renderRoot.querySelector('main > :last-child');
    if (view instanceof LitElement) await view.updateComplete;
    view?.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  }

  private readonly onSignedIn = () => {
    this.signedIn = true;
    this.error = '';
    void this.focusView();
  };

  private readonly signOut = async () => {
    try {
      await this.apiClient.signOut();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    }
    this.signedIn = false;
    await this.updateComplete;
    this.renderRoot.querySelector('console-sign-in')?.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  };
}
