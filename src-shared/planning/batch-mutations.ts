import { z } from 'zod';
import { applyLww, noticeOverridden } from '../sync/lww';
import { defineMutation, Refusal, type StoredRecord } from '../sync/mutation';

export const BATCH_STATES = ['planned', 'released', 'running', 'done'] as const;

export interface BatchRecord extends StoredRecord {
  number: string;
  numberProvisional: boolean;
  orderId?: string;
  model: string;
  quantity: number;
  lineId: string;
  start: string;
  end: string;
  sequence: number;
  state: (typeof BATCH_STATES)[number];
}

export const planBatch = defineMutation({
  name: 'batch.plan',
  action: 'batch.plan',
  args: z
    .object({
      id: z.uuid(),
      orderId: z.uuid().optional(),
      model: z.string().min(1).max(100),
      quantity: z.number().int().positive().max(100_000_000),
      lineId: z.string().min(1).max(100),
      start: z.iso.datetime({ offset: true }),
      end: z.iso.datetime({ offset: true }),
    })
    .strict()
    .refine((a) => a.end > a.start, { message: 'end must be after start', path: ['end'] }),
  async run(tx, args, ctx) {
    if (await tx.get('batch', args.id)) throw new Refusal('already-exists', { id: args.id });
    const { number, provisional } = await ctx.nextNumber('BT');
    const batch: BatchRecord = {
      ...args,
      number,
      numberProvisional: provisional,
      sequence: 0,
      state: 'planned',
    };
    await tx.put('batch', applyLww(batch, {}, 0, ctx).record);
  },
});

/**
 * A planner's move on the schedule board. `baseVersion` is the version of the batch the
 * planner saw; if someone else moved it after that, their move is overridden (arrival order
 * wins) and they are told whose move now stands.
 */
export const moveBatch = defineMutation({
  name: 'batch.move',
  action: 'batch.move',
  args: z
    .object({
      batchId: z.uuid(),
      baseVersion: z.number().int().nonnegative(),
      lineId: z.string().min(1).max(100).optional(),
      start: z.iso.datetime({ offset: true }).optional(),
      end: z.iso.datetime({ offset: true }).optional(),
      sequence: z.number().int().optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    const batch = await tx.get<BatchRecord>('batch', args.batchId);
    if (!batch) throw new Refusal('not-found', { kind: 'batch', id: args.batchId });
    if (batch.state === 'done') throw new Refusal('stale-state', { state: batch.state });
    const { batchId: _id, baseVersion, ...fields } = args;
    const { record, overridden } = applyLww(batch, fields, baseVersion, ctx);
    const start = String(record.start);
    const end = String(record.end);
    if (end <= start) throw new Refusal('invalid-args', { field: 'end' });
    await tx.put('batch', record);
    await noticeOverridden(
      tx,
      ctx,
      { kind: 'batch', id: batch.id, label: batch.number },
      overridden,
    );
  },
});

/** Every planning mutation; the registry in src-shared/mutations.ts takes them from here. */
export const PLANNING_MUTATIONS = [planBatch, moveBatch];
