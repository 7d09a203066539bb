import { describe, expect, it } from 'vitest';
import { coverage, followStates, orderLinesOf, type OrderLike } from './order-progress';

const order = (over: Partial<OrderLike> = {}): OrderLike => ({
  id: 'o',
  state: 'accepted',
  lines: [{ quantity: 100 }, { id: 'x', quantity: 50 }],
  ...over,
});

describe('order progress', () => {
  it('keys lines by id, else index', () => {
    expect(orderLinesOf(order()).map((l) => l.key)).toEqual(['0', 'x']);
    expect(orderLinesOf({ lines: 'bad' })).toEqual([]);
  });

  it('is planned only when every line is covered', () => {
    const part = order({
      batchPlan: { b: { quantities: { '0': 100 }, state: 'planned', good: 0 } },
    });
    expect(coverage(part).map((c) => c.planned)).toEqual([100, 0]);
    expect(followStates(part)).toEqual([]);
    const full = order({
      batchPlan: { b: { quantities: { '0': 100, x: 50 }, state: 'planned', good: 0 } },
    });
    expect(followStates(full)).toEqual(['planned']);
  });

  it('goes through planned to in production when a batch starts before full cover', () => {
    const o = order({ batchPlan: { b: { quantities: { '0': 10 }, state: 'running', good: 0 } } });
    expect(followStates(o)).toEqual(['planned', 'in_production']);
  });

  it('is ready to ship when every batch is done, passed final inspection and covers the order', () => {
    const done = (good: number, released = true): OrderLike =>
      order({
        state: 'in_production',
        batchPlan: { b: { quantities: { '0': 100, x: 50 }, state: 'done', good, released } },
      });
    expect(followStates(done(150))).toEqual(['ready_to_ship']);
    expect(followStates(done(149))).toEqual([]);
    // Done but not through final inspection: the goods may not leave yet.
    expect(followStates(done(150, false))).toEqual([]);
    expect(followStates(order({ state: 'ready_to_ship' }))).toEqual([]);
  });
});
