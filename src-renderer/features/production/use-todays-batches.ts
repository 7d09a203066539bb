import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { uuidv7 } from '../../../src-shared/ids';
import type { BatchRecord, RunStep } from '../../../src-shared/planning/batch-mutations';
import { DAY, localDayStart } from '../../../src-shared/planning/line-calendar';
import { lineResourceOf } from '../../../src-shared/planning/schedule-rules';
import { useMutate, useUserDb } from '../../sync/use-sync';

export interface LineToday {
  id: string;
  label: { zh: string; en: string; code: string };
  batches: BatchRecord[];
}

/**
 * The workshop's day: per line, the batches planned to run today (plant time) plus whatever is
 * running or released and not done, in start order; with the actions the workshop takes.
 */
export function useTodaysBatches(now: number) {
  const db = useUserDb();
  const mutate = useMutate();
  const data = useLiveQuery(async () => {
    if (!db) return null;
    const [lines, batches, orders] = await Promise.all([
      db.domain('production-line').toArray(),
      db.domain('batch').where('state').anyOf('planned', 'released', 'running').toArray(),
      db.domain('order').toArray(),
    ]);
    return { lines, batches: batches as BatchRecord[], orders };
  }, [db]);

  const lines = useMemo((): LineToday[] => {
    if (!data) return [];
    const sorted = [...data.lines].sort((a, b) => String(a.code).localeCompare(String(b.code)));
    return sorted.map((raw) => {
      const offset = lineResourceOf(raw).calendar.utcOffsetMinutes;
      const dayStart = localDayStart(now, offset);
      const batches = data.batches
        .filter((b) => b.lineId === raw.id)
        .filter(
          (b) =>
            b.state === 'running' ||
            b.state === 'released' ||
            (Date.parse(b.start) < dayStart + DAY && Date.parse(b.end) > dayStart),
        )
        .sort((a, b) => a.start.localeCompare(b.start));
      const name = (raw.name ?? {}) as { zh?: string; en?: string };
      return {
        id: raw.id,
        label: { code: String(raw.code ?? raw.id), zh: name.zh ?? '', en: name.en ?? '' },
        batches,
      };
    });
  }, [data, now]);

  const orderNumbers = useMemo(
    () => new Map((data?.orders ?? []).map((o) => [o.id, String(o.number ?? '')])),
    [data],
  );

  const run = useCallback(
    (batchId: string, step: RunStep) => mutate('batch.run', { batchId, step }),
    [mutate],
  );
  const report = useCallback(
    (batchId: string, good: number, scrap: number) =>
      mutate('batch.report', { batchId, reportId: uuidv7(), good, scrap }),
    [mutate],
  );
  return { lines, orderNumbers, run, report };
}
