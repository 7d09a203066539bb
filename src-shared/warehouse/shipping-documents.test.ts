import { describe, expect, it } from 'vitest';
import type { CartonRecord, ShipmentRecord } from './shipment-record';
import { shippingDocument } from './shipping-documents';

const shipment = {
  id: 's',
  number: 'SH-2026-000001',
  numberProvisional: false,
  orderId: 'o',
  orderNumber: 'SO-1',
  lines: [
    { model: 'CELL', quantity: 400, scanned: 400 },
    { model: 'VRLA', quantity: 2, scanned: 2 },
  ],
  cartonCount: 4,
  mode: 'road',
  state: 'confirmed',
  carrier: 'SF',
  trackingNumber: 'T1',
  createdBy: 'u',
  createdAt: '',
} as ShipmentRecord;
const carton = (code: string, model: string, quantity: number) =>
  ({
    id: code,
    code,
    kind: 'carton',
    batchId: 'b',
    batchNumber: 'B-1',
    model,
    quantity,
    packedBy: 'u',
    packedAt: '',
  }) as CartonRecord;
const products = [
  { code: 'CELL', unNumber: 'UN3480', energyWh: 9.36, format: '18650' },
  { code: 'VRLA', unNumber: 'UN2800', energyWh: 1200, format: 'vrla-block' },
] as const;

describe('shipping documents', () => {
  it('lists every carton and totals, and names the dangerous goods by UN number with package counts', () => {
    const doc = shippingDocument(
      shipment,
      [
        carton('C1', 'CELL', 200),
        carton('C2', 'CELL', 200),
        carton('V1', 'VRLA', 1),
        carton('V2', 'VRLA', 1),
      ],
      products,
    );
    expect(doc.totalCartons).toBe(4);
    expect(doc.totalUnits).toBe(402);
    expect(doc.lines).toEqual([
      { model: 'CELL', quantity: 400, cartons: 2 },
      { model: 'VRLA', quantity: 2, cartons: 2 },
    ]);
    // Non-spillable lead-acid is not restricted: only the lithium cells are declared.
    expect(doc.dangerousGoods).toEqual([
      {
        unNumber: 'UN3480',
        properShippingName: 'Lithium ion batteries',
        dgClass: '9',
        packages: 2,
        units: 400,
        marks: ['lithium-battery-mark'],
      },
    ]);
  });
});
