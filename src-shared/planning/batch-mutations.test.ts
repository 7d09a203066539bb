import { describe, expect, it } from 'vitest';
import { isLegalPath, type OrderState } from '../orders/order-state';
import { acceptedOrder, id, ORDER, PLANNER, PLANNER2, threeShiftLine } from './test-plant';
import { MemoryStore } from '../sync/memory-store';
import type { BatchRecord } from './batch-mutations';
import type { OrderLike } from './order-progress';

const planner = PLANNER;
const planner2 = PLANNER2;
const workshop = { id: 'u-prod', role: 'production' as const, name: 'Liu Qiang' };

function store(): MemoryStore {
  const s = new MemoryStore();
  s.put(
    'order',
    acceptedOrder(
      [
        { model: 'CYL-18650-26', quantity: 10_000 },
        { model: 'CYL-18650-26', quantity: 5_000 },
      ],
      [
        { from: null, to: 'received' },
        ...['under_review', 'reviewed', 'sales_confirmed', 'in_feasibility', 'accepted'].map(
          (to) => ({ to }),
        ),
      ],
    ),
  );
  // 1,250 an hour at full OEE: 10,000 cells fill one 8-hour shift. The line must have a rate
  // for the family since the mutator refuses lines that cannot make it (issue 12).
  const rates = [{ family: '18650', unitsPerHour: 1250 }];
  for (const n of [1, 2, 3]) s.put('production-line', threeShiftLine(`L${n}`, `L${n}-CYL`, rates));
  s.put(
    'production-line',
    threeShiftLine('LP', 'LP-PRI', [{ family: 'prismatic', unitsPerHour: 900 }]),
  );
  s.put('product', { id: 'p-18650', code: 'CYL-18650-26', format: '18650' });
  return s;
}

const plan = (n: number, over: Record<string, unknown> = {}) => ({
  id: id(n),
  model: 'CYL-18650-26',
  family: '18650',
  quantity: 10_000,
  lineId: 'L1',
  start: '2026-12-07T06:00:00+08:00',
  end: '2026-12-07T14:00:00+08:00',
  ...over,
});

const order = (s: MemoryStore) => s.get<OrderLike>('order', ORDER)!;
const states = (s: MemoryStore) =>
  [
    'received',
    ...(order(s).history as { to: OrderState }[]).slice(1).map((h) => h.to),
  ] as OrderState[];

