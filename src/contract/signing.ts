import {LIMITS} from './limits.js';

/**
 * The rules of invitation-only and domain-restricted signing (optional for
 * other backends, docs/contract.md "Who may sign").
 */

// Printable ASCII: tokens travel in page addresses and are looked up as given.
const INVITE_TOKEN = /^[\x21-\x7e]+$/;

/** The parameter of a page's address that carries an invitation token (what `<sign-form>` reads). */
export const INVITE_PARAM = 'invite';

/** The page with the invitation token added: `https://news.example/letter?invite=TOKEN`. Throws for no absolute URL. */
export function invitationLink(pageUrl: string, token: string): string {
  const link = new URL(pageUrl);
  link.searchParams.set(INVITE_PARAM, token);
  return link.href;
}

/** Whether `value` has the shape of an invitation token; whether it is valid only the server knows. */
export function isInviteToken(value: string): boolean {
  return value.length > 0 && value.length <= LIMITS.inviteToken && INVITE_TOKEN.test(value);
}

/**
 * Whether a host (lower-case ASCII, an IDN as punycode) is one of the
 * domains or a subdomain of one: `mail.uni.example` is at `uni.example`,
 * `evil-uni.example` is not.
 */
export function isHostAtDomains(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
