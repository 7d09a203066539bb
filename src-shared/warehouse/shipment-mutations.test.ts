import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../sync/memory-store';
import type { OrderRecord } from '../orders/order-record';
import { isLegalPath, type OrderState } from '../orders/order-state';
import { checkComplete, checkScan } from './scan-check';
import type { CartonRecord, ScanIndexRecord, ShipmentRecord } from './shipment-record';

const ORDER = '018f0000-0000-7000-8000-000000000001';
const OTHER_ORDER = '018f0000-0000-7000-8000-000000000002';
const SHIP_A = '018f0000-0000-7000-8000-0000000000a1';
const SHIP_B = '018f0000-0000-7000-8000-0000000000b1';
const wh = { id: 'u-wh', role: 'warehouse' as const };
const wh2 = { id: 'u-wh2', role: 'warehouse' as const };
let n = 0;
const uuid = () => `018f0000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

const released = {
  lots: [{ id: 'lot-1', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
  ncrs: [],
};
const held = { ...released, ncrs: [{ id: 'ncr-1', state: 'open', quantity: 10 }] };
/** A batch the workshop completed, its good output reported (what packing needs). */
const finished = (good: number) => ({ state: 'done', good, doneAt: '2026-11-30T10:00:00.000Z' });
/** The plant's "other carrier" entry, active: shipments here name their carrier by hand. */
const OTHER_CARRIER = {
  id: 'car-other',
  name: 'Other carrier / 其他承运商',
  modes: ['road', 'sea', 'air', 'rail'],
  active: true,
  freeText: true,
};

function seed(store: MemoryStore) {
  const order: Partial<OrderRecord> & { id: string } = {
    id: ORDER,
    number: 'SO-2026-000001',
    customerId: 'cust-1',
    state: 'ready_to_ship',
    lines: [
      { model: 'LFP-12V100', quantity: 10 },
      { model: 'NMC-18650', quantity: 400 },
    ],
    history: [],
  };
  store.put('order', order);
  store.put('order', { ...order, id: OTHER_ORDER, number: 'SO-2026-000002' });
  store.put('carrier', OTHER_CARRIER);
  store.put('batch', {
    id: 'b-pack',
    number: 'B-1',
    model: 'LFP-12V100',
    quantity: 10,
    orderId: ORDER,
    quality: released,
    ...finished(10),
  });
  store.put('batch', {
    id: 'b-cell',
    number: 'B-2',
    model: 'NMC-18650',
    quantity: 400,
    orderId: ORDER,
    quality: released,
    ...finished(400),
  });
  store.put('batch', {
    id: 'b-other',
    number: 'B-3',
    model: 'LFP-12V100',
    quantity: 10,
    orderId: OTHER_ORDER,
    quality: released,
    ...finished(10),
  });
  store.put('batch', {
    id: 'b-held',
    number: 'B-4',
    model: 'LFP-12V100',
    quantity: 10,
    orderId: ORDER,
    quality: released,
    ...finished(10),
  });
  store.put('batch', {
    id: 'b-raw',
    number: 'B-5',
    model: 'LFP-12V100',
    quantity: 10,
    orderId: ORDER,
  });
}

async function pack(store: MemoryStore, code: string, batchId: string, quantity: number) {
  return store.run(wh, 'carton.pack', { code, batchId, quantity });
}

async function scan(store: MemoryStore, shipmentId: string, code: string, user = wh) {
  return store.run(user, 'shipment.scan', { scanId: uuid(), shipmentId, code });
}

describe('warehouse mutations', () => {
  let store: MemoryStore;
  beforeEach(async () => {
    store = new MemoryStore();
    seed(store);
    for (let i = 1; i <= 5; i++)
      expect(await pack(store, `P${i}`, 'b-pack', 2)).toEqual({ status: 'applied' });
    expect(await pack(store, 'C1', 'b-cell', 200)).toEqual({ status: 'applied' });
    expect(await pack(store, 'C2', 'b-cell', 200)).toEqual({ status: 'applied' });
    expect(await pack(store, 'X1', 'b-other', 2)).toEqual({ status: 'applied' });
    expect(await pack(store, 'H1', 'b-held', 2)).toEqual({ status: 'applied' });
    const created = await store.run(wh, 'shipment.create', {
      id: SHIP_A,
      orderId: ORDER,
      lines: [{ model: 'LFP-12V100', quantity: 6 }],
      mode: 'road',
    });
    expect(created).toEqual({ status: 'applied' });
  });

  it('packs only released batches', async () => {
    expect(await pack(store, 'R1', 'b-raw', 2)).toMatchObject({
      status: 'rejected',
      code: 'not-released',
      params: { reason: 'no-final-inspection' },
    });
    store.put('batch', { ...store.get('batch', 'b-held')!, quality: held });
    expect(await pack(store, 'H2', 'b-held', 2)).toMatchObject({
      status: 'rejected',
      code: 'on-hold',
    });
    expect(await pack(store, 'P1', 'b-pack', 2)).toMatchObject({ code: 'already-exists' });
    const carton = store.get<CartonRecord>('carton', 'P1')!;
    expect(carton).toMatchObject({
      model: 'LFP-12V100',
      orderId: ORDER,
      batchNumber: 'B-1',
      quantity: 2,
    });
  });

  it('numbers the shipment and refuses more than the order still needs', async () => {
    expect(store.get<ShipmentRecord>('shipment', SHIP_A)!.number).toBe('SH-2026-000001');
    expect(
      await store.run(wh, 'shipment.create', {
        id: SHIP_B,
        orderId: ORDER,
        lines: [{ model: 'LFP-12V100', quantity: 11 }],
        mode: 'road',
      }),
    ).toMatchObject({ code: 'over-quantity', params: { remaining: 10 } });
    expect(
      await store.run(wh, 'shipment.create', {
        id: SHIP_B,
        orderId: ORDER,
        lines: [{ model: 'VRLA-12V', quantity: 1 }],
        mode: 'road',
      }),
    ).toMatchObject({ code: 'wrong-model' });
  });

  it('refuses each wrong scan with its own reason and counts the right ones', async () => {
    expect(await scan(store, SHIP_A, 'P1')).toEqual({ status: 'applied' });
    expect(await scan(store, SHIP_A, 'P1')).toMatchObject({ code: 'already-scanned' });
    expect(await scan(store, SHIP_A, 'X1')).toMatchObject({ code: 'wrong-order' });
    expect(await scan(store, SHIP_A, 'C1')).toMatchObject({
      code: 'wrong-model',
      params: { model: 'NMC-18650' },
    });
    expect(await scan(store, SHIP_A, 'NOPE')).toMatchObject({ code: 'not-found' });
    store.put('batch', { ...store.get('batch', 'b-held')!, quality: held });
    expect(await scan(store, SHIP_A, 'H1')).toMatchObject({ code: 'on-hold' });
    expect(await scan(store, SHIP_A, 'P2')).toEqual({ status: 'applied' });
    expect(await scan(store, SHIP_A, 'P3')).toEqual({ status: 'applied' });
    expect(await scan(store, SHIP_A, 'P4')).toMatchObject({
      code: 'over-quantity',
      params: { remaining: 0 },
    });
    const shipment = store.get<ShipmentRecord>('shipment', SHIP_A)!;
    expect(shipment.lines[0]!.scanned).toBe(6);
    expect(shipment.cartonCount).toBe(3);
    expect(
      [0, 1, 2].map((i) => store.get<ScanIndexRecord>('scan', `${SHIP_A}#${i}`)!.cartonId),
    ).toEqual(['P1', 'P2', 'P3']);
  });

  it('replays the same scan as a no-op', async () => {
    const args = { scanId: uuid(), shipmentId: SHIP_A, code: 'P1' };
    expect(await store.run(wh, 'shipment.scan', args)).toEqual({ status: 'applied' });
    expect(await store.run(wh, 'shipment.scan', args)).toEqual({ status: 'applied' });
    expect(store.get<ShipmentRecord>('shipment', SHIP_A)!.lines[0]!.scanned).toBe(2);
  });

  it('confirms only a complete scan, then ships the order partly, then fully', async () => {
    await scan(store, SHIP_A, 'P1');
    await scan(store, SHIP_A, 'P2');
    const confirm = { shipmentId: SHIP_A, carrier: 'SF Express', trackingNumber: 'SF1234567890' };
    expect(await store.run(wh, 'shipment.confirm', confirm)).toMatchObject({
      code: 'scan-incomplete',
      params: { scanned: 4, quantity: 6 },
    });
    await scan(store, SHIP_A, 'P3');
    expect(await store.run(wh, 'shipment.confirm', confirm)).toEqual({ status: 'applied' });
    expect(store.get<ShipmentRecord>('shipment', SHIP_A)).toMatchObject({
      state: 'confirmed',
      trackingNumber: 'SF1234567890',
    });
    expect(store.get<CartonRecord>('carton', 'P1')!.shipmentId).toBe(SHIP_A);
    let order = store.get<OrderRecord>('order', ORDER)!;
    expect(order.state).toBe('partly_shipped');
    expect(await store.run(wh, 'shipment.confirm', confirm)).toMatchObject({
      code: 'illegal-transition',
    });
    expect(await scan(store, SHIP_A, 'P4')).toMatchObject({ code: 'shipment-confirmed' });

    await store.run(wh, 'shipment.create', {
      id: SHIP_B,
      orderId: ORDER,
      lines: [
        { model: 'LFP-12V100', quantity: 4 },
        { model: 'NMC-18650', quantity: 400 },
      ],
      mode: 'sea',
    });
    for (const code of ['P4', 'P5', 'C1', 'C2'])
      expect(await scan(store, SHIP_B, code)).toEqual({ status: 'applied' });
    expect(
      await store.run(wh, 'shipment.confirm', {
        ...confirm,
        shipmentId: SHIP_B,
        trackingNumber: 'SF2',
      }),
    ).toEqual({ status: 'applied' });
    order = store.get<OrderRecord>('order', ORDER)!;
    expect(order.state).toBe('shipped');
    const path = ['received', 'ready_to_ship', ...order.history.map((h) => h.to)] as OrderState[];
    expect(path.slice(-2)).toEqual(['partly_shipped', 'shipped']);
    expect(
      isLegalPath([
        'received',
        'under_review',
        'reviewed',
        'sales_confirmed',
        'in_feasibility',
        'accepted',
        'planned',
        'in_production',
        ...path.slice(1),
      ]),
    ).toBe(true);
  });

  it('refuses the second of two PCs confirming the same cartons into two shipments', async () => {
    await store.run(wh2, 'shipment.create', {
      id: SHIP_B,
      orderId: ORDER,
      lines: [{ model: 'LFP-12V100', quantity: 4 }],
      mode: 'road',
    });
    // Both PCs scanned P1 and P2 while offline; the server takes them in arrival order.
    for (const code of ['P1', 'P2', 'P3']) await scan(store, SHIP_A, code);
    for (const code of ['P1', 'P2'])
      expect(await scan(store, SHIP_B, code, wh2)).toEqual({ status: 'applied' });
    const confirm = { carrier: 'SF', trackingNumber: 'T1' };
    expect(await store.run(wh, 'shipment.confirm', { ...confirm, shipmentId: SHIP_A })).toEqual({
      status: 'applied',
    });
    expect(
      await store.run(wh2, 'shipment.confirm', { ...confirm, shipmentId: SHIP_B }),
    ).toMatchObject({
      status: 'rejected',
      code: 'already-shipped',
      params: { carton: 'P1' },
    });
    // A scan after the other confirmation is refused at once.
    expect(await scan(store, SHIP_B, 'P3', wh2)).toMatchObject({ code: 'already-shipped' });
  });

  it('refuses a confirmation whose cartons another shipment took after they were scanned', async () => {
    await store.run(wh2, 'shipment.create', {
      id: SHIP_B,
      orderId: ORDER,
      lines: [{ model: 'LFP-12V100', quantity: 4 }],
      mode: 'road',
    });
    for (const code of ['P1', 'P2']) await scan(store, SHIP_B, code, wh2);
    for (const code of ['P1', 'P2', 'P3']) await scan(store, SHIP_A, code);
    expect(
      await store.run(wh2, 'shipment.confirm', {
        shipmentId: SHIP_B,
        carrier: 'SF',
        trackingNumber: 'T2',
      }),
    ).toEqual({ status: 'applied' });
    expect(
      await store.run(wh, 'shipment.confirm', {
        shipmentId: SHIP_A,
        carrier: 'SF',
        trackingNumber: 'T1',
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'already-shipped',
      params: { carton: 'P1' },
    });
    expect(store.get<ShipmentRecord>('shipment', SHIP_A)!.state).toBe('open');
  });

  it('scans a pallet as all its cartons, and refuses it whole when one does not fit', async () => {
    expect(
      await store.run(wh, 'pallet.build', { code: 'PAL-1', cartons: ['P1', 'P2', 'P3'] }),
    ).toEqual({ status: 'applied' });
    expect(store.get<CartonRecord>('carton', 'PAL-1')).toMatchObject({
      kind: 'pallet',
      quantity: 6,
      contents: ['P1', 'P2', 'P3'],
    });
    expect(store.get<CartonRecord>('carton', 'P1')!.palletId).toBe('PAL-1');
    // A carton already on a pallet, or of another order, cannot go on one.
    expect(await store.run(wh, 'pallet.build', { code: 'PAL-2', cartons: ['P1'] })).toMatchObject({
      code: 'already-exists',
    });
    expect(
      await store.run(wh, 'pallet.build', { code: 'PAL-3', cartons: ['P4', 'X1'] }),
    ).toMatchObject({ code: 'wrong-order' });

    await scan(store, SHIP_A, 'P2');
    expect(await scan(store, SHIP_A, 'PAL-1')).toMatchObject({
      code: 'already-scanned',
      params: { carton: 'P2' },
    });
    // Nothing of the refused pallet was counted.
    expect(store.get<ShipmentRecord>('shipment', SHIP_A)!.lines[0]!.scanned).toBe(2);

    await store.run(wh, 'shipment.create', {
      id: SHIP_B,
      orderId: ORDER,
      lines: [{ model: 'LFP-12V100', quantity: 4 }],
      mode: 'road',
    });
    expect(await store.run(wh, 'pallet.build', { code: 'PAL-4', cartons: ['P4', 'P5'] })).toEqual({
      status: 'applied',
    });
    expect(await scan(store, SHIP_B, 'PAL-4')).toEqual({ status: 'applied' });
    expect(await scan(store, SHIP_B, 'PAL-4')).toMatchObject({ code: 'already-scanned' });
    expect(store.get<ShipmentRecord>('shipment', SHIP_B)).toMatchObject({
      cartonCount: 2,
      lines: [{ scanned: 4 }],
    });
    expect(
      await store.run(wh, 'shipment.confirm', {
        shipmentId: SHIP_B,
        carrier: 'SF',
        trackingNumber: 'T',
      }),
    ).toEqual({ status: 'applied' });
    expect(store.get<CartonRecord>('carton', 'P5')!.shipmentId).toBe(SHIP_B);
  });

  it('is refused to roles without the warehouse actions', async () => {
    expect(
      await store.run({ id: 'q', role: 'quality' }, 'shipment.scan', {
        scanId: uuid(),
        shipmentId: SHIP_A,
        code: 'P1',
      }),
    ).toMatchObject({ code: 'forbidden' });
  });
});

