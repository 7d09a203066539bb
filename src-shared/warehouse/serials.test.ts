import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../sync/memory-store';
import { serialProblems, splitSerials, type SerialRecord } from './serials';
import type { CartonRecord } from './shipment-record';

const wh = { id: 'u-wh', role: 'warehouse' as const };
const released = {
  lots: [{ id: 'lot-1', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
  ncrs: [],
};

function pack(store: MemoryStore, code: string, serials?: string[], extra: object = {}) {
  return store.run(wh, 'carton.pack', {
    code,
    batchId: 'b-pack',
    quantity: 2,
    productId: 'p-pack',
    ...(serials ? { serials } : {}),
    ...extra,
  });
}

describe('serials when packing', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = new MemoryStore();
    store.put('product', { id: 'p-pack', code: 'LFP-12V100', serialized: true });
    store.put('product', { id: 'p-cell', code: 'NMC-18650' });
    store.put('batch', {
      id: 'b-pack',
      number: 'B-1',
      model: 'LFP-12V100',
      quantity: 10,
      quality: released,
      state: 'done',
      good: 10,
      doneAt: '2026-11-30T10:00:00.000Z',
    });
  });

  it('packs a serialized product with one serial per unit and indexes each', async () => {
    expect(await pack(store, 'P1', ['SN-001', 'SN-002'])).toEqual({ status: 'applied' });
    expect(store.get<CartonRecord>('carton', 'P1')!.serials).toEqual(['SN-001', 'SN-002']);
    expect(store.get<SerialRecord>('serial', 'SN-002')).toMatchObject({
      cartonId: 'P1',
      batchId: 'b-pack',
      model: 'LFP-12V100',
      packedBy: 'u-wh',
    });
  });

  it('refuses a serialized carton without serials, or with too few or too many', async () => {
    for (const serials of [undefined, ['SN-001'], ['SN-001', 'SN-002', 'SN-003']]) {
      expect(await pack(store, 'P1', serials)).toMatchObject({
        status: 'rejected',
        code: 'invalid-args',
        params: { path: 'serials' },
      });
    }
    expect(store.get('carton', 'P1')).toBeUndefined();
    expect(store.get('serial', 'SN-001')).toBeUndefined();
  });

  it('refuses a serial listed twice in one carton', async () => {
    expect(await pack(store, 'P1', ['SN-001', 'SN-001'])).toMatchObject({
      code: 'invalid-args',
      params: { path: 'serials', message: expect.stringContaining('SN-001') },
    });
  });

  it('refuses a serial already packed in another carton, and keeps nothing of the carton', async () => {
    await pack(store, 'P1', ['SN-001', 'SN-002']);
    expect(await pack(store, 'P2', ['SN-003', 'SN-002'])).toMatchObject({
      status: 'rejected',
      code: 'serial-already-packed',
      params: { serial: 'SN-002', carton: 'P1' },
    });
    expect(store.get('carton', 'P2')).toBeUndefined();
    expect(store.get('serial', 'SN-003')).toBeUndefined();
    expect(await pack(store, 'P2', ['SN-003', 'SN-004'])).toEqual({ status: 'applied' });
  });

  it('refuses a product that is not the batch model', async () => {
    expect(await pack(store, 'P1', undefined, { productId: 'p-cell' })).toMatchObject({
      code: 'wrong-model',
    });
  });

  it('packs a product without serials as before', async () => {
    store.put('product', { id: 'p-pack', code: 'LFP-12V100' });
    expect(await pack(store, 'P1')).toEqual({ status: 'applied' });
    expect(store.get<CartonRecord>('carton', 'P1')!.serials).toBeUndefined();
  });

  it('reads one serial per scanned line, ignoring blank ones', () => {
    expect(splitSerials(' SN-1\r\nSN-2\n\n  SN-3 \n')).toEqual(['SN-1', 'SN-2', 'SN-3']);
    expect(splitSerials(undefined)).toEqual([]);
  });

  it('says what a scanned list lacks against the units', () => {
    expect(serialProblems(['A', 'B', 'A'], 4)).toEqual({
      duplicates: ['A'],
      missing: 1,
      extra: 0,
    });
    expect(serialProblems(['A', 'B', 'C'], 2)).toEqual({ duplicates: [], missing: 0, extra: 1 });
  });
});
