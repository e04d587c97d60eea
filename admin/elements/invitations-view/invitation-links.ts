import {invitationLink, isEmail} from '../../../src/contract/index.js';

/** Whether a typed page address is a full http(s) one, which invitation links can lead to. */
export function isPageAddress(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text.trim()).protocol);
  } catch {
    return false;
  }
}

/**
 * The link an invitation is handed out as: the page where the statement is
 * embedded with `?invite=TOKEN` added (what `<sign-form>` reads), or the
 * bare token when no full http(s) address is given.
 */
export function inviteLink(pageUrl: string, token: string): string {
  return isPageAddress(pageUrl) ? invitationLink(pageUrl.trim(), token) : token;
}

/** Addresses as a publisher pastes them (lines, commas, semicolons), each once, and what is not an address. */
export function parseAddresses(text: string): {addresses: string[]; invalid: string[]} {
  const entries = [...new Set(text.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean))];
  return {addresses: entries.filter((e) => isEmail(e)), invalid: entries.filter((e) => !isEmail(e))};
}
