import { classifyPackage, unitOfFormat, type DgClassification } from './dangerous-goods';
import type { LabelProduct } from './label-content';
import {
  DEFAULT_PACKING_SPECS,
  preferRecyclable,
  type PackingMaterial,
  type PackingSpec,
} from './packing-spec';
import type { CartonRecord, ShipmentRecord } from './shipment-record';

/**
 * The content of a shipment's packing list (every carton: model, quantity, batch) and delivery
 * note (lines, carrier, tracking, and the dangerous-goods entries a transport document needs:
 * UN number, proper shipping name, class, number of packages, quantity).
 */

export interface DgEntry {
  unNumber: string;
  properShippingName: string;
  dgClass: '9' | null;
  packages: number;
  units: number;
  marks: DgClassification['marks'];
}

export interface ShippingDocument {
  shipmentNumber: string;
  orderNumber?: string;
  carrier?: string;
  trackingNumber?: string;
  mode: ShipmentRecord['mode'];
  cartons: { code: string; model: string; quantity: number; batch: string; serials?: string[] }[];
  /** The materials of the packing specs the cartons were packed by, recyclable first. */
  materials: PackingMaterial[];
  lines: { model: string; quantity: number; cartons: number }[];
  totalCartons: number;
  totalUnits: number;
  dangerousGoods: DgEntry[];
}

export function shippingDocument(
  shipment: ShipmentRecord,
  cartons: readonly CartonRecord[],
  products: readonly LabelProduct[],
  /** The stored packing specs; the factory defaults are known here. */
  specs: readonly PackingSpec[] = [],
): ShippingDocument {
  const byCode = new Map(products.map((p) => [p.code, p]));
  const lines = shipment.lines.map((l) => ({
    model: l.model,
    quantity: l.quantity,
    cartons: cartons.filter((c) => c.model === l.model).length,
  }));
  const dg = new Map<string, DgEntry>();
  for (const carton of cartons) {
    const product = byCode.get(carton.model);
    if (!product) continue;
    const c = classifyPackage({
      unNumber: product.unNumber,
      energyWh: product.energyWh,
      unit: unitOfFormat(product.format),
      mode: shipment.mode,
      unitsPerPackage: carton.quantity,
    });
    if (!c.regulated) continue;
    const key = `${c.unNumber}|${c.marks.join(',')}`;
    const entry = dg.get(key) ?? {
      unNumber: c.unNumber,
      properShippingName: c.properShippingName,
      dgClass: c.dgClass,
      packages: 0,
      units: 0,
      marks: c.marks,
    };
    entry.packages += 1;
    entry.units += carton.quantity;
    dg.set(key, entry);
  }
  return {
    shipmentNumber: shipment.number,
    ...(shipment.orderNumber ? { orderNumber: shipment.orderNumber } : {}),
    ...(shipment.carrier ? { carrier: shipment.carrier } : {}),
    ...(shipment.trackingNumber ? { trackingNumber: shipment.trackingNumber } : {}),
    mode: shipment.mode,
    cartons: cartons.map((c) => ({
      code: c.code,
      model: c.model,
      quantity: c.quantity,
      batch: c.batchNumber ?? c.batchId,
      ...(c.serials?.length ? { serials: c.serials } : {}),
    })),
    materials: materialsOf(cartons, specs),
    lines,
    totalCartons: cartons.length,
    totalUnits: cartons.reduce((sum, c) => sum + c.quantity, 0),
    dangerousGoods: [...dg.values()],
  };
}

/** Each material of the specs used, once (by its names), recyclable first. */
function materialsOf(
  cartons: readonly CartonRecord[],
  specs: readonly PackingSpec[],
): PackingMaterial[] {
  const byId = new Map([...DEFAULT_PACKING_SPECS, ...specs].map((s) => [s.id, s]));
  const used = new Map<string, PackingMaterial>();
  for (const id of new Set(cartons.map((c) => c.packingSpecId))) {
    for (const m of (id && byId.get(id)?.materials) || []) {
      used.set(`${m.name.zh}\u0000${m.name.en}`, m);
    }
  }
  return preferRecyclable([...used.values()]);
}
