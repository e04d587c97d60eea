import type {Message} from '../catalog.js';

/**
 * English: what only a form shows after a submit (its field errors, the
 * failures of a send, the thank-you). With `en`, the source catalog; loaded
 * with the forms' sending code (src/internal/form-senders.ts), so a reader
 * who only reads never downloads it. Other languages' catalogs hold these too.
 */
export const enForms = {
  signedPublished: 'Thank you — your name has been added.',
  signedPending: 'Thank you. Check your e-mail to confirm, or wait for approval.',
  signedUnconfirmed: 'Thank you. Check your inbox to confirm your signature.',
  commentPublished: 'Your comment has been posted.',
  commentPending: 'Your comment is awaiting approval.',
  errorRequired: 'Required.',
  errorTooLong: 'At most {max} characters.',
  errorEmail: 'Enter a valid e-mail address.',
  errorEmailDomain: 'Use an address at {domains}.',
  errorInvite: 'This invitation is not valid, or it has been used already.',
  errorCharacters: 'Use visible characters only.',
  errorReplyGone: 'The comment you are replying to is no longer there. Your text is kept: copy it, or post it as a new comment.',
  // Plural on its only number, `seconds` (see translate()).
  errorRateLimited: {
    one: 'Too many attempts. Try again in {seconds} second.',
    other: 'Too many attempts. Try again in {seconds} seconds.',
  },
  errorFixFields: 'Please correct the highlighted fields.',
} satisfies Record<string, Message>;
