import type {LogFormat} from './log.ts';

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
  };
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
