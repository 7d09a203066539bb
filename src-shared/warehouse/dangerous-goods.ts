import type { UnNumber } from '../orders/catalog';

/**
 * Dangerous-goods classification of a package of batteries, from the product's UN number and
 * Wh rating (shared/reference/battery-domain.md, "Safety and transport"). Labels, packing lists
 * and the warehouse screen all ask this one function, so a carton label can never disagree
 * with the transport document printed for the same carton.
 */

export const TRANSPORT_MODES = ['road', 'sea', 'air', 'rail'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export type DgMark =
  'lithium-battery-mark' | 'class-9' | 'class-9a' | 'cargo-aircraft-only' | 'non-spillable';

/** IATA PI 965/968 sections; only meaningful for lithium by air. */
export type AirSection = 'II' | 'IB' | 'IA';

export interface DgInput {
  unNumber: UnNumber;
  /** Watt-hours of one cell or battery: nominal voltage × rated capacity. */
  energyWh: number;
  /** A single cell (18650, a prismatic cell) or a battery (packs, modules, VRLA blocks). */
  unit: 'cell' | 'battery';
  /** Shipped inside or with equipment turns UN3480 into UN3481 (UN3090 into UN3091). */
  withEquipment?: 'contained' | 'packed' | undefined;
  mode: TransportMode;
  unitsPerPackage: number;
  /** Net mass of batteries in one package, in kg (the ≤2.7 Wh rule is by mass). */
  netKgPerPackage?: number | undefined;
}

export interface DgClassification {
  unNumber: UnNumber;
  properShippingName: string;
  /** False when the rules let it travel as ordinary goods (e.g. UN2800 passing the crack test). */
  regulated: boolean;
  dgClass: '9' | null;
  marks: DgMark[];
  /** Lithium by air only. */
  airSection?: AirSection;
  /** UN3480 by air: state of charge at most 30 %. */
  maxStateOfChargePct?: number;
  /** A shipper's declaration is needed (fully regulated, or Section IB). */
  declarationRequired: boolean;
}

/** Cells above 20 Wh and batteries above 100 Wh leave the small-battery provisions. */
export const CELL_WH_LIMIT = 20;
export const BATTERY_WH_LIMIT = 100;
/** At or below 2.7 Wh, the small-quantity limit is by mass instead of count. */
export const TINY_WH_LIMIT = 2.7;

const PROPER_SHIPPING_NAMES: Record<UnNumber, string> = {
  UN3480: 'Lithium ion batteries',
  UN3481: 'Lithium ion batteries contained in equipment',
  UN3090: 'Lithium metal batteries',
  UN3091: 'Lithium metal batteries contained in equipment',
  UN3556: 'Vehicle, lithium ion battery powered',
  UN2794: 'Batteries, wet, filled with acid',
  UN2800: 'Batteries, wet, non-spillable',
  UN3496: 'Batteries, nickel-metal hydride',
};

export function properShippingName(un: UnNumber, withEquipment?: 'contained' | 'packed'): string {
  if (withEquipment === 'packed' && (un === 'UN3481' || un === 'UN3091')) {
    return PROPER_SHIPPING_NAMES[un].replace('contained in', 'packed with');
  }
  return PROPER_SHIPPING_NAMES[un];
}

/** The UN number the package actually ships under once equipment is involved. */
export function effectiveUnNumber(un: UnNumber, withEquipment?: 'contained' | 'packed'): UnNumber {
  if (!withEquipment) return un;
  if (un === 'UN3480') return 'UN3481';
  if (un === 'UN3090') return 'UN3091';
  return un;
}

const LITHIUM: readonly UnNumber[] = ['UN3480', 'UN3481', 'UN3090', 'UN3091'];

/** Within the small-battery limits (SP 188 on road and sea, Section II's Wh limits by air). */
export function isSmallLithium(energyWh: number, unit: 'cell' | 'battery'): boolean {
  return energyWh <= (unit === 'cell' ? CELL_WH_LIMIT : BATTERY_WH_LIMIT);
}

/** IATA PI 965: Section II only for small batteries in small quantities per package. */
export function airSection(input: DgInput): AirSection {
  if (!isSmallLithium(input.energyWh, input.unit)) return 'IA';
  if (input.energyWh <= TINY_WH_LIMIT) {
    return (input.netKgPerPackage ?? Infinity) <= 2.5 ? 'II' : 'IB';
  }
  const maxUnits = input.unit === 'cell' ? 8 : 2;
  return input.unitsPerPackage <= maxUnits ? 'II' : 'IB';
}

export function classifyPackage(input: DgInput): DgClassification {
  const un = effectiveUnNumber(input.unNumber, input.withEquipment);
  const base = { unNumber: un, properShippingName: properShippingName(un, input.withEquipment) };
  if (un === 'UN2800') {
    // Not restricted once it passes the 55 °C crack test, but the package says NON-SPILLABLE.
    return {
      ...base,
      regulated: false,
      dgClass: null,
      marks: ['non-spillable'],
      declarationRequired: false,
    };
  }
  if (un === 'UN3496' && input.mode !== 'sea') {
    return { ...base, regulated: false, dgClass: null, marks: [], declarationRequired: false };
  }
  if (!LITHIUM.includes(un)) {
    // Spillable lead-acid, NiMH by sea, vehicles: fully regulated class 9.
    return {
      ...base,
      regulated: true,
      dgClass: '9',
      marks: ['class-9'],
      declarationRequired: true,
    };
  }
  if (input.mode === 'air') {
    const section = airSection(input);
    const marks: DgMark[] =
      section === 'II'
        ? ['lithium-battery-mark']
        : section === 'IB'
          ? ['class-9a', 'lithium-battery-mark']
          : ['class-9a'];
    const standalone = un === 'UN3480' || un === 'UN3090';
    if (standalone) marks.push('cargo-aircraft-only');
    return {
      ...base,
      regulated: true,
      dgClass: '9',
      marks,
      airSection: section,
      ...(un === 'UN3480' ? { maxStateOfChargePct: 30 } : {}),
      declarationRequired: section !== 'II',
    };
  }
  if (isSmallLithium(input.energyWh, input.unit)) {
    return {
      ...base,
      regulated: true,
      dgClass: '9',
      marks: ['lithium-battery-mark'],
      declarationRequired: false,
    };
  }
  return { ...base, regulated: true, dgClass: '9', marks: ['class-9a'], declarationRequired: true };
}

/** Whether a product format is shipped as a single cell rather than a battery. */
export function unitOfFormat(format: string | undefined): 'cell' | 'battery' {
  return format === '18650' ||
    format === '21700' ||
    format === '26650' ||
    format === 'prismatic' ||
    format === 'pouch'
    ? 'cell'
    : 'battery';
}
