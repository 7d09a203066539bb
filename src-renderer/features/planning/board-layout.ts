import {
  DAY,
  HOUR,
  localDate,
  localDayStart,
  snapToShiftStart,
  stepShift,
  type LineCalendar,
} from '../../../src-shared/planning/line-calendar';

/**
 * The schedule board's geometry as plain functions: time ↔ pixels per zoom, which bars are in
 * view (so the DOM only ever holds those), lanes for bars that overlap on a line, header ticks,
 * and the snap grid. Tested without React; the component only positions what these say.
 */

export const ZOOMS = ['hour', 'shift', 'day', 'week'] as const;
export type Zoom = (typeof ZOOMS)[number];

/** Pixels per hour at each zoom: an hour, a shift, a day or a week is roughly one bar label wide. */
export const PX_PER_HOUR: Record<Zoom, number> = { hour: 48, shift: 12, day: 4, week: 0.9 };

export const ROW_HEIGHT = 48;
export const HEADER_HEIGHT = 40;
export const LABEL_WIDTH = 168;
const MAX_LANES = 3;

export interface BoardBar {
  id: string;
  lineId: string;
  start: number;
  end: number;
  lane: number;
  lanes: number;
}

export interface LineIndex {
  /** Bars of the line by start. */
  bars: BoardBar[];
  /** Longest bar of the line: how far before the view a bar may start and still show. */
  maxSpan: number;
}

/**
 * Groups bars by line, sorted by start, and gives overlapping bars their own lane (a clash the
 * planner must see, not two bars drawn on top of each other).
 */
export function indexBars(
  bars: Iterable<{ id: string; lineId: string; start: number; end: number }>,
): Map<string, LineIndex> {
  const byLine = new Map<string, BoardBar[]>();
  for (const b of bars) {
    let list = byLine.get(b.lineId);
    if (!list) byLine.set(b.lineId, (list = []));
    // An object literal, not a spread: this runs for every batch each time the plan changes.
    list.push({ id: b.id, lineId: b.lineId, start: b.start, end: b.end, lane: 0, lanes: 1 });
  }
  return indexLines(byLine);
}

/**
 * indexBars on bars already grouped by line, taken as they are (sorted and given lanes in
 * place): the board's model builds them so, without a copy per batch.
 */
export function indexLines(byLine: Map<string, BoardBar[]>): Map<string, LineIndex> {
  const out = new Map<string, LineIndex>();
  for (const [lineId, list] of byLine) {
    list.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let maxSpan = 0;
    // Lanes: greedy by start; a cluster of mutually overlapping bars shares its lane count.
    let laneEnds: number[] = [];
    let cluster: BoardBar[] = [];
    const close = () => {
      const lanes = Math.min(MAX_LANES, laneEnds.length || 1);
      for (const b of cluster) b.lanes = lanes;
      cluster = [];
      laneEnds = [];
    };
    for (const bar of list) {
      maxSpan = Math.max(maxSpan, bar.end - bar.start);
      if (laneEnds.length > 0 && laneEnds.every((e) => e <= bar.start)) close();
      let lane = laneEnds.findIndex((e) => e <= bar.start);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = bar.end;
      bar.lane = Math.min(lane, MAX_LANES - 1);
      cluster.push(bar);
    }
    close();
    out.set(lineId, { bars: list, maxSpan });
  }
  return out;
}

/** First index whose start is >= t (binary search). */
function lowerBound(bars: readonly BoardBar[], t: number): number {
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bars[mid] as BoardBar).start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bars of the given lines that intersect [t0, t1): what the DOM renders. */
export function visibleBars(
  index: ReadonlyMap<string, LineIndex>,
  lineIds: readonly string[],
  t0: number,
  t1: number,
): BoardBar[] {
  const out: BoardBar[] = [];
  for (const lineId of lineIds) {
    const line = index.get(lineId);
    if (!line) continue;
    for (let i = lowerBound(line.bars, t0 - line.maxSpan); i < line.bars.length; i++) {
      const bar = line.bars[i] as BoardBar;
      if (bar.start >= t1) break;
      if (bar.end > t0) out.push(bar);
    }
  }
  return out;
}

