import {CommentThread} from './comment-thread.component.js';

export {CommentThread};

CommentThread.define('comment-thread');

declare global {
  interface HTMLElementTagNameMap {
    'comment-thread': CommentThread;
  }
}
