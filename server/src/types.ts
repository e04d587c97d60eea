/** Wire shapes come from the shared contract (src/contract); the rest is the server's own. */
import type {StatementContent, WriteStatus} from '../../src/contract/wire.ts';

export * from '../../src/contract/wire.ts';

export type ItemStatus = WriteStatus | 'hidden';
export type Moderation = 'none' | 'pre';

export interface StatementSettings {
  signatories_open: boolean;
  comments_open: boolean;
  moderation: Moderation;
  email_required: boolean;
  goal: number | null;
}

export interface StatementInput extends StatementSettings {
  id: string;
  content: StatementContent;
}
