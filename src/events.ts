/**
 * The DOM events the elements fire for the host page. All bubble and are
 * composed, so one listener on `document` hears every widget.
 */
import type {CommentResult, SignResult, Statement} from './api/index.js';

export interface UndersignedErrorDetail {
  /** An `ApiError` for failed requests; anything else is a bug worth reporting. */
  error: unknown;
  /** What failed: `load`, `sign` or `comment`. */
  action: 'load' | 'sign' | 'comment';
}

declare global {
  interface HTMLElementEventMap {
    'undersigned-load': CustomEvent<{statement: Statement}>;
    'undersigned-sign': CustomEvent<SignResult>;
    'undersigned-comment': CustomEvent<CommentResult>;
    'undersigned-error': CustomEvent<UndersignedErrorDetail>;
  }
}
