/**
 * The whole library: importing this module registers every element.
 * The one-script bundle (dist/undersigned.js) is built from it.
 */
export * from './elements/statement-card/statement-card.js';
export * from './elements/signatory-list/signatory-list.js';
export * from './elements/comment-thread/comment-thread.js';
export * from './elements/sign-form/sign-form.js';
export * from './elements/comment-form/comment-form.js';
// The data shapes, errors and sources a page may use; fetching helpers and source lookup stay internal.
export * from './api/types.js';
export {ApiError, isAbortError, type ApiErrorKind, type Problem} from './api/errors.js';
export {HttpSource, StaticSource} from './api/index.js';
export type {UndersignedErrorDetail, UndersignedLoadDetail, UndersignedEventDetails, UndersignedEventName} from './events.js';
