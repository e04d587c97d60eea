import {html, LitElement} from 'lit';
import {customElement, property} from 'lit/decorators.js';
import type {AdminApi} from '../../api.js';
import {consoleStyles} from '../../styles.js';

@customElement('console-moderation-queue')
export class ConsoleModerationQueue extends LitElement {
  static override styles = consoleStyles;
  @property({attribute: false}) accessor api!: AdminApi;
  @property({attribute: false}) accessor statementId: string | undefined;
  override render() {
    return html`<h1 tabindex="-1">Moderation</h1>`;
  }
}
