import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {signatoriesCsv} from './csv.ts';
import {invitationLink} from '../../src/contract/index.ts';
import {mailToWire, parseMailQuery} from './admin-routes.ts';
import {parseInvitationRequest, parseVerifiedDomain} from './admin-validation.ts';
import {readEnv} from './env.ts';
import {sha256} from './http.ts';
import {main} from './main.ts';
import {escapeControls} from './log.ts';
import {ProblemError} from './problem.ts';
import {readDocument} from './seed.ts';
import {staticDocument} from './static-document.ts';
import {openStore} from './store/index.ts';
import type {Store} from './store/store.ts';
import {parseStatementInput} from './validation.ts';

const USAGE = `undersigned-server — the reference endpoint of contract v1

  undersigned-server [serve]                 migrate, seed an empty database, serve
  undersigned-server statement put FILE      create or update a statement from JSON
  undersigned-server statement import FILE   load a static document (statement, signatories,
                                             comments) as a new statement
  undersigned-server statement list
  undersigned-server export ID               signatories of statement ID as CSV, to stdout
  undersigned-server export ID --json        statement ID as one static document, to stdout
  undersigned-server admin-token rotate      make a new admin token (printed once)
  undersigned-server signatory verify ID SIGNATORY [DOMAIN]
                                             mark signatory SIGNATORY (its id, see export) of
                                             statement ID verified for DOMAIN (default: its url's)
  undersigned-server signatory unverify ID SIGNATORY
  undersigned-server invite ID --count N     N anonymous invitations to statement ID: tokens
                                             (and links, when it has a url) printed once
  undersigned-server invite ID ADDRESS…      one invitation per e-mail address
  undersigned-server invitations ID          who was invited, who signed, which are unused
  undersigned-server invite revoke ID INVITATION
  undersigned-server mail [queued|sent|failed|cancelled]
                                             the outbox, newest first: confirmation mails, who
                                             they went to, and why a failed one failed
  undersigned-server mail retry MESSAGE      queue a failed message again

The database is DATABASE_URL (PostgreSQL) or PGlite in DATA_DIR (default ./.data).
With PGlite, stop the server first or use its admin routes: one process per directory.`;

async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const env = readEnv();
  const store = await openStore(env.databaseUrl ? {databaseUrl: env.databaseUrl} : {dataDir: env.dataDir});
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A statement file may be the statement itself or a static document holding it. */
function readStatement(file: string) {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return parseStatementInput('statement' in json && 'signatories' in json ? json.statement : json);
}