describe('scan check', () => {
  const shipment = {
    id: 's',
    orderId: 'o',
    state: 'open' as const,
    lines: [{ model: 'M', spec: 'A', quantity: 4, scanned: 2 }],
  };
  const carton = {
    id: 'c',
    code: 'c',
    kind: 'carton',
    batchId: 'b',
    orderId: 'o',
    model: 'M',
    spec: 'A',
    quantity: 2,
    packedBy: 'u',
    packedAt: '',
  } as CartonRecord;
  const batch = { quantity: 10, quality: released };

  it('accepts a carton that fits and names its line', () => {
    expect(checkScan({ shipment, carton, batch, alreadyScanned: false })).toEqual({
      ok: true,
      lineIndex: 0,
    });
  });

  it('refuses in a fixed order: confirmed, unknown, duplicate, shipped, order, model, quantity, batch', () => {
    const problem = (over: Partial<Parameters<typeof checkScan>[0]>) => {
      const v = checkScan({ shipment, carton, batch, alreadyScanned: false, ...over });
      return v.ok ? 'ok' : v.problem;
    };
    expect(problem({ shipment: { ...shipment, state: 'confirmed' } })).toBe('shipment-confirmed');
    expect(problem({ carton: undefined })).toBe('unknown-carton');
    expect(problem({ alreadyScanned: true })).toBe('already-scanned');
    expect(problem({ carton: { ...carton, shipmentId: 'other' } })).toBe('already-shipped');
    expect(problem({ carton: { ...carton, orderId: 'x' } })).toBe('wrong-order');
    expect(problem({ carton: { ...carton, spec: 'B' } })).toBe('wrong-model');
    expect(problem({ carton: { ...carton, quantity: 3 } })).toBe('over-quantity');
    expect(problem({ batch: { quantity: 10, quality: held } })).toBe('on-hold');
    expect(problem({ batch: undefined })).toBe('not-released');
  });

  it('confirms only exact counts, neither short nor over', () => {
    expect(checkComplete([{ model: 'M', quantity: 4, scanned: 4 }])).toEqual({ ok: true });
    expect(checkComplete([{ model: 'M', quantity: 4, scanned: 3 }])).toMatchObject({ ok: false });
    expect(checkComplete([{ model: 'M', quantity: 4, scanned: 5 }])).toMatchObject({ ok: false });
  });
});

describe('open quantities', () => {
  it('sums an order per model and takes off what has shipped', async () => {
    const { openQuantities } = await import('./open-quantities');
    expect(
      openQuantities({
        lines: [
          { model: 'A', quantity: 5 },
          { model: 'A', quantity: 5 },
          { model: 'B', quantity: 3 },
        ],
        shipped: { A: 4, B: 3 },
      } as never),
    ).toEqual([{ model: 'A', quantity: 6 }]);
  });
});