export interface Viewport {
  scrollLeft: number;
  scrollTop: number;
  width: number;
  height: number;
}

/** Rows and time in view, with an overscan so a short scroll does not show empty space. */
export function viewWindow(
  vp: Viewport,
  origin: number,
  zoom: Zoom,
  rowCount: number,
): { firstRow: number; lastRow: number; t0: number; t1: number } {
  const px = PX_PER_HOUR[zoom];
  // A tenth of a screen either side: a short scroll shows bars at once; the DOM stays small.
  const overscanPx = vp.width * 0.1;
  const firstRow = Math.max(0, Math.floor(vp.scrollTop / ROW_HEIGHT) - 2);
  const lastRow = Math.min(rowCount - 1, Math.ceil((vp.scrollTop + vp.height) / ROW_HEIGHT) + 2);
  const t0 = origin + ((vp.scrollLeft - overscanPx) / px) * HOUR;
  const t1 = origin + ((vp.scrollLeft + vp.width - LABEL_WIDTH + overscanPx) / px) * HOUR;
  return { firstRow, lastRow, t0, t1 };
}

export function timeToX(t: number, origin: number, zoom: Zoom): number {
  return ((t - origin) / HOUR) * PX_PER_HOUR[zoom];
}

export function xToTime(x: number, origin: number, zoom: Zoom): number {
  return origin + (x / PX_PER_HOUR[zoom]) * HOUR;
}

export interface Tick {
  t: number;
  label: string;
  major: boolean;
}

/** Header ticks in [t0, t1) in plant time: hours, shifts (every 2 h), days or weeks. */
export function ticks(t0: number, t1: number, zoom: Zoom, utcOffsetMinutes: number): Tick[] {
  const out: Tick[] = [];
  const step = { hour: HOUR, shift: 2 * HOUR, day: DAY, week: DAY }[zoom];
  const start = localDayStart(t0, utcOffsetMinutes);
  for (let t = start; t < t1 && out.length < 2000; t += step) {
    if (t < t0 - step) continue;
    const local = new Date(t + utcOffsetMinutes * 60_000);
    const hour = local.getUTCHours();
    const date = localDate(t, utcOffsetMinutes);
    const weekStart = local.getUTCDay() === 1;
    if (zoom === 'week' && !weekStart) continue;
    const major =
      zoom === 'hour' || zoom === 'shift' ? hour === 0 : zoom === 'day' ? weekStart : true;
    const label =
      zoom === 'hour' || zoom === 'shift'
        ? hour === 0
          ? date.slice(5)
          : `${String(hour).padStart(2, '0')}:00`
        : date.slice(5);
    out.push({ t, label, major });
  }
  return out;
}

/**
 * Where a dragged start lands: the nearest hour at hour zoom, else the nearest shift start of
 * the target line (the planner thinks in shifts; a batch starting mid-shift is a mistake).
 */
export function snapTime(ms: number, zoom: Zoom, cal: LineCalendar | undefined): number {
  if (zoom === 'hour' || !cal) return Math.round(ms / HOUR) * HOUR;
  return snapToShiftStart(cal, ms);
}

/** One keyboard step: an hour at hour zoom, else one shift of the line. */
export function stepTime(
  ms: number,
  steps: number,
  zoom: Zoom,
  cal: LineCalendar | undefined,
): number {
  if (zoom === 'hour' || !cal) return ms + steps * HOUR;
  return stepShift(cal, ms, steps);
}

/** Bar rectangle inside the board's canvas (under the header, right of the labels). */
export function barRect(
  bar: BoardBar,
  row: number,
  origin: number,
  zoom: Zoom,
): { left: number; top: number; width: number; height: number } {
  const left = timeToX(bar.start, origin, zoom);
  const width = Math.max(6, timeToX(bar.end, origin, zoom) - left);
  const inner = ROW_HEIGHT - 8;
  const height = inner / bar.lanes;
  return { left, top: row * ROW_HEIGHT + 4 + bar.lane * height, width, height: height - 2 };
}
