import {CommentForm} from './comment-form.component.js';
import type {CommentResult} from '../../api/index.js';

export {CommentForm};

CommentForm.define('comment-form');

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentForm;
  }
  interface HTMLElementEventMap {
    'undersigned-comment': CustomEvent<CommentResult>;
  }
}
