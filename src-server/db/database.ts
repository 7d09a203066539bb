import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  type SqliteDatabase as SqliteDatabaseLike,
  type SqliteDialectConfig,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Schema } from './schema';

/** A database handle or a transaction: a Transaction is a Kysely too. */
export type Db = Kysely<Schema>;
export type Trx = Transaction<Schema>;
export type Engine = 'sqlite' | 'postgres';

export interface OpenOptions {
  /** Called when an idle PostgreSQL connection fails, so it is logged rather than fatal. */
  onPoolError?: (error: Error) => void;
}

export function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Db {
  return config.engine === 'sqlite'
    ? new Kysely<Schema>({ dialect: sqliteDialect(config.file) })
    : new Kysely<Schema>({ dialect: postgresDialect(config.url, options) });
}

/** Which engine a Kysely instance or transaction runs on. */
export function engineOf(db: { getExecutor(): { readonly adapter: DialectAdapter } }): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

function sqliteDialect(file: string): SqliteDialect {
  mkdirSync(dirname(file), { recursive: true });
  return new ImmediateSqliteDialect({
    database: async () => {
      const db = new SqliteDatabase(file);
      db.pragma('journal_mode = WAL');
      // FULL: an acknowledged write survives a power cut, which WAL's NORMAL does not promise.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // The admin CLI may write while the server runs; wait for its lock instead of failing.
      db.pragma('busy_timeout = 5000');
      return withStatementCache(db);
    },
  });
}

/**
 * Kysely prepares every query afresh, and better-sqlite3 compiles on every prepare: for the
 * dozen short statements of a pushed mutation the compiling cost more than the running. The
 * compiled statements are kept by SQL text (least recently used out first) and only reused
 * while idle; SQLite re-prepares one by itself when a migration changed the schema under it.
 */
function withStatementCache(db: SqliteDatabase.Database, max = 256): SqliteDatabaseLike {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      cache.delete(sql);
      const stmt = cached && !cached.busy ? cached : db.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
  };
}

/**
 * Kysely opens SQLite transactions with a deferred BEGIN. A deferred transaction that read
 * before another process (the admin CLI) wrote cannot upgrade to a writer and fails with
 * SQLITE_BUSY at once, busy_timeout or not. BEGIN IMMEDIATE takes the write lock up front,
 * which is what every transaction of ours wants anyway.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * SQLite runs DDL inside transactions; Kysely's adapter just does not claim it. Claiming it
 * makes the Migrator run each batch in one (immediate) transaction: a failed migration leaves
 * nothing behind, and a second process migrating at the same moment (server and admin CLI)
 * waits for the first and then finds nothing left to do. SQLite has no migration lock of its
 * own otherwise.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

const INT8_OID = 20;

function postgresDialect(url: string, options: OpenOptions): PostgresDialect {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // int8 (bigint, bigserial, count(*)) arrives as a string by default, because it can
    // exceed 2^53. Our versions and seqs will not, and one code path for both engines wants
    // numbers.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', (error) => options.onPoolError?.(error));
  return new PostgresDialect({ pool });
}
