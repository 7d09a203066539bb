import type { Stage } from './plan';
import type { LotTarget, LotVerdict } from './lot';

/**
 * Nonconformance reports and corrective actions, and the summary of both (with the lot
 * inspections) that quality keeps on the batch or material lot itself: mutators read records
 * by id only, so whoever must decide about a batch (packing, production moves) finds
 * everything that matters on it.
 */

export const DISPOSITIONS = ['rework', 'scrap', 'concession', 'return-to-supplier'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const NCR_STATES = ['open', 'dispositioned', 'closed'] as const;
export type NcrState = (typeof NCR_STATES)[number];

export interface NcrRecord {
  id: string;
  number: string;
  numberProvisional: boolean;
  target: LotTarget;
  targetLabel: string;
  batchId?: string;
  /** The lot inspection it was opened from, if any. */
  lotId?: string;
  model?: string;
  stage?: Stage;
  /** What is wrong. */
  what: string;
  /** Where it was found (process step, station, warehouse location). */
  where: string;
  /** How many units are affected or suspect. */
  quantity: number;
  state: NcrState;
  /** The target was put on hold when the NCR opened; lifted by the disposition. */
  hold: boolean;
  disposition?: {
    decision: Disposition;
    reason: string;
    /** The customer's or the plant's concession reference, for use as is. */
    concessionRef?: string;
    by: string;
    at: string;
  };
  history: { state: NcrState; by: string; at: string; note?: string }[];
  openedBy: string;
  openedAt: string;
  _v?: number;
  [key: string]: unknown;
}

export const CA_STATES = ['open', 'implemented', 'verified'] as const;
export type CaState = (typeof CA_STATES)[number];

/** Who fixes a cause: the line (production) or the supplier through procurement. */
export const CA_ASSIGNEES = ['production', 'procurement', 'quality'] as const;
export type CaAssignee = (typeof CA_ASSIGNEES)[number];

export interface CorrectiveActionRecord {
  id: string;
  number: string;
  numberProvisional: boolean;
  ncrId: string;
  ncrNumber: string;
  action: string;
  assignee: CaAssignee;
  /** Calendar date (YYYY-MM-DD) in the plant's time zone. */
  dueDate: string;
  state: CaState;
  implementation?: { note: string; by: string; at: string };
  verification?: { effective: boolean; note: string; by: string; at: string };
  history: { state: CaState; by: string; at: string; note?: string }[];
  createdBy: string;
  createdAt: string;
  _v?: number;
  [key: string]: unknown;
}

/** Due and not yet verified as effective. `today` is a YYYY-MM-DD date. */
export function isOverdue(ca: Pick<CorrectiveActionRecord, 'state' | 'dueDate'>, today: string) {
  return ca.state !== 'verified' && ca.dueDate < today;
}

export interface LotSummary {
  id: string;
  stage: Stage;
  attempt: number;
  state: 'open' | 'closed';
  verdict?: LotVerdict;
}

export interface NcrSummary {
  id: string;
  lotId?: string;
  state: NcrState;
  quantity: number;
  decision?: Disposition;
}

/** What quality keeps on a batch or material lot record, under `quality`. */
export interface QualitySummary {
  lots: LotSummary[];
  ncrs: NcrSummary[];
}

export const EMPTY_SUMMARY: QualitySummary = { lots: [], ncrs: [] };

export function summaryOf(record: { quality?: unknown } | undefined): QualitySummary {
  const q = record?.quality as Partial<QualitySummary> | undefined;
  return { lots: q?.lots ?? [], ncrs: q?.ncrs ?? [] };
}

/** NCRs not yet dispositioned: while there is one, the batch or lot is on hold. */
export function holdsOf(summary: QualitySummary): string[] {
  return summary.ncrs.filter((n) => n.state === 'open').map((n) => n.id);
}

export function upsertLot(summary: QualitySummary, lot: LotSummary): QualitySummary {
  return { ...summary, lots: [...summary.lots.filter((l) => l.id !== lot.id), lot] };
}

export function upsertNcr(summary: QualitySummary, ncr: NcrSummary): QualitySummary {
  return { ...summary, ncrs: [...summary.ncrs.filter((n) => n.id !== ncr.id), ncr] };
}

/** The next attempt number of a target at a stage: 1 first, then one more per re-inspection. */
export function nextAttempt(summary: QualitySummary, stage: Stage): number {
  return Math.max(0, ...summary.lots.filter((l) => l.stage === stage).map((l) => l.attempt)) + 1;
}
