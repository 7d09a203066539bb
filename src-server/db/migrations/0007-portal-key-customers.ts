import type { Kysely } from 'kysely';

/**
 * The customers a portal key may order for (issue 12): a key issued to one customer's
 * purchasing system, or to a dealer portal for several, posts orders for those and no other.
 *
 * Keys made before this migration get no rows: they are "not bound" and take no orders until
 * an admin binds them (bind-portal-key, or the admin screen). Nothing here can tell whom an
 * old key was given to, and guessing from the orders it already posted would make permanent
 * exactly the misuse this closes; the catalog keeps answering them meanwhile, so a portal
 * sees a clear refusal instead of a broken page.
 *
 * A table and not a JSON column, so the binding is one indexed lookup and the foreign key
 * keeps it from outliving its key on both engines.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_key_customers')
    .addColumn('key_id', 'text', (c) =>
      c.notNull().references('portal_keys.id').onDelete('cascade'),
    )
    /** The customer record's id (codes are what people type; ids do not change). */
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_key_customers_pk', ['key_id', 'customer_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_key_customers').execute();
}
