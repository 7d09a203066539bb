import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import { openUserDb, type UserDb } from '../../db/user-db';
import { queryOrders, type OrderFilter } from './order-query';

/**
 * The list on screen is a live query: it must re-run when the sync engine writes orders. An
 * async step that reads no table, awaited inside the query, makes Dexie lose track of what the
 * query read, and the list silently stops following (this happened: the order desk kept
 * showing a provisional number after the server's had arrived).
 */
let db: UserDb;

function order(i: number): OrderRecord {
  return {
    id: `o-${i}`,
    number: `RQ-~${i}`,
    numberProvisional: true,
    customerId: 'c-1',
    channel: 'phone',
    state: 'received',
    lines: [{ model: 'M', quantity: 1 }],
    models: ['M'],
    history: [],
    createdBy: 'u',
    createdAt: `2026-12-01T08:00:0${i}.000Z`,
  };
}

beforeAll(async () => {
  db = await openUserDb('live-query-test');
  await db.domain('order').bulkPut([order(1), order(2)]);
  await db
    .domain('customer')
    .put({ id: 'c-1', code: 'C-0001', name: { zh: '绿源', en: 'Lvyuan' } });
});
afterAll(() => db?.close());

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the order list as a live query', () => {
  const cases: [string, OrderFilter][] = [
    ['no filter', {}],
    ['a customer search', { search: 'Lvyuan' }],
    ['a number search', { search: 'RQ-' }],
    ['a state', { states: ['received'] }],
  ];
  for (const [name, filter] of cases) {
    it(`${name}: a synced change reaches the list`, async () => {
      const seen: string[] = [];
      const sub = liveQuery(() =>
        queryOrders(db, filter, { field: 'createdAt', direction: 'desc' }, 10),
      ).subscribe((page) => seen.push(page.rows.map((o) => o.number).join(',')));
      for (let i = 0; i < 50 && seen.length === 0; i++) await wait(20);
      const server = {
        ...order(2),
        number: `RQ-2026-00000${cases.findIndex((c) => c[0] === name)}`,
        numberProvisional: false,
      };
      await db.transaction('rw', db.syncTables, async () => {
        await db.domain('order').put(server);
      });
      for (let i = 0; i < 50 && !seen.at(-1)?.startsWith(server.number); i++) await wait(20);
      sub.unsubscribe();
      await db.domain('order').put(order(2));
      expect(seen.at(-1)).toBe(`${server.number},RQ-~1`);
    });
  }
});
