import Dexie, { type Collection, type Table } from 'dexie';
import type { CustomerRecord } from '../../../src-shared/orders/catalog';
import type { OrderChannel, OrderRecord } from '../../../src-shared/orders/order-record';
import type { OrderState } from '../../../src-shared/orders/order-state';
import type { StoredRecord } from '../../../src-shared/sync/mutation';
import type { UserDb } from '../../db/user-db';

/**
 * The order list's queries, for 100,000 orders on one PC. A keystroke in the filter must not
 * read every order: each query starts from the index that bounds it best and stops as soon
 * as it has the rows on screen.
 *
 * - Newest (or oldest) first with one customer, one state or one channel: the compound
 *   [x+createdAt] index is walked in order, the other conditions checked on the way, and the
 *   walk stops after `limit` matches.
 * - Otherwise, when one condition is selective (a number, a rare model, a date range: at most
 *   SMALL rows in its index), those rows are read, filtered and sorted in memory, and the
 *   total is exact.
 * - Otherwise the sort field's own index is walked the same way.
 * The total is counted separately, after the rows are on screen.
 */

export interface OrderFilter {
  /** Any of these states; empty or absent: all. */
  states?: readonly OrderState[];
  customerId?: string;
  model?: string;
  channel?: OrderChannel;
  /** Which date `from`/`to` bound: when the order came in, or the delivery date asked for. */
  dateField?: 'createdAt' | 'requestedDate';
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  /** An order number (prefix) or part of a customer's code or name. */
  search?: string;
}

export type OrderSortField = 'createdAt' | 'requestedDate' | 'number';
export interface OrderSort {
  field: OrderSortField;
  direction: 'asc' | 'desc';
}

export interface OrderPage {
  rows: OrderRecord[];
  hasMore: boolean;
  /** Known when the query read every match anyway (the small plan). */
  total?: number;
  /** Which plan answered, for tests and the benchmark. */
  plan: string;
}

/** An index range this small is read whole and sorted in memory. */
export const SMALL = 2000;

type Orders = Table<StoredRecord, string>;

/** Order numbers look like RQ-2026-000123 / SO-2026-…; anything else is a customer search. */
export function isNumberSearch(text: string): boolean {
  return /^[A-Za-z]{2}-/.test(text) || /^\d{2,}/.test(text);
}

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Customers whose code or name (either language) contains the text. The list is small. A
 * Dexie promise chain, not an async function: see `prepare`.
 */
export function searchCustomers(db: UserDb, text: string): Promise<Set<string>> {
  const needle = normalise(text);
  return db
    .domain('customer')
    .toArray()
    .then(
      (rows) =>
        new Set(
          (rows as CustomerRecord[])
            .filter(
              (c) =>
                c.code.toLowerCase().includes(needle) ||
                c.name.zh.toLowerCase().includes(needle) ||
                c.name.en.toLowerCase().includes(needle),
            )
            .map((c) => c.id),
        ),
    );
}

interface Prepared {
  filter: OrderFilter;
  /** Customers a text search names (undefined: no customer search). */
  searchedCustomers?: Set<string>;
  numberSearch?: string;
}

/**
 * Synchronous unless the customer list must be read: inside a live query, awaiting an async
 * step that touches no table loses Dexie's track of what the query read, and the list would
 * stop following changes.
 */
function prepare(db: UserDb, filter: OrderFilter): Prepared | Promise<Prepared> {
  const text = filter.search?.trim();
  if (!text) return { filter };
  if (isNumberSearch(text)) return { filter, numberSearch: text.toUpperCase() };
  return searchCustomers(db, text).then((searchedCustomers) => ({ filter, searchedCustomers }));
}

function endOf(date: string): string {
  // createdAt is a full timestamp; a bare date bound must take the whole day.
  return `${date}\uffff`;
}

