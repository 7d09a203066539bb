import type { StoredRecord } from './mutation';

/**
 * Secondary indexes a shared mutator may scan (Replicache's `scan` with indexes is the model).
 * An index is named the way Dexie names it, so the client's table index of that name answers
 * the scan natively: `lineId`, `target.id` (a nested field), `[lineId+start]` (compound),
 * `*models` (multi-entry: one key per array element).
 *
 * Keys follow IndexedDB's ordering, which every store reproduces: numbers before strings,
 * strings by UTF-16 code unit, compound keys element by element with a shorter prefix first;
 * records with the same key in id order. A field that is missing, null, boolean or an object
 * is not a key, so the record is absent from that index (as in IndexedDB).
 */

export type IndexValue = string | number;
export type IndexKey = IndexValue | readonly IndexValue[];

export interface IndexDef {
  /** Dexie's name for it: `field`, `a.b`, `[a+b]`, `*field`. */
  name: string;
  fields: readonly string[];
  compound: boolean;
  multi: boolean;
}

export interface ScanQuery {
  index: string;
  /** Exactly this key (a full compound key for a compound index). */
  equals?: IndexKey;
  /** Every key of a compound index that starts with these values. */
  prefix?: readonly IndexValue[];
  /** Inclusive bounds; a shorter compound bound is a prefix (sorts before its extensions). */
  from?: IndexKey;
  to?: IndexKey;
  limit?: number;
  /** Descending key (and id) order. */
  reverse?: boolean;
}

export function parseIndex(name: string): IndexDef {
  const multi = name.startsWith('*');
  const bare = multi ? name.slice(1) : name;
  const compound = bare.startsWith('[') && bare.endsWith(']');
  const fields = compound ? bare.slice(1, -1).split('+') : [bare];
  if (fields.some((f) => f.length === 0) || (multi && compound)) {
    throw new Error(`bad index name ${name}`);
  }
  return { name, fields, compound, multi };
}

