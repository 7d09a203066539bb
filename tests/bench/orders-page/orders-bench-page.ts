import type { OrderRecord } from '../../../src-shared/orders/order-record';
import type { OrderState } from '../../../src-shared/orders/order-state';
import { openUserDb, type UserDb } from '../../../src-renderer/db/user-db';
import {
  countOrders,
  queryOrders,
  type OrderFilter,
  type OrderSort,
} from '../../../src-renderer/features/orders/order-query';

/**
 * The browser half of the order-list bench (tests/bench/orders-bench.ts): the real UserDb
 * schema and the list's real queries on Chromium's IndexedDB, driven by Playwright through
 * `window.ordersBench`.
 */

const CUSTOMERS = 200;
const MODELS = [
  'CYL-18650-26',
  'CYL-21700-49',
  'CYL-26650-33',
  'PRI-LFP-105',
  'PACK-LFP-12V100',
  'VRLA-12V7',
];
const CHANNELS = ['phone', 'email', 'portal', 'in-person'] as const;
/** Most orders of a working factory are done with; a few are in each early state. */
const STATES: [OrderState, number][] = [
  ['closed', 55],
  ['delivered', 8],
  ['shipped', 5],
  ['in_production', 6],
  ['planned', 5],
  ['accepted', 5],
  ['in_feasibility', 3],
  ['reviewed', 3],
  ['under_review', 3],
  ['received', 2],
  ['cancelled', 3],
  ['rejected', 2],
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pickState(r: number): OrderState {
  let acc = 0;
  const total = STATES.reduce((sum, [, w]) => sum + w, 0);
  for (const [state, weight] of STATES) {
    acc += weight / total;
    if (r < acc) return state;
  }
  return 'closed';
}

function makeOrder(i: number, count: number, random: () => number): OrderRecord {
  const start = Date.UTC(2025, 0, 1);
  const span = 730 * 86_400_000;
  const created = new Date(start + Math.floor((i / count) * span)).toISOString();
  const model = MODELS[Math.floor(random() * MODELS.length)]!;
  const lines = [{ model, spec: 'STD', quantity: 100 + Math.floor(random() * 50_000) }];
  if (random() < 0.3)
    lines.push({
      model: MODELS[Math.floor(random() * MODELS.length)]!,
      spec: 'STD',
      quantity: 500,
    });
  const state = pickState(random());
  const confirmed = !['received', 'under_review', 'reviewed', 'cancelled'].includes(state);
  const seq = String(i + 1).padStart(6, '0');
  const customer = Math.floor(random() * CUSTOMERS);
  return {
    id: `0${String(i).padStart(7, '0')}-0000-7000-8000-000000000000`,
    number: confirmed ? `SO-2026-${seq}` : `RQ-2026-${seq}`,
    ...(confirmed ? { intakeNumber: `RQ-2026-${seq}` } : {}),
    numberProvisional: false,
    customerId: `c-${customer}`,
    customerCode: `C-${String(customer).padStart(4, '0')}`,
    customerName: { zh: `客户 ${customer}`, en: `Customer ${String(customer).padStart(3, '0')}` },
    channel: CHANNELS[Math.floor(random() * CHANNELS.length)]!,
    state,
    lines,
    models: [...new Set(lines.map((l) => l.model))],
    requestedDate: new Date(Date.parse(created) + (30 + Math.floor(random() * 60)) * 86_400_000)
      .toISOString()
      .slice(0, 10),
    deliveryPlace: 'Shenzhen',
    history: [],
    createdBy: 'u-bench',
    createdAt: created,
  };
}

export const FILTERS: { name: string; filter: OrderFilter; sort?: OrderSort }[] = [
  { name: 'all, newest first', filter: {} },
  { name: 'one state', filter: { states: ['received'] } },
  { name: 'two states', filter: { states: ['reviewed', 'in_feasibility'] } },
  { name: 'one customer', filter: { customerId: 'c-42' } },
  { name: 'customer and state', filter: { customerId: 'c-17', states: ['closed'] } },
  { name: 'one model', filter: { model: 'PRI-LFP-105' } },
  { name: 'channel and state', filter: { channel: 'portal', states: ['accepted'] } },
  { name: 'received in a month', filter: { from: '2026-03-01', to: '2026-03-31' } },
  { name: 'number prefix', filter: { search: 'SO-2026-0004' } },
  { name: 'customer by name', filter: { search: 'Customer 042' } },
  { name: 'by delivery date', filter: {}, sort: { field: 'requestedDate', direction: 'asc' } },
  {
    name: 'model, by number',
    filter: { model: 'VRLA-12V7' },
    sort: { field: 'number', direction: 'desc' },
  },
];

const NEWEST: OrderSort = { field: 'createdAt', direction: 'desc' };
/** The list's first screen (use-order-list.ts PAGE). */
const PAGE = 60;

const dbs = new Map<string, UserDb>();

async function seed(name: string, count: number): Promise<{ ms: number; stored: number }> {
  const db = await openUserDb(`orders-bench-${name}`);
  await db.domain('order').clear();
  await db.domain('customer').clear();
  const random = rng(count);
  await db.domain('customer').bulkPut(
    Array.from({ length: CUSTOMERS }, (_, c) => ({
      id: `c-${c}`,
      code: `C-${String(c).padStart(4, '0')}`,
      name: { zh: `客户 ${c}`, en: `Customer ${String(c).padStart(3, '0')}` },
    })),
  );
  const t0 = performance.now();
  const CHUNK = 5000;
  for (let i = 0; i < count; i += CHUNK) {
    const rows = [];
    for (let j = i; j < Math.min(count, i + CHUNK); j++) rows.push(makeOrder(j, count, random));
    await db.domain('order').bulkPut(rows);
  }
  dbs.set(name, db);
  return { ms: performance.now() - t0, stored: await db.domain('order').count() };
}

interface Sample {
  filter: string;
  ms: number;
  rows: number;
  plan: string;
}

async function run(name: string, rounds: number): Promise<{ filter: Sample[]; count: Sample[] }> {
  const db = dbs.get(name);
  if (!db) throw new Error(`not seeded: ${name}`);
  const filter: Sample[] = [];
  const count: Sample[] = [];
  // One warm-up round: the first query pays for opening cursors and the JIT.
  for (const f of FILTERS) await queryOrders(db, f.filter, f.sort ?? NEWEST, PAGE);
  for (let r = 0; r < rounds; r++) {
    for (const f of FILTERS) {
      const t0 = performance.now();
      const page = await queryOrders(db, f.filter, f.sort ?? NEWEST, PAGE);
      filter.push({
        filter: f.name,
        ms: performance.now() - t0,
        rows: page.rows.length,
        plan: page.plan,
      });
    }
  }
  for (const f of FILTERS) {
    const t0 = performance.now();
    const n = await countOrders(db, f.filter);
    count.push({ filter: f.name, ms: performance.now() - t0, rows: n, plan: 'count' });
  }
  return { filter, count };
}

(globalThis as unknown as { ordersBench: unknown }).ordersBench = { seed, run };
