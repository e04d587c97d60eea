import {randomBytes} from 'node:crypto';
import {foldForSearch, INLINE_REPLIES, invitationLink, searchWords, signatorySearchText} from '../../../src/contract/index.ts';
import {isAtDomains, verifiedDomain} from '../domains.ts';
import {composeInvitation, composeMail, type MailKind} from '../mail/messages.ts';
import {sha256} from '../http.ts';
import {newId} from '../ids.ts';
import {noStatement, problem} from '../problem.ts';
import type {Confirmation, Language, NewComment, NewSignatory, Signing, StatementInput, StaticDocument, WriteStatus} from '../types.ts';
import {commentToWire, signatureToWire} from '../wire.ts';
import type {Db, Param, Queryable} from './db.ts';
import type {
  AdminSession, CommentPageItem, InvitationQuery, InvitationRecord, NewInvitation, CommentQuery, ThreadPage, ThreadQuery, CommentRecord, Idempotency, ImportedComment, ImportedSignatory, ImportResult, ItemRef,
  EventRecord, Kind, ListedSignatory, ModerationAction, Page, QueueItem, QueueQuery, SignatoryCounts, SignatoryPage, SignatoryQuery,
  SignatoryRecord, LinkOutcome, LinkTarget, MailContext, MailRecord, MailStatus, OutboxMessage,
  StatementRecord, StatementSummary, Store, StoredResponse, WriteMode,
} from './store.ts';
import type {ItemStatus} from '../types.ts';

const SIGNATORY_COLS = `id, position, name, kind, organization, role, location, url, email, public, status, signed_at, verified_domain`;
/** The columns a public page shows (ListedSignatory). */
const LISTED_COLS = `id, position, name, kind, organization, role, location, url, signed_at, verified_domain`;
const COMMENT_COLS = `id, parent_id, author_name, author_url, author_email, body, status, created_at, edited_at`;

const TABLE: Record<Kind, string> = {signatory: 'signatories', comment: 'comments'};

/** The NOTIFY channel the event triggers (migration 030) write to. */
const EVENT_CHANNEL = 'undersigned_events';
const IMPORT_BATCH = 1000;
/** How long an Idempotency-Key is remembered (README "Security notes"). */
export const IDEMPOTENCY_HOURS = 24;
/** Expired keys are deleted at most this often, a bounded batch at a time, by the writes themselves. */
const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE_BATCH = 5000;

/** LIKE pattern matching `word` anywhere, with its own % _ \ taken literally. */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** Thrown inside a discarded write's transaction to roll it back with its answer. */
class Discarded {
  constructor(readonly response: {status: number; body: string}) {}
}

/** The Store on any PostgreSQL (PGlite or a server): one set of SQL. */
export class SqlStore implements Store {
  private prunedAt = 0;
  private bucketsPrunedAt = 0;

  /** Where the live hub's reads go (Db.live): not behind the writes. */
  private readonly live: Queryable;

  constructor(private readonly db: Db) {
    this.live = db.live ?? db;
  }

