import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../sync/memory-store';
import { FACT_STATES } from './order-flow';
import { deliveryDateProblem } from './order-mutations';
import type { OrderRecord } from './order-record';
import { TRANSITION_ACTION, type OrderState } from './order-state';

const ORDER_ID = '0190a000-0000-7000-8000-0000000000f1';
const PLANNER = { id: 'u-plan', role: 'planning', name: 'Liu' } as const;
const WH = { id: 'u-wh', role: 'warehouse', name: 'Ma' } as const;
const SALES = { id: 'u-sales', role: 'sales', name: 'Chen' } as const;
const ADMIN = { id: 'u-admin', role: 'admin', name: 'Admin' } as const;

function storeWith(state: OrderState): MemoryStore {
  const store = new MemoryStore();
  // The server's clock: the deliveries below happened on 5 December.
  store.now = '2026-12-06T08:00:00.000Z';
  store.put('order', {
    id: ORDER_ID,
    number: 'SO-2026-000001',
    state,
    customerId: 'c-1',
    lines: [{ model: 'CYL-21700-50', quantity: 100 }],
    history: [],
  });
  return store;
}

const order = (s: MemoryStore) => s.get<OrderRecord>('order', ORDER_ID)!;

describe('one owner per order state (issue 12)', () => {
  it('refuses every fact-driven state as a bare request, whoever asks, and changes nothing', async () => {
    const from: Partial<Record<OrderState, OrderState>> = {
      planned: 'accepted',
      in_production: 'planned',
      ready_to_ship: 'in_production',
      partly_shipped: 'ready_to_ship',
      shipped: 'ready_to_ship',
      delivered: 'shipped',
      closed: 'delivered',
    };
    for (const [to, mutation] of Object.entries(FACT_STATES) as [OrderState, string][]) {
      const store = storeWith(from[to]!);
      const before = JSON.stringify([...store.rows]);
      // The role the state's action belongs to, and admin, are both refused: no role may.
      for (const user of [ADMIN, TRANSITION_ACTION[to] === 'batch.plan' ? PLANNER : WH]) {
        const outcome = await store.run(user, 'order.transition', { orderId: ORDER_ID, to });
        if (outcome.status === 'rejected' && outcome.code === 'forbidden') continue;
        expect(outcome, `${user.role} → ${to}`).toEqual({
          status: 'rejected',
          code: 'needs-own-action',
          params: { to, mutation },
        });
      }
      expect(JSON.stringify([...store.rows])).toBe(before);
    }
  });

  it('the cases found: a warehouse user cannot ship, a planner cannot plan without a batch', async () => {
    const accepted = storeWith('accepted');
    expect(
      await accepted.run(PLANNER, 'order.transition', { orderId: ORDER_ID, to: 'planned' }),
    ).toMatchObject({ status: 'rejected', code: 'needs-own-action' });
    const ready = storeWith('ready_to_ship');
    expect(
      await ready.run(WH, 'order.transition', { orderId: ORDER_ID, to: 'shipped' }),
    ).toMatchObject({ status: 'rejected', code: 'needs-own-action' });
    expect(order(ready).state).toBe('ready_to_ship');
  });

  it('a delivery is recorded once everything shipped, then sales closes the order', async () => {
    const partly = storeWith('partly_shipped');
    expect(
      await partly.run(WH, 'order.deliver', { orderId: ORDER_ID, deliveredOn: '2026-12-05' }),
    ).toMatchObject({ status: 'rejected', code: 'illegal-transition' });

    const store = storeWith('shipped');
    expect(
      await store.run(SALES, 'order.deliver', { orderId: ORDER_ID, deliveredOn: '2026-12-05' }),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await store.run(WH, 'order.deliver', {
        orderId: ORDER_ID,
        deliveredOn: '2026-12-05',
        receivedBy: '林晓东',
        note: 'POD 778812',
      }),
    ).toEqual({ status: 'applied' });
    expect(order(store)).toMatchObject({
      state: 'delivered',
      delivery: { deliveredOn: '2026-12-05', receivedBy: '林晓东', recordedBy: WH.id },
    });
    expect(await store.run(SALES, 'order.close', { orderId: ORDER_ID })).toEqual({
      status: 'applied',
    });
    expect(order(store).state).toBe('closed');
    expect(order(store).history.map((h) => h.to)).toEqual(['delivered', 'closed']);
  });

  it('refuses a delivery dated in the future or before the goods left, and changes nothing', async () => {
    const store = storeWith('shipped');
    const shippedOrder = order(store);
    store.put('order', {
      ...shippedOrder,
      history: [
        {
          from: 'ready_to_ship',
          to: 'shipped',
          by: WH.id,
          clientId: 'pc',
          clientTime: '2026-12-03T09:00:00.000Z',
          at: '2026-12-03T09:00:00.000Z',
        },
      ],
    });
    const before = JSON.stringify([...store.rows]);
    for (const deliveredOn of ['2026-12-09', '2026-11-30']) {
      expect(
        await store.run(WH, 'order.deliver', { orderId: ORDER_ID, deliveredOn }),
        deliveredOn,
      ).toMatchObject({
        status: 'rejected',
        code: 'invalid-args',
        params: { path: 'deliveredOn' },
      });
    }
    expect(JSON.stringify([...store.rows])).toBe(before);
    // The plant's day may be UTC's next one: the day of shipping and today are both fine.
    const history = order(store).history;
    expect(deliveryDateProblem('2026-12-03', { history }, store.now)).toBeNull();
    expect(deliveryDateProblem('2026-12-07', { history }, store.now)).toBeNull();
  });
});
