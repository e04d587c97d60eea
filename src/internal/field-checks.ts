import {normalizeText, textFault, type TextFault, type TextRule} from '../contract/index.js';
import type {MessageKey} from '../i18n/index.js';
import type {LocaleController} from '../i18n/locale-controller.js';

// In the forms' lazily loaded chunk (src/internal/form-senders.ts), not on a reader's first view.

const FAULT_MESSAGES: Record<TextFault, MessageKey> = {
  'required': 'errorRequired',
  'too-long': 'errorTooLong',
  // One message for both: a control character is as invisible as a zero-width one.
  'control': 'errorCharacters',
  'invisible': 'errorCharacters',
};

/** A field's error by the contract's rule (the server's), in the reader's language; undefined when it passes. */
export function textError(locale: LocaleController, value: string, rule: TextRule): string | undefined {
  const fault = textFault(normalizeText(value), rule);
  return fault && locale.t(FAULT_MESSAGES[fault], {max: rule.max});
}
