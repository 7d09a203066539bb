import { z } from 'zod';
import { insertOnce } from '../sync/append-only';
import { defineMutation, Refusal } from '../sync/mutation';

/** One reading of one characteristic: append-only; a correction supersedes by id with a reason. */
export const recordInspection = defineMutation({
  name: 'inspection.record',
  action: 'inspection.record',
  args: z
    .object({
      id: z.uuid(),
      batchId: z.uuid(),
      characteristic: z.string().min(1).max(100),
      value: z.number().finite().optional(),
      unit: z.string().max(20).optional(),
      passed: z.boolean(),
      note: z.string().max(2000).optional(),
      supersedes: z.uuid().optional(),
      correctionReason: z.string().min(1).max(2000).optional(),
    })
    .strict()
    .refine((a) => (a.supersedes === undefined) === (a.correctionReason === undefined), {
      message: 'a correction names the entry it supersedes and why',
      path: ['correctionReason'],
    }),
  async run(tx, args, ctx) {
    if (!(await tx.get('batch', args.batchId))) {
      throw new Refusal('not-found', { kind: 'batch', id: args.batchId });
    }
    if (args.supersedes && !(await tx.get('inspection', args.supersedes))) {
      throw new Refusal('not-found', { kind: 'inspection', id: args.supersedes });
    }
    await insertOnce(tx, 'inspection', {
      ...args,
      inspectorId: ctx.userId,
      clientId: ctx.clientId,
      clientTime: ctx.clientTime,
    });
  },
});

/** Every quality mutation; the registry in src-shared/mutations.ts takes them from here. */
export const QUALITY_MUTATIONS = [recordInspection];
