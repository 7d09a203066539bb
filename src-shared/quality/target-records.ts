import { z } from 'zod';
import { Refusal, type MutationContext, type MutatorTx, type StoredRecord } from '../sync/mutation';
import type { BatchRecord } from '../planning/batch-mutations';
import { followBatches } from '../planning/order-follow';
import type { LotTarget } from './lot';
import type { NcrRecord, QualitySummary } from './ncr';

/**
 * What quality mutations share about the batch or material lot they act on: finding it,
 * keeping its quality summary, and opening an NCR that puts it on hold.
 */

export const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('batch'), id: z.uuid() }).strict(),
  // Material lots come from goods receipt; demo and imported ones may have non-UUID ids.
  z.object({ kind: z.literal('material-lot'), id: z.string().min(1).max(100) }).strict(),
]);

export interface TargetRecord extends StoredRecord {
  quantity?: number;
  quality?: QualitySummary;
}

export async function getTarget(tx: MutatorTx, target: LotTarget): Promise<TargetRecord> {
  const record = await tx.get<TargetRecord>(target.kind, target.id);
  if (!record) throw new Refusal('not-found', { kind: target.kind, id: target.id });
  return record;
}

/**
 * Keeps a target's quality summary. A batch's summary decides whether it may ship, so its
 * orders are told (planning's followBatches moves them to ready_to_ship when the last batch
 * passes final inspection).
 */
export async function putSummary(
  tx: MutatorTx,
  ctx: MutationContext,
  target: LotTarget,
  record: TargetRecord,
  summary: QualitySummary,
): Promise<void> {
  const next = { ...record, quality: summary };
  await tx.put(target.kind, next);
  if (target.kind === 'batch') await followBatches(tx, ctx, [next as unknown as BatchRecord]);
}

export function targetLabel(record: TargetRecord): string {
  return String(record.number ?? record.code ?? record.id);
}

export async function newNcr(
  tx: MutatorTx,
  ctx: MutationContext,
  fields: Pick<NcrRecord, 'id' | 'target' | 'targetLabel' | 'what' | 'where' | 'quantity'> &
    Partial<Pick<NcrRecord, 'lotId' | 'model' | 'stage'>>,
): Promise<NcrRecord> {
  if (await tx.get('ncr', fields.id)) throw new Refusal('already-exists', { id: fields.id });
  const { number, provisional } = await ctx.nextNumber('NCR');
  const ncr: NcrRecord = {
    ...fields,
    ...(fields.target.kind === 'batch' ? { batchId: fields.target.id } : {}),
    number,
    numberProvisional: provisional,
    state: 'open',
    hold: true,
    history: [{ state: 'open', by: ctx.userId, at: ctx.now }],
    openedBy: ctx.userId,
    openedAt: ctx.now,
  };
  await tx.put('ncr', ncr);
  return ncr;
}
