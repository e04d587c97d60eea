import type {CommentResult, StatementSource} from '../../api/index.js';
import {isEmail, LIMITS} from '../../contract/index.js';
import type {WriteController} from '../../controllers/write-controller.js';
import {sendWrite} from '../../controllers/write-send.js';
import type {LocaleController} from '../../i18n/locale-controller.js';
import {textError} from '../../internal/field-checks.js';

// <comment-form>'s sending, in the forms' lazily loaded chunk (src/internal/form-senders.ts).

export type CommentValues = {name: string; email: string; body: string; website: string};

export interface CommentSend {
  write: WriteController<CommentValues, CommentResult>;
  locale: LocaleController;
  source: StatementSource;
  /** The comment this one replies to, if any. */
  parentId: string | undefined;
}

/** The server's field names for a comment, mapped to this form's. */
const FIELD_OF: Record<string, string> = {'author.name': 'name', 'author.email': 'email', parent_id: 'body'};

function check(locale: LocaleController, values: CommentValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const body = textError(locale, values.body, {max: LIMITS.commentBody, required: true, multiline: true, visible: true});
  if (body) errors.body = body;
  const name = textError(locale, values.name, {max: LIMITS.name, required: true, visible: true});
  if (name) errors.name = name;
  if (values.email.trim() && !isEmail(values.email.trim())) errors.email = locale.t('errorEmail');
  return errors;
}

/** Checks the form's values and sends the comment. */
export function sendComment({write, locale, source, parentId}: CommentSend): Promise<CommentResult | undefined> {
  return sendWrite(
    write,
    (values, idempotencyKey) =>
      source.comment(
        {
          parentId: parentId || null,
          author: {name: values.name.trim(), email: values.email.trim() || undefined},
          body: values.body,
          website: values.website || undefined,
        },
        {idempotencyKey}
      ),
    (values) => check(locale, values),
    (field) => FIELD_OF[field] ?? field
  );
}
