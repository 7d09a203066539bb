import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { REPO_ROOT } from './paths';

export type DatabaseConfig =
  { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

/**
 * Failed sign-ins are counted per username from one address, per username from anywhere, and
 * per address over all usernames. Below a limit an attempt goes through; at it, each further
 * attempt must wait, the wait doubling with every failure up to `maxDelaySeconds`. A wait
 * rather than a lock: whoever hammers an account slows it down, but cannot shut it for long.
 */
export interface LoginLimits {
  /** How long a failure counts. */
  windowMinutes: number;
  maxFailuresPerUserIp: number;
  /** Above the per-address one, so guesses spread over many addresses are slowed too. */
  maxFailuresPerUser: number;
  /** Far above the others: a whole office may reach the server through one proxy address. */
  maxFailuresPerIp: number;
  /** The first wait at a limit. */
  delaySeconds: number;
  maxDelaySeconds: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  sessionTtlHours: number;
  /** Folder of the renderer build served in web mode. */
  clientDir: string;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  /** Take the client address from X-Forwarded-For: only behind a proxy you run. */
  trustProxy: boolean;
  /** Origins allowed to call the API cross-origin: the desktop app, dev servers. */
  corsOrigins: string[];
  loginLimits: LoginLimits;
  /** Requests a portal key (or, without one, an address) may make per minute. */
  portalRequestsPerMinute: number;
  liveStreams: LiveStreamLimits;
  /** Outgoing mail over SMTP; without it notices stay queued in the database. */
  mail?: MailConfig;
}

/**
 * The live event streams (SSE pokes) one server instance holds open. Each is an open socket
 * and a file descriptor for as long as a PC runs, so a looping or hostile client must not
 * be able to hold thousands.
 */
export interface LiveStreamLimits {
  perUser: number;
  perSession: number;
  /** How often each open stream's session is checked again (sign-out, expiry, disabling). */
  recheckMs: number;
}

export interface MailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 */
  smtpUrl: string;
  from: string;
  /** Attempts before a mail is marked failed for someone to retry (default 10). */
  maxAttempts?: number;
  /** First retry delay, doubling up to an hour (default 30 s). */
  retryBaseMs?: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const positive = (max: number) => z.coerce.number().positive().max(max);

/** Keys are the environment variables, so a message names what the operator has to fix. */
const rawSchema = z.object({
  PORT: int(0, 65535).default(7420),
  HOST: z.string().min(1).default('0.0.0.0'),
  ORDERLINE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres://... connection URL')
    .optional(),
  SESSION_TTL_HOURS: positive(24 * 90).default(12),
  ORDERLINE_PORTAL_RATE_LIMIT: int(1, 100_000).default(60),
  ORDERLINE_STREAMS_PER_USER: int(1, 10_000).default(20),
  ORDERLINE_STREAMS_PER_SESSION: int(1, 1000).default(4),
  ORDERLINE_STREAM_RECHECK_SECONDS: positive(300).default(5),
  ORDERLINE_CLIENT_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  ORDERLINE_BODY_LIMIT_BYTES: int(1024, 256 * 1024 * 1024).default(1024 * 1024),
  ORDERLINE_TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  ORDERLINE_CORS_ORIGINS: z
    .string()
    .regex(
      /^[a-z][a-z0-9+.-]*:\/\/[^\s,/]+(,\s*[a-z][a-z0-9+.-]*:\/\/[^\s,/]+)*$/i,
      'comma-separated origins like app://orderline',
    )
    .default('app://orderline'),
  ORDERLINE_LOGIN_WINDOW_MINUTES: positive(24 * 60).default(15),
  ORDERLINE_LOGIN_MAX_FAILURES_PER_USER_IP: int(1, 1000).default(5),
  ORDERLINE_LOGIN_MAX_FAILURES_PER_USER: int(1, 10_000).default(10),
  ORDERLINE_LOGIN_MAX_FAILURES_PER_IP: int(1, 100_000).default(100),
  ORDERLINE_LOGIN_DELAY_SECONDS: positive(3600).default(1),
  ORDERLINE_LOGIN_MAX_DELAY_SECONDS: positive(24 * 3600).default(60),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp://user:pass@host:587 or smtps://… URL')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('OrderLine <orderline@localhost>'),
  MAIL_MAX_ATTEMPTS: int(1, 100).default(10),
  MAIL_RETRY_SECONDS: positive(3600).default(30),
});
type RawConfig = z.input<typeof rawSchema>;

/** Command-line flags and the variable each one overrides. */
const FLAGS = {
  port: 'PORT',
  host: 'HOST',
  'data-dir': 'ORDERLINE_DATA_DIR',
  'database-url': 'DATABASE_URL',
  'session-ttl-hours': 'SESSION_TTL_HOURS',
  'client-dir': 'ORDERLINE_CLIENT_DIR',
  'log-level': 'LOG_LEVEL',
} as const satisfies Record<string, keyof RawConfig>;

const FLAG_OF = Object.fromEntries(Object.entries(FLAGS).map(([flag, key]) => [key, flag]));

export interface ConfigSources {
  env?: NodeJS.ProcessEnv;
  /** Flags such as ['--port', '8080']; they win over the environment. */
  argv?: string[];
  /** Relative data dirs resolve against this; the process cwd by default. */
  cwd?: string;
}

export function loadConfig(sources: ConfigSources = {}): Config {
  const env = sources.env ?? process.env;
  const raw: Record<string, string> = {};
  for (const key of Object.keys(rawSchema.shape)) {
    const value = env[key];
    // An empty variable (FOO= in a unit file) means "not set", not "set to nothing".
    if (value !== undefined && value !== '') raw[key] = value;
  }
  Object.assign(raw, parseFlags(sources.argv ?? []));

  const parsed = rawSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      const flag = FLAG_OF[key];
      return `  ${key}${flag ? ` (--${flag})` : ''}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  // A failure forgotten before its wait is over would end the wait early.
  if (c.ORDERLINE_LOGIN_MAX_DELAY_SECONDS > c.ORDERLINE_LOGIN_WINDOW_MINUTES * 60) {
    throw new ConfigError(
      'Invalid configuration:\n  ORDERLINE_LOGIN_MAX_DELAY_SECONDS: must not be longer than ORDERLINE_LOGIN_WINDOW_MINUTES',
    );
  }
  const cwd = sources.cwd ?? process.cwd();
  const dataDir = resolve(cwd, c.ORDERLINE_DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    database: c.DATABASE_URL
      ? { engine: 'postgres', url: c.DATABASE_URL }
      : { engine: 'sqlite', file: resolve(dataDir, 'orderline.sqlite') },
    sessionTtlHours: c.SESSION_TTL_HOURS,
    clientDir: resolve(REPO_ROOT, c.ORDERLINE_CLIENT_DIR ?? 'out/renderer'),
    logLevel: c.LOG_LEVEL,
    bodyLimitBytes: c.ORDERLINE_BODY_LIMIT_BYTES,
    trustProxy: c.ORDERLINE_TRUST_PROXY === 'true' || c.ORDERLINE_TRUST_PROXY === '1',
    corsOrigins: c.ORDERLINE_CORS_ORIGINS.split(',').map((o) => o.trim()),
    loginLimits: {
      windowMinutes: c.ORDERLINE_LOGIN_WINDOW_MINUTES,
      maxFailuresPerUserIp: c.ORDERLINE_LOGIN_MAX_FAILURES_PER_USER_IP,
      maxFailuresPerUser: c.ORDERLINE_LOGIN_MAX_FAILURES_PER_USER,
      maxFailuresPerIp: c.ORDERLINE_LOGIN_MAX_FAILURES_PER_IP,
      delaySeconds: c.ORDERLINE_LOGIN_DELAY_SECONDS,
      maxDelaySeconds: c.ORDERLINE_LOGIN_MAX_DELAY_SECONDS,
    },
    portalRequestsPerMinute: c.ORDERLINE_PORTAL_RATE_LIMIT,
    liveStreams: {
      perUser: c.ORDERLINE_STREAMS_PER_USER,
      perSession: c.ORDERLINE_STREAMS_PER_SESSION,
      recheckMs: Math.round(c.ORDERLINE_STREAM_RECHECK_SECONDS * 1000),
    },
    ...(c.SMTP_URL
      ? {
          mail: {
            smtpUrl: c.SMTP_URL,
            from: c.MAIL_FROM,
            maxAttempts: c.MAIL_MAX_ATTEMPTS,
            retryBaseMs: Math.round(c.MAIL_RETRY_SECONDS * 1000),
          },
        }
      : {}),
  };
}

function parseFlags(argv: string[]): Record<string, string> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' }])),
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const known = Object.keys(FLAGS)
      .map((f) => `--${f}`)
      .join(', ');
    throw new ConfigError(`${(error as Error).message}\nKnown flags: ${known}`);
  }
  const out: Record<string, string> = {};
  for (const [flag, key] of Object.entries(FLAGS)) {
    const value = values[flag];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** The database without its password, for logs. */
export function describeDatabase(database: DatabaseConfig): string {
  if (database.engine === 'sqlite') return `sqlite ${database.file}`;
  try {
    const url = new URL(database.url);
    return `postgres ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return 'postgres';
  }
}
