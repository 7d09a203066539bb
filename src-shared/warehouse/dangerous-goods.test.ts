import { describe, expect, it } from 'vitest';
import { airSection, classifyPackage, effectiveUnNumber, unitOfFormat } from './dangerous-goods';

const cell18650 = {
  unNumber: 'UN3480',
  energyWh: 11.52,
  unit: 'cell',
  unitsPerPackage: 200,
} as const;
const pack12v = {
  unNumber: 'UN3480',
  energyWh: 1280,
  unit: 'battery',
  unitsPerPackage: 1,
} as const;

describe('dangerous-goods classification', () => {
  it('ships small Li-ion cells by road under the lithium battery mark, no class 9 label', () => {
    const c = classifyPackage({ ...cell18650, mode: 'road' });
    expect(c.unNumber).toBe('UN3480');
    expect(c.properShippingName).toBe('Lithium ion batteries');
    expect(c.marks).toEqual(['lithium-battery-mark']);
    expect(c.declarationRequired).toBe(false);
  });

  it('fully regulates a battery above 100 Wh (class 9A label, declaration)', () => {
    const c = classifyPackage({ ...pack12v, mode: 'sea' });
    expect(c.marks).toEqual(['class-9a']);
    expect(c.declarationRequired).toBe(true);
  });

  it('draws the Wh lines exactly at 20 Wh per cell and 100 Wh per battery', () => {
    const at = (energyWh: number, unit: 'cell' | 'battery') =>
      classifyPackage({ unNumber: 'UN3480', energyWh, unit, unitsPerPackage: 1, mode: 'road' })
        .marks;
    expect(at(20, 'cell')).toEqual(['lithium-battery-mark']);
    expect(at(20.01, 'cell')).toEqual(['class-9a']);
    expect(at(100, 'battery')).toEqual(['lithium-battery-mark']);
    expect(at(100.01, 'battery')).toEqual(['class-9a']);
  });

  it('turns UN3480 into UN3481 when contained in or packed with equipment', () => {
    expect(effectiveUnNumber('UN3480', 'contained')).toBe('UN3481');
    expect(effectiveUnNumber('UN3090', 'packed')).toBe('UN3091');
    expect(effectiveUnNumber('UN2800', 'packed')).toBe('UN2800');
    const c = classifyPackage({ ...cell18650, withEquipment: 'packed', mode: 'air' });
    expect(c.unNumber).toBe('UN3481');
    expect(c.properShippingName).toBe('Lithium ion batteries packed with equipment');
    // Only standalone UN3480 is cargo-aircraft only with a 30 % state of charge.
    expect(c.marks).not.toContain('cargo-aircraft-only');
    expect(c.maxStateOfChargePct).toBeUndefined();
  });

  it('sorts UN3480 by air into Sections II, IB and IA', () => {
    const air = (energyWh: number, unit: 'cell' | 'battery', unitsPerPackage: number, kg = 1) =>
      airSection({
        unNumber: 'UN3480',
        energyWh,
        unit,
        unitsPerPackage,
        netKgPerPackage: kg,
        mode: 'air',
      });
    expect(air(11.52, 'cell', 8)).toBe('II');
    expect(air(11.52, 'cell', 9)).toBe('IB');
    expect(air(50, 'battery', 2)).toBe('II');
    expect(air(50, 'battery', 3)).toBe('IB');
    expect(air(2, 'cell', 500, 2.5)).toBe('II');
    expect(air(2, 'cell', 500, 2.6)).toBe('IB');
    expect(air(25, 'cell', 1)).toBe('IA');
    expect(air(150, 'battery', 1)).toBe('IA');
    const c = classifyPackage({ ...cell18650, mode: 'air' });
    expect(c.airSection).toBe('IB');
    expect(c.marks).toEqual(['class-9a', 'lithium-battery-mark', 'cargo-aircraft-only']);
    expect(c.maxStateOfChargePct).toBe(30);
    expect(c.declarationRequired).toBe(true);
  });

  it('lets non-spillable lead-acid travel unrestricted but marked NON-SPILLABLE', () => {
    const c = classifyPackage({
      unNumber: 'UN2800',
      energyWh: 1200,
      unit: 'battery',
      unitsPerPackage: 1,
      mode: 'air',
    });
    expect(c.regulated).toBe(false);
    expect(c.dgClass).toBeNull();
    expect(c.marks).toEqual(['non-spillable']);
  });

  it('fully regulates spillable lead-acid, and NiMH only by sea', () => {
    const wet = classifyPackage({
      unNumber: 'UN2794',
      energyWh: 600,
      unit: 'battery',
      unitsPerPackage: 1,
      mode: 'road',
    });
    expect(wet).toMatchObject({ regulated: true, dgClass: '9', marks: ['class-9'] });
    const nimh = { unNumber: 'UN3496', energyWh: 3, unit: 'cell', unitsPerPackage: 100 } as const;
    expect(classifyPackage({ ...nimh, mode: 'road' }).regulated).toBe(false);
    expect(classifyPackage({ ...nimh, mode: 'sea' }).regulated).toBe(true);
  });

  it('knows cells from batteries by format', () => {
    expect(unitOfFormat('18650')).toBe('cell');
    expect(unitOfFormat('pack')).toBe('battery');
    expect(unitOfFormat('vrla-block')).toBe('battery');
    expect(unitOfFormat(undefined)).toBe('battery');
  });
});