function fieldValue(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function isValue(v: unknown): v is IndexValue {
  return typeof v === 'string' || (typeof v === 'number' && !Number.isNaN(v));
}

/** The keys a record has in an index: none, one, or (multi-entry) one per distinct element. */
export function indexKeys(record: Record<string, unknown>, def: IndexDef): IndexKey[] {
  if (def.compound) {
    const parts = def.fields.map((f) => fieldValue(record, f));
    return parts.every(isValue) ? [parts] : [];
  }
  const value = fieldValue(record, def.fields[0]!);
  if (def.multi) {
    if (!Array.isArray(value)) return isValue(value) ? [value] : [];
    const seen = new Set<IndexValue>();
    for (const v of value) if (isValue(v)) seen.add(v);
    return [...seen];
  }
  return isValue(value) ? [value] : [];
}

function compareValues(a: IndexValue, b: IndexValue): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** IndexedDB's order of keys (for the key shapes an index here can hold). */
export function compareKeys(a: IndexKey, b: IndexKey): number {
  const aa = Array.isArray(a);
  const ba = Array.isArray(b);
  if (!aa && !ba) return compareValues(a as IndexValue, b as IndexValue);
  if (aa !== ba) return aa ? 1 : -1;
  const x = a as readonly IndexValue[];
  const y = b as readonly IndexValue[];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = compareValues(x[i]!, y[i]!);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

/** Checks a query against its index before any store runs it, so all stores refuse alike. */
export function checkQuery(def: IndexDef, q: ScanQuery): void {
  const ways = [
    q.equals !== undefined,
    q.prefix !== undefined,
    q.from !== undefined || q.to !== undefined,
  ];
  if (ways.filter(Boolean).length > 1)
    throw new Error(`scan ${def.name}: one of equals, prefix, range`);
  if (q.prefix !== undefined && !def.compound)
    throw new Error(`scan ${def.name}: prefix needs a compound index`);
  // A multi-entry range would list a record once per matching element; nothing needs that.
  if (def.multi && q.equals === undefined)
    throw new Error(`scan ${def.name}: multi-entry scans by equals`);
  if (q.limit !== undefined && (!Number.isInteger(q.limit) || q.limit < 0)) {
    throw new Error(`scan ${def.name}: bad limit`);
  }
}

/** Whether a key falls within a query (the query already checked). */
export function keyMatches(key: IndexKey, q: ScanQuery): boolean {
  if (q.equals !== undefined) return compareKeys(key, q.equals) === 0;
  if (q.prefix !== undefined) {
    if (!Array.isArray(key) || key.length < q.prefix.length) return false;
    return q.prefix.every((v, i) => compareValues(v, (key as IndexValue[])[i]!) === 0);
  }
  if (q.from !== undefined && compareKeys(key, q.from) < 0) return false;
  if (q.to !== undefined && compareKeys(key, q.to) > 0) return false;
  return true;
}

export interface KeyedRecord<T extends StoredRecord = StoredRecord> {
  key: IndexKey;
  record: T;
}

function compareKeyed(a: KeyedRecord, b: KeyedRecord): number {
  const c = compareKeys(a.key, b.key);
  if (c !== 0) return c;
  return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
}

/** Answers a query over records in memory: match, order, one entry per record, limit. */
export function scanInMemory<T extends StoredRecord>(
  records: Iterable<T>,
  def: IndexDef,
  q: ScanQuery,
): T[] {
  const hits: KeyedRecord<T>[] = [];
  for (const record of records) {
    for (const key of indexKeys(record, def)) {
      if (keyMatches(key, q)) {
        hits.push({ key, record });
        break;
      }
    }
  }
  hits.sort(compareKeyed);
  if (q.reverse) hits.reverse();
  const out = hits.map((h) => h.record);
  return q.limit === undefined ? out : out.slice(0, q.limit);
}

/**
 * A store's answer with changes laid over it that the store does not hold yet (a running
 * mutation's buffered writes, a rebase's replayed rows): `overlay` maps id → the record as it
 * now is, or null when deleted. The store must have been asked for `limit + overlay.size`,
 * since each overlaid row may push one of its answers out.
 */
export function mergeScan<T extends StoredRecord>(
  base: readonly T[],
  overlay: ReadonlyMap<string, T | null>,
  def: IndexDef,
  q: ScanQuery,
): T[] {
  if (overlay.size === 0) return q.limit === undefined ? [...base] : base.slice(0, q.limit);
  const kept = base.filter((r) => !overlay.has(r.id));
  const added = [...overlay.values()].filter((r): r is T => r !== null);
  return scanInMemory([...kept, ...added], def, q);
}

/** How much to ask the store for when `extra` overlaid rows may displace its answers. */
export function widenLimit(q: ScanQuery, extra: number): ScanQuery {
  return q.limit === undefined || extra === 0 ? q : { ...q, limit: q.limit + extra };
}

/**
 * Keys as text whose byte order (UTF-8, SQL's binary / "C" collation) is the order above, for
 * the server's index table. Numbers: 'n' + the IEEE-754 bits made sortable; strings: 's' +
 * the string; compound: the parts joined by U+0001, so a prefix sorts before its extensions.
 * Strings holding U+0000 or U+0001 are not indexed on the server (PostgreSQL text cannot hold
 * U+0000); codes, ids and ISO times never do.
 */
export function encodeKey(key: IndexKey): string | null {
  const parts = Array.isArray(key) ? key : [key as IndexValue];
  const out: string[] = [];
  for (const part of parts) {
    const encoded = encodeValue(part);
    if (encoded === null) return null;
    out.push(encoded);
  }
  return out.join('\u0001');
}

function encodeValue(v: IndexValue): string | null {
  if (typeof v === 'string') {
    return v.includes('\u0000') || v.includes('\u0001') ? null : `s${v}`;
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v === 0 ? 0 : v);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  // Positive: flip the sign bit; negative: flip every bit. Then unsigned order is numeric order.
  const neg = (hi & 0x80000000) !== 0;
  const h = neg ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
  const l = neg ? ~lo >>> 0 : lo;
  return `n${h.toString(16).padStart(8, '0')}${l.toString(16).padStart(8, '0')}`;
}

/** The encoded bounds of a query, inclusive, for SQL: `lo <= key <= hi` (either may be open). */
export function encodedBounds(q: ScanQuery): { lo?: string; hi?: string; exact?: string } | null {
  if (q.equals !== undefined) {
    const exact = encodeKey(q.equals);
    return exact === null ? null : { exact };
  }
  if (q.prefix !== undefined) {
    const p = encodeKey(q.prefix);
    if (p === null) return null;
    // Every extension of the prefix continues with U+0001; U+0002 is past all of them.
    return { lo: `${p}\u0001`, hi: `${p}\u0002` };
  }
  const lo = q.from === undefined ? undefined : encodeKey(q.from);
  const hi = q.to === undefined ? undefined : encodeKey(q.to);
  if (lo === null || hi === null) return null;
  // An inclusive upper bound that is a compound prefix must not take in its own extensions.
  return { ...(lo === undefined ? {} : { lo }), ...(hi === undefined ? {} : { hi }) };
}
