import {LIMITS} from './limits.js';

/**
 * The rules of invitation-only and domain-restricted signing (optional for
 * other backends, docs/contract.md "Who may sign").
 */

// Printable ASCII: tokens travel in page addresses and are looked up as given.
const INVITE_TOKEN = /^[\x21-\x7e]+$/;

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
