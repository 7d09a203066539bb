import { sql, type Kysely } from 'kysely';
import { engineOf } from '../database';

/**
 * Secondary indexes for the shared mutators' `scan` (issue 12): one row per (kind, index,
 * key, record id), written in the same transaction as the record (sync-store.ts putRecord).
 *
 * Why a table of keys and not expression indexes on the JSON body: the same SQL serves SQLite
 * and PostgreSQL; compound and multi-entry keys (an order's models) fit without per-engine
 * expressions; and declaring a new index in a domain needs no migration — the server fills
 * it at start (record-index-store.ts `ensureRecordIndexes`, tracked in record_index_state).
 *
 * Keys are text encoded so that byte order is IndexedDB's key order (record-index.ts); on
 * PostgreSQL the columns use the "C" collation so a locale's collation cannot reorder them.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const text = engineOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('record_index')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', text, (c) => c.notNull())
    .addColumn('id', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('record_index_pk', ['kind', 'name', 'key', 'id'])
    .execute();
  // A record's rewrite removes its old keys by (kind, id).
  await db.schema
    .createIndex('record_index_record')
    .on('record_index')
    .columns(['kind', 'id'])
    .execute();
  await db.schema
    .createTable('record_index_state')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    /** The declared index names of the kind, as JSON: when it changes, the kind is reindexed. */
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('record_index_state').execute();
  await db.schema.dropTable('record_index').execute();
}
