import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import type { SamplingStateRecord } from '../../../src-shared/quality/inspection-mutations';
import type { InspectionLotRecord, InspectionResultRecord } from '../../../src-shared/quality/lot';
import type { NcrRecord } from '../../../src-shared/quality/ncr';
import type { InspectionPlanRecord } from '../../../src-shared/quality/plan';
import type { QualitySummary } from '../../../src-shared/quality/ncr';
import { useUserDb } from '../../sync/use-sync';

/** Live views of the quality records in the user's local store, for the quality screens. */

export interface MaterialLotRecord {
  id: string;
  code: string;
  material: string;
  name?: { zh: string; en: string };
  supplierId?: string;
  supplierName?: string;
  quantity: number;
  unit?: string;
  quality?: QualitySummary;
  [key: string]: unknown;
}

export type QualityBatch = BatchRecord & { quality?: QualitySummary };

export interface QualityOverview {
  plans: InspectionPlanRecord[];
  lots: InspectionLotRecord[];
  batches: QualityBatch[];
  materialLots: MaterialLotRecord[];
  samplingStates: SamplingStateRecord[];
  ncrs: NcrRecord[];
  /** Ids of rows with a change this PC has not had confirmed yet. */
  pendingIds: Set<string>;
}

const EMPTY: QualityOverview = {
  plans: [],
  lots: [],
  batches: [],
  materialLots: [],
  samplingStates: [],
  ncrs: [],
  pendingIds: new Set(),
};

export function useQualityOverview(): QualityOverview {
  const db = useUserDb();
  return (
    useLiveQuery(async () => {
      if (!db) return EMPTY;
      const [plans, lots, batches, materialLots, samplingStates, ncrs, shadows] = await Promise.all(
        [
          db.domain('inspection-plan').toArray(),
          db.domain('inspection-lot').orderBy('id').reverse().toArray(),
          db.domain('batch').orderBy('start').reverse().toArray(),
          db.domain('material-lot').toArray(),
          db.domain('sampling-state').toArray(),
          db.domain('ncr').orderBy('id').reverse().toArray(),
          db.shadow.toArray(),
        ],
      );
      return {
        plans: (plans as InspectionPlanRecord[]).sort((a, b) =>
          `${a.model}${a.stage}` < `${b.model}${b.stage}` ? -1 : 1,
        ),
        lots: lots as InspectionLotRecord[],
        batches: batches as QualityBatch[],
        materialLots: materialLots as MaterialLotRecord[],
        samplingStates: samplingStates as SamplingStateRecord[],
        ncrs: ncrs as NcrRecord[],
        pendingIds: new Set(shadows.map((s) => s.id)),
      };
    }, [db]) ?? EMPTY
  );
}

/** One lot and its readings, newest first. */
export function useLotReadings(lotId: string | null): {
  lot: InspectionLotRecord | null;
  readings: InspectionResultRecord[];
  loaded: boolean;
} {
  const db = useUserDb();
  return (
    useLiveQuery(async () => {
      if (!db || !lotId) return { lot: null, readings: [], loaded: true };
      const [lot, readings] = await Promise.all([
        db.domain('inspection-lot').get(lotId),
        db.domain('inspection').where('lotId').equals(lotId).toArray(),
      ]);
      return {
        lot: (lot as InspectionLotRecord | undefined) ?? null,
        readings: (readings as InspectionResultRecord[]).sort((a, b) => (a.id < b.id ? 1 : -1)),
        loaded: true,
      };
    }, [db, lotId]) ?? { lot: null, readings: [], loaded: false }
  );
}

/**
 * The most recent `limit` readings of one series (plan + characteristic) across lots, oldest
 * first, without the ones a correction superseded: what a control chart draws.
 */
export async function recentSeriesReadings(
  db: Dexie,
  series: string,
  limit: number,
): Promise<InspectionResultRecord[]> {
  // A few more than asked for: corrections and the entries they supersede both drop out.
  const rows = (await db
    .table('inspection')
    .where('[series+id]')
    .between([series, Dexie.minKey], [series, Dexie.maxKey])
    .reverse()
    .limit(Math.ceil(limit * 1.1) + 10)
    .toArray()) as InspectionResultRecord[];
  const superseded = new Set(rows.map((r) => r.supersedes).filter(Boolean));
  return rows
    .filter((r) => !superseded.has(r.id) && typeof r.value === 'number')
    .slice(0, limit)
    .reverse();
}

export function useSeriesReadings(series: string | null, limit: number) {
  const db = useUserDb();
  return useLiveQuery(
    async () => (db && series ? recentSeriesReadings(db, series, limit) : []),
    [db, series, limit],
  );
}
