import {
  calendarOf,
  DAY,
  endAfterWork,
  HOUR,
  isOpenAt,
  localDate,
  localDayStart,
  maintenanceAt,
  openMsBetween,
  type LineCalendar,
} from './line-calendar';

/**
 * The planner's rules as pure functions: how long a batch takes on a line (rate, planned OEE,
 * calendar), and what a placement would break. The board runs them while a bar is dragged;
 * the warnings travel with the move and are recorded on the batch, because the planner may
 * place a batch against them (a customer rang, an overtime shift was agreed) and others must
 * see that it was deliberate.
 */

export interface LineRate {
  family: string;
  unitsPerHour: number;
}

export interface LineResource {
  id: string;
  code: string;
  rates: LineRate[];
  /** Share of open time the line really makes good parts; 1 when the line does not say. */
  plannedOee: number;
  calendar: LineCalendar;
}

export function lineResourceOf(raw: Record<string, unknown>): LineResource {
  const rates = Array.isArray(raw.rates)
    ? (raw.rates as LineRate[]).filter((r) => typeof r.family === 'string' && r.unitsPerHour > 0)
    : [];
  const oee = typeof raw.plannedOee === 'number' && raw.plannedOee > 0 ? raw.plannedOee : 1;
  return {
    id: String(raw.id),
    code: typeof raw.code === 'string' ? raw.code : String(raw.id),
    rates,
    plannedOee: Math.min(1, oee),
    calendar: calendarOf(raw),
  };
}

export function rateFor(line: LineResource, family: string | undefined): number | undefined {
  if (!family) return undefined;
  return line.rates.find((r) => r.family === family)?.unitsPerHour;
}

/** Open-line hours a quantity needs at a rate, after the planned OEE losses. */
export function workHours(quantity: number, unitsPerHour: number, oee: number): number {
  return quantity / (unitsPerHour * Math.max(0.01, Math.min(1, oee)));
}

/**
 * Where a batch ends on a line when it starts at `start`: its work hours laid over the line's
 * open time. Null when the line cannot make the family (no rate) or never opens.
 */
export function scheduleEnd(
  line: LineResource,
  family: string | undefined,
  quantity: number,
  start: number,
): number | null {
  const rate = rateFor(line, family);
  if (rate === undefined) return null;
  return endAfterWork(line.calendar, start, workHours(quantity, rate, line.plannedOee) * HOUR);
}

export const PLAN_WARNING_CODES = [
  'line-cannot-make',
  'calendar-closed',
  'over-capacity',
  'promised-date-missed',
  'material-late',
] as const;
export type PlanWarningCode = (typeof PLAN_WARNING_CODES)[number];

export interface PlanWarning {
  code: PlanWarningCode;
  params: Record<string, string | number>;
}

export interface Placement {
  id: string;
  family?: string | undefined;
  quantity: number;
  lineId: string;
  start: number;
  end: number;
}

export interface Occupant {
  id: string;
  number: string;
  start: number;
  end: number;
}

export interface PlacementContext {
  line: LineResource;
  /** Other batches on the target line (the batch itself may be among them; it is skipped). */
  others: readonly Occupant[];
  /** The order's promised date (YYYY-MM-DD, the plant's calendar), when the batch has one. */
  promisedDate?: string | undefined;
  /** When procurement says the material for this batch arrives (ISO), when it knows. */
  materialReadyAt?: string | undefined;
}

/** The end of a promised day in the plant's time: a batch finishing that evening is on time. */
export function promisedDeadline(promisedDate: string, utcOffsetMinutes: number): number {
  return Date.parse(`${promisedDate}T00:00:00Z`) - utcOffsetMinutes * 60_000 + DAY;
}

export function checkPlacement(p: Placement, ctx: PlacementContext): PlanWarning[] {
  const out: PlanWarning[] = [];
  const { line } = ctx;
  const cal = line.calendar;
  const rate = rateFor(line, p.family);
  if (p.family && rate === undefined) {
    out.push({ code: 'line-cannot-make', params: { line: line.code, family: p.family } });
  }
  if (!isOpenAt(cal, p.start)) {
    const window = maintenanceAt(cal, p.start);
    const date = localDate(p.start, cal.utcOffsetMinutes);
    const reason = window ? 'maintenance' : cal.holidays.includes(date) ? 'holiday' : 'no-shift';
    out.push({
      code: 'calendar-closed',
      params: { line: line.code, reason, date, ...(window?.note ? { note: window.note } : {}) },
    });
  }
  const clash = ctx.others.find((o) => o.id !== p.id && o.start < p.end && p.start < o.end);
  if (clash) {
    out.push({ code: 'over-capacity', params: { line: line.code, with: clash.number } });
  } else if (rate !== undefined) {
    const needed = workHours(p.quantity, rate, line.plannedOee);
    const open = openMsBetween(cal, p.start, p.end) / HOUR;
    // A minute of slack: ends computed by the calendar walk land exactly on the need.
    if (open + 1 / 60 < needed) {
      out.push({
        code: 'over-capacity',
        params: {
          line: line.code,
          neededHours: Math.round(needed * 10) / 10,
          openHours: Math.round(open * 10) / 10,
        },
      });
    }
  }
  if (ctx.promisedDate) {
    const deadline = promisedDeadline(ctx.promisedDate, cal.utcOffsetMinutes);
    if (p.end > deadline) {
      out.push({
        code: 'promised-date-missed',
        params: {
          promisedDate: ctx.promisedDate,
          lateDays: Math.ceil((p.end - deadline) / DAY),
        },
      });
    }
  }
  if (ctx.materialReadyAt && p.start < Date.parse(ctx.materialReadyAt)) {
    out.push({
      code: 'material-late',
      params: { readyDate: localDate(Date.parse(ctx.materialReadyAt), cal.utcOffsetMinutes) },
    });
  }
  return out;
}

