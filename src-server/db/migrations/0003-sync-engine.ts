import type { Kysely } from 'kysely';

/**
 * What the sync engine adds to the store: notices addressed to one user (`audience`, so pull
 * can filter them), the id of each pushed mutation (to trace a PC's action to its outcome and
 * its audit entry), and the counters behind server-given document numbers.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('records').addColumn('audience', 'text').execute();
  await db.schema.alterTable('mutations').addColumn('mutation_id', 'text').execute();
  await db.schema
    .createIndex('mutations_mutation_id')
    .on('mutations')
    .column('mutation_id')
    .execute();
  await db.schema
    .createTable('doc_counters')
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('next', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_counters_pk', ['series', 'year'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('doc_counters').execute();
  await db.schema.dropIndex('mutations_mutation_id').execute();
  await db.schema.alterTable('mutations').dropColumn('mutation_id').execute();
  await db.schema.alterTable('records').dropColumn('audience').execute();
}
