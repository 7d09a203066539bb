import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../sync/memory-store';
import { packableOf, packedSoFar } from './batch-packing';
import type { CartonRecord } from './shipment-record';

const wh = { id: 'u-wh', role: 'warehouse' as const };
const ORDER_A = '018f0000-0000-7000-8000-0000000000aa';
const ORDER_B = '018f0000-0000-7000-8000-0000000000bb';
const released = {
  lots: [{ id: 'lot-1', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
  ncrs: [],
};

function batch(over: Record<string, unknown> = {}) {
  return {
    id: 'b-1',
    number: 'B-1',
    model: 'CELL-1',
    quantity: 10,
    orderId: ORDER_A,
    lineId: 'line-1',
    start: '2026-11-18T00:00:00.000Z',
    end: '2026-11-25T00:00:00.000Z',
    state: 'done',
    good: 10,
    doneAt: '2026-11-20T17:30:00.000Z',
    quality: released,
    ...over,
  };
}

function pack(store: MemoryStore, code: string, quantity: number, extra: object = {}) {
  return store.run(wh, 'carton.pack', { code, batchId: 'b-1', quantity, ...extra });
}

describe('packing against the batch’s good output', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = new MemoryStore();
    store.put('order', { id: ORDER_A, number: 'SO-A', state: 'ready_to_ship', lines: [] });
    store.put('order', { id: ORDER_B, number: 'SO-B', state: 'ready_to_ship', lines: [] });
    store.put('product', { id: 'p-cell', code: 'CELL-1' });
    store.put('batch', batch());
  });

  it('refuses more than the good output not yet packed, and packs the last units', async () => {
    expect(await pack(store, 'C-BIG', 1_000_000)).toMatchObject({
      status: 'rejected',
      code: 'over-quantity',
      params: { packed: 0, good: 10, asked: 1_000_000, remaining: 10 },
    });
    expect(store.get('carton', 'C-BIG')).toBeUndefined();
    expect(await pack(store, 'C1', 6)).toEqual({ status: 'applied' });
    expect(await pack(store, 'C2', 6)).toMatchObject({
      code: 'over-quantity',
      params: { packed: 6, good: 10, asked: 6, remaining: 4 },
    });
    expect(await pack(store, 'C2', 4)).toEqual({ status: 'applied' });
    expect(await pack(store, 'C3', 1)).toMatchObject({ code: 'over-quantity' });
    // More good output reported later makes room again.
    store.put('batch', batch({ good: 11 }));
    expect(await pack(store, 'C3', 1)).toEqual({ status: 'applied' });
  });

  it('counts a pallet built of cartons once, and a pallet packed straight from the batch', async () => {
    expect(await pack(store, 'C1', 3)).toEqual({ status: 'applied' });
    expect(await pack(store, 'C2', 3)).toEqual({ status: 'applied' });
    expect(await store.run(wh, 'pallet.build', { code: 'PAL-1', cartons: ['C1', 'C2'] })).toEqual({
      status: 'applied',
    });
    expect(await pack(store, 'PAL-2', 3, { kind: 'pallet' })).toEqual({ status: 'applied' });
    expect(await pack(store, 'C3', 2)).toMatchObject({
      code: 'over-quantity',
      params: { packed: 9, good: 10 },
    });
    expect(await pack(store, 'C3', 1)).toEqual({ status: 'applied' });
  });

  it('packs nothing of a batch with no output reported', async () => {
    store.put('batch', batch({ good: undefined }));
    expect(await pack(store, 'C1', 1)).toMatchObject({
      code: 'over-quantity',
      params: { packed: 0, good: 0, asked: 1 },
    });
  });

  it('takes the serial rule from the catalog entry of the batch’s model', async () => {
    store.put('product', { id: 'p-cell', code: 'CELL-1', serialized: true });
    store.put('product', { id: 'p-other', code: 'CELL-2' });
    // No product named, or one of another model: neither escapes the serials.
    expect(await pack(store, 'C1', 2)).toMatchObject({
      code: 'invalid-args',
      params: { path: 'serials' },
    });
    expect(await pack(store, 'C1', 2, { productId: 'p-other' })).toMatchObject({
      code: 'wrong-model',
      params: { model: 'CELL-2' },
    });
    expect(await pack(store, 'C1', 2, { productId: 'p-none' })).toMatchObject({
      code: 'not-found',
    });
    expect(await pack(store, 'C1', 2, { serials: ['S1', 'S2'] })).toEqual({ status: 'applied' });
    expect(await pack(store, 'C2', 2, { productId: 'p-cell', serials: ['S3', 'S4'] })).toEqual({
      status: 'applied',
    });
  });

  it('gives a merged batch’s cartons to its orders by share, never one carton to two', async () => {
    store.put(
      'batch',
      batch({
        good: 12,
        orderLines: [
          { orderId: ORDER_A, lineKey: 'a1', quantity: 2 },
          { orderId: ORDER_B, lineKey: 'b1', quantity: 6 },
          { orderId: ORDER_A, lineKey: 'a2', quantity: 2 },
        ],
      }),
    );
    const orderOf = (code: string) => store.get<CartonRecord>('carton', code)!.orderId;
    expect(await pack(store, 'C1', 3)).toEqual({ status: 'applied' });
    expect(orderOf('C1')).toBe(ORDER_A);
    expect(await pack(store, 'C2', 2)).toMatchObject({
      status: 'rejected',
      code: 'carton-spans-orders',
      params: { order: 'SO-A', next: 'SO-B', remaining: 1, asked: 2 },
    });
    expect(await pack(store, 'C2', 1)).toEqual({ status: 'applied' });
    expect(orderOf('C2')).toBe(ORDER_A);
    expect(await pack(store, 'C3', 6)).toEqual({ status: 'applied' });
    expect(orderOf('C3')).toBe(ORDER_B);
    // Output beyond every share stays with the last order, as a single order's surplus does.
    expect(await pack(store, 'C4', 2)).toEqual({ status: 'applied' });
    expect(orderOf('C4')).toBe(ORDER_B);
  });

  it('prints the local day the batch was completed, not its planned end', async () => {
    store.put('production-line', { id: 'line-1', calendar: { utcOffsetMinutes: 480 } });
    expect(await pack(store, 'C1', 1)).toEqual({ status: 'applied' });
    // 17:30 UTC is 01:30 the next morning in the plant.
    expect(store.get<CartonRecord>('carton', 'C1')!.producedOn).toBe('2026-11-21');
    store.put('production-line', { id: 'line-1', calendar: { utcOffsetMinutes: 60 } });
    expect(await pack(store, 'C2', 1)).toEqual({ status: 'applied' });
    expect(store.get<CartonRecord>('carton', 'C2')!.producedOn).toBe('2026-11-20');
    // Marked done before completion times were kept: no date rather than the plan's.
    store.put('batch', batch({ doneAt: undefined }));
    expect(await pack(store, 'C3', 1)).toEqual({ status: 'applied' });
    expect(store.get<CartonRecord>('carton', 'C3')!.producedOn).toBeUndefined();
  });

  it('waits for the workshop to complete the batch', async () => {
    store.put('batch', batch({ state: 'running', doneAt: undefined }));
    expect(await pack(store, 'C1', 1)).toMatchObject({
      status: 'rejected',
      code: 'batch-not-done',
      params: { batch: 'B-1', state: 'running' },
    });
  });
});

describe('what is left to pack', () => {
  it('says how much is left and for which order, cartons only', () => {
    const b = {
      id: 'b',
      good: 10,
      orderLines: [
        { orderId: 'A', quantity: 4 },
        { orderId: 'B', quantity: 6 },
      ],
    };
    const packed = packedSoFar([
      { quantity: 3, orderId: 'A' },
      { quantity: 3, orderId: 'A', contents: ['x'] },
    ]);
    expect(packableOf(b, packed)).toEqual({
      good: 10,
      packed: 3,
      left: 7,
      orderId: 'A',
      leftForOrder: 1,
    });
    expect(packableOf({ id: 'b', good: 5, orderId: 'A' }, packedSoFar([]))).toEqual({
      good: 5,
      packed: 0,
      left: 5,
      orderId: 'A',
      leftForOrder: 5,
    });
  });
});
