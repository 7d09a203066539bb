import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { LoginResponse, User } from '../../src-shared/api/auth';
import type { Role } from '../../src-shared/roles';
import { buildServer, type ServerOptions } from '../app';
import { createUser } from '../auth/users';
import { loadConfig, type Config } from '../config';
import { openDatabase, type Db, type Engine } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The password `createUser` gives test users unless told otherwise. */
export const TEST_PASSWORD = 'correct horse battery';

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the answer is not JSON, or undefined when empty. */
  body: T;
}

export interface RequestOptions {
  token?: string;
  /** Sent as JSON unless `rawBody` is given. */
  body?: unknown;
  /** Sent as is, with `contentType` (default application/json). */
  rawBody?: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  /** The server's own database handle: read and tamper with it directly in tests. */
  db: Db;
  engine: Engine;
  config: Config;
  database: TestDatabase;
  request<T = unknown>(
    method: string,
    path: string,
    options?: RequestOptions,
  ): Promise<TestResponse<T>>;
  /** Creates a user directly (audited as the CLI would), password TEST_PASSWORD by default. */
  createUser(
    username: string,
    role: Role,
    options?: { password?: string; displayName?: string },
  ): Promise<User>;
  /** Signs in over HTTP; throws unless it succeeds. */
  login(username: string, password?: string): Promise<LoginResponse>;
  /** Signs in as user `<role>` (created on first use) and returns the token. */
  tokenFor(role: Role): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions extends Pick<ServerOptions, 'plugins'> {
  /** Config fields to override, e.g. login limits. */
  config?: Partial<Config>;
  /**
   * Start a second instance on the same database as `shareWith` (its own connection, like a
   * second server behind a load balancer). The database is then dropped by the first one.
   */
  shareWith?: TestServer;
  /** A database made with `createTestDatabase`, which the server then owns and drops. */
  database?: TestDatabase;
}

/**
 * A real server on 127.0.0.1 and a free port, on a fresh database (SQLite, or PostgreSQL when
 * TEST_DATABASE_URL is set), migrated to the latest version. Call `close()` in afterAll.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.shareWith?.database ?? options.database ?? (await createTestDatabase());
  const owner = !options.shareWith;
  const config: Config = {
    ...loadConfig({ env: {}, argv: [] }),
    dataDir: database.dir,
    database: database.config,
    // A folder with no build, so tests do not depend on whether `npm run build` ran.
    clientDir: join(database.dir, 'no-client-build'),
    logLevel: (process.env.ORDERLINE_TEST_LOG_LEVEL as Config['logLevel'] | undefined) ?? 'silent',
    // Suites fire thousands of portal requests from one address; the limit has its own test.
    portalRequestsPerMinute: 1_000_000,
    ...options.config,
  };

  const db = openDatabase(config.database);
  let app: FastifyInstance | undefined;
  try {
    if (owner) await migrateToLatest(db);
    app = buildServer(config, { db, plugins: options.plugins });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app?.close();
    await db.destroy();
    if (owner) await database.drop();
    throw error;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<Role, string>();

  const server: TestServer = {
    url,
    app,
    db,
    engine: database.engine,
    config,
    database,

    async request<T>(method: string, path: string, opts: RequestOptions = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | Uint8Array | undefined;
      if (opts.rawBody !== undefined) {
        body = opts.rawBody;
        headers['content-type'] = opts.contentType ?? 'application/json';
      } else if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(url + path, { method, headers, body });
      const text = await response.text();
      const isJson = response.headers.get('content-type')?.includes('application/json');
      return {
        status: response.status,
        headers: response.headers,
        body: (text === '' ? undefined : isJson ? JSON.parse(text) : text) as T,
      };
    },

    async createUser(username, role, opts = {}) {
      return createUser(
        db,
        {
          username,
          role,
          password: opts.password ?? TEST_PASSWORD,
          displayName: opts.displayName ?? username,
        },
        { userId: null, clientId: null, via: 'test' },
      );
    },

    async login(username, password = TEST_PASSWORD) {
      const res = await server.request<LoginResponse>('POST', '/api/auth/login', {
        body: { username, password },
      });
      if (res.status !== 200) {
        throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return res.body;
    },

    async tokenFor(role) {
      const known = tokens.get(role);
      if (known) return known;
      const exists = await db
        .selectFrom('users')
        .select('id')
        .where('username', '=', role)
        .executeTakeFirst();
      if (!exists) await server.createUser(role, role);
      const { token } = await server.login(role);
      tokens.set(role, token);
      return token;
    },

    async close() {
      await app.close();
      await db.destroy();
      if (owner) await database.drop();
    },
  };
  return server;
}

/** Tables whose content a refused request must leave exactly as it was. */
const CHECKED_TABLES = [
  'users',
  'sessions',
  'devices',
  'login_attempts',
  'audit_log',
  'audit_head',
  'sync_state',
  'records',
  'mutations',
  'portal_keys',
  'portal_key_customers',
] as const;

/** Row counts and a hash of every row of the tables above, for "nothing changed" checks. */
export async function databaseSnapshot(
  db: Db,
): Promise<{ counts: Record<string, number>; checksum: string }> {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const table of CHECKED_TABLES) {
    const rows = (await db.selectFrom(table).selectAll().execute()).map((r) => JSON.stringify(r));
    rows.sort();
    counts[table] = rows.length;
    hash.update(table).update('\0').update(rows.join('\n'));
  }
  return { counts, checksum: hash.digest('hex') };
}
