import Dexie, { type Collection, type IndexableType, type Table } from 'dexie';
import type { StoredRecord } from '../../src-shared/sync/mutation';
import type { IndexDef, ScanQuery } from '../../src-shared/sync/record-index';

/**
 * A mutator's scan on the PC, answered by the Dexie index of the same name, which orders
 * keys as record-index.ts says (IndexedDB's order). The query was checked by the caller.
 */
export function dexieScan(
  table: Table<StoredRecord, string>,
  def: IndexDef,
  q: ScanQuery,
): Promise<StoredRecord[]> {
  // Dexie names a multi-entry index by its field; the '*' only marks it in the schema.
  const name = def.multi ? def.fields[0]! : def.name;
  let coll: Collection<StoredRecord, string>;
  if (q.equals !== undefined) {
    coll = table.where(name).equals(q.equals as IndexableType);
  } else if (q.prefix !== undefined) {
    coll = table.where(name).between([...q.prefix], [...q.prefix, Dexie.maxKey], true, true);
  } else if (q.from !== undefined || q.to !== undefined) {
    coll = table
      .where(name)
      .between(
        (q.from ?? Dexie.minKey) as IndexableType,
        (q.to ?? Dexie.maxKey) as IndexableType,
        true,
        true,
      );
  } else {
    coll = table.orderBy(name);
  }
  if (q.reverse) coll = coll.reverse();
  if (q.limit !== undefined) coll = coll.limit(q.limit);
  return coll.toArray();
}
