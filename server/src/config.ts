import type {LogFormat, LogSink} from './log.ts';
import type {SenderOptions} from './mail/sender.ts';
import type {MailTransport} from './mail/transport.ts';
import type {Store} from './store/store.ts';

/** E-mail confirmation and the outbox's sender. */
export interface MailConfig {
  /** The server's public base URL, for the links in mails (PUBLIC_URL); default: the address it listens on. */
  publicUrl?: string;
  /** How long a confirmation link works (CONFIRM_TTL); default 7 days. */
  confirmTtlMs?: number;
  /** Where mail goes; without one, mail waits in the outbox (a sender elsewhere may send it). */
  transport?: MailTransport;
  sender?: SenderOptions;
}

/** What the app is built from; main.ts reads it from the environment. */
export interface AppConfig {
  store: Store;
  /** sha256 (hex) of the admin bearer token; null turns the admin routes off. */
  adminTokenHash: string | null;
  /** Origins allowed to write; null lets any origin write. */
  allowedOrigins: readonly string[] | null;
  /** Writes per minute per client; false turns the limit off. */
  rateLimit: number | false;
  /** How many proxies in front of the server to trust for X-Forwarded-For. */
  trustProxy: number;
  /** Directory holding demo/ and dist/; null serves no files. */
  staticRoot: string | null;
  /** One line per request, and one per unexpected error (level 'error'). */
  log: LogSink;
  /** 'text' (default) or 'json': one JSON object a line. */
  logFormat?: LogFormat;
  mail?: MailConfig;
}
