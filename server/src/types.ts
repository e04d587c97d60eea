/** Wire shapes come from the shared contract (src/contract); the rest is the server's own. */
import type {StatementContent, WriteStatus} from '../../src/contract/wire.ts';

export * from '../../src/contract/wire.ts';

export type ItemStatus = WriteStatus | 'hidden';
export type Moderation = 'none' | 'pre';
export type {Signing} from '../../src/contract/wire.ts';
import type {Signing} from '../../src/contract/wire.ts';

export interface StatementSettings {
  signatories_open: boolean;
  comments_open: boolean;
  moderation: Moderation;
  email_required: boolean;
  goal: number | null;
  /** Who may sign (issue 9 item 5). */
  signing: Signing;
  /** With `signing: "domains"`: canonical domains (server/src/domains.ts) whose addresses may sign. */
  allowed_domains: string[];
}

export interface StatementInput extends StatementSettings {
  id: string;
  content: StatementContent;
}
