import type { UnNumber } from '../orders/catalog';
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
  /** Code 128 content: the carton code, which the scan station looks up. */
  barcode: { symbology: 'code128'; text: string };
  dg: DgClassification | null;
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
  },
  product: LabelProduct | undefined,
  options: { mode?: TransportMode; orderNumber?: string } = {},
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
  return {
    code: carton.code,
    kind: carton.kind ?? 'carton',
    model: carton.model,
    ...(product?.name ? { modelName: product.name } : {}),
    ...(carton.spec ? { spec: carton.spec } : {}),
    quantity: carton.quantity,
    ...(carton.producedOn ? { producedOn: carton.producedOn } : {}),
    batch: carton.batchNumber ?? carton.batchId,
    ...(options.orderNumber ? { orderNumber: options.orderNumber } : {}),
    barcode: { symbology: 'code128', text: carton.code },
    dg,
  };
}
