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
}

export const referenceServer = {
  /** A fresh database holding the demo statement (`wren-river`); returns the API base URL. */
  async start(options: {rateLimit?: number} = {}): Promise<string> {
    const {url} = await command<{url: string}>({action: 'start', ...options});
    return `${url}/v1`;
  },
  stop: () => command({action: 'stop'}),
  async resume(): Promise<string> {
    const {url} = await command<{url: string}>({action: 'resume'});
    return `${url}/v1`;
  },
  /** A new statement listing `count` people, "Person 1" … at positions 1 … `count`. */
  importLong: (statement: string, count: number) => command({action: 'import-long', statement, count}),
  /** Creates or replaces a statement with these settings. */
  putStatement: (s: ServerStatement) =>
    command({
      action: 'put-statement',
      statement: {
        signatories_open: true,
        comments_open: true,
        moderation: 'none',
        email_required: false,
        goal: null,
        ...s,
        content: {title: `Statement ${s.id}`, body: '<p>Text.</p>', notes: []},
      },
    }),
};

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
