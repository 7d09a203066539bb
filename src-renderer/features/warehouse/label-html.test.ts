import { describe, expect, it } from 'vitest';
import { cartonLabel } from '../../../src-shared/warehouse/label-content';
import { barcodeSvg, gs1Symbols, labelHtml, qrSvg } from './label-html';

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
    expect(html).toContain('Carton / 箱号');
    expect(html).toContain('B-2026-000777');
    expect(html).toContain('2026-11-20');
    expect(html).toContain('data-barcode="B-2026-000777-C0001"');
    expect(html).toContain('data-symbology="code128"');
    // The bars themselves: the same SVG bwip-js draws for that content, and not for another.
    const svg = barcodeSvg(carton.code);
    expect(svg).toMatch(/^<svg/);
    expect(html).toContain(svg);
    expect(barcodeSvg('B-2026-000777-C0002')).not.toBe(svg);
    // Its text under the bars, as text (so it reads in the PDF too).
    expect(html).toContain('<div class="hrt">B-2026-000777-C0001</div>');
  });

  it('carries the label data in GS1-128 under Application Identifiers, with its text', () => {
    const label = cartonLabel(carton, cell);
    const symbols = gs1Symbols(label);
    expect(symbols.flat()).toEqual([
      { ai: '11', value: '261120' },
      { ai: '91', value: 'B-2026-000777-C0001' },
      { ai: '240', value: 'CELL-18650-NMC-2600' },
      { ai: '10', value: 'B-2026-000777' },
      { ai: '37', value: '200' },
    ]);
    // Too long for one symbol of bars at least 0.25 mm wide on a 100 mm label.
    expect(symbols.length).toBeGreaterThan(1);
    const html = labelHtml(label);
    expect(html).toContain('data-gs1="(11)261120(91)B-2026-000777-C0001"');
    expect(html).toContain('<div class="hrt">(11)261120(91)B-2026-000777-C0001</div>');
    expect(html.match(/ data-gs1="/g)).toHaveLength(symbols.length);
  });

  it('carries a QR code of the OL1 payload with the code under it', () => {
    const label = cartonLabel(carton, cell);
    expect(label.qr).toBe(
      'OL1:c=B-2026-000777-C0001&k=carton&m=CELL-18650-NMC-2600&q=200&b=B-2026-000777&d=2026-11-20',
    );
    const html = labelHtml(label);
    expect(html).toContain('data-symbology="qrcode"');
    expect(html).toContain(qrSvg(label.qr));
  });

  it('labels a pallet as a pallet, with its number of cartons', () => {
    const pallet = cartonLabel(
      {
        ...carton,
        code: 'PAL-B-2026-000777-C0001',
        kind: 'pallet',
        quantity: 400,
        contents: ['B-2026-000777-C0001', 'B-2026-000777-C0002'],
      },
      cell,
    );
    const html = labelHtml(pallet);
    expect(html).toContain('data-kind="pallet"');
    expect(html).toContain('Pallet / 托盘号');
    expect(html).not.toContain('Carton / 箱号');
    expect(html).toContain('Cartons / 箱数');
    expect(html).toContain('data-barcode="PAL-B-2026-000777-C0001"');
    expect(html).toContain('(91)PAL-B-2026-000777-C0001');
    expect(pallet.qr).toContain('k=pallet');
    // The pallet's dangerous-goods marks stay: 400 small cells are still lithium-marked.
    expect(html).toContain('data-mark="lithium-battery-mark"');
  });

  it('puts a pallet SSCC first in its GS1-128 where one is given', () => {
    const pallet = cartonLabel({ ...carton, kind: 'pallet' }, cell, {
      sscc: '106141411234567897',
    });
    expect(pallet.gs1[0]).toEqual({ ai: '00', value: '106141411234567897' });
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
