/**
 * The contract, written once: wire types, problems, limits and the rules
 * for text, e-mail and search. No DOM, no Node, no dependencies: the
 * server, the widgets and the test fakes all import it.
 */
export * from './wire.js';
export type {Problem} from './problem.js';
export {LIMITS, PAGE_LIMITS, INLINE_REPLIES, MAX_DEPTH} from './limits.js';
export {textFault, textLength, normalizeText, isEmail, startTagCount, type TextFault, type TextRule} from './text.js';
export {foldForSearch, signatorySearchText, searchWords, matchesSearch} from './search.js';
export {INVITE_PARAM, invitationLink, isInviteToken, isHostAtDomains} from './signing.js';
