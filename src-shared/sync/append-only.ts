import { Refusal, type MutatorTx, type StoredRecord } from './mutation';

/** JSON with sorted keys, so two equal bodies compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

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
