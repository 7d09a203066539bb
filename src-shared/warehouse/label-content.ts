import type { UnNumber } from '../orders/catalog';
import { AI, fitsAi, gs1Date, type Gs1Element } from './gs1';
import { qrPayload } from './scanned-code';
import {
  classifyPackage,
  unitOfFormat,
  type DgClassification,
  type TransportMode,
} from './dangerous-goods';

/**
 * What a carton or pallet label says (shared/reference/battery-domain.md: model, spec,
 * quantity, production date, batch, a barcode) and which dangerous-goods marks it carries,
 * derived from the product's UN number and Wh rating by the rules in dangerous-goods.ts.
 */

export interface LabelProduct {
  code: string;
  unNumber: UnNumber;
  energyWh: number;
  format?: string;
  name?: { zh: string; en: string };
}

export interface CartonLabel {
  code: string;
  kind: 'carton' | 'pallet';
  model: string;
  modelName?: { zh: string; en: string };
  spec?: string;
  quantity: number;
  producedOn?: string;
  batch: string;
  orderNumber?: string;
  /** A pallet's number of cartons. */
  cartons?: number;
  /** Code 128 content: the carton code, which the scan station looks up. */
  barcode: { symbology: 'code128'; text: string };
  /** GS1-128 content, for the customer's receiving; values that do not fit an AI are left out. */
  gs1: Gs1Element[];
  /** QR content (scanned-code.ts, format OL1). */
  qr: string;
  dg: DgClassification | null;
}

/**
 * The GS1-128 fields: a pallet's SSCC first (fixed length, read without separators), then the
 * production date, the carton code, model, batch and count. GS1 pairs (240) and (37) with a
 * GTIN, (01) or (02); the catalog has none yet, and a GTIN goes in front once it does.
 */
export function labelGs1(label: {
  code: string;
  model: string;
  quantity: number;
  batch: string;
  producedOn?: string;
  sscc?: string;
}): Gs1Element[] {
  const candidates: [string, string | undefined][] = [
    [AI.sscc, label.sscc],
    [AI.producedOn, label.producedOn && gs1Date(label.producedOn)],
    [AI.cartonCode, label.code],
    [AI.model, label.model],
    [AI.batch, label.batch],
    [AI.count, String(label.quantity)],
  ];
  return candidates
    .filter((c): c is [string, string] => c[1] !== undefined && fitsAi(c[0], c[1]))
    .map(([ai, value]) => ({ ai, value }));
}

export function cartonLabel(
  carton: {
    code: string;
    kind?: 'carton' | 'pallet';
    model: string;
    spec?: string;
    quantity: number;
    producedOn?: string;
    batchNumber?: string;
    batchId: string;
    contents?: readonly string[];
  },
  product: LabelProduct | undefined,
  /** `sscc`: a pallet's SSCC (gs1.ts `sscc`), where the factory has a GS1 company prefix. */
  options: { mode?: TransportMode; orderNumber?: string; sscc?: string } = {},
): CartonLabel {
  const dg = product
    ? classifyPackage({
        unNumber: product.unNumber,
        energyWh: product.energyWh,
        unit: unitOfFormat(product.format),
        mode: options.mode ?? 'road',
        unitsPerPackage: carton.quantity,
      })
    : null;
  const kind = carton.kind ?? 'carton';
  const batch = carton.batchNumber ?? carton.batchId;
  return {
    code: carton.code,
    kind,
    model: carton.model,
    ...(product?.name ? { modelName: product.name } : {}),
    ...(carton.spec ? { spec: carton.spec } : {}),
    quantity: carton.quantity,
    ...(carton.producedOn ? { producedOn: carton.producedOn } : {}),
    batch,
    ...(options.orderNumber ? { orderNumber: options.orderNumber } : {}),
    ...(kind === 'pallet' && carton.contents ? { cartons: carton.contents.length } : {}),
    barcode: { symbology: 'code128', text: carton.code },
    gs1: labelGs1({ ...carton, batch, ...(options.sscc ? { sscc: options.sscc } : {}) }),
    qr: qrPayload({
      code: carton.code,
      kind,
      model: carton.model,
      quantity: carton.quantity,
      batch,
      ...(carton.producedOn ? { producedOn: carton.producedOn } : {}),
    }),
    dg,
  };
}
