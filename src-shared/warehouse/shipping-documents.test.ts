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
  it('lists the serials per carton and the materials of the specs used, once each, recyclable first', () => {
    const stored = {
      id: 'PACK@c-1',
      model: 'PACK',
      unitsPerCarton: 2,
      cartonsPerPallet: 8,
      materials: [
        { name: { zh: 'EPE 珍珠棉', en: 'EPE foam' }, recyclable: false },
        { name: { zh: '纸浆模塑隔板', en: 'Moulded pulp tray' }, recyclable: true },
      ],
    };
    const packed = (code: string, packingSpecId?: string, serials?: string[]) => ({
      ...carton(code, 'CELL', 2),
      ...(packingSpecId ? { packingSpecId } : {}),
      ...(serials ? { serials } : {}),
    });
    const doc = shippingDocument(
      shipment,
      [
        packed('P1', 'PACK@c-1', ['SN-1', 'SN-2']),
        packed('P2', 'default-pack'),
        packed('P3', 'PACK@c-1'),
        packed('P4'),
      ],
      products,
      [stored],
    );
    expect(doc.cartons[0]!.serials).toEqual(['SN-1', 'SN-2']);
    expect(doc.cartons[1]!.serials).toBeUndefined();
    expect(doc.materials.map((m) => [m.name.en, m.recyclable])).toEqual([
      ['Moulded pulp tray', true],
      ['Corrugated carton', true],
      ['Heat-treated wooden pallet', true],
      ['EPE foam', false],
      ['Stretch film', false],
    ]);
    expect(shippingDocument(shipment, [carton('C1', 'CELL', 1)], products).materials).toEqual([]);
  });

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
