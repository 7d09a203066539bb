import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Engine } from '../db/database';

/**
 * A fresh, empty database for one test file: a SQLite file in a temp folder, or, when
 * TEST_DATABASE_URL is set, a new PostgreSQL database `orderline_t_<random>` on that server,
 * dropped again by `drop()`.
 */
export interface TestDatabase {
  engine: Engine;
  config: DatabaseConfig;
  /** A temp folder of this database's own, also for other files a test writes. */
  dir: string;
  drop(): Promise<void>;
}

export function testEngine(): Engine {
  return process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';
}

/**
 * `adminUrl`: a PostgreSQL server to create the database on, or null for SQLite; by default
 * TEST_DATABASE_URL decides.
 */
export async function createTestDatabase(
  adminUrl: string | null = process.env.TEST_DATABASE_URL || null,
): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'orderline-test-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (!adminUrl) {
    return {
      engine: 'sqlite',
      config: { engine: 'sqlite', file: join(dir, 'orderline.sqlite') },
      dir,
      drop: async () => removeDir(),
    };
  }

  const name = `orderline_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    config: { engine: 'postgres', url: url.toString() },
    dir,
    drop: async () => {
      // FORCE: a test that failed half-way may leave connections open.
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
      removeDir();
    },
  };
}

async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
