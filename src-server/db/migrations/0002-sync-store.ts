import type { Kysely } from 'kysely';

/**
 * The generic store the sync engine builds on: every domain record as (kind, id) with the
 * global version of its last change, the stored outcome of every pushed mutation (so a
 * duplicate push gets the same answer), and each client's last applied seq.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('records')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('records_pk', ['kind', 'id'])
    .execute();
  // Pull reads "everything after version N" in version order.
  await db.schema.createIndex('records_version').on('records').column('version').execute();

  await db.schema
    .createTable('mutations')
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('server_version', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mutations_pk', ['client_id', 'seq'])
    .execute();

  await db.schema
    .alterTable('devices')
    .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').dropColumn('last_seq').execute();
  await db.schema.dropTable('mutations').execute();
  await db.schema.dropTable('records').execute();
}