describe('planning mutations', () => {
  it('plans a batch from order lines; the order is planned once every line is covered', async () => {
    const s = store();
    expect(
      await s.run(
        planner,
        'batch.plan',
        plan(1, { orderLines: [{ orderId: ORDER, lineKey: '0', quantity: 10_000 }] }),
      ),
    ).toEqual({ status: 'applied' });
    expect(order(s).state).toBe('accepted');
    expect(s.get<BatchRecord>('batch', id(1))).toMatchObject({
      orderId: ORDER,
      orderNumber: 'SO-2026-000001',
      number: 'BT-2026-000001',
    });
    await s.run(
      planner,
      'batch.plan',
      plan(2, { quantity: 5_000, orderLines: [{ orderId: ORDER, lineKey: '1', quantity: 5_000 }] }),
    );
    expect(order(s).state).toBe('planned');
    expect((order(s).history as unknown[]).at(-1)).toMatchObject({
      from: 'accepted',
      to: 'planned',
      by: 'u-plan',
    });
    expect(isLegalPath(states(s))).toBe(true);
  });

  it('refuses batches for an order that is not accepted', async () => {
    const s = store();
    s.put('order', { ...order(s), state: 'in_feasibility' });
    expect(
      await s.run(
        planner,
        'batch.plan',
        plan(1, { orderLines: [{ orderId: ORDER, lineKey: '0', quantity: 1 }] }),
      ),
    ).toMatchObject({ status: 'rejected', code: 'stale-state' });
  });

  it('records the warnings the planner placed a batch against, and clears them on a clean move', async () => {
    const s = store();
    // Since issue 12 the stored warnings are the mutator's own: the batch serves the order, so
    // the mutator knows the promised date the board warned of.
    await s.run(
      planner,
      'batch.plan',
      plan(1, { orderLines: [{ orderId: ORDER, lineKey: '0', quantity: 10_000 }] }),
    );
    const warning = {
      code: 'promised-date-missed',
      params: { promisedDate: '2026-12-20', lateDays: 1 },
    };
    await s.run(planner, 'batch.move', {
      batchId: id(1),
      baseVersion: 1,
      start: '2026-12-21T06:00:00+08:00',
      end: '2026-12-21T14:00:00+08:00',
      warnings: [warning],
    });
    expect(s.get<BatchRecord>('batch', id(1))?.warnings).toEqual([
      { ...warning, by: 'u-plan', byName: 'Zhang Wei', at: s.now },
    ]);
    expect(s.get<BatchRecord>('batch', id(1))?.pcWarnings).toBeUndefined();
    // Back before the promised date (on L2): nothing is broken, so nothing is recorded.
    await s.run(planner, 'batch.move', {
      batchId: id(1),
      baseVersion: 2,
      lineId: 'L2',
      start: '2026-12-14T06:00:00+08:00',
      warnings: [],
    });
    expect(s.get<BatchRecord>('batch', id(1))?.warnings).toBeUndefined();
    expect(
      await s.run(planner, 'batch.move', {
        batchId: id(1),
        baseVersion: 2,
        warnings: [{ code: 'nope', params: {} }],
      }),
    ).toMatchObject({ status: 'rejected', code: 'invalid-args' });
  });

  it('moves several batches as one action, all or none, telling overridden planners', async () => {
    const s = store();
    await s.run(planner, 'batch.plan', plan(1));
    // The next shift, not the same one: a double booking would leave notices of its own.
    await s.run(
      planner,
      'batch.plan',
      plan(2, { start: '2026-12-07T14:00:00+08:00', end: '2026-12-07T22:00:00+08:00' }),
    );
    await s.run(planner2, 'batch.move', { batchId: id(2), baseVersion: 2, lineId: 'L3' });
    const out = await s.run(planner, 'batch.move-many', {
      moves: [
        { batchId: id(1), baseVersion: 1, lineId: 'L2' },
        { batchId: id(2), baseVersion: 2, lineId: 'L2' },
      ],
    });
    expect(out).toEqual({ status: 'applied' });
    expect(s.all<BatchRecord>('batch').map((b) => b.lineId)).toEqual(['L2', 'L2']);
    expect(s.all('notice')).toHaveLength(1);
    expect(s.all('notice')[0]).toMatchObject({
      _audience: 'u-plan2',
      fields: ['lineId'],
      byName: 'Zhang Wei',
    });
    const missing = await s.run(planner, 'batch.move-many', {
      moves: [
        { batchId: id(1), baseVersion: 9, lineId: 'L1' },
        { batchId: id(99), baseVersion: 9, lineId: 'L1' },
      ],
    });
    expect(missing).toMatchObject({ status: 'rejected', code: 'not-found' });
    expect(s.get<BatchRecord>('batch', id(1))?.lineId).toBe('L2');
  });

  it('splits a batch, handing its order lines out to the parts', async () => {
    const s = store();
    await s.run(
      planner,
      'batch.plan',
      plan(1, {
        quantity: 15_000,
        orderLines: [
          { orderId: ORDER, lineKey: '0', quantity: 10_000 },
          { orderId: ORDER, lineKey: '1', quantity: 5_000 },
        ],
      }),
    );
    expect(order(s).state).toBe('planned');
    const bad = await s.run(planner, 'batch.split', {
      batchId: id(1),
      parts: [
        {
          id: id(1),
          quantity: 6000,
          start: '2026-12-07T06:00:00+08:00',
          end: '2026-12-07T14:00:00+08:00',
        },
        {
          id: id(2),
          quantity: 6000,
          start: '2026-12-07T14:00:00+08:00',
          end: '2026-12-07T22:00:00+08:00',
        },
      ],
    });
    expect(bad).toMatchObject({
      status: 'rejected',
      code: 'invalid-args',
      params: { message: 'sum' },
    });
    const ok = await s.run(planner, 'batch.split', {
      batchId: id(1),
      parts: [
        {
          id: id(1),
          quantity: 12_000,
          start: '2026-12-07T06:00:00+08:00',
          end: '2026-12-07T14:00:00+08:00',
        },
        {
          id: id(2),
          quantity: 3000,
          lineId: 'L2',
          start: '2026-12-07T14:00:00+08:00',
          end: '2026-12-07T22:00:00+08:00',
        },
      ],
    });
    expect(ok).toEqual({ status: 'applied' });
    const [a, b] = [s.get<BatchRecord>('batch', id(1))!, s.get<BatchRecord>('batch', id(2))!];
    expect(a.orderLines).toEqual([
      { orderId: ORDER, lineKey: '0', quantity: 10_000 },
      { orderId: ORDER, lineKey: '1', quantity: 2000 },
    ]);
    expect(b).toMatchObject({
      quantity: 3000,
      lineId: 'L2',
      number: 'BT-2026-000002',
      splitFrom: id(1),
    });
    expect(b.orderLines).toEqual([{ orderId: ORDER, lineKey: '1', quantity: 3000 }]);
    expect(Object.keys(order(s).batchPlan ?? {})).toEqual([id(1), id(2)]);
    expect(order(s).state).toBe('planned');
  });

  it('merges compatible batches into one and refuses incompatible ones', async () => {
    const s = store();
    await s.run(
      planner,
      'batch.plan',
      plan(1, {
        quantity: 10_000,
        orderLines: [{ orderId: ORDER, lineKey: '0', quantity: 10_000 }],
      }),
    );
    await s.run(
      planner,
      'batch.plan',
      plan(2, { quantity: 5_000, orderLines: [{ orderId: ORDER, lineKey: '1', quantity: 5_000 }] }),
    );
    await s.run(planner, 'batch.plan', plan(3, { model: 'OTHER' }));
    expect(
      await s.run(planner, 'batch.merge', {
        targetId: id(1),
        sourceIds: [id(3)],
        end: '2026-12-08T06:00:00+08:00',
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'not-mergeable',
      params: { reason: 'different-model' },
    });
    expect(
      await s.run(planner, 'batch.merge', {
        targetId: id(1),
        sourceIds: [id(2)],
        end: '2026-12-08T06:00:00+08:00',
      }),
    ).toEqual({ status: 'applied' });
    expect(s.get('batch', id(2))).toBeUndefined();
    // The end is what 15,000 cells take on L1 from the batch's start (12 h: 18:00 plant time),
    // not the PC's; the PC's is kept beside it (issue 12).
    expect(s.get<BatchRecord>('batch', id(1))).toMatchObject({
      quantity: 15_000,
      end: '2026-12-07T10:00:00.000Z',
      pcEnd: '2026-12-08T06:00:00+08:00',
    });
    expect(Object.keys(order(s).batchPlan ?? {})).toEqual([id(1)]);
    expect(order(s).state).toBe('planned');
  });

  it('runs a batch in the workshop; the order follows to in production and ready to ship', async () => {
    const s = store();
    await s.run(
      planner,
      'batch.plan',
      plan(1, {
        quantity: 15_000,
        orderLines: [
          { orderId: ORDER, lineKey: '0', quantity: 10_000 },
          { orderId: ORDER, lineKey: '1', quantity: 5_000 },
        ],
      }),
    );
    expect(await s.run(workshop, 'batch.plan', plan(2))).toMatchObject({ code: 'forbidden' });
    expect(
      await s.run(workshop, 'batch.report', {
        batchId: id(1),
        reportId: id(50),
        good: 1,
        scrap: 0,
      }),
    ).toMatchObject({ code: 'stale-state' });
    expect(await s.run(workshop, 'batch.run', { batchId: id(1), step: 'start' })).toEqual({
      status: 'applied',
    });
    expect(order(s).state).toBe('in_production');
    await s.run(workshop, 'batch.run', { batchId: id(1), step: 'pause' });
    expect(s.get<BatchRecord>('batch', id(1))?.paused).toBe(true);
    await s.run(workshop, 'batch.run', { batchId: id(1), step: 'resume' });
    await s.run(workshop, 'batch.report', {
      batchId: id(1),
      reportId: id(51),
      good: 14_000,
      scrap: 300,
    });
    // The same report pushed twice counts once.
    await s.run(workshop, 'batch.report', {
      batchId: id(1),
      reportId: id(51),
      good: 14_000,
      scrap: 300,
    });
    expect(s.get<BatchRecord>('batch', id(1))).toMatchObject({ good: 14_000, scrap: 300 });
    expect(
      await s.run(workshop, 'batch.report', {
        batchId: id(1),
        reportId: id(52),
        good: -20_000,
        scrap: 0,
      }),
    ).toMatchObject({ code: 'invalid-args' });
    await s.run(workshop, 'batch.run', { batchId: id(1), step: 'complete' });
    // 14,000 good of 15,000 ordered: produced short, so not ready to ship.
    expect(order(s).state).toBe('in_production');
    await s.run(
      planner,
      'batch.plan',
      plan(3, { quantity: 1000, orderLines: [{ orderId: ORDER, lineKey: '1', quantity: 1000 }] }),
    );
    await s.run(workshop, 'batch.run', { batchId: id(3), step: 'start' });
    await s.run(workshop, 'batch.report', {
      batchId: id(3),
      reportId: id(53),
      good: 1000,
      scrap: 0,
    });
    await s.run(workshop, 'batch.run', { batchId: id(3), step: 'complete' });
    // Made in full, but not through final inspection: quality's verdict moves it on
    // (quality-mutations.test.ts, "a passed final inspection makes the order ready to ship").
    expect(order(s).state).toBe('in_production');
    expect(order(s).batchPlan?.[id(3)]).toMatchObject({ state: 'done', released: false });
    expect(isLegalPath(states(s))).toBe(true);
  });

  it('does not start a batch quality holds', async () => {
    const s = store();
    await s.run(planner, 'batch.plan', plan(1));
    s.put('batch', {
      ...s.get<BatchRecord>('batch', id(1))!,
      quality: { lots: [], ncrs: [{ id: 'n', state: 'open' }] },
    });
    expect(await s.run(workshop, 'batch.run', { batchId: id(1), step: 'start' })).toMatchObject({
      status: 'rejected',
      code: 'on-hold',
    });
  });

  it('edits a line calendar part by part', async () => {
    const s = store();
    expect(
      await s.run(planner, 'line.calendar', {
        lineId: 'L1',
        holidays: ['2026-12-25'],
        maintenance: [
          { id: 'm', start: '2026-12-08T08:00:00+08:00', end: '2026-12-08T12:00:00+08:00' },
        ],
      }),
    ).toEqual({ status: 'applied' });
    await s.run(workshop, 'line.calendar', {
      lineId: 'L1',
      shifts: [{ code: 'A', start: '06:00', hours: 8, headcount: 14 }],
    });
    expect(s.get('production-line', 'L1')?.calendar).toMatchObject({
      holidays: ['2026-12-25'],
      shifts: [{ headcount: 14 }],
      maintenance: [{ id: 'm' }],
    });
    expect(
      await s.run(planner, 'line.calendar', {
        lineId: 'L1',
        shifts: [{ code: 'A', start: '25:00', hours: 8 }],
      }),
    ).toMatchObject({ code: 'invalid-args' });
  });
});
