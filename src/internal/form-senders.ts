// The forms' sending code, one chunk, fetched when a reader first focuses a
// form (formSenders in form-fields.ts): the checks of what was typed and the
// send with its retries, which a reader who only reads never needs.
export {sendSignature} from '../elements/sign-form/send-signature.js';
export {sendComment} from '../elements/comment-form/send-comment.js';
