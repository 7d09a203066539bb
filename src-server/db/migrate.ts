import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import { ensureRecordIndexes } from '../sync/record-index-store';
import type { Schema } from './schema';
import * as m0001 from './migrations/0001-identity';
import * as m0002 from './migrations/0002-sync-store';
import * as m0003 from './migrations/0003-sync-engine';
import * as m0004 from './migrations/0004-portal-keys';
import * as m0005 from './migrations/0005-mail-queue';
import * as m0006 from './migrations/0006-record-index';
import * as m0007 from './migrations/0007-portal-key-customers';

/**
 * Every migration, oldest first. To add one: write `migrations/000N-what.ts` exporting
 * `up` (and `down`), append it here, and add its case to `migrate.test.ts` (data inserted at
 * the version before it must survive).
 */
export const MIGRATIONS: readonly { name: string; migration: Migration }[] = [
  { name: '0001_identity', migration: m0001 },
  { name: '0002_sync_store', migration: m0002 },
  { name: '0003_sync_engine', migration: m0003 },
  { name: '0004_portal_keys', migration: m0004 },
  { name: '0005_mail_queue', migration: m0005 },
  { name: '0006_record_index', migration: m0006 },
  { name: '0007_portal_key_customers', migration: m0007 },
];

export const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1]!.name;

function migrator<DB>(db: Kysely<DB>): Migrator {
  return new Migrator({
    // The migrator only touches its own tables and the migrations' Kysely<any>.
    db: db as Kysely<unknown>,
    provider: {
      getMigrations: () =>
        Promise.resolve(Object.fromEntries(MIGRATIONS.map((m) => [m.name, m.migration]))),
    },
  });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Brings the schema to the latest version; safe to run at every start, and concurrently. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const names = applied(await migrator(db).migrateToLatest());
  // The scan indexes the domains declare now, filled for records written before them.
  await ensureRecordIndexes(db as unknown as Kysely<Schema>);
  return names;
}

/** Moves the schema up or down to exactly `name` (for tests of the next migration). */
export async function migrateTo<DB>(db: Kysely<DB>, name: string): Promise<string[]> {
  if (!MIGRATIONS.some((m) => m.name === name)) {
    throw new MigrationError(`Unknown migration ${name}`);
  }
  return applied(await migrator(db).migrateTo(name));
}

function applied({ error, results }: { error?: unknown; results?: MigrationResult[] }): string[] {
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${failed?.migrationName ?? '(none)'} failed: ${cause}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
