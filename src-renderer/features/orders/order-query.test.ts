import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import type { OrderState } from '../../../src-shared/orders/order-state';
import { openUserDb, type UserDb } from '../../db/user-db';
import {
  allOrders,
  countOrders,
  queryOrders,
  SMALL,
  type OrderFilter,
  type OrderSort,
} from './order-query';

/**
 * The planner against a plain reference: for many filter and sort combinations, the page it
 * answers must be exactly the first rows of "filter everything, sort everything", whichever
 * index plan it chose.
 */

const STATES: OrderState[] = [
  'received',
  'under_review',
  'reviewed',
  'in_feasibility',
  'cancelled',
];
const CHANNELS = ['phone', 'email', 'portal', 'in-person'] as const;
const MODELS = ['CYL-18650-26', 'CYL-21700-49', 'PRI-LFP-105', 'PACK-LFP-12V100', 'RARE-1'];
const N = 6000;

function makeOrder(i: number): OrderRecord {
  // Deterministic spread: customer 7 is rare, RARE-1 appears in 1 of 500 orders.
  const customer = i % 97 === 0 ? 'c-7' : `c-${i % 5}`;
  const model = i % 500 === 0 ? 'RARE-1' : MODELS[i % 4]!;
  const second = i % 3 === 0 ? [{ model: MODELS[(i + 1) % 4]!, quantity: 10 }] : [];
  const created = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
  const prefix = i % 2 === 0 ? 'SO' : 'RQ';
  return {
    id: `o-${String(i).padStart(6, '0')}`,
    number: `${prefix}-2026-${String(i).padStart(6, '0')}`,
    ...(prefix === 'SO' ? { intakeNumber: `RQ-2026-${String(i + 100000).padStart(6, '0')}` } : {}),
    numberProvisional: false,
    customerId: customer,
    channel: CHANNELS[i % CHANNELS.length]!,
    // Half the orders accepted (a broad state), the rest spread.
    state: i % 10 < 5 ? 'accepted' : STATES[(i % 10) - 5]!,
    lines: [{ model, quantity: 100 + i }, ...second],
    models: [...new Set([model, ...second.map((l) => l.model)])],
    ...(i % 10 === 0
      ? {}
      : {
          requestedDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        }),
    history: [],
    createdBy: 'u',
    createdAt: created,
  };
}

let db: UserDb;
let all: OrderRecord[];

