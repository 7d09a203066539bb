import { z } from 'zod';

/**
 * What the warehouse promises about its records to the domains that read them (after-sales
 * traces cartons, finance reads shipments), checked whenever a mutator reads one. Loose.
 */

export const cartonRecordSchema = z.looseObject({
  id: z.string().min(1),
  code: z.string().min(1),
  kind: z.enum(['carton', 'pallet']),
  batchId: z.string(),
  model: z.string(),
  quantity: z.number().int().nonnegative(),
  orderId: z.string().optional(),
  shipmentId: z.string().optional(),
  palletId: z.string().optional(),
  contents: z.array(z.string()).optional(),
  serials: z.array(z.string()).optional(),
});

export const shipmentRecordSchema = z.looseObject({
  id: z.string().min(1),
  orderId: z.string(),
  state: z.string(),
  lines: z.array(z.looseObject({ model: z.string(), quantity: z.number() })),
  cartonCount: z.number().int().nonnegative(),
  carrier: z.string().optional(),
  carrierId: z.string().optional(),
});

export const carrierRecordSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  active: z.boolean(),
  modes: z.array(z.string()),
  trackingPattern: z.string().optional(),
});
