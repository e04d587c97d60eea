/** Wire shapes come from the shared contract (src/contract); the rest is the server's own. */
import type {StatementContent, WriteStatus} from '../../src/contract/wire.ts';

export * from '../../src/contract/wire.ts';

/** `withdrawn`: taken back by the signer through the link in the confirmation mail (its address erased). */
export type ItemStatus = WriteStatus | 'hidden' | 'withdrawn';
export type Moderation = 'none' | 'pre';
/** `email`: a signature counts once its address is confirmed (issue 9 item 1). */
export type Confirmation = 'none' | 'email';
/** The languages of the mails and confirmation pages: the widgets' six catalogs. */
export const LANGUAGES = ['en', 'de', 'es', 'fr', 'pt', 'ar'] as const;
export type Language = typeof LANGUAGES[number];
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
  /** E-mail confirmation of signatures. */
  confirmation: Confirmation;
  /** Language of the confirmation mails and pages. */
  language: Language;
  /** At most this many mails an hour for the statement; past it they wait. */
  mail_hourly_cap: number;
}

export interface StatementInput extends StatementSettings {
  id: string;
  content: StatementContent;
}