beforeAll(async () => {
  db = await openUserDb('query-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  all = Array.from({ length: N }, (_, i) => makeOrder(i));
  await db.domain('order').bulkPut(all);
  await db.domain('customer').bulkPut([
    { id: 'c-0', code: 'C-0000', name: { zh: '绿源储能', en: 'Lvyuan Storage' } },
    { id: 'c-1', code: 'C-0001', name: { zh: '启明电动工具', en: 'Qiming Tools' } },
    { id: 'c-7', code: 'C-0007', name: { zh: '太平洋船舶', en: 'Pacific Marine' } },
  ]);
}, 60_000);
afterAll(() => db?.close());

function reference(filter: OrderFilter, sort: OrderSort): OrderRecord[] {
  const text = filter.search?.trim().toLowerCase() ?? '';
  const customersByText: Record<string, string[]> = {
    lvyuan: ['c-0'],
    pacific: ['c-7'],
    绿源: ['c-0'],
  };
  const rows = all.filter((o) => {
    if (filter.states?.length && !filter.states.includes(o.state)) return false;
    if (filter.customerId && o.customerId !== filter.customerId) return false;
    if (filter.channel && o.channel !== filter.channel) return false;
    if (filter.model && !o.lines.some((l) => l.model === filter.model)) return false;
    const field = filter.dateField ?? 'createdAt';
    const d = o[field]?.slice(0, 10);
    if ((filter.from || filter.to) && !d) return false;
    if (filter.from && d! < filter.from) return false;
    if (filter.to && d! > filter.to) return false;
    if (text) {
      if (/^[a-z]{2}-/.test(text)) {
        if (
          !o.number.toLowerCase().startsWith(text) &&
          !o.intakeNumber?.toLowerCase().startsWith(text)
        )
          return false;
      } else if (!(customersByText[text] ?? []).includes(o.customerId)) return false;
    }
    return true;
  });
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows.sort((a, b) => {
    const x = a[sort.field];
    const y = b[sort.field];
    if (x === undefined || y === undefined) {
      if (x === y) return sort.field === 'requestedDate' ? (a.createdAt < b.createdAt ? -1 : 1) : 0;
      return x === undefined ? 1 : -1;
    }
    return x < y ? -sign : x > y ? sign : a.id < b.id ? -sign : sign;
  });
}

const CASES: [string, OrderFilter, OrderSort][] = [
  ['everything, newest first', {}, { field: 'createdAt', direction: 'desc' }],
  ['one state, newest first', { states: ['accepted'] }, { field: 'createdAt', direction: 'desc' }],
  [
    'two states, oldest first',
    { states: ['received', 'reviewed'] },
    { field: 'createdAt', direction: 'asc' },
  ],
  ['a rare customer', { customerId: 'c-7' }, { field: 'createdAt', direction: 'desc' }],
  [
    'a common customer and a state',
    { customerId: 'c-1', states: ['received'] },
    { field: 'createdAt', direction: 'desc' },
  ],
  ['a rare model', { model: 'RARE-1' }, { field: 'number', direction: 'asc' }],
  [
    'a common model and a channel',
    { model: 'CYL-21700-49', channel: 'email' },
    { field: 'createdAt', direction: 'desc' },
  ],
  [
    'a channel, by delivery date',
    { channel: 'portal' },
    { field: 'requestedDate', direction: 'asc' },
  ],
  [
    'received in February',
    { from: '2026-02-01', to: '2026-02-28' },
    { field: 'createdAt', direction: 'asc' },
  ],
  [
    'due in March, by delivery date',
    { dateField: 'requestedDate', from: '2026-03-01', to: '2026-03-31' },
    { field: 'requestedDate', direction: 'desc' },
  ],
  ['a number prefix', { search: 'SO-2026-0012' }, { field: 'createdAt', direction: 'desc' }],
  [
    'an intake number of a confirmed order',
    { search: 'rq-2026-1000' },
    { field: 'number', direction: 'asc' },
  ],
  ['a customer by name', { search: 'Pacific' }, { field: 'createdAt', direction: 'desc' }],
  [
    'a customer by Chinese name and a state',
    { search: '绿源', states: ['cancelled'] },
    { field: 'createdAt', direction: 'asc' },
  ],
  // Every condition below names more than SMALL orders: counted by intersecting index keys.
  [
    'a broad state and a broad date range',
    { states: ['accepted'], from: '2026-01-01', to: '2026-12-31' },
    { field: 'createdAt', direction: 'desc' },
  ],
  [
    'a broad state, a broad delivery range and a broad number search',
    { states: ['accepted'], dateField: 'requestedDate', from: '2026-01-01', search: 'SO-2026' },
    { field: 'requestedDate', direction: 'asc' },
  ],
  [
    'nothing matches',
    { customerId: 'c-7', model: 'RARE-1', states: ['reviewed'] },
    { field: 'createdAt', direction: 'desc' },
  ],
];

describe('order list queries', { timeout: 30_000 }, () => {
  for (const [name, filter, sort] of CASES) {
    it(`${name}: the page is the reference's first rows, the count its length`, async () => {
      const expected = reference(filter, sort);
      const page = await queryOrders(db, filter, sort, 50);
      expect(page.rows.map((o) => o.id)).toEqual(expected.slice(0, 50).map((o) => o.id));
      expect(page.hasMore).toBe(expected.length > 50);
      if (page.total !== undefined) expect(page.total).toBe(expected.length);
      expect(await countOrders(db, filter)).toBe(expected.length);
    });
  }

  it('reads selective conditions whole and walks an index for broad ones', async () => {
    const newest = { field: 'createdAt', direction: 'desc' } as const;
    expect((await queryOrders(db, { customerId: 'c-7' }, newest, 50)).plan).toBe('walk:customer');
    expect(
      (await queryOrders(db, { model: 'RARE-1' }, { field: 'number', direction: 'asc' }, 50)).plan,
    ).toBe('small:model');
    expect((await queryOrders(db, { search: 'SO-2026-0012' }, newest, 50)).plan).toBe(
      'small:number',
    );
    expect((await queryOrders(db, { states: ['accepted'] }, newest, 50)).plan).toBe('walk:state');
    // One customer and a state: the customer's compound index, in order.
    expect(
      (await queryOrders(db, { customerId: 'c-1', states: ['accepted'] }, newest, 50)).plan,
    ).toBe('walk:customer');
    expect(
      (
        await queryOrders(
          db,
          { customerId: 'c-1', states: ['accepted'] },
          { field: 'number', direction: 'asc' },
          50,
        )
      ).plan,
    ).toBe('small:customer');
    expect((await queryOrders(db, {}, newest, 50)).plan).toBe('walk:createdAt');
    expect(SMALL).toBeLessThan(N / 2);
  });

  it('grows the page as the list scrolls, without gaps or repeats', async () => {
    const sort = { field: 'createdAt', direction: 'desc' } as const;
    const first = await queryOrders(db, { states: ['reviewed'] }, sort, 100);
    const more = await queryOrders(db, { states: ['reviewed'] }, sort, 300);
    expect(more.rows.slice(0, 100).map((o) => o.id)).toEqual(first.rows.map((o) => o.id));
    expect(new Set(more.rows.map((o) => o.id)).size).toBe(300);
  });

  it('streams every match in order for the export', async () => {
    const filter: OrderFilter = { channel: 'phone' };
    const sort = { field: 'requestedDate', direction: 'asc' } as const;
    const chunks: OrderRecord[][] = [];
    for await (const chunk of allOrders(db, filter, sort, 300)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat().map((o) => o.id)).toEqual(reference(filter, sort).map((o) => o.id));
  });
});
