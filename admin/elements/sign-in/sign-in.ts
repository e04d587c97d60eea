import {html, LitElement} from 'lit';
import {customElement, property, state} from 'lit/decorators.js';
import {ApiProblem, type AdminApi} from '../../api.js';
import {consoleStyles} from '../../styles.js';

/**
 * Sign-in: the admin token is exchanged for a session cookie and then
 * forgotten; it is never stored in the browser.
 *
 * @fires signed-in - The session is open.
 */
@customElement('console-sign-in')
export class ConsoleSignIn extends LitElement {
  static override styles = consoleStyles;

  @property({attribute: false}) accessor api!: AdminApi;
  @state() private accessor error = '';
  @state() private accessor busy = false;

  override render() {
    return html`
      <h1 tabindex="-1">Sign in to the console</h1>
      <form @submit=${this.submit} novalidate>
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autocomplete="off" required
          aria-describedby="token-hint${this.error ? ' token-error' : ''}" aria-invalid=${this.error ? 'true' : 'false'}>
        <p class="hint" id="token-hint">Printed by the server when it first started, or made with
          <code>undersigned-server admin-token rotate</code>.</p>
        ${this.error ? html`<p role="alert" class="error" id="token-error">${this.error}</p>` : ''}
        <button type="submit" ?disabled=${this.busy}>Sign in</button>
      </form>`;
  }

  private async submit(e: Event) {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    if (!input.value.trim()) {
      this.error = 'Enter the admin token.';
      input.focus();
      return;
    }
    this.busy = true;
    try {
      await this.api.signIn(input.value.trim());
      input.value = '';
      this.error = '';
      this.dispatchEvent(new CustomEvent('signed-in', {bubbles: true, composed: true}));
    } catch (err) {
      this.error = err instanceof ApiProblem && err.status === 401 ? 'That is not the admin token.'
        : err instanceof Error ? err.message : String(err);
      input.focus();
    } finally {
      this.busy = false;
    }
  }
}
