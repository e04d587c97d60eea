/**
 * Browser-side handle on the real reference server that the test run
 * starts (test/plugins/reference-server.mjs).
 */
import {executeServerCommand} from '@web/test-runner-commands';

type Command = {action: string; [key: string]: unknown};

const command = <T>(payload: Command) => executeServerCommand<T, Command>('reference-server', payload);

export interface ServerStatement {
  id: string;
  signatories_open?: boolean;
  comments_open?: boolean;
  moderation?: 'none' | 'pre';
  email_required?: boolean;
  signing?: 'open' | 'invite' | 'domains';
  allowed_domains?: string[];
  confirmation?: 'none' | 'email';
  /** The publisher's notes ("Update: …"). */
  notes?: {label?: string; text: string}[];
}

/** What a test file talks to: the API base URL and its own copy of the demo statement. */
export interface ReferenceRun {
  endpoint: string;
  /** A fresh copy of the demo statement (`wren-river`'s text, signatories and comments c1…), this file's alone. */
  statement: string;
}

/** `confirmation: 'email'`: this file's copy of the demo confirms signatures by e-mail, as the demo itself does. */
export interface StartOptions {
  rateLimit?: number;
  confirmation?: 'email';
}

/** A mail one of the reference servers sent. */
export interface SentMail {
  to: string;
  subject: string;
  text: string;
  /** The confirmation link, for a confirmation mail. */
  link: string | null;
}

const run = async (action: 'start' | 'resume', options: StartOptions = {}): Promise<ReferenceRun> => {
  const {url, statement} = await command<{url: string; statement: string}>({action, ...options});
  return {endpoint: `${url}/v1`, statement};
};

/**
 * Starting waits for the run's one shared database, which opens once per
 * test run and can take a while on a busy machine: hooks that start give it
 * this long (a condition awaited, not a fixed wait).
 */
export const SERVER_START_TIMEOUT = 60_000;

export const referenceServer = {
  /**
   * This file's server, on a fresh copy of the demo statement. The database
   * is shared by the whole run; statements are per file, so tests stay independent.
   */
  start: (options: StartOptions = {}) => run('start', options),
  /** The mails sent to `to` so far, oldest first. */
  mails: (to: string) => command<SentMail[]>({action: 'mails', to}),
  /** POSTs to a confirmation or withdrawal link (what its page's button does). */
  press: (url: string) => command<{status: number; text: string}>({action: 'press', url}),
  /** Stops answering (data kept), to test what readers see while the server is down. */
  stop: () => command({action: 'stop'}),
  /** Answers again on the same port and data. */
  resume: () => run('resume'),
  /** How many live event streams this file's server holds open. */
  async liveStreams(): Promise<number> {
    return (await command<{count: number}>({action: 'live-streams'})).count;
  },
  /** A published top-level comment written to the store directly, so also while the server is stopped; returns its id. */
  async writeComment(statement: string, body: string): Promise<string> {
    return (await command<{id: string}>({action: 'write-comment', statement, body})).id;
  },
  /** A new statement listing `count` people, "Person 1" … at positions 1 … `count`; returns its id (unique to this file). */
  async importLong(statement: string, count: number): Promise<string> {
    const {id} = await command<{id: string}>({action: 'import-long', statement, count});
    return id;
  },
  /** `count` anonymous invitation tokens to a `signing: "invite"` statement, each good for one signature. */
  async invite(statement: string, count: number): Promise<string[]> {
    return (await command<{tokens: string[]}>({action: 'invite', statement, count})).tokens;
  },
  /** Creates or replaces a statement with these settings; returns its id (made unique to this file). */
  async putStatement(s: ServerStatement): Promise<string> {
    const {id} = await command<{id: string}>({
      action: 'put-statement',
      statement: {
        signatories_open: true,
        comments_open: true,
        moderation: 'none',
        email_required: false,
        goal: null,
        signing: 'open',
        allowed_domains: [],
        confirmation: 'none',
        language: 'en',
        mail_hourly_cap: 500,
        ...s,
        notes: undefined,
        content: {title: `Statement ${s.id}`, body: '<p>Text.</p>', notes: s.notes ?? []},
      },
    });
    return id;
  },
};

/**
 * Starts this file's reference server before the enclosing describe()'s
 * tests; read the fields inside tests.
 */
export function referenceServerPerSuite(options: StartOptions = {}): ReferenceRun {
  const ctx: ReferenceRun = {endpoint: '', statement: ''};
  before(async function () {
    this.timeout(SERVER_START_TIMEOUT);
    Object.assign(ctx, await referenceServer.start(options));
  });
  return ctx;
}

/** A page's `total`, asked past the browser's HTTP cache (GETs are cacheable for a few seconds). */
async function total(url: string): Promise<number> {
  const response = await fetch(url, {cache: 'no-store'});
  return ((await response.json()) as {total: number}).total;
}

/** How many signatories the server lists publicly for a statement. */
export const listedSignatories = (endpoint: string, statement: string) =>
  total(`${endpoint}/statements/${statement}/signatories?limit=1`);

/** How many comments the server shows publicly for a statement. */
export const visibleComments = (endpoint: string, statement: string) =>
  total(`${endpoint}/statements/${statement}/comments?limit=1`);