  async pruneIdempotencyKeys(now: Date = new Date()): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM idempotency_keys WHERE (statement_id, route, key) IN (
         SELECT statement_id, route, key FROM idempotency_keys
         WHERE created_at < $1::timestamptz - make_interval(hours => ${IDEMPOTENCY_HOURS}) LIMIT ${PRUNE_BATCH})
       RETURNING key`, [now]);
    return rows.length;
  }

  async pruneUnconfirmed(now: Date = new Date()): Promise<number> {
    // A day's grace after the last link expired: a reader clicking at the last minute still finds their signature.
    const rows = await this.db.query(
      `WITH gone AS (
         SELECT s.statement_id, s.id FROM signatories s
         WHERE s.status = 'unconfirmed' AND s.signed_at < $1::timestamptz - interval '1 day'
           AND NOT EXISTS (SELECT 1 FROM signature_tokens t
             WHERE t.statement_id = s.statement_id AND t.signatory_id = s.id AND t.purpose = 'confirm'
               AND t.used_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $1::timestamptz - interval '1 day'))
         LIMIT ${PRUNE_BATCH}
       ), mail AS (
         UPDATE outbox o SET recipient = NULL, body = NULL, link = NULL,
           status = CASE WHEN o.status IN ('queued', 'failed') THEN 'cancelled' ELSE o.status END
         FROM gone WHERE o.statement_id = gone.statement_id AND o.signatory_id = gone.id
       )
       DELETE FROM signatories s USING gone WHERE s.statement_id = gone.statement_id AND s.id = gone.id
       RETURNING s.id`, [now]);
    return rows.length;
  }

  async getStatement(id: string): Promise<StatementRecord | null> {
    // content as text: the two drivers parse json columns differently.
    const [row] = await this.db.query<Omit<StatementRecord, 'content'> & {content: string}>(
      `SELECT s.id, s.content::text AS content, s.signatories_open, s.comments_open, s.moderation, s.email_required,
              s.goal, s.signing, s.allowed_domains, s.confirmation, s.language, s.mail_hourly_cap, s.updated_at, s.signatories_count, s.signatories_listed, s.last_event,
              s.comments_visible AS comments_count
       FROM statements s WHERE s.id = $1`,
      [id],
    );
    return row ? {...row, content: JSON.parse(row.content) as Record<string, unknown>} : null;
  }

  async hasStatement(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM statements WHERE id = $1', [id])).length > 0;
  }

  async putStatement(input: StatementInput): Promise<boolean> {
    const [row] = await this.db.query<{created: boolean}>(
      `INSERT INTO statements (id, content, signatories_open, comments_open, moderation, email_required, goal,
                               signing, allowed_domains, confirmation, language, mail_hourly_cap)
       VALUES ($1, $2::text::json, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET content = EXCLUDED.content,
         signatories_open = EXCLUDED.signatories_open, comments_open = EXCLUDED.comments_open,
         moderation = EXCLUDED.moderation, email_required = EXCLUDED.email_required,
         goal = EXCLUDED.goal, signing = EXCLUDED.signing, allowed_domains = EXCLUDED.allowed_domains,
         confirmation = EXCLUDED.confirmation, language = EXCLUDED.language, mail_hourly_cap = EXCLUDED.mail_hourly_cap,
         updated_at = now()
       RETURNING (xmax = 0) AS created`,
      statementParams(input),
    );
    return row!.created;
  }

  listStatements(): Promise<{id: string; title: string}[]> {
    return this.db.query(`SELECT id, content->>'title' AS title FROM statements ORDER BY created_at, id`);
  }

  async listSignatories(statementId: string, query: SignatoryQuery): Promise<SignatoryPage | null> {
    // Each word of the search may match any field (the contract's matchesSearch).
    const words = query.q ? searchWords(query.q) : [];
    // A kind is its own SQL (not `$2 IS NULL OR kind = $2`), so a generic plan can range over signatories_listed_kind.
    const params: Param[] = [statementId, ...(query.kind ? [query.kind] : []), ...words.map(containsPattern)];
    const first = query.kind ? 3 : 2;
    const filter = `statement_id = $1 AND status = 'published' AND public
      ${query.kind ? 'AND kind = $2' : ''}
      ${words.map((_, i) => `AND search LIKE $${i + first}`).join(' ')}`;
    const n = params.length;
    // One query: the counts kept at write time (the statement's row) and the
    // page, one range of the signatories_listed index, as one JSON value —
    // PGlite's driver then decodes one field, not 51 rows of ten.
    const [[row], searched] = await Promise.all([
      this.db.query<{listed: number; organization: number; individual: number; items: string}>(
        `SELECT s.signatories_listed AS listed, s.listed_organizations AS organization, s.listed_individuals AS individual,
                (SELECT coalesce(json_agg(p ORDER BY p.position), '[]')::text FROM (
                   SELECT ${LISTED_COLS} FROM signatories WHERE ${filter} AND position > $${n + 1}
                   ORDER BY position LIMIT $${n + 2}) p) AS items
         FROM statements s WHERE s.id = $1`,
        [...params, query.after, query.limit + 1],
      ),
      // A search's total is counted (it cannot be kept at write time).
      words.length ? this.db.query<{n: number}>(`SELECT count(*)::int AS n FROM signatories WHERE ${filter}`, params) : undefined,
    ]);
    if (!row) return null;
    const rows = (JSON.parse(row.items) as (Omit<ListedSignatory, 'signed_at'> & {signed_at: string})[])
      .map((r) => ({...r, signed_at: new Date(r.signed_at)}));
    const kinds = {organization: row.organization, individual: row.individual};
    const total = searched ? searched[0]!.n : query.kind ? kinds[query.kind] : row.listed;
    return {items: rows.slice(0, query.limit), total, hasMore: rows.length > query.limit, kinds};
  }

  // The live hub's reads, on its own connections (Db.live).
  async signatoryCounts(statementId: string): Promise<SignatoryCounts | null> {
    const [row] = await this.live.query<{count: number; listed: number; organization: number; individual: number}>(
      `SELECT signatories_count AS count, signatories_listed AS listed,
              listed_organizations AS organization, listed_individuals AS individual
       FROM statements WHERE id = $1`, [statementId]);
    return row ? {count: row.count, listed: row.listed, kinds: {organization: row.organization, individual: row.individual}} : null;
  }

  async commentCount(statementId: string): Promise<number> {
    const [row] = await this.live.query<{n: number}>(`SELECT comments_visible AS n FROM statements WHERE id = $1`, [statementId]);
    return row?.n ?? 0;
  }

  async lastEvent(statementId: string): Promise<number | null> {
    const [row] = await this.live.query<{last_event: number}>(`SELECT last_event FROM statements WHERE id = $1`, [statementId]);
    return row ? row.last_event : null;
  }

  eventsAfter(statementId: string, seq: number, limit: number): Promise<EventRecord[]> {
    return this.live.query<EventRecord & Record<string, unknown>>(
      `SELECT seq, type, item_ids FROM statement_events WHERE statement_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [statementId, seq, limit]);
  }

  listedSignatories(statementId: string, ids: readonly string[]): Promise<SignatoryRecord[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.live.query<SignatoryRecord & Record<string, unknown>>(
      `SELECT ${SIGNATORY_COLS} FROM signatories
       WHERE statement_id = $1 AND id = ANY($2::text[]) AND status = 'published' AND public ORDER BY position`,
      [statementId, arrayLiteral(ids)]);
  }

  publishedComments(statementId: string, ids: readonly string[]): Promise<CommentRecord[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.live.query<CommentRecord & Record<string, unknown>>(
      `SELECT ${COMMENT_COLS} FROM comments
       WHERE statement_id = $1 AND id = ANY($2::text[]) AND status = 'published' ORDER BY created_at, id`,
      [statementId, arrayLiteral(ids)]);
  }

  async watchEvents(onEvent: (statementId: string, seq: number) => void, onResync: () => void): Promise<() => Promise<void>> {
    // Every schema on the database shares the channel: keep only this one's.
    const [{schema}] = (await this.live.query<{schema: string}>(`SELECT current_schema() AS schema`)) as [{schema: string}];
    return this.db.listen(EVENT_CHANNEL, (payload) => {
      const note = parseNotification(payload);
      if (note && note.schema === schema) onEvent(note.statement, note.seq);
    }, onResync);
  }

  async listComments(statementId: string, query: CommentQuery): Promise<Page<CommentPageItem>> {
    const newest = query.sort === 'newest';
    const [cmp, dir] = newest ? ['<', 'DESC'] : ['>', 'ASC'];
    const after = query.after ? [query.after.created_at, query.after.id] : [null, null];
    // Roots: one range of the roots index. The count is kept at write time.
    const [roots, total] = await Promise.all([
      this.db.query<CommentRecord & {reply_count: number} & Record<string, unknown>>(
        `SELECT ${COMMENT_COLS}, reply_count FROM comments
         WHERE statement_id = $1 AND parent_id IS NULL AND status = 'published'
           AND ($2::timestamptz IS NULL OR (created_at, id) ${cmp} ($2::timestamptz, $3::text))
         ORDER BY created_at ${dir}, id ${dir} LIMIT $4`,
        [statementId, ...after, query.limit + 1]),
      this.db.query<{n: number}>(`SELECT comments_visible AS n FROM statements WHERE id = $1`, [statementId]).then(([r]) => r?.n ?? 0),
    ]);
    const page = roots.slice(0, query.limit);
    if (!page.length) return {items: [], total, hasMore: false};
    // At most INLINE_REPLIES per root, each a range of the thread index.
    type Reply = CommentRecord & {root_id: string; path: string};
    const replies = await this.db.query<Reply & Record<string, unknown>>(
      `SELECT x.* FROM unnest($2::text[]) WITH ORDINALITY AS r(id, ord)
       CROSS JOIN LATERAL (
         SELECT ${COMMENT_COLS}, root_id, path FROM comments c
         WHERE c.statement_id = $1 AND c.root_id = r.id AND c.depth > 0 AND c.visible
         ORDER BY c.path LIMIT ${INLINE_REPLIES}
       ) x ORDER BY r.ord, x.path`,
      [statementId, arrayLiteral(page.map((r) => r.id))]);
    const byRoot = new Map<string, Reply[]>();
    for (const r of replies) {
      const list = byRoot.get(r.root_id);
      if (list) list.push(r);
      else byRoot.set(r.root_id, [r]);
    }
    const items: CommentPageItem[] = [];
    for (const root of page) {
      const inline = byRoot.get(root.id) ?? [];
      const last = inline[inline.length - 1];
      const {reply_count: count, ...record} = root;
      items.push({...record, replies: {count, after: count > inline.length && last ? last.path : null}});
      for (const {path: _path, root_id: _root, ...reply} of inline) {
        items.push(reply);
      }
    }
    return {items, total, hasMore: roots.length > query.limit};
  }

  async listThread(statementId: string, rootId: string, query: ThreadQuery): Promise<ThreadPage | null> {
    const [root] = await this.db.query<{reply_count: number}>(
      `SELECT reply_count FROM comments WHERE statement_id = $1 AND id = $2 AND parent_id IS NULL AND visible`,
      [statementId, rootId]);
    if (!root) return null;
    const rows = await this.db.query<CommentRecord & {path: string} & Record<string, unknown>>(
      `SELECT ${COMMENT_COLS}, path FROM comments
       WHERE statement_id = $1 AND root_id = $2 AND depth > 0 AND visible AND ($3::text IS NULL OR path > $3)
       ORDER BY path LIMIT $4`,
      [statementId, rootId, query.after ?? null, query.limit + 1]);
    const page = rows.slice(0, query.limit);
    const more = rows.length > query.limit;
    return {
      items: page.map(({path: _path, ...r}) => r),
      total: root.reply_count,
      after: more ? page[page.length - 1]!.path : null,
    };
  }

  sign(statementId: string, input: NewSignatory, idem: Idempotency | null, mode: WriteMode = {}): Promise<StoredResponse> {
    return this.idempotent(statementId, 'signatories', idem, mode, async (tx) => {
      const [st] = await tx.query<MailStatement & Record<string, unknown> & {signatories_open: boolean; email_required: boolean; last_position: number;
        signing: Signing; allowed_domains: string[]}>(
        `SELECT id, signatories_open, email_required, last_position, signing, allowed_domains, confirmation, language,
                mail_hourly_cap, content->>'title' AS title
         FROM statements WHERE id = $1 FOR UPDATE`,
        [statementId],
      );
      if (!st) throw noStatement(statementId);
      if (!st.signatories_open) throw problem(403, 'Signing is closed for this statement.');
      const confirm = st.confirmation === 'email';
      if ((st.email_required || confirm) && !input.email) {
        throw problem(422, confirm ? 'An e-mail address is required: the signature is confirmed by e-mail.'
          : 'An e-mail address is required.', {email: 'Required.'});
      }
      const signatoryId = newId('s');
      // The statement's row lock is held: a token is checked and spent by one signature at a time.
      if (st.signing === 'invite') await spendInvitation(tx, statementId, input.invite, signatoryId);
      if (st.signing === 'domains') checkDomains(input.email, st.allowed_domains);
      const emailKey = input.email ? input.email.toLowerCase() : null;
      if (emailKey) {
        const [dup] = await tx.query<{id: string; name: string; status: ItemStatus}>(
          `SELECT id, name, status FROM signatories WHERE statement_id = $1 AND email_key = $2`, [statementId, emailKey]);
        // Answer as if signed, so the response never tells who has signed.
        if (dup && !confirm) return signed(unsavedSignatory(input, st.last_position + 1), 'published');
        if (dup) {
          // The address learns what happened; the answer and the count do not tell anyone else.
          await queueMail(tx, st, {id: dup.id, name: dup.name}, input.email!,
            dup.status === 'unconfirmed' ? 'confirm' : 'already-signed', this.mail(mode));
          return signed(unsavedSignatory(input, null), 'unconfirmed');
        }
      }
      // Published at once: numbered by the insert (migration 042's trigger). Unconfirmed: numbered when confirmed.
      const status: WriteStatus = confirm ? 'unconfirmed' : 'published';
      const [row] = await tx.query<SignatoryRecord & Record<string, unknown>>(
        `INSERT INTO signatories (statement_id, id, position, name, kind, organization, role, location, url,
                                  email, email_key, public, search, status)
         VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${SIGNATORY_COLS}`,
        [statementId, signatoryId, input.name, input.kind, input.organization ?? null,
          input.role ?? null, input.location ?? null, input.url ?? null, input.email ?? null, emailKey, input.public,
          signatorySearchText(input), status],
      );
      if (confirm) await queueMail(tx, st, {id: signatoryId, name: input.name}, input.email!, 'confirm', this.mail(mode));
      return signed(row!, status);
    });
  }

  private mail(mode: WriteMode): MailContext {
    if (!mode.mail) throw new Error('This statement confirms signatures by e-mail: the store needs the mail settings (publicUrl).');
    return mode.mail;
  }

  comment(statementId: string, input: NewComment, idem: Idempotency | null, mode: WriteMode = {}): Promise<StoredResponse> {
    return this.idempotent(statementId, 'comments', idem, mode, async (tx) => {
      const [st] = await tx.query<{comments_open: boolean; moderation: string}>(
        `SELECT comments_open, moderation FROM statements WHERE id = $1`, [statementId]);
      if (!st) throw noStatement(statementId);
      if (!st.comments_open) throw problem(403, 'Commenting is closed for this statement.');
      if (input.parent_id !== null) {
        // FOR SHARE: the parent cannot be deleted before this reply commits.
        const parent = await tx.query(
          `SELECT 1 FROM comments WHERE statement_id = $1 AND id = $2 AND status = 'published' FOR SHARE`,
          [statementId, input.parent_id]);
        if (!parent.length) throw problem(404, 'The comment you reply to does not exist.', {parent_id: 'Unknown comment.'});
      }
      const status: WriteStatus = st.moderation === 'pre' ? 'pending' : 'published';
      const [row] = await tx.query<CommentRecord & Record<string, unknown>>(
        `INSERT INTO comments (statement_id, id, parent_id, author_name, author_url, author_email, body, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COMMENT_COLS}`,
        [statementId, newId('c'), input.parent_id, input.author.name, input.author.url ?? null,
          input.author.email ?? null, input.body, status],
      );
      return {status: 201, body: JSON.stringify({comment: commentToWire(row!), status})};
    });
  }

  /**
   * Runs a write once per Idempotency-Key. The key row is inserted first in
   * the write's own transaction: a racing retry blocks on the unique key
   * until the first commits, then finds the key taken and replays the
   * stored answer. If the first fails, its key goes with its rollback.
   * A discarded write runs the same way and is rolled back with its answer.
   */
  private async idempotent(
    statementId: string, route: string, idem: Idempotency | null, mode: WriteMode,
    write: (tx: Queryable) => Promise<{status: number; body: string}>,
  ): Promise<StoredResponse> {
    if (mode.discard) idem = null;
    if (idem && Date.now() - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = Date.now();
      await this.pruneIdempotencyKeys();
      await this.pruneUnconfirmed();
    }
    try {
      return await this.db.transaction(async (tx) => {
        if (idem) {
          // A key older than IDEMPOTENCY_HOURS is expired: the request is new again.
          const claimed = await tx.query(
            `INSERT INTO idempotency_keys (statement_id, route, key, request_hash) VALUES ($1, $2, $3, $4)
             ON CONFLICT (statement_id, route, key) DO UPDATE
               SET request_hash = EXCLUDED.request_hash, status = NULL, response = NULL, created_at = now()
               WHERE idempotency_keys.created_at < now() - make_interval(hours => ${IDEMPOTENCY_HOURS})
             RETURNING key`,
            [statementId, route, idem.key, idem.requestHash],
          );
          if (!claimed.length) {
            const [prev] = await tx.query<{request_hash: string; status: number; response: string}>(
              `SELECT request_hash, status, response FROM idempotency_keys
               WHERE statement_id = $1 AND route = $2 AND key = $3`,
              [statementId, route, idem.key],
            );
            if (prev!.request_hash !== idem.requestHash) {
              throw problem(422, 'This Idempotency-Key was used for a different request.',
                {'Idempotency-Key': 'Reused with a different body.'});
            }
            return {status: prev!.status, body: prev!.response, replayed: true};
          }
        }
        const res = await write(tx);
        if (mode.discard) throw new Discarded(res);
        if (idem) {
          await tx.query(
            `UPDATE idempotency_keys SET status = $4, response = $5 WHERE statement_id = $1 AND route = $2 AND key = $3`,
            [statementId, route, idem.key, res.status, res.body],
          );
        }
        return {...res, replayed: false};
      });
    } catch (err) {
      if (err instanceof Discarded) return {...err.response, replayed: false};
      throw err;
    }
  }

  async pending(statementId: string) {
    const [signatories, comments] = await Promise.all([
      this.db.query<SignatoryRecord & Record<string, unknown>>(
        `SELECT ${SIGNATORY_COLS} FROM signatories WHERE statement_id = $1 AND status = 'pending' ORDER BY signed_at, id`,
        [statementId]),
      this.db.query<CommentRecord & Record<string, unknown>>(
        `SELECT ${COMMENT_COLS} FROM comments WHERE statement_id = $1 AND status = 'pending' ORDER BY created_at, id`,
        [statementId]),
    ]);
    return {signatories, comments};
  }

  async moderate(statementId: string, kind: Kind, id: string, action: ModerationAction): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE ${TABLE[kind]} SET status = $3 WHERE statement_id = $1 AND id = $2 RETURNING id`,
      [statementId, id, action === 'approve' ? 'published' : 'hidden'],
    );
    return rows.length > 0;
  }

  async remove(statementId: string, kind: Kind, id: string): Promise<boolean> {
    // Deleting a comment deletes its replies (ON DELETE CASCADE).
    const rows = await this.db.query(`DELETE FROM ${TABLE[kind]} WHERE statement_id = $1 AND id = $2 RETURNING id`,
      [statementId, id]);
    return rows.length > 0;
  }

  allSignatories(statementId: string): Promise<SignatoryRecord[]> {
    return this.db.query<SignatoryRecord & Record<string, unknown>>(
      `SELECT ${SIGNATORY_COLS} FROM signatories WHERE statement_id = $1 ORDER BY position NULLS LAST, signed_at, id`, [statementId]);
  }

  async getSignatory(statementId: string, id: string): Promise<SignatoryRecord | null> {
    const [row] = await this.db.query<SignatoryRecord & Record<string, unknown>>(
      `SELECT ${SIGNATORY_COLS} FROM signatories WHERE statement_id = $1 AND id = $2`, [statementId, id]);
    return row ?? null;
  }

  async setVerified(statementId: string, id: string, domain: string | null): Promise<SignatoryRecord | null> {
    const [row] = await this.db.query<SignatoryRecord & Record<string, unknown>>(
      `UPDATE signatories SET verified_domain = $3 WHERE statement_id = $1 AND id = $2 RETURNING ${SIGNATORY_COLS}`,
      [statementId, id, domain]);
    return row ?? null;
  }

  async createInvitations(statementId: string, emails: (string | null)[]): Promise<NewInvitation[]> {
    return this.db.transaction(async (tx) => {
      // The statement's row lock: its mails are slotted under its hourly cap one transaction at a time.
      const [st] = await tx.query<{id: string; title: string; url: string | null; language: Language; mail_hourly_cap: number}>(
        `SELECT id, content->>'title' AS title, content->>'url' AS url, language, mail_hourly_cap FROM statements WHERE id = $1 FOR UPDATE`,
        [statementId]);
      if (!st) throw noStatement(statementId);
      // 24 random bytes: the token is the whole secret; only its hash is kept.
      const made = emails.map((email) => ({id: newId('i'), email, token: randomBytes(24).toString('base64url')}));
      await tx.query(
        `INSERT INTO invitations (statement_id, id, token_sha256, email)
         SELECT $1, r.id, r.token_sha256, r.email FROM json_to_recordset($2::text::json) AS r(id text, token_sha256 text, email text)`,
        [statementId, JSON.stringify(made.map((m) => ({id: m.id, token_sha256: sha256(m.token), email: m.email})))]);
      // Mailed through the outbox when there is a page to send the invitee to (the statement's url).
      if (st.url) {
        for (const m of made) {
          if (m.email === null) continue;
          const link = invitationLink(st.url, m.token);
          const mail = composeInvitation(st.language, {title: st.title, link});
          await enqueue(tx, st, {signatoryId: null, kind: 'invitation', email: m.email, subject: mail.subject, body: mail.body, link});
        }
      }
      return made;
    });
  }

  listInvitations(statementId: string, query: InvitationQuery): Promise<InvitationRecord[]> {
    const after = query.after ? [query.after.created_at, query.after.id] : [null, null];
    return this.db.query<InvitationRecord & Record<string, unknown>>(
      `SELECT i.id, i.email, i.created_at, i.used_at, i.revoked_at, i.signatory_id, s.name AS signatory_name
       FROM invitations i LEFT JOIN signatories s ON s.statement_id = i.statement_id AND s.id = i.signatory_id
       WHERE i.statement_id = $1 AND ($2::timestamptz IS NULL OR (i.created_at, i.id) > ($2::timestamptz, $3::text))
       ORDER BY i.created_at, i.id LIMIT $4`,
      [statementId, ...after, query.limit]);
  }

  async invitationCounts(statementId: string): Promise<{unused: number; used: number; revoked: number}> {
    const [row] = await this.db.query<{unused: number; used: number; revoked: number}>(
      `SELECT count(*) FILTER (WHERE used_at IS NULL AND revoked_at IS NULL)::int AS unused,
              count(*) FILTER (WHERE used_at IS NOT NULL)::int AS used,
              count(*) FILTER (WHERE used_at IS NULL AND revoked_at IS NOT NULL)::int AS revoked
       FROM invitations WHERE statement_id = $1`, [statementId]);
    return row!;
  }

  async revokeInvitation(statementId: string, id: string): Promise<'revoked' | 'used' | null> {
    const [row] = await this.db.query<{used: boolean}>(
      `UPDATE invitations SET revoked_at = coalesce(revoked_at, now())
       WHERE statement_id = $1 AND id = $2 RETURNING used_at IS NOT NULL AS used`, [statementId, id]);
    return row ? (row.used ? 'used' : 'revoked') : null;
  }

  async visibleComments(statementId: string): Promise<CommentRecord[]> {
    // Thread order from the kept columns: roots oldest first, each thread by path.
    return this.db.query<CommentRecord & Record<string, unknown>>(
      `SELECT ${COMMENT_COLS.split(', ').map((c) => `c.${c}`).join(', ')} FROM comments c
       JOIN comments r ON r.statement_id = c.statement_id AND r.id = c.root_id
       WHERE c.statement_id = $1 AND c.visible ORDER BY r.created_at, r.id, c.path`, [statementId]);
  }

  async summarizeStatements(): Promise<StatementSummary[]> {
    // Counts by status as JSON objects: new statuses show up without a change here.
    const byStatus = (table: string) => `coalesce((SELECT json_object_agg(status, n) FROM
      (SELECT status, count(*)::int AS n FROM ${table} WHERE statement_id = s.id GROUP BY status) x)::text, '{}')`;
    const rows = await this.db.query<Omit<StatementSummary, 'signatories' | 'comments'> & {signatories: string; comments: string}>(
      `SELECT s.id, s.content->>'title' AS title, s.goal, s.updated_at,
              ${byStatus('signatories')} AS signatories, ${byStatus('comments')} AS comments
       FROM statements s ORDER BY s.created_at DESC, s.id LIMIT 1000`);
    return rows.map((r) => ({
      ...r,
      signatories: JSON.parse(r.signatories) as Record<string, number>,
      comments: JSON.parse(r.comments) as Record<string, number>,
    }));
  }

  async deleteStatement(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Idempotency keys have no foreign key (a key may name a statement that never existed).
      await tx.query(`DELETE FROM idempotency_keys WHERE statement_id = $1`, [id]);
      return (await tx.query(`DELETE FROM statements WHERE id = $1 RETURNING id`, [id])).length > 0;
    });
  }

  async addSignatories(statementId: string, rows: ImportedSignatory[], dryRun: boolean): Promise<ImportResult> {
    return this.db.transaction(async (tx) => {
      const [st] = await tx.query<{last_position: number}>(
        `SELECT last_position FROM statements WHERE id = $1 FOR UPDATE`, [statementId]);
      if (!st) throw noStatement(statementId);
      const keys = rows.map((r) => r.import_key);
      const emails = rows.map((r) => r.email?.toLowerCase()).filter((e): e is string => e !== undefined);
      const taken = await tx.query<{import_key: string | null; email_key: string | null}>(
        `SELECT import_key, email_key FROM signatories WHERE statement_id = $1
         AND (import_key IN (SELECT json_array_elements_text($2::text::json)) OR email_key IN (SELECT json_array_elements_text($3::text::json)))`,
        [statementId, JSON.stringify(keys), JSON.stringify(emails)]);
      const seenKeys = new Set(taken.map((t) => t.import_key));
      const seenEmails = new Set(taken.map((t) => t.email_key));
      const duplicates: number[] = [];
      const fresh: ImportedSignatory[] = [];
      rows.forEach((r, i) => {
        const email = r.email?.toLowerCase();
        if (seenKeys.has(r.import_key) || (email !== undefined && seenEmails.has(email))) return void duplicates.push(i);
        seenKeys.add(r.import_key);
        if (email !== undefined) seenEmails.add(email);
        fresh.push(r);
      });
      let ids: string[] = [];
      if (!dryRun && fresh.length) {
        const records = fresh.map((r, i) => ({
          id: newId('s'), position: st.last_position + i + 1, name: r.name, kind: r.kind,
          organization: r.organization ?? null, role: r.role ?? null, location: r.location ?? null, url: r.url ?? null,
          email: r.email ?? null, email_key: r.email?.toLowerCase() ?? null, public: r.public,
          search: signatorySearchText(r), import_key: r.import_key, signed_at: r.signed_at ?? new Date().toISOString(),
        }));
        await tx.query(
          `INSERT INTO signatories (statement_id, id, position, name, kind, organization, role, location, url, email,
                                    email_key, public, search, import_key, signed_at)
           SELECT $1, r.id, r.position, r.name, r.kind, r.organization, r.role, r.location, r.url, r.email,
                  r.email_key, r.public, r.search, r.import_key, r.signed_at
           FROM json_to_recordset($2::text::json) AS r(id text, position int, name text, kind text, organization text, role text,
             location text, url text, email text, email_key text, public boolean, search text, import_key text, signed_at timestamptz)`,
          [statementId, JSON.stringify(records)]);
        await tx.query(`UPDATE statements SET last_position = $2 WHERE id = $1`, [statementId, st.last_position + fresh.length]);
        ids = records.map((r) => r.id);
      }
      return {added: fresh.length, ids, duplicates};
    });
  }

  async importComments(statementId: string, rows: ImportedComment[], dryRun: boolean): Promise<ImportResult> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.query(`SELECT 1 FROM statements WHERE id = $1 FOR UPDATE`, [statementId])).length) {
        throw noStatement(statementId);
      }
      const known = await tx.query<{import_key: string; id: string}>(
        `SELECT import_key, id FROM comments WHERE statement_id = $1
         AND import_key IN (SELECT json_array_elements_text($2::text::json))`,
        [statementId, JSON.stringify(rows.flatMap((r) => (r.parent_key ? [r.import_key, r.parent_key] : [r.import_key])))]);
      const idOf = new Map(known.map((k) => [k.import_key, k.id]));
      const duplicates: number[] = [];
      const fresh: {row: ImportedComment; id: string}[] = [];
      rows.forEach((row, i) => {
        if (idOf.has(row.import_key)) return void duplicates.push(i);
        const id = newId('c');
        idOf.set(row.import_key, id);
        fresh.push({row, id});
      });
      if (!dryRun && fresh.length) {
        // One statement, parents before their replies: the insert trigger
        // places each reply under a parent inserted before it.
        const records = parentsFirst(fresh, (f) => f.id, (f) => (f.row.parent_key && idOf.get(f.row.parent_key)) ?? null).map(({row, id}) => ({
          id, parent_id: (row.parent_key && idOf.get(row.parent_key)) ?? null, author_name: row.author.name,
          author_url: row.author.url ?? null, body: row.body, created_at: row.created_at, import_key: row.import_key,
        }));
        await tx.query(
          `INSERT INTO comments (statement_id, id, parent_id, author_name, author_url, body, created_at, import_key)
           SELECT $1, r.id, r.parent_id, r.author_name, r.author_url, r.body, r.created_at, r.import_key
           FROM json_to_recordset($2::text::json) AS r(id text, parent_id text, author_name text, author_url text, body text,
             created_at timestamptz, import_key text)`,
          [statementId, JSON.stringify(records)]);
      }
      return {added: fresh.length, ids: dryRun ? [] : fresh.map((f) => f.id), duplicates};
    });
  }

  async queue(query: QueueQuery): Promise<QueueItem[]> {
    const before = query.before ? [query.before.at, query.before.id] : [null, null];
    const common = [query.status, query.statement_id ?? null, ...before, query.limit] as const;
    const [signatories, comments] = await Promise.all([
      query.kind === 'comment' ? [] : this.db.query<QueueItem & Record<string, unknown>>(
        `SELECT 'signatory' AS kind, s.statement_id, st.content->>'title' AS statement_title, s.id, s.status,
                s.signed_at AS at, s.name, s.email, concat_ws(', ', s.organization, s.role, s.location) AS text,
                s.public, NULL AS parent, s.url, s.verified_domain
         FROM signatories s JOIN statements st ON st.id = s.statement_id
         WHERE s.status = $1 AND ($2::text IS NULL OR s.statement_id = $2)
           AND ($3::timestamptz IS NULL OR (s.signed_at, s.id) < ($3::timestamptz, $4::text))
           AND ($6::text IS NULL OR s.search LIKE $6)
         ORDER BY s.signed_at DESC, s.id DESC LIMIT $5`,
        [...common, query.q ? containsPattern(foldForSearch(query.q)) : null]),
      query.kind === 'signatory' ? [] : this.db.query<Omit<QueueItem, 'parent'> & {parent: string | null}>(
        `SELECT 'comment' AS kind, c.statement_id, st.content->>'title' AS statement_title, c.id, c.status,
                c.created_at AS at, c.author_name AS name, c.author_email AS email, c.body AS text, NULL::boolean AS public,
                NULL::text AS url, NULL::text AS verified_domain,
                CASE WHEN p.id IS NULL THEN NULL
                     ELSE json_build_object('id', p.id, 'author_name', p.author_name, 'body', p.body)::text END AS parent
         FROM comments c JOIN statements st ON st.id = c.statement_id
         LEFT JOIN comments p ON p.statement_id = c.statement_id AND p.id = c.parent_id
         WHERE c.status = $1 AND ($2::text IS NULL OR c.statement_id = $2)
           AND ($3::timestamptz IS NULL OR (c.created_at, c.id) < ($3::timestamptz, $4::text))
           AND ($6::text IS NULL OR c.author_name ILIKE $6 OR c.body ILIKE $6)
         ORDER BY c.created_at DESC, c.id DESC LIMIT $5`,
        [...common, query.q ? containsPattern(query.q) : null]),
    ]);
    const items: QueueItem[] = [
      ...signatories,
      ...comments.map((c) => ({...c, parent: c.parent === null ? null : JSON.parse(c.parent) as QueueItem['parent']})),
    ];
    items.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    return items.slice(0, query.limit);
  }

  async setStatus(items: ItemRef[], status: ItemStatus): Promise<(ItemRef & {previous: ItemStatus})[]> {
    return this.db.transaction(async (tx) => {
      const done: (ItemRef & {previous: ItemStatus})[] = [];
      for (const item of items) {
        const [row] = await tx.query<{previous: ItemStatus}>(
          `UPDATE ${TABLE[item.kind]} t SET status = $3 FROM (
             SELECT status FROM ${TABLE[item.kind]} WHERE statement_id = $1 AND id = $2 FOR UPDATE) old
           WHERE t.statement_id = $1 AND t.id = $2 RETURNING old.status AS previous`,
          [item.statement_id, item.id, status]);
        if (row) done.push({...item, previous: row.previous});
      }
      return done;
    });
  }

  async removeItems(items: ItemRef[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      let found = 0;
      for (const item of items) {
        found += (await tx.query(`DELETE FROM ${TABLE[item.kind]} WHERE statement_id = $1 AND id = $2 RETURNING id`,
          [item.statement_id, item.id])).length;
      }
      return found;
    });
  }

  async createSession(idHash: string, session: AdminSession): Promise<void> {
    await this.db.query(`DELETE FROM admin_sessions WHERE expires_at < now()`);
    await this.db.query(`INSERT INTO admin_sessions (id_sha256, csrf_token, expires_at) VALUES ($1, $2, $3)`,
      [idHash, session.csrf_token, session.expires_at]);
  }

  async getSession(idHash: string): Promise<AdminSession | null> {
    const [row] = await this.db.query<AdminSession & Record<string, unknown>>(
      `SELECT csrf_token, expires_at FROM admin_sessions WHERE id_sha256 = $1 AND expires_at > now()`, [idHash]);
    return row ?? null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.query(`DELETE FROM admin_sessions WHERE id_sha256 = $1`, [idHash]);
  }

  async importDocument(input: StatementInput, doc: Pick<StaticDocument, 'signatories' | 'comments'>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Several instances may seed one empty database at once: the first wins.
      const created = await tx.query(
        `INSERT INTO statements (id, content, signatories_open, comments_open, moderation, email_required, goal,
                                 signing, allowed_domains, confirmation, language, mail_hourly_cap)
         VALUES ($1, $2::text::json, $3, $4, $5, $6, $7, $8, $9::text[], $10, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING id`,
        statementParams(input),
      );
      if (!created.length) return false;
      // Many rows per INSERT: the counts trigger then runs once per batch, not once per row.
      for (let i = 0; i < doc.signatories.length; i += IMPORT_BATCH) {
        const batch = doc.signatories.slice(i, i + IMPORT_BATCH);
        await tx.query(
          `INSERT INTO signatories (statement_id, id, position, name, kind, organization, role, location, url, signed_at, search,
                                    verified_domain)
           VALUES ${batch.map((_, r) => `(${Array.from({length: 12}, (_, c) => `$${r * 12 + c + 1}`).join(', ')})`).join(', ')}`,
          batch.flatMap((s) => [input.id, s.id, s.position, s.name, s.kind, s.organization ?? null, s.role ?? null,
            s.location ?? null, s.url ?? null, s.signed_at, signatorySearchText(s), s.verified?.domain ?? null]),
        );
      }
      await tx.query(
        `UPDATE statements SET last_position = (SELECT coalesce(max(position), 0) FROM signatories WHERE statement_id = $1)
         WHERE id = $1`, [input.id]);
      const done = new Set<string>();
      // Parents before replies, whatever order the document lists them in.
      let todo = doc.comments;
      while (todo.length) {
        const ready = todo.filter((c) => c.parent_id === null || done.has(c.parent_id));
        if (!ready.length) throw new Error(`Comments with unknown parents: ${todo.map((c) => c.id).join(', ')}`);
        for (const c of ready) {
          await tx.query(
            `INSERT INTO comments (statement_id, id, parent_id, author_name, author_url, body, created_at, edited_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [input.id, c.id, c.parent_id, c.author.name, c.author.url ?? null, c.body, c.created_at, c.edited_at ?? null],
          );
          done.add(c.id);
        }
        todo = todo.filter((c) => !done.has(c.id));
      }
      return true;
    });
  }

  async isEmpty(): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM statements LIMIT 1`);
    return rows.length === 0;
  }

  async claimSetting(name: string, value: string): Promise<string> {
    await this.db.query(`INSERT INTO server_settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [name, value]);
    const [row] = await this.db.query<{value: string}>(`SELECT value FROM server_settings WHERE name = $1`, [name]);
    return row!.value;
  }

  async setSetting(name: string, value: string): Promise<void> {
    await this.db.query(
      `INSERT INTO server_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
      [name, value]);
  }

  async linkTarget(token: string): Promise<LinkTarget | null> {
    const [row] = await this.db.query<{purpose: 'confirm' | 'withdraw'} & LinkStatement>(
      `SELECT t.purpose, st.id, st.content->>'title' AS title, st.content->>'url' AS url, st.language
       FROM signature_tokens t JOIN statements st ON st.id = t.statement_id WHERE t.token_sha256 = $1`, [sha256(token)]);
    return row ? {purpose: row.purpose, statement: linkStatement(row)} : null;
  }

  confirmSignature(token: string): Promise<LinkOutcome> {
    return this.db.transaction(async (tx) => {
      const found = await lockLink(tx, token, 'confirm');
      if (!found) return {outcome: 'invalid'};
      const statement = linkStatement(found);
      if (found.status === 'withdrawn') return {outcome: 'withdrawn', statement};
      if (found.used || found.status !== 'unconfirmed') return {outcome: 'already', statement};
      if (found.expired) return {outcome: 'expired', statement};
      const status = found.moderation === 'pre' ? 'pending' : 'published';
      // An organisation confirming from an address at its site's domain is verified for it (issue 9 item 4).
      const verified = found.kind === 'organization' && found.email && found.sig_url ? verifiedDomain(found.email, found.sig_url) : null;
      await tx.query(
        `UPDATE signatories SET status = $3, verified_domain = coalesce(verified_domain, $4) WHERE statement_id = $1 AND id = $2`,
        [found.statement_id, found.signatory_id, status, verified]);
      // Every confirmation link of this signature is spent (a second mail may have carried another).
      await tx.query(
        `UPDATE signature_tokens SET used_at = coalesce(used_at, now())
         WHERE statement_id = $1 AND signatory_id = $2 AND purpose = 'confirm'`, [found.statement_id, found.signatory_id]);
      return {outcome: status === 'pending' ? 'pending' : 'done', statement};
    });
  }

  withdrawSignature(token: string): Promise<LinkOutcome> {
    return this.db.transaction(async (tx) => {
      const found = await lockLink(tx, token, 'withdraw');
      if (!found) return {outcome: 'invalid'};
      const statement = linkStatement(found);
      if (found.status === 'withdrawn') return {outcome: 'already', statement};
      // Out of the count and the list (the triggers); the position stays with the row, so it is never given again.
      await tx.query(
        `UPDATE signatories SET status = 'withdrawn', email = NULL, email_key = NULL WHERE statement_id = $1 AND id = $2`,
        [found.statement_id, found.signatory_id]);
      await tx.query(
        `UPDATE signature_tokens SET used_at = coalesce(used_at, now()) WHERE statement_id = $1 AND signatory_id = $2`,
        [found.statement_id, found.signatory_id]);
      // The address goes from the outbox too; a mail still waiting is not sent.
      await tx.query(
        `UPDATE outbox SET recipient = NULL, body = NULL, link = NULL,
                           status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END
         WHERE statement_id = $1 AND signatory_id = $2`, [found.statement_id, found.signatory_id]);
      return {outcome: 'done', statement};
    });
  }

  claimMail(owner: string, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
    // SKIP LOCKED: instances claiming at once take different rows; the lease keeps them from
    // taking a row another is sending, and lets one take it back once its sender has died.
    return this.db.query<OutboxMessage & Record<string, unknown>>(
      `UPDATE outbox o SET leased_until = now() + make_interval(secs => $3::float8 / 1000), leased_by = $1,
                           attempts = o.attempts + 1
       FROM (SELECT id FROM outbox
             WHERE status = 'queued' AND next_attempt_at <= now() AND (leased_until IS NULL OR leased_until < now())
             ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) due
       WHERE o.id = due.id
       RETURNING o.id, o.recipient, o.subject, o.body, o.link, o.kind, o.attempts`,
      [owner, limit, leaseMs]);
  }

  async mailSent(id: number, owner: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE outbox SET status = 'sent', sent_at = now(), body = NULL, link = NULL, leased_until = NULL, last_error = NULL
       WHERE id = $1 AND leased_by = $2 AND status = 'queued' RETURNING id`, [id, owner]);
    return rows.length > 0;
  }

  async mailRetry(id: number, owner: string, error: string, retryAt: Date): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET next_attempt_at = $3, last_error = $4, leased_until = NULL
       WHERE id = $1 AND leased_by = $2 AND status = 'queued'`, [id, owner, retryAt, error.slice(0, 1000)]);
  }

  async mailFailed(id: number, owner: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET status = 'failed', last_error = $3, leased_until = NULL
       WHERE id = $1 AND leased_by = $2 AND status = 'queued'`, [id, owner, error.slice(0, 1000)]);
  }

  async nextMailDue(): Promise<number | null> {
    const [row] = await this.db.query<{ms: number | null}>(
      `SELECT (greatest(0, extract(epoch FROM min(greatest(next_attempt_at, coalesce(leased_until, next_attempt_at))) - now())) * 1000)::float8 AS ms
       FROM outbox WHERE status = 'queued'`);
    return row?.ms ?? null;
  }

  listMail(query: {status?: MailStatus; limit: number; before?: number}): Promise<MailRecord[]> {
    return this.db.query<MailRecord & Record<string, unknown>>(
      `SELECT id, statement_id, signatory_id, kind, recipient, subject, status, attempts, last_error, created_at, next_attempt_at, sent_at
       FROM outbox WHERE ($1::text IS NULL OR status = $1) AND ($2::int IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [query.status ?? null, query.before ?? null, query.limit]);
  }

  async mailCounts(): Promise<Record<MailStatus, number>> {
    const rows = await this.db.query<{status: MailStatus; n: number}>(`SELECT status, count(*)::int AS n FROM outbox GROUP BY status`);
    const counts: Record<MailStatus, number> = {queued: 0, sent: 0, failed: 0, cancelled: 0};
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  async retryMail(id: number): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE outbox SET status = 'queued', next_attempt_at = now(), attempts = 0, leased_until = NULL
       WHERE id = $1 AND status = 'failed' AND body IS NOT NULL RETURNING id`, [id]);
    return rows.length > 0;
  }

  async takeRateToken(key: string, perMinute: number): Promise<{ok: true} | {ok: false; retryAfter: number}> {
    if (Date.now() - this.bucketsPrunedAt > PRUNE_EVERY_MS) {
      this.bucketsPrunedAt = Date.now();
      // A bucket untouched for a minute is full again: the same as no row.
      await this.db.query(`DELETE FROM rate_buckets WHERE key IN (
        SELECT key FROM rate_buckets WHERE updated_at < now() - interval '2 minutes' LIMIT ${PRUNE_BATCH})`);
    }
    // One row per client, refilled by the time since it was last touched, taken from in one statement.
    const refill = `least($2::float8, b.tokens + extract(epoch FROM now() - b.updated_at)::float8 * $2::float8 / 60)`;
    const taken = await this.db.query(
      `INSERT INTO rate_buckets AS b (key, tokens, updated_at) VALUES ($1, $2::float8 - 1, now())
       ON CONFLICT (key) DO UPDATE SET tokens = ${refill} - 1, updated_at = now() WHERE ${refill} >= 1
       RETURNING key`, [key, perMinute]);
    if (taken.length) return {ok: true};
    const [row] = await this.db.query<{wait: number}>(
      `SELECT ((1 - ${refill}) * 60 / $2::float8)::float8 AS wait FROM rate_buckets b WHERE key = $1`, [key, perMinute]);
    return {ok: false, retryAfter: Math.max(1, Math.ceil(row?.wait ?? 1))};
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** At most this many mails an hour to one address, whatever the statement (issue 9 item 6). */
export const MAIL_PER_ADDRESS_HOURLY = 3;

/** What queueing a signature's mail needs of its statement. */
interface MailStatement {
  id: string;
  title: string;
  language: Language;
  mail_hourly_cap: number;
  confirmation: Confirmation;
}

type LinkStatement = {id: string; title: string; url: string | null; language: Language};

function linkStatement(r: LinkStatement) {
  return {id: r.id, title: r.title, url: r.url, language: r.language};
}

/** A link's token row with its signature and statement, both locked; null when the token is none of ours for `purpose`. */
async function lockLink(tx: Queryable, token: string, purpose: 'confirm' | 'withdraw') {
  const [row] = await tx.query<LinkStatement & {statement_id: string; signatory_id: string; used: boolean; expired: boolean;
    status: ItemStatus; email: string | null; kind: string; sig_url: string | null; moderation: string}>(
    `SELECT t.statement_id, t.signatory_id, t.used_at IS NOT NULL AS used, coalesce(t.expires_at < now(), false) AS expired,
            s.status, s.email, s.kind, s.url AS sig_url,
            st.id, st.content->>'title' AS title, st.content->>'url' AS url, st.language, st.moderation
     FROM signature_tokens t
     JOIN signatories s ON s.statement_id = t.statement_id AND s.id = t.signatory_id
     JOIN statements st ON st.id = t.statement_id
     WHERE t.token_sha256 = $1 AND t.purpose = $2 FOR UPDATE OF t, s`, [sha256(token), purpose]);
  return row ?? null;
}

/**
 * Queues the mail for signature `sig` in the signing transaction: a
 * confirmation (with a new confirmation and a withdrawal link) or "you have
 * already signed" (with a withdrawal link). Tokens are kept as hashes. Past
 * the per-address or per-statement hourly cap the mail is kept with a later
 * slot: it waits, the signature does not.
 */
async function queueMail(tx: Queryable, st: MailStatement, sig: {id: string; name: string}, email: string, kind: MailKind,
  ctx: MailContext): Promise<void> {
  const base = ctx.publicUrl.replace(/\/+$/, '');
  const withdraw = randomBytes(24).toString('base64url');
  const confirm = kind === 'confirm' ? randomBytes(24).toString('base64url') : null;
  await tx.query(
    `INSERT INTO signature_tokens (token_sha256, statement_id, signatory_id, purpose, expires_at)
     VALUES ($1, $2, $3, 'withdraw', NULL)`, [sha256(withdraw), st.id, sig.id]);
  if (confirm) {
    await tx.query(
      `INSERT INTO signature_tokens (token_sha256, statement_id, signatory_id, purpose, expires_at)
       VALUES ($1, $2, $3, 'confirm', now() + make_interval(secs => $4::float8 / 1000))`,
      [sha256(confirm), st.id, sig.id, ctx.confirmTtlMs]);
  }
  const confirmLink = confirm ? `${base}/confirm/${confirm}` : null;
  const mail = composeMail(kind, st.language, {
    name: sig.name, title: st.title, confirm: confirmLink, withdraw: `${base}/withdraw/${withdraw}`,
    days: Math.max(1, Math.round(ctx.confirmTtlMs / 86_400_000)),
  });
  await enqueue(tx, st, {signatoryId: sig.id, kind, email, subject: mail.subject, body: mail.body, link: confirmLink});
}

/**
 * Puts one message in the outbox in the caller's transaction. Past the
 * per-address or per-statement hourly cap it gets a later slot: it waits.
 */
async function enqueue(tx: Queryable, st: {id: string; mail_hourly_cap: number}, m: {
  signatoryId: string | null; kind: string; email: string; subject: string; body: string; link: string | null;
}): Promise<void> {
  const recipient = sha256(m.email.toLowerCase());
  // One address's mails are slotted one transaction at a time (statements are already, by their row lock).
  await tx.query(`SELECT pg_advisory_xact_lock(727002, hashtext($1))`, [recipient]);
  // The slot: no hour holds more than the cap's slots, for the address and for the statement.
  const [slot] = await tx.query<{at: Date}>(
    `SELECT greatest(now(),
       (SELECT slot_at FROM outbox WHERE recipient_sha256 = $1 ORDER BY slot_at DESC OFFSET ${MAIL_PER_ADDRESS_HOURLY - 1} LIMIT 1) + interval '1 hour',
       (SELECT slot_at FROM outbox WHERE statement_id = $2 ORDER BY slot_at DESC OFFSET $3 LIMIT 1) + interval '1 hour') AS at`,
    [recipient, st.id, st.mail_hourly_cap - 1]);
  await tx.query(
    `INSERT INTO outbox (statement_id, signatory_id, kind, recipient, recipient_sha256, subject, body, link, slot_at, next_attempt_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [st.id, m.signatoryId, m.kind, m.email, recipient, m.subject, m.body, m.link, slot!.at]);
}


/**
 * Spends the invitation `token` on signatory `signatoryId`, or refuses the
 * signature with a problem on `invite`. Run under the statement's row lock.
 */
async function spendInvitation(tx: Queryable, statementId: string, token: string | undefined, signatoryId: string): Promise<void> {
  // 422 on `invite`, like any field the server cannot take: the form then says so.
  if (!token) throw problem(422, 'Signing this statement is by invitation.', {invite: 'Required.'});
  const hash = sha256(token);
  const spent = await tx.query(
    `UPDATE invitations SET used_at = now(), signatory_id = $3
     WHERE token_sha256 = $1 AND statement_id = $2 AND used_at IS NULL AND revoked_at IS NULL RETURNING id`,
    [hash, statementId, signatoryId]);
  if (spent.length) return;
  const [known] = await tx.query<{used: boolean; revoked: boolean}>(
    `SELECT used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked FROM invitations
     WHERE token_sha256 = $1 AND statement_id = $2`, [hash, statementId]);
  // A token of another statement is answered like a forged one: it is not an invitation here.
  const why = !known ? 'This invitation is not valid for this statement.'
    : known.used ? 'This invitation has been used already.' : 'This invitation was withdrawn.';
  throw problem(422, why, {invite: why});
}

/** With `signing: "domains"`: the address must be at one of them. */
function checkDomains(email: string | undefined, domains: readonly string[]): void {
  if (!email) throw problem(422, 'An e-mail address is required.', {email: 'Required.'});
  if (!isAtDomains(email, domains)) {
    throw problem(422, `Signing is open to addresses at ${domains.join(', ')}.`, {email: `An address at ${domains.join(', ')}.`});
  }
}

/** What a new signature would have looked like: the answer to a second signature with one address. */
function unsavedSignatory(input: NewSignatory, position: number | null): SignatoryRecord {
  return {
    id: newId('s'), position, name: input.name, kind: input.kind,
    organization: input.organization ?? null, role: input.role ?? null, location: input.location ?? null,
    url: input.url ?? null, email: null, public: input.public, status: 'published', signed_at: new Date(),
    verified_domain: null,
  };
}

function statementParams(input: StatementInput): Param[] {
  return [input.id, JSON.stringify(input.content), input.signatories_open, input.comments_open,
    input.moderation, input.email_required, input.goal, input.signing, arrayLiteral(input.allowed_domains),
    input.confirmation, input.language, input.mail_hourly_cap];
}

/** A text[] literal: both drivers pass it as one text parameter. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, (m) => `\\${m}`)}"`).join(',')}}`;
}

function parseNotification(payload: string): {schema: string; statement: string; seq: number} | null {
  try {
    const v = JSON.parse(payload) as {schema?: unknown; statement?: unknown; seq?: unknown};
    return typeof v.schema === 'string' && typeof v.statement === 'string' && Number.isInteger(v.seq)
      ? {schema: v.schema, statement: v.statement, seq: v.seq as number} : null;
  } catch {
    return null;
  }
}

function signed(row: SignatoryRecord, status: WriteStatus): {status: number; body: string} {
  return {status: 201, body: JSON.stringify({signatory: signatureToWire(row), status})};
}

/** `items` reordered so each comes after its parent when the parent is among them: one pass, no recursion. */
function parentsFirst<T>(items: readonly T[], id: (t: T) => string, parent: (t: T) => string | null): T[] {
  const present = new Set(items.map(id));
  const children = new Map<string, T[]>();
  const out: T[] = [];
  const stack: T[] = [];
  for (const t of items) {
    const p = parent(t);
    if (p === null || !present.has(p)) stack.push(t);
    else if (children.has(p)) children.get(p)!.push(t);
    else children.set(p, [t]);
  }
  stack.reverse();
  const placed = new Set<T>();
  while (stack.length) {
    const t = stack.pop()!;
    out.push(t);
    placed.add(t);
    const kids = children.get(id(t));
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  // Left over: a cycle, which the foreign key refuses.
  return out.length === items.length ? out : [...out, ...items.filter((t) => !placed.has(t))];
}
