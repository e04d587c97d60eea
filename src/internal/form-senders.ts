// The forms' sending code, one chunk, fetched when a reader first focuses a
// form (formSenders in form-fields.ts): the checks of what was typed, the
// send with its retries, and the English they show, which a reader who only
// reads never needs.
import {addEnglishForms} from '../i18n/index.js';
import {enForms} from '../i18n/locales/en-forms.js';

addEnglishForms(enForms);

export {sendSignature} from '../elements/sign-form/send-signature.js';
export {sendComment} from '../elements/comment-form/send-comment.js';
