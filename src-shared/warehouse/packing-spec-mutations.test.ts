import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../sync/memory-store';
import { packingSpecFor } from './packing-spec';
import {
  packingSpecId,
  packingSpecSchema,
  type PackingSpecInput,
  type PackingSpecRecord,
} from './packing-spec-mutations';

const wh = { id: 'u-wh', role: 'warehouse' as const };
const sales = { id: 'u-sales', role: 'sales' as const };
const admin = { id: 'u-admin', role: 'admin' as const };

const spec: PackingSpecInput = {
  model: 'PACK-LFP-12V100',
  customerId: 'cust-1',
  unitsPerCarton: 2,
  cartonsPerPallet: 12,
  materials: [
    { name: { zh: '缠绕膜', en: 'Stretch film' }, recyclable: false },
    { name: { zh: '瓦楞纸箱', en: 'Corrugated carton' }, recyclable: true },
  ],
};
const id = packingSpecId(spec);

function issuesOf(value: unknown): string[] {
  const r = packingSpecSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('packing spec schema', () => {
  it('takes a spec for a model, optionally for one customer, or for a format', () => {
    expect(issuesOf(spec)).toEqual([]);
    const { customerId: _c, ...general } = spec;
    expect(issuesOf(general)).toEqual([]);
    const { model: _m, ...noModel } = general;
    expect(issuesOf({ ...noModel, format: 'pack' })).toEqual([]);
  });

  it('wants a model or a format, not both and not neither', () => {
    const { model: _m, ...noModel } = spec;
    expect(issuesOf(noModel)).toEqual(['model']);
    expect(issuesOf({ ...spec, format: 'pack' })).toEqual(['model']);
    expect(issuesOf({ ...spec, format: 'crate' })).toContain('format');
  });

  it('wants whole positive counts', () => {
    expect(issuesOf({ ...spec, unitsPerCarton: 0 })).toEqual(['unitsPerCarton']);
    expect(issuesOf({ ...spec, unitsPerCarton: 1.5 })).toEqual(['unitsPerCarton']);
    expect(issuesOf({ ...spec, cartonsPerPallet: -1 })).toEqual(['cartonsPerPallet']);
  });

  it('wants at least one material, each named in both languages', () => {
    expect(issuesOf({ ...spec, materials: [] })).toEqual(['materials']);
    const unnamed = { name: { zh: '纸箱', en: '  ' }, recyclable: true };
    expect(issuesOf({ ...spec, materials: [unnamed] })).toEqual(['materials.0.name.en']);
    const unsaid = { name: { zh: '纸箱', en: 'Carton' } };
    expect(issuesOf({ ...spec, materials: [unsaid] })).toEqual(['materials.0.recyclable']);
  });

  it('gives one id per model (or format) and customer', () => {
    expect(id).toBe('PACK-LFP-12V100@cust-1');
    expect(packingSpecId({ model: 'PACK-LFP-12V100' })).toBe('PACK-LFP-12V100@*');
    expect(packingSpecId({ format: 'pack', customerId: 'cust-1' })).toBe('format:pack@cust-1');
  });
});

describe('packing spec mutations', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = new MemoryStore();
    store.put('customer', { id: 'cust-1', code: 'C1' });
  });

  it('saves a new spec for the warehouse and admin, not for sales', async () => {
    expect(await store.run(sales, 'packingSpec.save', { spec })).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
    expect(await store.run(wh, 'packingSpec.save', { spec })).toEqual({ status: 'applied' });
    const saved = store.get<PackingSpecRecord>('packing-spec', id)!;
    expect(saved).toMatchObject({ ...spec, id, updatedBy: 'u-wh' });
    const general = { ...spec, customerId: undefined, model: 'CELL-X' };
    expect(await store.run(admin, 'packingSpec.save', { spec: general })).toEqual({
      status: 'applied',
    });
  });

  it('refuses a second spec for the same model and customer', async () => {
    await store.run(wh, 'packingSpec.save', { spec });
    expect(
      await store.run(wh, 'packingSpec.save', { spec: { ...spec, unitsPerCarton: 4 } }),
    ).toMatchObject({ status: 'rejected', code: 'already-exists', params: { id } });
    expect(store.get<PackingSpecRecord>('packing-spec', id)!.unitsPerCarton).toBe(2);
  });

  it('edits on the version read, and refuses an edit based on an older one', async () => {
    await store.run(wh, 'packingSpec.save', { spec });
    const read = store.get<PackingSpecRecord>('packing-spec', id)!._v!;
    expect(
      await store.run(wh, 'packingSpec.save', {
        spec: { ...spec, unitsPerCarton: 4 },
        baseVersion: read,
      }),
    ).toEqual({ status: 'applied' });
    // Someone else opened it before that edit and saves afterwards.
    expect(
      await store.run(admin, 'packingSpec.save', {
        spec: { ...spec, unitsPerCarton: 6 },
        baseVersion: read,
      }),
    ).toMatchObject({ status: 'rejected', code: 'stale-state' });
    expect(store.get<PackingSpecRecord>('packing-spec', id)!.unitsPerCarton).toBe(4);
  });

  it('refuses a spec for a customer that does not exist', async () => {
    expect(
      await store.run(wh, 'packingSpec.save', { spec: { ...spec, customerId: 'nobody' } }),
    ).toMatchObject({ status: 'rejected', code: 'not-found', params: { kind: 'customer' } });
  });

  it('refuses invalid arguments with the path of the field', async () => {
    expect(
      await store.run(wh, 'packingSpec.save', { spec: { ...spec, unitsPerCarton: 0 } }),
    ).toMatchObject({
      status: 'rejected',
      code: 'invalid-args',
      params: { path: 'spec.unitsPerCarton' },
    });
  });

  it('removes a spec read at its current version, so the pair can be specified anew', async () => {
    await store.run(wh, 'packingSpec.save', { spec });
    const v = store.get<PackingSpecRecord>('packing-spec', id)!._v!;
    expect(await store.run(wh, 'packingSpec.remove', { id, baseVersion: v - 1 })).toMatchObject({
      status: 'rejected',
      code: 'stale-state',
    });
    expect(await store.run(wh, 'packingSpec.remove', { id, baseVersion: v })).toEqual({
      status: 'applied',
    });
    expect(store.get('packing-spec', id)).toBeUndefined();
    expect(await store.run(wh, 'packingSpec.remove', { id, baseVersion: v })).toMatchObject({
      status: 'rejected',
      code: 'not-found',
    });
    expect(await store.run(wh, 'packingSpec.save', { spec })).toEqual({ status: 'applied' });
  });

  it('is what packing then uses for that customer', async () => {
    await store.run(wh, 'packingSpec.save', { spec });
    const specs = store.all<PackingSpecRecord>('packing-spec');
    const product = { code: 'PACK-LFP-12V100', format: 'pack' };
    const applies = packingSpecFor(product, 'cust-1', specs)!;
    expect(applies.id).toBe(id);
    expect(applies.materials.map((m) => m.recyclable)).toEqual([true, false]);
    expect(packingSpecFor(product, 'cust-2', specs)!.id).toBe('default-pack');
  });
});