export type Granularity = 'day' | 'week';

export interface Bucket {
  from: number;
  to: number;
  /** Local date the bucket starts (a week starts on Monday). */
  label: string;
}

/** Day or week buckets in the plant's local time, `count` of them from the one holding `from`. */
export function buckets(
  from: number,
  count: number,
  granularity: Granularity,
  utcOffsetMinutes: number,
): Bucket[] {
  let start = localDayStart(from, utcOffsetMinutes);
  if (granularity === 'week') {
    const weekday = new Date(start + utcOffsetMinutes * 60_000).getUTCDay();
    start -= ((weekday + 6) % 7) * DAY;
  }
  const size = granularity === 'week' ? 7 * DAY : DAY;
  return Array.from({ length: count }, (_, i) => ({
    from: start + i * size,
    to: start + (i + 1) * size,
    label: localDate(start + i * size, utcOffsetMinutes),
  }));
}

export interface LoadCell {
  lineId: string;
  bucket: Bucket;
  openHours: number;
  loadHours: number;
  /** loadHours / openHours; Infinity when something is planned into a closed bucket. */
  ratio: number;
  overloaded: boolean;
  batchIds: string[];
}

/**
 * Load per line per bucket: the open line time each batch occupies, against the open time the
 * calendar gives. Two batches on one line at once count twice, so a clash shows as an
 * overload as well as in the board's warning.
 */
export function capacityLoad(
  lines: readonly LineResource[],
  batches: readonly { id: string; lineId: string; start: number; end: number }[],
  bucketList: readonly Bucket[],
): LoadCell[][] {
  const byLine = new Map<string, { id: string; start: number; end: number }[]>();
  for (const b of batches) {
    const list = byLine.get(b.lineId) ?? [];
    list.push(b);
    byLine.set(b.lineId, list);
  }
  const first = bucketList[0]?.from ?? 0;
  const last = bucketList[bucketList.length - 1]?.to ?? 0;
  return lines.map((line) => {
    const cells = bucketList.map((bucket) => ({
      lineId: line.id,
      bucket,
      openHours: openMsBetween(line.calendar, bucket.from, bucket.to) / HOUR,
      loadHours: 0,
      ratio: 0,
      overloaded: false,
      batchIds: [] as string[],
    }));
    for (const b of byLine.get(line.id) ?? []) {
      if (b.end <= first || b.start >= last) continue;
      for (const cell of cells) {
        const s = Math.max(b.start, cell.bucket.from);
        const e = Math.min(b.end, cell.bucket.to);
        if (e <= s) continue;
        const busy = openMsBetween(line.calendar, s, e) / HOUR;
        if (busy > 0) {
          cell.loadHours += busy;
          cell.batchIds.push(b.id);
        }
      }
    }
    for (const cell of cells) {
      cell.loadHours = Math.round(cell.loadHours * 100) / 100;
      cell.ratio =
        cell.openHours > 0 ? cell.loadHours / cell.openHours : cell.loadHours > 0 ? Infinity : 0;
      cell.overloaded = cell.ratio > 1.0001;
    }
    return cells;
  });
}

/**
 * Quantities of the batches an order line splits into when each batch takes at most what the
 * line makes in `hoursPerBatch` (a shift, usually): equal batches and one remainder.
 */
export function splitByCapacity(
  quantity: number,
  line: LineResource,
  family: string | undefined,
  hoursPerBatch: number,
): number[] {
  const rate = rateFor(line, family);
  if (rate === undefined || quantity <= 0) return quantity > 0 ? [quantity] : [];
  const perBatch = Math.max(1, Math.floor(rate * line.plannedOee * hoursPerBatch));
  const out: number[] = [];
  for (let left = quantity; left > 0; left -= perBatch) out.push(Math.min(perBatch, left));
  return out;
}

/** A split by hand must account for every unit, in whole positive parts. */
export function splitProblem(quantity: number, parts: readonly number[]): string | null {
  if (parts.length < 2) return 'parts';
  if (parts.some((p) => !Number.isInteger(p) || p <= 0)) return 'part-quantity';
  if (parts.reduce((a, b) => a + b, 0) !== quantity) return 'sum';
  return null;
}

export interface MergeCandidate {
  id: string;
  model: string;
  spec?: string | undefined;
  state: string;
  hold?: unknown;
}

/** Why batches cannot become one, or null: same model and spec, not started, not on hold. */
export function mergeProblem(batches: readonly MergeCandidate[]): string | null {
  if (batches.length < 2) return 'too-few';
  const [first] = batches;
  if (!first) return 'too-few';
  if (batches.some((b) => b.state !== 'planned')) return 'not-planned';
  if (batches.some((b) => b.model !== first.model || (b.spec ?? '') !== (first.spec ?? ''))) {
    return 'different-model';
  }
  if (batches.some((b) => Boolean(b.hold))) return 'on-hold';
  return null;
}
