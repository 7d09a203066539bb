import { describe, expect, it } from 'vitest';
import { BufferedTx } from '../sync/run-mutation';
import { scanInMemory } from '../sync/record-index';
import type { StoredRecord } from '../sync/mutation';
import type { CheckSummary } from './order-record';
import {
  CUSTOMER_HISTORY_LIMIT,
  failedParams,
  loadReviewContext,
  reviewToday,
  runReviewChecks,
  runStandingChecks,
  sameChecks,
} from './review-context';

function txOver(records: { kind: string; record: StoredRecord }[]) {
  const of = (kind: string) => records.filter((r) => r.kind === kind).map((r) => r.record);
  return new BufferedTx(
    async (kind, id) => of(kind).find((r) => r.id === id) ?? null,
    async (kind, def, query) => scanInMemory(of(kind), def, query),
  );
}

const CELL = {
  id: 'p-1',
  code: 'CYL-18650-26',
  format: '18650',
  moq: 1000,
  leadTimeDays: 10,
  specs: [{ code: 'STD', name: { zh: '标准', en: 'Standard' } }],
};
/** 1000 cells a day. */
const LINE = {
  id: 'l-1',
  code: 'L1',
  rates: [{ family: '18650', unitsPerHour: 125 }],
  shiftsPerDay: 1,
  hoursPerShift: 8,
  plannedOee: 1,
};
const NOW = { now: '2026-12-01T20:00:00.000Z' };

const order = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  number: id,
  customerId: 'c-1',
  contact: { name: 'Li' },
  lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 5000 }],
  requestedDate: '2026-12-31',
  deliveryPlace: 'Shenzhen',
  state: 'under_review',
  history: [],
  ...extra,
});

describe('review checks read from the store', () => {
  it('counts what other accepted orders hold on the lines, by the family of their products', async () => {
    const tx = txOver([
      { kind: 'customer', record: { id: 'c-1', code: 'C-0001' } },
      { kind: 'product', record: CELL },
      { kind: 'product', record: { ...CELL, id: 'p-2', code: 'CYL-18650-30' } },
      { kind: 'production-line', record: LINE },
      // Another model of the same family, promised before the new order's date.
      {
        kind: 'order',
        record: order('o-held', {
          customerId: 'c-2',
          state: 'planned',
          lines: [{ model: 'CYL-18650-30', quantity: 26_000 }],
          promisedDate: '2026-12-20',
        }),
      },
    ]);
    const results = await runReviewChecks(tx, order('o-new'), NOW);
    const delivery = results.find((r) => r.check === 'delivery')!;
    expect(delivery.status).toBe('fail');
    expect(delivery.findings).toEqual([
      expect.objectContaining({
        code: 'over-capacity',
        params: expect.objectContaining({ committed: 26_000, capacity: 30_000 }),
      }),
    ]);
    expect(failedParams(results)).toEqual({ checks: 'delivery', findings: 'over-capacity' });
  });

  it("reads the customer's newest orders up to the bound, and judges by the server's date", async () => {
    const many = Array.from({ length: CUSTOMER_HISTORY_LIMIT + 5 }, (_, i) =>
      order(`o-${String(i).padStart(5, '0')}`),
    );
    const tx = txOver(many.map((record) => ({ kind: 'order', record })));
    const ctx = await loadReviewContext(tx, order('o-new'), NOW);
    expect(ctx.customerOrders).toHaveLength(CUSTOMER_HISTORY_LIMIT);
    expect(ctx.customerOrders[0]!.id).toBe('o-01004');
    expect(ctx.customer).toBeUndefined();
    expect(ctx.today).toBe('2026-12-01');
    expect(reviewToday({ now: '2026-12-31T23:59:59.000Z' })).toBe('2026-12-31');
  });

  it('standing checks: what the order is made of, from the catalog alone', async () => {
    // No customer records: a department PC that may not read customers decides the same.
    const tx = txOver([{ kind: 'product', record: { ...CELL, discontinued: true } }]);
    const past = order('o-1', { requestedDate: '2020-01-01' });
    const results = await runStandingChecks(tx, past);
    expect(results.map((r) => [r.check, r.status])).toEqual([
      ['catalog', 'fail'],
      ['quantity', 'pass'],
    ]);
  });

  it('compares check summaries regardless of order', () => {
    const a: CheckSummary[] = [
      { check: 'catalog', status: 'pass', findings: [] },
      { check: 'duplicates', status: 'warn', findings: ['possible-duplicate'] },
    ];
    expect(sameChecks(a, [...a].reverse())).toBe(true);
    expect(sameChecks(a, [a[0]!])).toBe(false);
    expect(sameChecks(a, [a[0]!, { ...a[1]!, status: 'pass' }])).toBe(false);
  });
});
