import { z } from 'zod';
import { canDo } from '../permissions';
import { defineMutation, Refusal, type StoredRecord } from '../sync/mutation';

/**
 * The product catalog and the customer list the order process reads: what the factory makes
 * (and in which specs, from which quantity, in how long) and who it sells to. Sales and admin
 * keep the catalog; the order desk and sales keep customers; finance sets the credit limit.
 */

export const CHEMISTRIES = ['Li-ion', 'NMC', 'NCA', 'LCO', 'LFP', 'lead-acid', 'NiMH'] as const;
export type Chemistry = (typeof CHEMISTRIES)[number];

export const FORMATS = [
  '18650',
  '21700',
  '26650',
  'prismatic',
  'pouch',
  'pack',
  'vrla-block',
] as const;
export type ProductFormat = (typeof FORMATS)[number];

/** The class-9 UN numbers of shared/reference/battery-domain.md. */
export const UN_NUMBERS = [
  'UN3480',
  'UN3481',
  'UN3090',
  'UN3091',
  'UN3556',
  'UN2794',
  'UN2800',
  'UN3496',
] as const;
export type UnNumber = (typeof UN_NUMBERS)[number];

/**
 * Whether a shipment of the product is regulated as dangerous goods. Non-spillable lead-acid
 * (UN2800) is not restricted once it passes the 55 °C crack test; NiMH (UN3496) only by sea,
 * which the shipping screens decide per mode; every lithium and spillable lead-acid entry is.
 */
export function dangerousGoodsOf(un: UnNumber): 'regulated' | 'sea-only' | 'not-restricted' {
  if (un === 'UN2800') return 'not-restricted';
  if (un === 'UN3496') return 'sea-only';
  return 'regulated';
}

/** The UN number a standalone battery of this chemistry ships under (not packed with equipment). */
export function defaultUnNumber(chemistry: Chemistry): UnNumber {
  if (chemistry === 'lead-acid') return 'UN2800';
  if (chemistry === 'NiMH') return 'UN3496';
  return 'UN3480';
}

/** Watt-hour rating as the UN Manual of Tests defines it: nominal voltage × rated capacity. */
export function watthours(nominalVoltageV: number, ratedAh: number): number {
  return Math.round(nominalVoltageV * ratedAh * 100) / 100;
}

const localized = z
  .object({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) })
  .strict();
export type Localized = z.infer<typeof localized>;

export const SPEC_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

/**
 * One variant the factory can make of a model (a capacity grade, a terminal type, a pack
 * layout). An order line names one by code; a spec outside this list fails the review.
 */
export const specOptionSchema = z
  .object({
    code: z.string().regex(SPEC_CODE),
    name: localized,
    /** A spec that changes the figures (a 200 Ah pack variant) says so. */
    nominalVoltageV: z.number().positive().max(2000).optional(),
    ratedCapacityAh: z.number().positive().max(100_000).optional(),
  })
  .strict();
export type SpecOption = z.infer<typeof specOptionSchema>;

const dimensions = z.union([
  z
    .object({
      shape: z.literal('cylinder'),
      diameterMm: z.number().positive(),
      diameterTolMm: z.number().nonnegative().optional(),
      heightMm: z.number().positive(),
      heightTolMm: z.number().nonnegative().optional(),
      maxima: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      shape: z.literal('box'),
      lengthMm: z.number().positive(),
      widthMm: z.number().positive(),
      heightMm: z.number().positive(),
    })
    .strict(),
]);