export async function cli(args: string[]): Promise<number> {
  const [cmd, sub, arg, ...rest] = args;
  if (cmd === undefined || cmd === 'serve') {
    await main();
    return -1; // keeps running
  }
  if (cmd === 'statement' && sub === 'put' && arg) {
    const input = readStatement(arg);
    const created = await withStore((s) => s.putStatement(input));
    console.log(`${created ? 'Created' : 'Updated'} statement "${input.id}".`);
    return 0;
  }
  if (cmd === 'statement' && sub === 'import' && arg) {
    const doc = readDocument(arg);
    const done = await withStore((s) => s.importDocument(doc.input, doc));
    console.log(done ? `Imported "${doc.input.id}": ${doc.signatories.length} signatories, ${doc.comments.length} comments.`
      : `Statement "${doc.input.id}" exists already; nothing imported.`);
    return done ? 0 : 1;
  }
  if (cmd === 'statement' && sub === 'list') {
    for (const st of await withStore((s) => s.listStatements())) console.log(`${st.id}\t${escapeControls(st.title)}`);
    return 0;
  }
  if (cmd === 'export' && sub) {
    const out = await withStore(async (s) => {
      const st = await s.getStatement(sub);
      if (!st) throw new Error(`No statement "${sub}".`);
      return arg === '--json' ? `${JSON.stringify(await staticDocument(s, st), null, 2)}\n` : signatoriesCsv(await s.allSignatories(sub));
    });
    process.stdout.write(out);
    return 0;
  }
  if (cmd === 'signatory' && (sub === 'verify' || sub === 'unverify') && arg && rest[0]) {
    const [item, domain] = rest;
    const row = await withStore(async (s) => {
      const found = await s.getSignatory(arg, item!);
      if (!found) throw new Error(`No signatory "${item}" on statement "${arg}".`);
      return s.setVerified(arg, item!, sub === 'verify' ? parseVerifiedDomain({domain}, found.url) : null);
    });
    console.log(row?.verified_domain ? `${escapeControls(row.name)} is verified: ${row.verified_domain}` : `${escapeControls(row!.name)} is not marked verified.`);
    return 0;
  }
  if (cmd === 'invite' && sub === 'revoke' && arg && rest[0]) {
    const done = await withStore((s) => s.revokeInvitation(arg, rest[0]!));
    if (done === null) throw new Error(`No invitation "${rest[0]}" on statement "${arg}".`);
    console.log(done === 'used' ? 'This invitation has been used; delete the signature instead.' : 'Withdrawn.');
    return done === 'used' ? 1 : 0;
  }
  if (cmd === 'invite' && sub && arg) {
    const request = arg === '--count' ? {count: Number(rest[0])} : {emails: [arg, ...rest]};
    const made = await withStore(async (s) => {
      const st = await s.getStatement(sub);
      if (!st) throw new Error(`No statement "${sub}".`);
      const url = typeof st.content.url === 'string' ? st.content.url : null;
      return (await s.createInvitations(sub, parseInvitationRequest(request)))
        .map((m) => [m.id, m.email ?? '-', url === null ? m.token : invitationLink(url, m.token)].join('\t'));
    });
    console.log(`${made.length} invitation(s); the tokens are shown only now:\n${made.join('\n')}`);
    return 0;
  }
  if (cmd === 'invitations' && sub) {
    const [items, counts] = await withStore(async (s) => {
      if (!(await s.hasStatement(sub))) throw new Error(`No statement "${sub}".`);
      return Promise.all([s.listInvitations(sub, {limit: 100_000}), s.invitationCounts(sub)]);
    });
    for (const i of items) {
      const state = i.used_at ? `signed\t${escapeControls(i.signatory_name ?? '(deleted)')}` : i.revoked_at ? 'withdrawn' : 'unused';
      console.log(`${i.id}\t${i.email ?? '-'}\t${state}`);
    }
    console.log(`${counts.unused} unused, ${counts.used} used, ${counts.revoked} withdrawn`);
    return 0;
  }
  if (cmd === 'mail' && sub === 'retry' && arg) {
    const done = await withStore((s) => s.retryMail(Number(arg)));
    if (!done) throw new Error(`No failed message "${arg}".`);
    console.log('Queued again: a running server sends it.');
    return 0;
  }
  if (cmd === 'mail') {
    const [items, counts] = await withStore((s) => Promise.all([
      s.listMail(parseMailQuery({limit: '1000', ...(sub !== undefined && {status: sub})})), s.mailCounts()]));
    for (const m of items.map(mailToWire)) {
      const when = m.sent_at ?? m.next_attempt_at ?? m.created_at;
      console.log([m.id, m.status, when, m.to ?? '(erased)', escapeControls(m.subject), m.error ? escapeControls(m.error) : ''].join('\t'));
    }
    console.log(`${counts.queued} queued, ${counts.sent} sent, ${counts.failed} failed, ${counts.cancelled} cancelled`);
    return 0;
  }
  if (cmd === 'admin-token' && sub === 'rotate') {
    const token = randomBytes(24).toString('base64url');
    await withStore((s) => s.setSetting('admin_token_sha256', sha256(token)));
    console.log(`New admin token (restart running servers; ADMIN_TOKEN, when set, wins):\n  ${token}`);
    return 0;
  }
  console.error(USAGE);
  return cmd === 'help' || cmd === '--help' ? 0 : 2;
}

cli(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ProblemError) console.error(JSON.stringify(err.problem, null, 2));
    else console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
