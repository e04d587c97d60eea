import {LIMITS} from './limits.js';

/**
 * The rules for text people send: one definition for the forms and the
 * server, so a form never accepts what the server rejects.
 */

/** Why a text field is refused; each edge words it (the server in English, the forms in six languages). */
export type TextFault = 'required' | 'too-long' | 'control' | 'invisible';

export interface TextRule {
  max: number;
  required?: boolean;
  /** Allows line breaks (comment bodies). */
  multiline?: boolean;
  /** Needs at least one visible character (names). */
  visible?: boolean;
}

// C0 and C1 controls and DEL: they reach CSV exports and terminals raw.
const CONTROL = /[\0-\x1f\x7f-\x9f]/;
// Anything but spaces, controls, format characters (zero-width, bidi
// overrides), lone combining marks and the blank "letters" that render as nothing.
const VISIBLE = /[^\p{White_Space}\p{Z}\p{Cc}\p{Cf}\p{M}\u115f\u1160\u3164\uffa0\u2800]/u;

/** Length in code points: the one way both edges count. */
export function textLength(s: string): number {
  return s.length - (s.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);
}

/** What is wrong with `value` (already trimmed, line breaks as \n), or undefined when it passes. */
export function textFault(value: string, rule: TextRule): TextFault | undefined {
  if (value === '') return rule.required ? 'required' : undefined;
  if (CONTROL.test(rule.multiline ? value.replace(/\n/g, '') : value)) return 'control';
  if (rule.visible && !VISIBLE.test(value)) return 'invisible';
  if (textLength(value) > rule.max) return 'too-long';
  return undefined;
}

/** Trimmed, with \r\n and lone \r as \n: how both edges read a text field before checking it. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

// One @, something before it, a dotted domain after it: `a@b` is refused on both edges.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;

export function isEmail(value: string): boolean {
  return value.length <= LIMITS.email && EMAIL.test(value) && !CONTROL.test(value);
}

/** Start tags in an HTML string: what the statement body's tag cap counts (a `<` followed by a letter). */
export function startTagCount(html: string): number {
  return html.match(/<[a-z]/gi)?.length ?? 0;
}
