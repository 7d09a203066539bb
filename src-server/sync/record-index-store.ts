import type { Kysely, Transaction } from 'kysely';
import { SCAN_INDEXES } from '../../src-shared/domains';
import type { StoredRecord } from '../../src-shared/sync/mutation';
import {
  encodedBounds,
  encodeKey,
  indexKeys,
  type IndexDef,
  type ScanQuery,
} from '../../src-shared/sync/record-index';
import { engineOf } from '../db/database';
import type { Schema } from '../db/schema';

/**
 * The server's side of the mutators' `scan`: the keys of every declared index in the
 * record_index table (migrations/0006-record-index.ts), kept in the transaction that writes
 * the record, and the SQL that answers a scan from them in IndexedDB's key order.
 */

type Tx = Transaction<Schema> | Kysely<Schema>;

/** SQLite binds at most 999 values in older builds; four per row. */
const ROWS_PER_INSERT = 200;

function keyRows(kind: string, id: string, body: unknown): Schema['record_index'][] {
  const defs = SCAN_INDEXES.get(kind);
  if (!defs || defs.size === 0 || !body || typeof body !== 'object') return [];
  const rows: Schema['record_index'][] = [];
  for (const def of defs.values()) {
    for (const k of indexKeys(body as Record<string, unknown>, def)) {
      const key = encodeKey(k);
      if (key !== null) rows.push({ kind, name: def.name, key, id });
    }
  }
  return rows;
}

async function insertKeys(trx: Tx, rows: Schema['record_index'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await trx
      .insertInto('record_index')
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Replaces a record's index keys with those of its new body (none when deleted). */
export async function writeIndexKeys(
  trx: Tx,
  kind: string,
  id: string,
  body: unknown,
  deleted: boolean,
): Promise<void> {
  const defs = SCAN_INDEXES.get(kind);
  if (!defs || defs.size === 0) return;
  await trx.deleteFrom('record_index').where('kind', '=', kind).where('id', '=', id).execute();
  if (!deleted) await insertKeys(trx, keyRows(kind, id, body));
}

/** Answers a checked scan from the index table, with the records' current bodies. */
export async function scanRecords(
  trx: Tx,
  kind: string,
  def: IndexDef,
  q: ScanQuery,
): Promise<StoredRecord[]> {
  const bounds = encodedBounds(q);
  if (bounds === null) return [];
  if (q.limit === 0) return [];
  const dir = q.reverse ? 'desc' : 'asc';
  let query = trx
    .selectFrom('record_index as ri')
    .innerJoin('records as r', (j) => j.onRef('r.kind', '=', 'ri.kind').onRef('r.id', '=', 'ri.id'))
    .select(['r.body', 'r.version'])
    .where('ri.kind', '=', kind)
    .where('ri.name', '=', def.name)
    .where('r.deleted', '=', 0);
  if (bounds.exact !== undefined) query = query.where('ri.key', '=', bounds.exact);
  if (bounds.lo !== undefined) query = query.where('ri.key', '>=', bounds.lo);
  if (bounds.hi !== undefined) query = query.where('ri.key', '<=', bounds.hi);
  query = query.orderBy('ri.key', dir).orderBy('ri.id', dir);
  if (q.limit !== undefined) query = query.limit(q.limit);
  const rows = await query.execute();
  return rows.map((r) => ({ ...(JSON.parse(r.body) as StoredRecord), _v: r.version }));
}

function signatureOf(defs: ReadonlyMap<string, IndexDef>): string {
  return JSON.stringify([...defs.keys()].sort());
}

/**
 * Fills the index table for every kind whose declared indexes differ from what was indexed
 * (a new index in a domain, or a database from before 0006). Runs at every start after the
 * migrations; cheap when nothing changed. On PostgreSQL the state row is locked, so two
 * instances starting together do not rebuild one kind at the same time.
 */
export async function ensureRecordIndexes(db: Kysely<Schema>): Promise<string[]> {
  const rebuilt: string[] = [];
  const kinds = new Set([...SCAN_INDEXES.keys()]);
  const known = await db.selectFrom('record_index_state').select(['kind', 'signature']).execute();
  for (const row of known) kinds.add(row.kind);
  for (const kind of kinds) {
    const defs = SCAN_INDEXES.get(kind) ?? new Map<string, IndexDef>();
    const signature = signatureOf(defs);
    if (known.find((k) => k.kind === kind)?.signature === signature) continue;
    const done = await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('record_index_state')
        .values({ kind, signature: '' })
        .onConflict((oc) => oc.column('kind').doNothing())
        .execute();
      let state = trx.selectFrom('record_index_state').select('signature').where('kind', '=', kind);
      if (engineOf(trx) === 'postgres') state = state.forUpdate();
      const current = await state.executeTakeFirstOrThrow();
      if (current.signature === signature) return false;
      await reindexKind(trx, kind);
      await trx
        .updateTable('record_index_state')
        .set({ signature })
        .where('kind', '=', kind)
        .execute();
      return true;
    });
    if (done) rebuilt.push(kind);
  }
  return rebuilt;
}

const REINDEX_PAGE = 1000;

async function reindexKind(trx: Transaction<Schema>, kind: string): Promise<void> {
  await trx.deleteFrom('record_index').where('kind', '=', kind).execute();
  let after = '';
  for (;;) {
    const page = await trx
      .selectFrom('records')
      .select(['id', 'body'])
      .where('kind', '=', kind)
      .where('deleted', '=', 0)
      .where('id', '>', after)
      .orderBy('id')
      .limit(REINDEX_PAGE)
      .execute();
    if (page.length === 0) return;
    const rows = page.flatMap((r) => keyRows(kind, r.id, JSON.parse(r.body)));
    await insertKeys(trx, rows);
    after = page[page.length - 1]!.id;
  }
}
