/**
 * The DOM events the elements fire for the host page. All but
 * `undersigned-cancel` bubble and are composed, so one listener on
 * `document` hears every widget; `undersigned-cancel` stays inside the
 * shadow root of the element that renders the form.
 */
import type {CommentResult, SignResult, Statement} from './api/index.js';

export interface UndersignedErrorDetail {
  /** An `ApiError` for failed requests; anything else is a bug worth reporting. */
  error: unknown;
  /** What failed: `load`, `sign` or `comment`. */
  action: 'load' | 'sign' | 'comment';
}

export interface UndersignedLoadDetail {
  statement: Statement;
}

/** Every public event by name, with its detail. */
export interface UndersignedEventDetails {
  'undersigned-load': UndersignedLoadDetail;
  'undersigned-sign': SignResult;
  'undersigned-comment': CommentResult;
  'undersigned-error': UndersignedErrorDetail;
  'undersigned-cancel': null;
}

export type UndersignedEventName = keyof UndersignedEventDetails;

declare global {
  // GlobalEventHandlersEventMap is what HTMLElementEventMap and DocumentEventMap
  // extend, so a listener on an element, the document or a shadow root is typed.
  interface GlobalEventHandlersEventMap {
    'undersigned-load': CustomEvent<UndersignedLoadDetail>;
    'undersigned-sign': CustomEvent<SignResult>;
    'undersigned-comment': CustomEvent<CommentResult>;
    'undersigned-error': CustomEvent<UndersignedErrorDetail>;
    'undersigned-cancel': CustomEvent<null>;
  }
}

/** Fires one of the public events from `host`; only `undersigned-cancel` stays inside the shadow root around it. */
export function fire<K extends UndersignedEventName>(host: EventTarget, name: K, detail: UndersignedEventDetails[K]): void {
  const composed = name !== 'undersigned-cancel';
  host.dispatchEvent(new CustomEvent(name, {bubbles: true, composed, detail}));
}
