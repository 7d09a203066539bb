import { holdsOf, summaryOf, type QualitySummary } from './ncr';

/**
 * The quality gates other departments ask before moving product on. Pure functions of the
 * batch or material lot record alone (its `quality` summary), so a mutator that packs or
 * consumes can call them with nothing but `tx.get`.
 */

export type PackGateReason =
  | 'final-passed'
  | 'concession'
  | 'on-hold'
  | 'no-final-inspection'
  | 'final-in-progress'
  | 'final-failed'
  | 'awaiting-reinspection'
  | 'scrapped';

export interface GateAnswer<R extends string> {
  allowed: boolean;
  reason: R;
  /** The NCR or lot inspection the answer rests on. */
  ncrId?: string;
  lotId?: string;
}

/**
 * A batch can be packed only when its latest final inspection passed, or failed and its NCR
 * was dispositioned to use it as is (concession). An NCR not yet dispositioned holds it;
 * rework or partial scrap needs a new final inspection that passes; scrapping the whole batch
 * ends it.
 */
export function releaseGate(batch: {
  quantity?: number;
  quality?: unknown;
}): GateAnswer<PackGateReason> {
  const summary: QualitySummary = summaryOf(batch);
  const [held] = holdsOf(summary);
  if (held) return { allowed: false, reason: 'on-hold', ncrId: held };
  const scrappedAll = summary.ncrs.find(
    (n) => n.decision === 'scrap' && batch.quantity !== undefined && n.quantity >= batch.quantity,
  );
  if (scrappedAll) return { allowed: false, reason: 'scrapped', ncrId: scrappedAll.id };
  const finals = summary.lots
    .filter((l) => l.stage === 'final')
    .sort((a, b) => a.attempt - b.attempt);
  const latest = finals.at(-1);
  if (!latest) return { allowed: false, reason: 'no-final-inspection' };
  if (latest.state === 'open') {
    return { allowed: false, reason: 'final-in-progress', lotId: latest.id };
  }
  if (latest.verdict === 'accepted') {
    return { allowed: true, reason: 'final-passed', lotId: latest.id };
  }
  const ncr = summary.ncrs.find((n) => n.lotId === latest.id);
  if (ncr?.decision === 'concession') {
    return { allowed: true, reason: 'concession', lotId: latest.id, ncrId: ncr.id };
  }
  if (ncr?.decision === 'rework' || ncr?.decision === 'scrap') {
    return { allowed: false, reason: 'awaiting-reinspection', lotId: latest.id, ncrId: ncr.id };
  }
  return {
    allowed: false,
    reason: 'final-failed',
    lotId: latest.id,
    ...(ncr ? { ncrId: ncr.id } : {}),
  };
}

export type MoveGateReason = 'free' | 'on-hold' | 'scrapped' | 'returned';

/**
 * May a batch move on in production, or a material lot be issued to production? Not while an
 * NCR holds it, and never once it was scrapped or sent back to the supplier as a whole.
 */
export function productionGate(record: {
  quantity?: number;
  quality?: unknown;
}): GateAnswer<MoveGateReason> {
  const summary = summaryOf(record);
  const [held] = holdsOf(summary);
  if (held) return { allowed: false, reason: 'on-hold', ncrId: held };
  const whole = (n: { quantity: number }) =>
    record.quantity !== undefined && n.quantity >= record.quantity;
  const scrapped = summary.ncrs.find((n) => n.decision === 'scrap' && whole(n));
  if (scrapped) return { allowed: false, reason: 'scrapped', ncrId: scrapped.id };
  const returned = summary.ncrs.find((n) => n.decision === 'return-to-supplier' && whole(n));
  if (returned) return { allowed: false, reason: 'returned', ncrId: returned.id };
  return { allowed: true, reason: 'free' };
}

/**
 * Whether quality holds a batch or material lot: an NCR on it not yet dispositioned. The one
 * answer other domains use (planning refuses to start or merge a held batch).
 */
export function batchOnHold(record: object): boolean {
  return holdsOf(summaryOf(record as { quality?: unknown })).length > 0;
}
