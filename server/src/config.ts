import type {LogFormat, LogSink} from './log.ts';
import type {Store} from './store/store.ts';

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
}
