import { describe, expect, it } from 'vitest';
import { cartonLabel } from '../../../src-shared/warehouse/label-content';
import { barcodeSvg, labelHtml } from './label-html';

const carton = {
  code: 'B-2026-000777-C0001',
  model: 'CELL-18650-NMC-2600',
  spec: 'STD',
  quantity: 200,
  producedOn: '2026-11-20',
  batchNumber: 'B-2026-000777',
  batchId: 'b-1',
};
const cell = {
  code: 'CELL-18650-NMC-2600',
  unNumber: 'UN3480',
  energyWh: 9.36,
  format: '18650',
} as const;

describe('carton label', () => {
  it('names model, quantity, batch and date in both languages and carries the Code 128 barcode', () => {
    const html = labelHtml(cartonLabel(carton, cell));
    expect(html).toContain('data-model="CELL-18650-NMC-2600"');
    expect(html).toContain('data-quantity="200"');
    expect(html).toContain('200 pcs / 只');
    expect(html).toContain('Model / 型号');
    expect(html).toContain('B-2026-000777');
    expect(html).toContain('2026-11-20');
    expect(html).toContain('data-barcode="B-2026-000777-C0001"');
    expect(html).toContain('data-symbology="code128"');
    // The bars themselves: the same SVG bwip-js draws for that content, and not for another.
    const svg = barcodeSvg(carton.code);
    expect(svg).toMatch(/^<svg/);
    expect(html).toContain(svg);
    expect(barcodeSvg('B-2026-000777-C0002')).not.toBe(svg);
  });

  it('marks small Li-ion cells with the lithium battery mark and UN3480, a big pack with class 9A', () => {
    const small = labelHtml(cartonLabel(carton, cell));
    expect(small).toContain('data-mark="lithium-battery-mark"');
    expect(small).toContain('data-un="UN3480"');
    expect(small).not.toContain('data-mark="class-9a"');
    const pack = {
      code: 'PACK-LFP-12V100',
      unNumber: 'UN3480',
      energyWh: 1280,
      format: 'pack',
    } as const;
    const big = labelHtml(cartonLabel({ ...carton, model: pack.code, quantity: 1 }, pack));
    expect(big).toContain('data-mark="class-9a"');
    expect(big).not.toContain('data-mark="lithium-battery-mark"');
  });

  it('prints NON-SPILLABLE and no class 9 for VRLA blocks', () => {
    const vrla = {
      code: 'VRLA-12V100',
      unNumber: 'UN2800',
      energyWh: 1200,
      format: 'vrla-block',
    } as const;
    const html = labelHtml(cartonLabel({ ...carton, model: vrla.code, quantity: 1 }, vrla));
    expect(html).toContain('data-mark="non-spillable"');
    expect(html).not.toContain('data-un=');
  });

  it('escapes what it prints', () => {
    const html = labelHtml(cartonLabel({ ...carton, model: '<script>x</script>' }, undefined));
    expect(html).not.toContain('<script>x');
  });
});
