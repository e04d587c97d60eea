import {CommentForm} from './comment-form.component.js';

export {CommentForm};

CommentForm.define('comment-form');

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentForm;
  }
}
