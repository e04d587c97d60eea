import {searchWords} from '../../../src/contract/index.ts';
import type {SignatoryPage, SignatoryQuery, Store} from './store.ts';

/**
 * Memory the cached pages may take, estimated: a row is ~200 bytes of object
 * plus its strings at two bytes a character. Typical rows (~300 bytes) make
 * that ~50 000 rows, a thousand 50-row pages; the longest rows the contract
 * allows (~2 600 characters, LIMITS) still stay within it.
 */
export const SIGNATORY_PAGE_CACHE_BYTES = 16 << 20;

function pageBytes(page: SignatoryPage): number {
  let bytes = 200;
  for (const r of page.items) {
    bytes += 200 + 2 * (r.id.length + r.name.length + (r.organization?.length ?? 0) + (r.role?.length ?? 0)
      + (r.location?.length ?? 0) + (r.url?.length ?? 0) + (r.verified_domain?.length ?? 0));
  }
  return bytes;
}

/**
 * Which statements' signatories pages a write may change, from its arguments
 * and (when it resolved) its result: their ids, 'all', or none ([]).
 */
type Touches<A extends unknown[], R> = (args: A, result: R | undefined) => readonly string[] | 'all';
/** Every method of the Store is one of: a read, or a write with what it touches. */
type Effects = {
  [K in keyof Store]: Store[K] extends (...args: infer A) => Promise<infer R> ? 'read' | Touches<A, R> : never;
};

const NONE = () => [];
const ALL = () => 'all' as const;
const statementArg = (args: readonly [string, ...unknown[]]) => [args[0]];

// Written for every method, so a new write cannot be added without saying what it changes.
const EFFECTS: Effects = {
  getStatement: 'read', hasStatement: 'read', listStatements: 'read', listSignatories: 'read', listComments: 'read',
  listThread: 'read', pending: 'read', allSignatories: 'read', getSignatory: 'read', listInvitations: 'read',
  invitationCounts: 'read', visibleComments: 'read', summarizeStatements: 'read', queue: 'read', getSession: 'read',
  isEmpty: 'read', signatoryCounts: 'read', commentCount: 'read', lastEvent: 'read', eventsAfter: 'read',
  listedSignatories: 'read', publishedComments: 'read', watchEvents: 'read', linkTarget: 'read', nextMailDue: 'read',
  listMail: 'read', mailCounts: 'read',
  // What a page shows: its statement's row (it exists, its counts) and its signatories.
  putStatement: ([input]) => [input.id],
  deleteStatement: statementArg,
  importDocument: ([input]) => [input.id],
  sign: statementArg,
  moderate: statementArg,
  remove: statementArg,
  setVerified: statementArg,
  addSignatories: statementArg,
  setStatus: ([items]) => items.map((i) => i.statement_id),
  removeItems: ([items]) => items.map((i) => i.statement_id),
  // A link names no statement until it has been followed; one that failed may have done anything.
  confirmSignature: (_, r) => (r === undefined ? 'all' : r.outcome === 'invalid' ? [] : [r.statement.id]),
  withdrawSignature: (_, r) => (r === undefined ? 'all' : r.outcome === 'invalid' ? [] : [r.statement.id]),
  // Only signatures never confirmed go, which no page shows; rare, so counted as touching all anyway.
  pruneUnconfirmed: ALL,
  // Comments, invitations, mail, sessions, settings, rate limits: nothing a signatories page shows.
  comment: NONE, importComments: NONE, createInvitations: NONE, revokeInvitation: NONE, createSession: NONE,
  deleteSession: NONE, claimSetting: NONE, setSetting: NONE, pruneIdempotencyKeys: NONE, claimMail: NONE,
  mailSent: NONE, mailRetry: NONE, mailFailed: NONE, retryMail: NONE, takeRateToken: NONE, close: ALL,
};

/**
 * `store` with its signatories pages kept in memory, for a database only
 * this process writes (PGlite: dir-lock.ts). Each statement has a version,
 * bumped when any write that may change its pages has finished (committed or
 * not); a page is kept under the version read before its query and served
 * only while the version is still that, so a write racing a read cannot leave
 * an old page behind it. Concurrent reads of one page share one query.
 */
export function withSignatoryPageCache(store: Store, budget = SIGNATORY_PAGE_CACHE_BYTES): Store {
  const versions = new Map<string, number>();
  // Bumped by writes that touch every statement; part of every version.
  let epoch = 0;
  const versionOf = (id: string) => `${epoch}.${versions.get(id) ?? 0}`;
  const bump = (touched: readonly string[] | 'all') => {
    if (touched === 'all') epoch++;
    else for (const id of touched) versions.set(id, (versions.get(id) ?? 0) + 1);
  };
  // A Map iterates in insertion order: re-inserting on a hit makes it an LRU.
  type Entry = {version: string; page: Promise<SignatoryPage | null>; bytes: number};
  const pages = new Map<string, Entry>();
  let bytes = 0;
  const drop = (key: string, entry: Entry) => {
    pages.delete(key);
    bytes -= entry.bytes;
  };

  const listSignatories = (statementId: string, query: SignatoryQuery): Promise<SignatoryPage | null> => {
    const key = JSON.stringify([statementId, query.limit, query.after, query.kind ?? null, query.q ? searchWords(query.q) : []]);
    const version = versionOf(statementId);
    const hit = pages.get(key);
    if (hit && hit.version === version) {
      pages.delete(key);
      pages.set(key, hit);
      return hit.page;
    }
    if (hit) drop(key, hit);
    const page = store.listSignatories(statementId, query);
    const entry: Entry = {version, page, bytes: 0};
    pages.set(key, entry);
    const settled = (p: SignatoryPage | null) => {
      if (pages.get(key) !== entry) return;
      // Unknown statements are not kept: any id can be asked.
      if (!p) return drop(key, entry);
      entry.bytes = pageBytes(p);
      bytes += entry.bytes;
      for (const [oldest, e] of pages) {
        if (bytes <= budget) break;
        drop(oldest, e);
      }
    };
    page.then(settled, () => pages.get(key) === entry && drop(key, entry));
    return page;
  };

  return new Proxy(store, {
    get(target, name: keyof Store) {
      if (name === 'listSignatories') return listSignatories;
      const value: unknown = target[name];
      if (typeof value !== 'function') return value;
      const method = (value as (...args: unknown[]) => Promise<unknown>).bind(target);
      const effect = EFFECTS[name];
      if (effect === 'read' || effect === undefined) return method;
      const touches = effect as Touches<unknown[], unknown>;
      return async (...args: unknown[]) => {
        let result: unknown;
        try {
          result = await method(...args);
          return result;
        } finally {
          bump(touches(args, result));
        }
      };
    },
  });
}
