import type {Statement} from '../../api/index.js';
import {INVITE_PARAM, isInviteToken} from '../../contract/index.js';

/**
 * The invitation token in the page's address (`?invite=TOKEN`, what the
 * publisher's invitation links carry), when it has a token's shape.
 */
export function pageInviteToken(): string | undefined {
  const token = new URLSearchParams(location.search).get(INVITE_PARAM)?.trim();
  return token && isInviteToken(token) ? token : undefined;
}

/** The domains whose addresses alone may sign, where the statement restricts signing so. */
export const allowedDomainsOf = (statement: Statement): string[] | undefined =>
  statement.signatories.signing === 'domains' && statement.signatories.allowedDomains?.length
    ? statement.signatories.allowedDomains : undefined;

/** Domain-restricted signing goes by the address, so it needs one. */
export const emailRequiredBy = (statement: Statement): boolean =>
  (statement.signatories.emailRequired ?? false) || allowedDomainsOf(statement) !== undefined;