export const productSchema = z
  .object({
    id: z.string().min(1).max(100),
    code: z
      .string()
      .min(2)
      .max(40)
      .regex(/^[A-Z0-9][A-Z0-9-]*$/),
    name: localized,
    chemistry: z.enum(CHEMISTRIES),
    format: z.enum(FORMATS),
    configuration: z.string().max(40).optional(),
    nominalVoltageV: z.number().positive().max(2000),
    ratedCapacityAh: z.number().positive().max(100_000),
    typicalCapacityAh: z.number().positive().max(100_000),
    energyWh: z.number().positive(),
    chargeVoltageV: z.number().positive().max(2000),
    cutoffVoltageV: z.number().positive().max(2000).optional(),
    maxContinuousDischargeA: z.number().positive().optional(),
    acirMaxMOhm: z.number().positive().optional(),
    dimensions: dimensions.optional(),
    massMaxG: z.number().positive().optional(),
    cycleLife: z
      .object({ cycles: z.number().int().positive(), depthOfDischargePct: z.number().positive() })
      .strict()
      .optional(),
    unNumber: z.enum(UN_NUMBERS),
    dangerousGoodsClass: z.literal('9'),
    hsCode: z.string().max(20),
    unit: z.literal('pcs'),
    /** Minimum order quantity, in units. */
    moq: z.number().int().positive(),
    /** Standard lead time from confirmation to ready to ship, in calendar days. */
    leadTimeDays: z.number().int().positive().max(730),
    specs: z.array(specOptionSchema).min(1).max(50),
    /** A model no longer sold stays for old orders but fails the review of new ones. */
    discontinued: z.boolean().optional(),
    /** Each unit carries a serial number, entered (scanned) when it is packed. */
    serialized: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Math.abs(p.energyWh - p.nominalVoltageV * p.ratedCapacityAh) < 0.01, {
    message: 'energy must be nominal voltage × rated capacity',
    path: ['energyWh'],
  })
  .refine((p) => p.typicalCapacityAh >= p.ratedCapacityAh, {
    message: 'typical capacity below the rated (minimum) one',
    path: ['typicalCapacityAh'],
  })
  .refine((p) => new Set(p.specs.map((s) => s.code)).size === p.specs.length, {
    message: 'spec codes must be distinct',
    path: ['specs'],
  });
export type Product = z.infer<typeof productSchema>;
export type ProductRecord = Product & StoredRecord;

export const contactSchema = z
  .object({
    name: z.string().min(1).max(100),
    title: z.string().max(100).optional(),
    phone: z.string().max(50).optional(),
    email: z.email().max(200).optional(),
  })
  .strict();
export type Contact = z.infer<typeof contactSchema>;

export const addressSchema = z
  .object({
    line1: z.string().min(1).max(200),
    city: z.string().min(1).max(100),
    region: z.string().max(100).optional(),
    postcode: z.string().max(20),
    /** ISO 3166-1 alpha-2 */
    country: z.string().regex(/^[A-Z]{2}$/),
  })
  .strict();
export type Address = z.infer<typeof addressSchema>;

export const creditLimitSchema = z
  .object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) })
  .strict();
export type CreditLimit = z.infer<typeof creditLimitSchema>;

export const customerSchema = z
  .object({
    id: z.string().min(1).max(100),
    code: z
      .string()
      .min(2)
      .max(20)
      .regex(/^[A-Z0-9][A-Z0-9-]*$/),
    name: localized,
    country: z.string().regex(/^[A-Z]{2}$/),
    currency: z.string().regex(/^[A-Z]{3}$/),
    address: addressSchema,
    /** Other places the customer has goods delivered to (warehouses, plants). */
    deliveryAddresses: z.array(addressSchema).max(20).optional(),
    contacts: z.array(contactSchema).min(1).max(20),
    paymentTerms: z
      .object({ code: z.string().min(1).max(20), days: z.number().int().min(0), text: localized })
      .strict(),
    /** Filled by finance; absent until then. */
    creditLimit: creditLimitSchema.optional(),
    /** Set by finance: orders are still taken, shipments are held. */
    creditHold: z.boolean().optional(),
    taxId: z.string().max(40).optional(),
    segment: z.string().max(40).optional(),
  })
  .strict();
export type Customer = z.infer<typeof customerSchema>;
export type CustomerRecord = Customer & StoredRecord;

/** The customer's name in the reader's language. */
export function customerLabel(
  c: Pick<Customer, 'code' | 'name'>,
  language: 'zh-CN' | 'en',
): string {
  return `${c.code} · ${language === 'zh-CN' ? c.name.zh : c.name.en}`;
}

