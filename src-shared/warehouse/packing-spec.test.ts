import { describe, expect, it } from 'vitest';
import { packingPlan, packingSpecFor, type PackingSpec } from './packing-spec';

const cell = { code: 'CELL-18650-NMC-2600', format: '18650' };
const own: PackingSpec = {
  id: 'lvyuan-cells',
  model: cell.code,
  customerId: 'c-1',
  unitsPerCarton: 100,
  cartonsPerPallet: 50,
  materials: [
    { name: { zh: '缠绕膜', en: 'Stretch film' }, recyclable: false },
    { name: { zh: '纸箱', en: 'Carton' }, recyclable: true },
  ],
};

describe('packing specs', () => {
  it("takes the customer's own spec for the model, else the format default", () => {
    expect(packingSpecFor(cell, 'c-1', [own])?.id).toBe('lvyuan-cells');
    expect(packingSpecFor(cell, 'c-2', [own])?.id).toBe('default-cyl');
    expect(packingSpecFor({ code: 'X', format: 'pack' }, undefined)?.unitsPerCarton).toBe(1);
    expect(packingSpecFor({ code: 'X' }, undefined)).toBeUndefined();
  });

  it('takes a stored spec for the format before the factory default, the model one before both', () => {
    const format = (id: string, customerId?: string): PackingSpec => ({
      ...own,
      id,
      model: undefined,
      format: '18650',
      ...(customerId ? { customerId } : { customerId: undefined }),
    });
    const stored = [format('cyl-all'), format('cyl-c2', 'c-2'), own];
    expect(packingSpecFor(cell, 'c-1', stored)?.id).toBe('lvyuan-cells');
    expect(packingSpecFor(cell, 'c-2', stored)?.id).toBe('cyl-c2');
    expect(packingSpecFor(cell, 'c-3', stored)?.id).toBe('cyl-all');
    expect(packingSpecFor({ code: 'X', format: '21700' }, 'c-2', stored)?.id).toBe('default-21700');
  });

  it('lists recyclable materials first', () => {
    const spec = packingSpecFor(cell, 'c-1', [own])!;
    expect(spec.materials.map((m) => m.recyclable)).toEqual([true, false]);
  });

  it('plans cartons and pallets, with a part carton last', () => {
    expect(packingPlan(1050, { unitsPerCarton: 200, cartonsPerPallet: 4 })).toEqual({
      cartons: 6,
      pallets: 2,
      lastCartonUnits: 50,
    });
    expect(packingPlan(400, { unitsPerCarton: 200, cartonsPerPallet: 40 }).lastCartonUnits).toBe(
      200,
    );
  });
});
