import { z } from 'zod';
import { checkBase, FORMATS } from '../orders/catalog';
import { defineMutation, Refusal, type StoredRecord } from '../sync/mutation';
import type { PackingSpec } from './packing-spec';

/**
 * Stored packing specs (issue 8): the warehouse keeps, per model (optionally for one
 * customer) or per product format, how many units go in a carton, how many cartons on a
 * pallet, and which materials are used. A spec's id is made from what it is for, so the mutator
 * — which can only read by id — finds a second spec for the same model and customer, and two
 * PCs creating one offline cannot both win.
 */

export const packingMaterialSchema = z
  .object({
    name: z
      .object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) })
      .strict(),
    recyclable: z.boolean(),
  })
  .strict();

export const packingSpecSchema = z
  .object({
    model: z
      .string()
      .min(2)
      .max(40)
      .regex(/^[A-Z0-9][A-Z0-9-]*$/)
      .optional(),
    format: z.enum(FORMATS).optional(),
    customerId: z.string().min(1).max(100).optional(),
    unitsPerCarton: z.number().int().min(1).max(100_000),
    cartonsPerPallet: z.number().int().min(1).max(1_000),
    materials: z.array(packingMaterialSchema).min(1).max(20),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  // One or the other: a spec for a model is found before one for its format, so both at once
  // would make it unclear which one a lookup meant.
  .refine((s) => (s.model === undefined) !== (s.format === undefined), {
    message: 'a model or a format, not both',
    path: ['model'],
  });
export type PackingSpecInput = z.infer<typeof packingSpecSchema>;
export type PackingSpecRecord = PackingSpec & StoredRecord & { note?: string };

/** The one id a spec for this model (or format) and customer can have. */
export function packingSpecId(s: Pick<PackingSpecInput, 'model' | 'format' | 'customerId'>) {
  const what = s.model ?? `format:${s.format ?? ''}`;
  return `${what}@${s.customerId ?? '*'}`;
}

export const savePackingSpec = defineMutation({
  name: 'packingSpec.save',
  action: 'packing.edit',
  args: z
    .object({ spec: packingSpecSchema, baseVersion: z.number().int().nonnegative().optional() })
    .strict(),
  async run(tx, args, ctx) {
    const id = packingSpecId(args.spec);
    // A new spec (no base version) for a pair that has one is refused as 'already-exists'.
    checkBase(await tx.get('packing-spec', id), args.baseVersion);
    if (args.spec.customerId && !(await tx.get('customer', args.spec.customerId))) {
      throw new Refusal('not-found', { kind: 'customer', id: args.spec.customerId });
    }
    await tx.put('packing-spec', {
      ...args.spec,
      id,
      updatedBy: ctx.userId,
      updatedAt: ctx.now,
    });
  },
});

export const removePackingSpec = defineMutation({
  name: 'packingSpec.remove',
  action: 'packing.edit',
  args: z
    .object({ id: z.string().min(1).max(200), baseVersion: z.number().int().nonnegative() })
    .strict(),
  async run(tx, args) {
    const existing = await tx.get('packing-spec', args.id);
    if (!existing) throw new Refusal('not-found', { kind: 'packing-spec', id: args.id });
    checkBase(existing, args.baseVersion);
    await tx.del('packing-spec', args.id);
  },
});

export const PACKING_SPEC_MUTATIONS = [savePackingSpec, removePackingSpec];
