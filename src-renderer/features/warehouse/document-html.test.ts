import { describe, expect, it } from 'vitest';
import type { ShippingDocument } from '../../../src-shared/warehouse/shipping-documents';
import { deliveryNoteHtml, packingListHtml } from './document-html';

const doc: ShippingDocument = {
  shipmentNumber: 'SH-2026-000001',
  orderNumber: 'SO-2026-000501',
  carrier: 'SF Express',
  trackingNumber: 'SF1',
  mode: 'road',
  cartons: [{ code: 'C1', model: 'CELL', quantity: 200, batch: 'B-1' }],
  materials: [],
  lines: [{ model: 'CELL', quantity: 200, cartons: 1 }],
  totalCartons: 1,
  totalUnits: 200,
  dangerousGoods: [
    {
      unNumber: 'UN3480',
      properShippingName: 'Lithium ion batteries',
      dgClass: '9',
      packages: 1,
      units: 200,
      marks: ['lithium-battery-mark'],
    },
  ],
};

describe('shipping document HTML', () => {
  it('packing list: every carton, in both languages', () => {
    const html = packingListHtml(doc);
    expect(html).toContain('Packing list / 装箱单');
    expect(html).toContain('data-carton="C1"');
    expect(html).toContain('SF1');
  });

  it('packing list: the serials of each carton and the materials, recyclable ones marked', () => {
    const html = packingListHtml({
      ...doc,
      cartons: [
        { code: 'P1', model: 'PACK', quantity: 2, batch: 'B-1', serials: ['SN-1', 'SN<2'] },
      ],
      materials: [
        { name: { zh: '瓦楞纸箱', en: 'Corrugated carton' }, recyclable: true },
        { name: { zh: 'EPE 珍珠棉', en: 'EPE foam' }, recyclable: false },
      ],
    });
    expect(html).toContain('data-serials-of="P1"');
    expect(html).toContain('data-serial="SN-1"');
    expect(html).toContain('SN&lt;2');
    expect(html).toContain('Packing materials / 包装材料');
    expect(html).toMatch(
      /data-recyclable="yes">♻ Corrugated carton \/ 瓦楞纸箱 — recyclable \/ 可回收<\/li>/,
    );
    expect(html).toContain('data-recyclable="no">EPE foam / EPE 珍珠棉</li>');
    expect(packingListHtml(doc)).not.toContain('data-serials-of');
    expect(packingListHtml(doc)).not.toContain('Packing materials');
  });

  it('delivery note: lines and the dangerous-goods entry with UN number and class', () => {
    const html = deliveryNoteHtml(doc);
    expect(html).toContain('Delivery note / 送货单');
    expect(html).toContain('data-un="UN3480"');
    expect(html).toContain('Lithium ion batteries');
    expect(deliveryNoteHtml({ ...doc, dangerousGoods: [] })).not.toContain('data-un');
  });
});
