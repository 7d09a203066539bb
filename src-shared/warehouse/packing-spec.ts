/**
 * Packing specs: how a product is packed for a customer (units per carton, cartons per pallet,
 * materials). A customer's own spec for a model wins over the factory default for its format;
 * materials are listed recyclable first, and each says whether it is, for the packing list.
 */

export interface PackingMaterial {
  name: { zh: string; en: string };
  recyclable: boolean;
}

export interface PackingSpec {
  id: string;
  /** The model it is for, or a product format for the factory default. */
  model?: string;
  format?: string;
  customerId?: string;
  unitsPerCarton: number;
  cartonsPerPallet: number;
  materials: PackingMaterial[];
  note?: string;
}

const CARTON: PackingMaterial = {
  name: { zh: '瓦楞纸箱', en: 'Corrugated carton' },
  recyclable: true,
};
const PULP: PackingMaterial = {
  name: { zh: '纸浆模塑隔板', en: 'Moulded pulp tray' },
  recyclable: true,
};
const FOAM: PackingMaterial = { name: { zh: 'EPE 珍珠棉', en: 'EPE foam' }, recyclable: false };
const PALLET: PackingMaterial = {
  name: { zh: '免熏蒸木托盘', en: 'Heat-treated wooden pallet' },
  recyclable: true,
};
const STRETCH: PackingMaterial = { name: { zh: '缠绕膜', en: 'Stretch film' }, recyclable: false };

/** Factory defaults per product format. */
export const DEFAULT_PACKING_SPECS: readonly PackingSpec[] = [
  {
    id: 'default-cyl',
    format: '18650',
    unitsPerCarton: 200,
    cartonsPerPallet: 40,
    materials: [CARTON, PULP, PALLET, STRETCH],
  },
  {
    id: 'default-21700',
    format: '21700',
    unitsPerCarton: 150,
    cartonsPerPallet: 40,
    materials: [CARTON, PULP, PALLET, STRETCH],
  },
  {
    id: 'default-26650',
    format: '26650',
    unitsPerCarton: 100,
    cartonsPerPallet: 40,
    materials: [CARTON, PULP, PALLET, STRETCH],
  },
  {
    id: 'default-prismatic',
    format: 'prismatic',
    unitsPerCarton: 8,
    cartonsPerPallet: 24,
    materials: [CARTON, FOAM, PALLET, STRETCH],
  },
  {
    id: 'default-pouch',
    format: 'pouch',
    unitsPerCarton: 20,
    cartonsPerPallet: 30,
    materials: [CARTON, FOAM, PALLET, STRETCH],
  },
  {
    id: 'default-pack',
    format: 'pack',
    unitsPerCarton: 1,
    cartonsPerPallet: 8,
    materials: [CARTON, FOAM, PALLET, STRETCH],
  },
  {
    id: 'default-vrla',
    format: 'vrla-block',
    unitsPerCarton: 1,
    cartonsPerPallet: 40,
    materials: [CARTON, PALLET, STRETCH],
  },
];

/** Recyclable materials first (preferred), the rest after, each group in its given order. */
export function preferRecyclable(materials: readonly PackingMaterial[]): PackingMaterial[] {
  return [...materials.filter((m) => m.recyclable), ...materials.filter((m) => !m.recyclable)];
}

/**
 * The spec that applies: the customer's for the model, else the general one for the model, else
 * the customer's for the format, the stored one for the format, the factory default for it.
 */
export function packingSpecFor(
  product: { code: string; format?: string },
  customerId: string | undefined,
  specs: readonly PackingSpec[] = [],
): PackingSpec | undefined {
  const mine = (s: PackingSpec) => s.customerId !== undefined && s.customerId === customerId;
  const forModel = specs.filter((s) => s.model === product.code);
  const forFormat = product.format
    ? specs.filter((s) => !s.model && s.format === product.format)
    : [];
  const found =
    forModel.find(mine) ??
    forModel.find((s) => !s.customerId) ??
    forFormat.find(mine) ??
    forFormat.find((s) => !s.customerId) ??
    DEFAULT_PACKING_SPECS.find((s) => s.format === product.format);
  return found ? { ...found, materials: preferRecyclable(found.materials) } : undefined;
}

/** Cartons and pallets a quantity needs; the last carton may be a part carton. */
export function packingPlan(
  quantity: number,
  spec: Pick<PackingSpec, 'unitsPerCarton' | 'cartonsPerPallet'>,
) {
  const cartons = Math.ceil(quantity / spec.unitsPerCarton);
  return {
    cartons,
    pallets: Math.ceil(cartons / spec.cartonsPerPallet),
    lastCartonUnits: quantity - (cartons - 1) * spec.unitsPerCarton,
  };
}
