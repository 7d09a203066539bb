import type { LotVerdict } from './lot';
import { STAGES, type Stage } from './plan';

/**
 * Pass rate per inspection stage over time: lots accepted ÷ lots closed, per period, from
 * closed lot inspections. First-pass rate counts original lots only (a lot re-inspected after
 * rework passing is not a first pass).
 */

export interface ClosedLot {
  stage: Stage;
  verdict?: LotVerdict;
  attempt: number;
  closedAt?: string;
  state: 'open' | 'closed';
}

export interface PassRatePoint {
  period: string;
  /** Per stage: pass rate 0–1, or null when no lot of that stage closed in the period. */
  rates: Record<Stage, number | null>;
  firstPass: Record<Stage, number | null>;
  counts: Record<Stage, number>;
}

function emptyStages<T>(value: T): Record<Stage, T> {
  return Object.fromEntries(STAGES.map((s) => [s, value])) as Record<Stage, T>;
}

/**
 * `periodOf` turns a closing time into its period key (a local date, a week): passed in so
 * the plant's time zone decides, not the server's. Periods come out in ascending order.
 */
export function passRateSeries(
  lots: readonly ClosedLot[],
  periodOf: (closedAt: string) => string = (at) => at.slice(0, 10),
): PassRatePoint[] {
  const buckets = new Map<
    string,
    Record<Stage, { closed: number; accepted: number; first: number; firstAccepted: number }>
  >();
  for (const lot of lots) {
    if (lot.state !== 'closed' || !lot.closedAt || !lot.verdict) continue;
    const period = periodOf(lot.closedAt);
    let bucket = buckets.get(period);
    if (!bucket) {
      bucket = Object.fromEntries(
        STAGES.map((s) => [s, { closed: 0, accepted: 0, first: 0, firstAccepted: 0 }]),
      ) as NonNullable<typeof bucket>;
      buckets.set(period, bucket);
    }
    const b = bucket[lot.stage];
    b.closed += 1;
    if (lot.verdict === 'accepted') b.accepted += 1;
    if (lot.attempt === 1) {
      b.first += 1;
      if (lot.verdict === 'accepted') b.firstAccepted += 1;
    }
  }
  return [...buckets.keys()].sort().map((period) => {
    const bucket = buckets.get(period)!;
    const rates = emptyStages<number | null>(null);
    const firstPass = emptyStages<number | null>(null);
    const counts = emptyStages(0);
    for (const s of STAGES) {
      const b = bucket[s];
      counts[s] = b.closed;
      rates[s] = b.closed > 0 ? b.accepted / b.closed : null;
      firstPass[s] = b.first > 0 ? b.firstAccepted / b.first : null;
    }
    return { period, rates, firstPass, counts };
  });
}