/**
 * Catalog and customer edits replace the whole record, refused when someone changed it since
 * the editor opened it (`baseVersion`): two people editing one product's figures must not
 * silently mix them.
 */
export function checkBase(
  existing: StoredRecord | undefined,
  baseVersion: number | undefined,
): void {
  if (!existing) return;
  if (baseVersion === undefined) throw new Refusal('already-exists', { id: existing.id });
  if ((existing._v ?? 0) > baseVersion) {
    throw new Refusal('stale-state', { version: existing._v ?? 0 });
  }
}

export const saveProduct = defineMutation({
  name: 'product.save',
  action: 'catalog.edit',
  args: z
    .object({ product: productSchema, baseVersion: z.number().int().nonnegative().optional() })
    .strict(),
  async run(tx, args) {
    checkBase(await tx.get('product', args.product.id), args.baseVersion);
    await tx.put('product', { ...args.product });
  },
});

/** The customer's fields finance owns (action 'credit.hold'), not whoever keeps the address. */
export const CREDIT_FIELDS = ['creditLimit', 'creditHold'] as const;
type CreditField = (typeof CREDIT_FIELDS)[number];

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * The order desk and sales keep the customer's address, contacts and terms; the credit fields
 * are finance's. A field left out keeps its stored value (absent on a new customer). Sending a
 * different value without 'credit.hold' is refused with the field named, rather than quietly
 * dropped: the person who typed it learns it did not take, and why.
 */
export const saveCustomer = defineMutation({
  name: 'customer.save',
  action: 'customer.edit',
  args: z
    .object({ customer: customerSchema, baseVersion: z.number().int().nonnegative().optional() })
    .strict(),
  async run(tx, args, ctx) {
    const existing = await tx.get<CustomerRecord>('customer', args.customer.id);
    checkBase(existing, args.baseVersion);
    const mayCredit = canDo(ctx.role, 'credit.hold');
    const credit: Partial<Pick<Customer, CreditField>> = {};
    for (const field of CREDIT_FIELDS) {
      const stored = existing?.[field];
      const sent = args.customer[field];
      if (sent !== undefined && !mayCredit && !sameValue(sent, stored)) {
        throw new Refusal('forbidden-field', { field });
      }
      const value = sent !== undefined && mayCredit ? sent : stored;
      if (value !== undefined) Object.assign(credit, { [field]: value });
    }
    const { creditLimit: _limit, creditHold: _hold, ...rest } = args.customer;
    await tx.put('customer', { ...rest, ...credit });
  },
});

/**
 * Finance sets or clears a customer's credit limit and hold: orders are still taken for a
 * customer on hold, its shipments wait (shipment.confirm). Field by field, last writer wins:
 * an address edited at the same time is not finance's to overwrite, nor the other way round.
 */
export const setCustomerCredit = defineMutation({
  name: 'customer.credit',
  action: 'credit.hold',
  args: z
    .object({
      customerId: z.string().min(1).max(100),
      /** null clears the limit; left out keeps it. */
      creditLimit: creditLimitSchema.nullable().optional(),
      creditHold: z.boolean().optional(),
      /** Why, for the audit log that keeps every accepted mutation's arguments. */
      note: z.string().trim().max(2000).optional(),
    })
    .strict()
    .refine((a) => a.creditLimit !== undefined || a.creditHold !== undefined, {
      message: 'set the credit limit, the hold, or both',
      path: ['creditLimit'],
    }),
  async run(tx, args) {
    const existing = await tx.get<CustomerRecord>('customer', args.customerId);
    if (!existing) throw new Refusal('not-found', { kind: 'customer', id: args.customerId });
    const { creditLimit: oldLimit, ...rest } = existing;
    const limit = args.creditLimit === undefined ? oldLimit : (args.creditLimit ?? undefined);
    await tx.put('customer', {
      ...rest,
      ...(limit === undefined ? {} : { creditLimit: limit }),
      ...(args.creditHold === undefined ? {} : { creditHold: args.creditHold }),
    });
  },
});

export const CATALOG_MUTATIONS = [saveProduct, saveCustomer, setCustomerCredit];
