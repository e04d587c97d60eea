/**
 * The whole library: importing this module registers every element.
 * The one-script bundle (dist/undersigned.js) is built from it.
 */
export * from './elements/statement-card/statement-card.js';
export * from './elements/signatory-list/signatory-list.js';
export * from './elements/comment-thread/comment-thread.js';
export * from './api/index.js';
export * from './elements/sign-form/sign-form.js';
export * from './elements/comment-form/comment-form.js';
export type {UndersignedErrorDetail} from './events.js';
