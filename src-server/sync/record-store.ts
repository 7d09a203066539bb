import type { Transaction } from 'kysely';
import type { StoredRecord } from '../../src-shared/sync/mutation';
import { putRecord } from '../db/sync-store';
import type { Schema } from '../db/schema';

/** The shared mutators' view of the server's record store (src-shared/sync/mutation.ts). */

export async function readRecord(
  trx: Transaction<Schema>,
  kind: string,
  id: string,
): Promise<StoredRecord | null> {
  const row = await trx
    .selectFrom('records')
    .select(['body', 'deleted', 'version'])
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.deleted) return null;
  return { ...(JSON.parse(row.body) as StoredRecord), _v: row.version };
}

/** A mutator's buffered writes, all stamped with the mutation's one version. */
export async function writeRecords(
  trx: Transaction<Schema>,
  writes: { kind: string; id: string; record: StoredRecord | null }[],
  version: number,
  userId: string,
  at: string,
): Promise<void> {
  for (const { kind, id, record } of writes) {
    // `_v` is the client's view of the version; the column is the truth.
    const body = record ? { ...record, _v: undefined } : {};
    const audience = record && typeof record._audience === 'string' ? record._audience : null;
    await putRecord(
      trx,
      { kind, id, body, deleted: !record, updatedBy: userId, audience, at },
      version,
    );
  }
}
