import {StatementCard} from './statement-card.component.js';

export {StatementCard};

StatementCard.define('statement-card');

declare global {
  interface HTMLElementTagNameMap {
    'statement-card': StatementCard;
  }
}
