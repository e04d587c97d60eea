import {INVITE_PARAM, isInviteToken} from '../../contract/index.js';

/**
 * The invitation token in the page's address (`?invite=TOKEN`, what the
 * publisher's invitation links carry), when it has a token's shape.
 */
export function pageInviteToken(): string | undefined {
  const token = new URLSearchParams(location.search).get(INVITE_PARAM)?.trim();
  return token && isInviteToken(token) ? token : undefined;
}

/** The host of an e-mail address in lower-case ASCII (an IDN as punycode, as the server compares it). */
export function mailHost(email: string): string {
  const host = email.slice(email.lastIndexOf('@') + 1).toLowerCase().replace(/\.$/, '');
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return host;
  }
}
