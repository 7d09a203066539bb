import { z } from 'zod';
import { ORDER_STATES } from './order-state';

/**
 * What the orders domain promises other domains about its records: the fields they read,
 * checked whenever a mutator reads one (`tx.get`/`tx.scan`). Loose objects: the records keep
 * more than this, and a field added later does not break a reader.
 */

const id = z.string().min(1);

export const productRecordSchema = z.looseObject({
  id,
  code: z.string().min(1),
  format: z.string().optional(),
  serialized: z.boolean().optional(),
});

export const customerRecordSchema = z.looseObject({
  id,
  code: z.string().min(1),
  /** Finance's: while true, nothing ships to the customer. */
  creditHold: z.boolean().optional(),
  creditLimit: z.looseObject({ amount: z.number(), currency: z.string() }).optional(),
});

export const orderRecordSchema = z.looseObject({
  id,
  state: z.enum(ORDER_STATES),
  customerId: z.string().optional(),
  number: z.string().optional(),
  lines: z.array(
    z.looseObject({
      id: z.string().optional(),
      model: z.string(),
      spec: z.string().optional(),
      quantity: z.number(),
    }),
  ),
  history: z.array(z.looseObject({ to: z.enum(ORDER_STATES) })).optional(),
  promisedDate: z.string().optional(),
  shipped: z.record(z.string(), z.number()).optional(),
});