/** The one test every plan applies to each candidate row. */
export function matchesOrder(o: OrderRecord, p: Prepared): boolean {
  const f = p.filter;
  if (f.states && f.states.length > 0 && !f.states.includes(o.state)) return false;
  if (f.customerId && o.customerId !== f.customerId) return false;
  if (f.channel && o.channel !== f.channel) return false;
  if (f.model && !(o.models ?? o.lines.map((l) => l.model)).includes(f.model)) return false;
  if (f.from || f.to) {
    const field = f.dateField ?? 'createdAt';
    const value = o[field];
    if (!value) return false;
    if (f.from && value < f.from) return false;
    if (f.to && value > endOf(f.to)) return false;
  }
  if (p.numberSearch) {
    const n = p.numberSearch;
    if (!o.number.toUpperCase().startsWith(n) && !o.intakeNumber?.toUpperCase().startsWith(n)) {
      return false;
    }
  }
  if (p.searchedCustomers) {
    const needle = normalise(p.filter.search ?? '');
    const bySnapshot =
      o.customerCode?.toLowerCase().includes(needle) ||
      o.customerName?.zh.toLowerCase().includes(needle) ||
      o.customerName?.en.toLowerCase().includes(needle);
    if (!p.searchedCustomers.has(o.customerId) && !bySnapshot) return false;
  }
  return true;
}

/** Index sources that bound the query; each yields the candidates' primary keys. */
function sources(table: Orders, p: Prepared): { name: string; keys: () => Promise<string[]> }[] {
  const f = p.filter;
  const out: { name: string; keys: () => Promise<string[]> }[] = [];
  const bounded = (c: Collection<StoredRecord, string>) => async () =>
    (await c.limit(SMALL + 1).primaryKeys()) as string[];
  if (p.numberSearch) {
    const n = p.numberSearch;
    out.push({
      name: 'number',
      keys: async () => {
        const [a, b] = await Promise.all([
          table
            .where('number')
            .startsWithIgnoreCase(n)
            .limit(SMALL + 1)
            .primaryKeys(),
          table
            .where('intakeNumber')
            .startsWithIgnoreCase(n)
            .limit(SMALL + 1)
            .primaryKeys(),
        ]);
        return [...new Set([...a, ...b])] as string[];
      },
    });
  }
  if (f.customerId) {
    out.push({ name: 'customer', keys: bounded(table.where('customerId').equals(f.customerId)) });
  }
  if (p.searchedCustomers && p.searchedCustomers.size > 0 && p.searchedCustomers.size <= 50) {
    out.push({
      name: 'customer-search',
      keys: bounded(table.where('customerId').anyOf([...p.searchedCustomers])),
    });
  }
  if (f.model) out.push({ name: 'model', keys: bounded(table.where('models').equals(f.model)) });
  if (f.states && f.states.length > 0) {
    out.push({ name: 'state', keys: bounded(table.where('state').anyOf([...f.states])) });
  }
  if (f.channel)
    out.push({ name: 'channel', keys: bounded(table.where('channel').equals(f.channel)) });
  if (f.from || f.to) {
    const field = f.dateField ?? 'createdAt';
    out.push({
      name: field,
      keys: bounded(
        table.where(field).between(f.from ?? '', f.to ? endOf(f.to) : '\uffff', true, true),
      ),
    });
  }
  return out;
}

function compare(field: OrderSortField, direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: OrderRecord, b: OrderRecord) => {
    const x = a[field];
    const y = b[field];
    // Orders without the field (no requested date) go last either way.
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return x < y ? -sign : x > y ? sign : a.id < b.id ? -sign : sign;
  };
}

/** Up to this many compound walks are merged rather than one index walked and filtered. */
const MAX_MERGE = 8;

function mergeableValues(p: Prepared): { index: 'state' | 'customerId'; values: string[] } | null {
  const f = p.filter;
  if (f.customerId || f.channel || p.numberSearch) return null;
  const states = f.states ?? [];
  if (states.length > 1 && states.length <= MAX_MERGE)
    return { index: 'state', values: [...states] };
  const customers = p.searchedCustomers;
  if (customers && customers.size > 0 && customers.size <= MAX_MERGE && states.length === 0) {
    return { index: 'customerId', values: [...customers] };
  }
  return null;
}

function compoundRange(table: Orders, p: Prepared, name: string, value: string) {
  const f = p.filter;
  const lo = f.dateField !== 'requestedDate' && f.from ? f.from : Dexie.minKey;
  const hi = f.dateField !== 'requestedDate' && f.to ? endOf(f.to) : Dexie.maxKey;
  return table.where(`[${name}+createdAt]`).between([value, lo], [value, hi], true, true);
}

/** Whether one condition has a [x+createdAt] index to walk. */
function compoundWalk(p: Prepared): boolean {
  const f = p.filter;
  return !!f.customerId || f.states?.length === 1 || !!f.channel;
}

