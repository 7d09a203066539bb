import { z } from 'zod';
import { BATCH_STATES } from './order-progress';

/**
 * What planning promises other domains about batches and lines (quality inspects batches,
 * the warehouse packs them), checked whenever a mutator reads one. Loose: more may be kept.
 */

export const batchRecordSchema = z.looseObject({
  id: z.string().min(1),
  number: z.string().optional(),
  model: z.string().min(1),
  quantity: z.number().int().nonnegative(),
  state: z.enum(BATCH_STATES).optional(),
  lineId: z.string().optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  orderId: z.string().optional(),
  orderLines: z
    .array(z.looseObject({ orderId: z.string(), lineKey: z.string(), quantity: z.number() }))
    .optional(),
  good: z.number().optional(),
  scrap: z.number().optional(),
  /** When the workshop completed it (batch.run complete): the production date on labels. */
  doneAt: z.string().optional(),
  /** Quality's summary (lots and NCRs): quality's to write, read through its release gate. */
  quality: z.looseObject({}).optional(),
});

export const productionLineRecordSchema = z.looseObject({
  id: z.string().min(1),
  code: z.string().optional(),
  rates: z.array(z.looseObject({ family: z.string(), unitsPerHour: z.number() })).optional(),
});
