import { canonicalJson } from '../canonical-json';
import { Refusal, type MutatorTx, type StoredRecord } from './mutation';

function withoutMeta(record: StoredRecord): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('_')));
}

/**
 * Append-only records (inspection results, scans, clarifications) never conflict: a second
 * insert of the same id with the same body is a no-op, the same id with another body is refused.
 */
export async function insertOnce(tx: MutatorTx, kind: string, record: StoredRecord): Promise<void> {
  const existing = await tx.get(kind, record.id);
  if (existing) {
    if (canonicalJson(withoutMeta(existing)) === canonicalJson(withoutMeta(record))) return;
    throw new Refusal('conflicting-duplicate', { kind, id: record.id });
  }
  await tx.put(kind, record);
}
