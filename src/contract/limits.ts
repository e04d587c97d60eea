/**
 * Sizes both edges enforce. Text lengths count code points (what `[...s]`
 * yields), so an emoji counts once on the client and on the server alike.
 */
export const LIMITS = {
  name: 200,
  organization: 200,
  role: 200,
  location: 200,
  url: 2000,
  email: 254,
  commentBody: 10_000,
  /** Statement, comment and signatory ids. */
  id: 100,
  title: 500,
  summary: 2000,
  statementBody: 200_000,
  /**
   * Start tags in a statement body. Sanitising and rendering grow with the
   * number of elements, not characters: 200 000 characters of `<a>` tags
   * would block a reader's page for seconds.
   */
  statementBodyTags: 2_000,
  /** The signatory search `q`. */
  search: 200,
  /** Words of one search that count; later ones are ignored. */
  searchWords: 8,
  /** `allowed_domains` of a `signing: "domains"` statement: a coalition's members, not a registry. */
  allowedDomains: 100,
  /** An invitation token as sent in `invite` (the reference server's are 32 characters). */
  inviteToken: 200,
} as const;

/** Page sizes: `limit` defaults and maxima per list. */
export const PAGE_LIMITS = {
  signatories: {default: 50, max: 200},
  /** Counts root comments. */
  comments: {default: 20, max: 50},
  /** `?thread=`: counts replies. */
  thread: {default: 100, max: 200},
} as const;

/** Replies a root brings inline on a comment page; the rest come by `replies.next`. */
export const INLINE_REPLIES = 10;

/** Deepest nesting the server stores (a root is depth 0); deeper replies attach at this depth. */
export const MAX_DEPTH = 8;
