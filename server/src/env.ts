import type {LogFormat} from './log.ts';
import {parseMailFrom, parseSmtpUrl} from './mail/transport.ts';

/** Settings from the environment (README "Reference server" lists them). */
export interface EnvSettings {
  port: number;
  hostname: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  allowedOrigins: string[] | null;
  rateLimit: number | false;
  trustProxy: number;
  /** Load the demo statement into an empty database. */
  seedDemo: boolean;
  logFormat: LogFormat;
  /** PostgreSQL statement timeout in ms (0: none). */
  statementTimeout: number;
  /** SMTP server for mail; undefined: .eml files under dataDir. Checked at start. */
  smtpUrl: URL | undefined;
  mailFrom: string | undefined;
  /** Base URL of the links in mails; undefined: the address the server listens on. */
  publicUrl: string | undefined;
  confirmTtlMs: number;
  mailLeaseMs: number;
  mailRetryMs: number;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvSettings {
  const int = (name: string, dflt: number): number => {
    const v = env[name];
    if (v === undefined || v === '') return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${v}"`);
    return n;
  };
  const origins = env.ALLOWED_ORIGINS?.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean);
  const rate = env.RATE_LIMIT_WRITES === 'off' ? 0 : int('RATE_LIMIT_WRITES', 20);
  return {
    port: int('PORT', 8787),
    hostname: env.HOST || undefined,
    dataDir: env.DATA_DIR || './.data',
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.ADMIN_TOKEN || undefined,
    allowedOrigins: origins?.length ? origins : null,
    rateLimit: rate === 0 ? false : rate,
    trustProxy: env.TRUST_PROXY === 'true' ? 1 : int('TRUST_PROXY', 0),
    seedDemo: env.SEED_DEMO !== '0' && env.SEED_DEMO !== 'false',
    logFormat: logFormat(env.LOG_FORMAT),
    statementTimeout: int('STATEMENT_TIMEOUT_MS', 5000),
    smtpUrl: env.SMTP_URL ? parseSmtpUrl(env.SMTP_URL) : undefined,
    mailFrom: env.MAIL_FROM ? parseMailFrom(env.MAIL_FROM) : undefined,
    publicUrl: env.PUBLIC_URL ? publicUrl(env.PUBLIC_URL) : undefined,
    confirmTtlMs: duration('CONFIRM_TTL', env.CONFIRM_TTL, 7 * 86_400_000),
    mailLeaseMs: int('MAIL_LEASE_MS', 300_000),
    mailRetryMs: int('MAIL_RETRY_MS', 30_000),
  };
}

/** PUBLIC_URL: an http(s) base URL, kept without a trailing slash. */
function publicUrl(v: string): string {
  let u: URL | null = null;
  try {
    u = new URL(v);
  } catch {
    u = null;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.search || u.hash) {
    throw new Error(`PUBLIC_URL must be the server's public http(s) base URL (https://sign.example.org), not "${v}"`);
  }
  return u.href.replace(/\/+$/, '');
}

/** A duration: seconds, or a number with s, m, h or d (`7d`, `12h`). */
function duration(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined || v === '') return dflt;
  const m = /^(\d{1,9})([smhd]?)$/.exec(v.trim());
  const unit = {'': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000}[m?.[2] ?? ''];
  if (!m || unit === undefined || Number(m[1]) === 0) throw new Error(`${name} must be a duration such as 7d, 12h, 30m or 3600 (seconds), not "${v}"`);
  return Number(m[1]) * unit;
}

function logFormat(v: string | undefined): LogFormat {
  if (v === undefined || v === '' || v === 'text') return 'text';
  if (v === 'json') return 'json';
  throw new Error(`LOG_FORMAT must be text or json, not "${v}"`);
}

/** Where the data lives, for log lines (never the password). */
export function describeDatabase(s: EnvSettings): string {
  if (!s.databaseUrl) return `PGlite in ${s.dataDir}`;
  try {
    const u = new URL(s.databaseUrl);
    return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
