import type { Kysely, Transaction } from 'kysely';
import type { RecordKind } from '../../src-shared/permissions';
import { writeIndexKeys } from '../sync/record-index-store';
import type { Db } from './database';
import type { RecordRow, Schema } from './schema';

/**
 * The pieces of the sync store (DESIGN.md section 4) that exist before the sync engine: the
 * global version counter and the generic record store.
 */

/**
 * Takes the next global version. The UPDATE locks the sync_state row until the transaction
 * ends, so on PostgreSQL concurrent writers get distinct versions in commit order; SQLite has
 * one writer anyway.
 */
export async function nextVersion(trx: Transaction<Schema>): Promise<number> {
  const row = await trx
    .updateTable('sync_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function readSyncState(
  db: Kysely<Schema>,
): Promise<{ version: number; epoch: string }> {
  return db
    .selectFrom('sync_state')
    .select(['version', 'epoch'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

export interface PutRecord {
  kind: RecordKind | (string & {});
  id: string;
  body: unknown;
  deleted?: boolean;
  updatedBy: string | null;
  /** The one user the row is for (notices); pull shows it to nobody else. */
  audience?: string | null;
  /** Server time of the change; defaults to now. */
  at?: string;
}

/**
 * Inserts or replaces one record stamped with `version` (take it with `nextVersion`; several
 * rows changed by one mutation share it). Returns the version.
 */
export async function putRecord(
  trx: Transaction<Schema>,
  record: PutRecord,
  version: number,
): Promise<number> {
  const row = {
    kind: record.kind,
    id: record.id,
    version,
    body: JSON.stringify(record.body),
    deleted: record.deleted ? 1 : 0,
    updated_by: record.updatedBy,
    updated_at: record.at ?? new Date().toISOString(),
    audience: record.audience ?? null,
  };
  await trx
    .insertInto('records')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'id']).doUpdateSet({
        version: row.version,
        body: row.body,
        deleted: row.deleted,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
        audience: row.audience,
      }),
    )
    .execute();
  await writeIndexKeys(trx, record.kind, record.id, record.body, record.deleted === true);
  return version;
}

export interface StoredRecord<T = unknown> {
  kind: string;
  id: string;
  version: number;
  body: T;
  deleted: boolean;
  updatedBy: string | null;
  updatedAt: string;
}

export function toStoredRecord<T = unknown>(row: RecordRow): StoredRecord<T> {
  return {
    kind: row.kind,
    id: row.id,
    version: row.version,
    body: JSON.parse(row.body) as T,
    deleted: row.deleted !== 0,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export async function getRecord<T = unknown>(
  db: Db | Transaction<Schema>,
  kind: RecordKind,
  id: string,
): Promise<StoredRecord<T> | undefined> {
  const row = await db
    .selectFrom('records')
    .selectAll()
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toStoredRecord<T>(row);
}
