import type { Severity } from './aql';
import type { Judgement, JudgementReason, LotCharacteristic, Stage } from './plan';

/**
 * A lot inspection: one batch or material lot checked against a plan at one stage, with the
 * plan's characteristics frozen at the start, and the append-only readings logged against it.
 */

export type LotTarget = { kind: 'batch'; id: string } | { kind: 'material-lot'; id: string };

export interface InspectionLotRecord {
  id: string;
  number: string;
  numberProvisional: boolean;
  planId: string;
  planRevision: number;
  model: string;
  stage: Stage;
  step?: string;
  target: LotTarget;
  /** Human label of the target (batch or material lot number) for lists and NCRs. */
  targetLabel: string;
  /** The batch id when the target is a batch: the index screens query by. */
  batchId?: string;
  /** Supplier (incoming) or line (made here): the source switching is tracked for. */
  source: string;
  lotSize: number;
  severity: Severity;
  /** 1 for the first inspection of this target at this stage; more after rework. */
  attempt: number;
  characteristics: LotCharacteristic[];
  state: 'open' | 'closed';
  /** Per characteristic id, kept by every reading logged (corrections included). */
  tallies: Record<string, Tally>;
  verdict?: LotVerdict;
  openedBy: string;
  openedAt: string;
  closedBy?: string;
  closedAt?: string;
  /** The NCR opened when the lot was not accepted. */
  ncrId?: string;
  note?: string;
  _v?: number;
  [key: string]: unknown;
}

/** One logged reading. Append-only: a correction is a new entry naming the one it supersedes. */
export interface InspectionResultRecord {
  id: string;
  lotId: string;
  batchId?: string;
  targetId: string;
  /** `${planId}/${characteristicId}`: the series a control chart follows across lots. */
  series: string;
  characteristicId: string;
  /** Unit number within the sample, 1-based, as the inspector counted. */
  sample: number;
  serial?: string;
  value?: number;
  passed?: boolean;
  count?: number;
  unit?: string;
  note?: string;
  /** A small image as a data URL (size-limited by the mutation's schema). */
  photo?: string;
  judgement: Judgement;
  reason: JudgementReason;
  nonconformities: number;
  supersedes?: string;
  correctionReason?: string;
  source?: 'typed' | 'csv';
  inspectorId: string;
  clientId: string;
  clientTime: string;
  _v?: number;
  [key: string]: unknown;
}

export type CharacteristicStatus = 'pending' | 'accepted' | 'rejected';
export type LotVerdict = 'accepted' | 'rejected';

/** Running count per characteristic, kept on the lot by the mutations that log readings. */
export interface Tally {
  inspected: number;
  nonconformities: number;
}

export interface CharacteristicProgress extends Tally {
  id: string;
  status: CharacteristicStatus;
  /** Units still to check before the characteristic can be accepted (0 when done). */
  remaining: number;
}

export interface LotProgress {
  characteristics: CharacteristicProgress[];
  /** Accepted when every characteristic is; rejected as soon as one is. */
  status: CharacteristicStatus;
}

/** The readings that stand: those no correction has superseded. */
export function currentReadings<T extends Pick<InspectionResultRecord, 'id' | 'supersedes'>>(
  readings: readonly T[],
): T[] {
  const superseded = new Set(readings.map((r) => r.supersedes).filter((s) => s !== undefined));
  return readings.filter((r) => !superseded.has(r.id));
}

/**
 * Tallies standing readings per characteristic. Every standing reading counts as one
 * inspected unit: two PCs logging the same lot offline only add units, never hide a failure.
 */
export function tallyReadings(
  readings: readonly Pick<
    InspectionResultRecord,
    'id' | 'supersedes' | 'characteristicId' | 'nonconformities'
  >[],
): Record<string, Tally> {
  const tallies: Record<string, Tally> = {};
  for (const r of currentReadings(readings)) {
    const t = (tallies[r.characteristicId] ??= { inspected: 0, nonconformities: 0 });
    t.inspected += 1;
    t.nonconformities += r.nonconformities;
  }
  return tallies;
}

/**
 * Where each characteristic and the lot stand, by the accept/reject numbers. Rejection needs
 * no complete sample: reaching Re decides it, as the standard allows. A critical
 * characteristic rejects the lot on its first nonconformity: ISO 2859-1 leaves critical
 * classes to the plant, and plants use Ac 0 there.
 */
export function lotProgress(
  characteristics: readonly LotCharacteristic[],
  tallies: Readonly<Record<string, Tally>>,
): LotProgress {
  const progress = characteristics.map((c): CharacteristicProgress => {
    const { inspected, nonconformities } = tallies[c.id] ?? { inspected: 0, nonconformities: 0 };
    const remaining = Math.max(0, c.sampleSize - inspected);
    let status: CharacteristicStatus = 'pending';
    const judged = c.type !== 'record';
    if (
      judged &&
      (nonconformities >= c.reject || (c.defectClass === 'critical' && nonconformities > 0))
    ) {
      status = 'rejected';
    } else if (remaining === 0) {
      status = 'accepted';
    }
    return { id: c.id, inspected, nonconformities, status, remaining };
  });
  const status: CharacteristicStatus = progress.some((p) => p.status === 'rejected')
    ? 'rejected'
    : progress.every((p) => p.status === 'accepted')
      ? 'accepted'
      : 'pending';
  return { characteristics: progress, status };
}