/**
 * A walk in sort order. For "newest first" with one state, one customer or one channel the
 * compound index gives exactly the rows in order; otherwise the sort field's own index.
 */
function walk(
  table: Orders,
  p: Prepared,
  sort: OrderSort,
): { name: string; coll: Collection<StoredRecord, string> } {
  const f = p.filter;
  if (sort.field === 'createdAt') {
    const lo = f.dateField !== 'requestedDate' && f.from ? f.from : Dexie.minKey;
    const hi = f.dateField !== 'requestedDate' && f.to ? endOf(f.to) : Dexie.maxKey;
    const compound = (name: string, value: string) => compoundRange(table, p, name, value);
    if (f.customerId) return { name: 'walk:customer', coll: compound('customerId', f.customerId) };
    if (f.states?.length === 1)
      return { name: 'walk:state', coll: compound('state', f.states[0]!) };
    if (f.channel) return { name: 'walk:channel', coll: compound('channel', f.channel) };
    return { name: 'walk:createdAt', coll: table.where('createdAt').between(lo, hi, true, true) };
  }
  if (sort.field === 'requestedDate' && f.dateField === 'requestedDate' && (f.from || f.to)) {
    return {
      name: 'walk:requestedDate',
      coll: table
        .where('requestedDate')
        .between(f.from ?? '', f.to ? endOf(f.to) : '\uffff', true, true),
    };
  }
  return { name: `walk:${sort.field}`, coll: table.orderBy(sort.field) };
}

export async function queryOrders(
  db: UserDb,
  filter: OrderFilter,
  sort: OrderSort,
  limit: number,
): Promise<OrderPage> {
  const table = db.domain('order');
  const prepared = prepare(db, filter);
  const p = 'then' in prepared ? await prepared : prepared;
  const test = (o: StoredRecord) => matchesOrder(o as OrderRecord, p);

  // Newest first for one customer, state or channel: the compound index is already in order,
  // so the first screen costs a screenful of rows however many orders the PC holds.
  const compound = sort.field === 'createdAt' && !p.numberSearch && compoundWalk(p);
  if (compound) {
    const { name, coll } = walk(table, p, sort);
    const ordered = sort.direction === 'desc' ? coll.reverse() : coll;
    const rows = (await ordered
      .filter(test)
      .limit(limit + 1)
      .toArray()) as OrderRecord[];
    return { rows: rows.slice(0, limit), hasMore: rows.length > limit, plan: name };
  }

  // Several states, or the few customers a name search found: one compound walk each, merged.
  const many = sort.field === 'createdAt' ? mergeableValues(p) : null;
  if (many) {
    const dir = sort.direction;
    const parts = await Promise.all(
      many.values.map((value) => {
        const coll = compoundRange(table, p, many.index, value);
        return (dir === 'desc' ? coll.reverse() : coll)
          .filter(test)
          .limit(limit + 1)
          .toArray();
      }),
    );
    const rows = (parts.flat() as OrderRecord[]).sort(compare('createdAt', dir));
    return {
      rows: rows.slice(0, limit),
      hasMore: rows.length > limit,
      plan: `merge:${many.index}`,
    };
  }

  // A bounded probe of each source; the first one small enough is read whole.
  for (const source of sources(table, p)) {
    const keys = await source.keys();
    if (keys.length > SMALL) continue;
    const rows = ((await table.bulkGet(keys)) as (OrderRecord | undefined)[])
      .filter((o): o is OrderRecord => o !== undefined && test(o))
      .sort(compare(sort.field, sort.direction));
    return {
      rows: rows.slice(0, limit),
      hasMore: rows.length > limit,
      total: rows.length,
      plan: `small:${source.name}`,
    };
  }

  const { name, coll } = walk(table, p, sort);
  const ordered = sort.direction === 'desc' ? coll.reverse() : coll;
  const rows = (await ordered
    .filter(test)
    .limit(limit + 1)
    .toArray()) as OrderRecord[];
  if (sort.field === 'requestedDate' && rows.length <= limit) {
    // The requestedDate index holds only orders that have one: the undated ones come last.
    const undated = (await table
      .orderBy('createdAt')
      .filter((o) => !(o as OrderRecord).requestedDate && test(o))
      .limit(limit + 1 - rows.length)
      .toArray()) as OrderRecord[];
    rows.push(...undated);
  }
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit, plan: name };
}

/** How many orders match: native index counts where one condition says it all. */
export async function countOrders(db: UserDb, filter: OrderFilter): Promise<number> {
  const table = db.domain('order');
  const prepared = prepare(db, filter);
  const p = 'then' in prepared ? await prepared : prepared;
  const f = filter;
  const conditions = [
    f.states && f.states.length > 0,
    f.customerId,
    f.model,
    f.channel,
    f.from || f.to,
    f.search?.trim(),
  ].filter(Boolean).length;
  if (conditions === 0) return table.count();
  if (conditions === 1) {
    if (f.states && f.states.length > 0)
      return table
        .where('state')
        .anyOf([...f.states])
        .count();
    if (f.customerId) return table.where('customerId').equals(f.customerId).count();
    if (f.model) return table.where('models').equals(f.model).count();
    if (f.channel) return table.where('channel').equals(f.channel).count();
  }
  const test = (o: StoredRecord) => matchesOrder(o as OrderRecord, p);
  for (const source of sources(table, p)) {
    const keys = await source.keys();
    if (keys.length <= SMALL) {
      const rows = (await table.bulkGet(keys)) as (OrderRecord | undefined)[];
      return rows.filter((o) => o !== undefined && test(o)).length;
    }
  }
  // No condition is selective alone: intersect the keys each indexed condition names (keys
  // only, no order is read), then read only what is left when a text search must still look.
  const keySets = await Promise.all(indexedConditions(table, f).map((c) => c.primaryKeys()));
  if (keySets.length === 0) return table.filter(test).count();
  keySets.sort((a, b) => a.length - b.length);
  let left = keySets[0] as string[];
  for (const other of keySets.slice(1)) {
    const within = new Set(other as string[]);
    left = left.filter((k) => within.has(k));
  }
  if (!f.search?.trim()) return left.length;
  let counted = 0;
  for (let i = 0; i < left.length; i += SMALL) {
    const rows = (await table.bulkGet(left.slice(i, i + SMALL))) as (OrderRecord | undefined)[];
    counted += rows.filter((o) => o !== undefined && test(o)).length;
  }
  return counted;
}

/**
 * Each filter condition an index answers exactly, as the same test `matchesOrder` applies:
 * any of the states, the customer, the model (multi-entry index), the channel, the date range.
 */
function indexedConditions(table: Orders, f: OrderFilter): Collection<StoredRecord, string>[] {
  const out: Collection<StoredRecord, string>[] = [];
  if (f.states && f.states.length > 0) out.push(table.where('state').anyOf([...f.states]));
  if (f.customerId) out.push(table.where('customerId').equals(f.customerId));
  if (f.model) out.push(table.where('models').equals(f.model));
  if (f.channel) out.push(table.where('channel').equals(f.channel));
  if (f.from || f.to) {
    const field = f.dateField ?? 'createdAt';
    out.push(table.where(field).between(f.from ?? '', f.to ? endOf(f.to) : '\uffff', true, true));
  }
  return out;
}

/** Every matching order in sort order, in chunks, for the Excel export. */
export async function* allOrders(
  db: UserDb,
  filter: OrderFilter,
  sort: OrderSort,
  chunk = 2000,
): AsyncGenerator<OrderRecord[]> {
  const table = db.domain('order');
  const prepared = prepare(db, filter);
  const p = 'then' in prepared ? await prepared : prepared;
  const test = (o: StoredRecord) => matchesOrder(o as OrderRecord, p);
  const { coll } = walk(table, p, sort);
  const ordered = sort.direction === 'desc' ? coll.reverse() : coll;
  // Keys first (no values read), then the rows a chunk at a time: memory stays flat.
  const keys = (await ordered.primaryKeys()) as string[];
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i += chunk) {
    const rows = (
      (await table.bulkGet(keys.slice(i, i + chunk))) as (OrderRecord | undefined)[]
    ).filter((o): o is OrderRecord => o !== undefined && test(o));
    for (const o of rows) seen.add(o.id);
    if (rows.length > 0) yield rows;
  }
  if (sort.field === 'requestedDate') {
    const undated = (await table
      .filter((o) => !(o as OrderRecord).requestedDate && !seen.has(o.id) && test(o))
      .toArray()) as OrderRecord[];
    if (undated.length > 0) yield undated;
  }
}
