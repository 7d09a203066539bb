/**
 * A production line's calendar: which hours it works (shifts on working days), minus holidays
 * and maintenance windows. Everything is computed in the plant's local time (an explicit UTC
 * offset per line, never the PC's time zone, which may differ from the plant's), on epoch
 * milliseconds, so the board, the checks and the capacity view agree to the minute.
 */

export interface ShiftDef {
  /** Short name the workshop uses: 'A', 'B', 'N'. */
  code: string;
  /** Local start, 'HH:mm'; a shift may run past midnight. */
  start: string;
  hours: number;
  /** People on the line during the shift; informs capacity, not a hard rule. */
  headcount?: number;
}

export interface MaintenanceWindow {
  id: string;
  start: string;
  end: string;
  note?: string;
}

export interface LineCalendar {
  utcOffsetMinutes: number;
  /** Days of the week the line works, 0 = Sunday. */
  workingDays: number[];
  shifts: ShiftDef[];
  /** Local dates (YYYY-MM-DD) the line does not work; a shift belongs to the date it starts. */
  holidays: string[];
  maintenance: MaintenanceWindow[];
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** China Standard Time: the demo plant's; a line may set its own. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Shifts laid end to end from 06:00, the usual pattern when a line only says how many. */
export function defaultShifts(shiftsPerDay: number, hoursPerShift: number): ShiftDef[] {
  const codes = ['A', 'B', 'C', 'D'];
  const count = Math.max(1, Math.min(4, Math.floor(shiftsPerDay)));
  const hours = Math.max(1, Math.min(24 / count, hoursPerShift));
  return Array.from({ length: count }, (_, i) => {
    const minutes = (6 * 60 + i * hours * 60) % (24 * 60);
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return { code: codes[i] ?? String(i + 1), start: `${hh}:${mm}`, hours };
  });
}

/**
 * The calendar of a stored line, read defensively: lines from before calendars existed (or
 * edited by an older client) fall back to their shift count and length, Monday to Saturday.
 */
export function calendarOf(line: Record<string, unknown>): LineCalendar {
  const cal = isRecord(line.calendar) ? line.calendar : {};
  const shiftsPerDay = typeof line.shiftsPerDay === 'number' ? line.shiftsPerDay : 2;
  const hoursPerShift = typeof line.hoursPerShift === 'number' ? line.hoursPerShift : 8;
  const shifts = Array.isArray(cal.shifts)
    ? (cal.shifts as ShiftDef[]).filter((s) => /^\d{2}:\d{2}$/.test(s.start) && s.hours > 0)
    : [];
  return {
    utcOffsetMinutes:
      typeof cal.utcOffsetMinutes === 'number' ? cal.utcOffsetMinutes : DEFAULT_UTC_OFFSET_MINUTES,
    workingDays: Array.isArray(cal.workingDays)
      ? (cal.workingDays as number[])
      : [1, 2, 3, 4, 5, 6],
    shifts: shifts.length > 0 ? shifts : defaultShifts(shiftsPerDay, hoursPerShift),
    holidays: Array.isArray(cal.holidays) ? (cal.holidays as string[]) : [],
    maintenance: Array.isArray(cal.maintenance)
      ? (cal.maintenance as MaintenanceWindow[]).filter((m) => m.end > m.start)
      : [],
  };
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The instant local midnight starts the day containing `ms`. */
export function localDayStart(ms: number, utcOffsetMinutes: number): number {
  const off = utcOffsetMinutes * 60_000;
  return Math.floor((ms + off) / DAY) * DAY - off;
}

export interface ShiftInstance {
  start: number;
  end: number;
  shift: ShiftDef;
  date: string;
}

/** Shift instances that overlap [from, to), in start order, holidays and idle days left out. */
export function shiftInstances(cal: LineCalendar, from: number, to: number): ShiftInstance[] {
  const out: ShiftInstance[] = [];
  const holidays = new Set(cal.holidays);
  const workingDays = new Set(cal.workingDays);
  // A night shift that started yesterday may still be running at `from`.
  for (let day = localDayStart(from, cal.utcOffsetMinutes) - DAY; day < to; day += DAY) {
    const date = localDate(day, cal.utcOffsetMinutes);
    const weekday = new Date(day + cal.utcOffsetMinutes * 60_000).getUTCDay();
    if (holidays.has(date) || !workingDays.has(weekday)) continue;
    for (const shift of cal.shifts) {
      const [h, m] = shift.start.split(':').map(Number) as [number, number];
      const start = day + (h * 60 + m) * 60_000;
      const end = start + shift.hours * HOUR;
      if (end > from && start < to) out.push({ start, end, shift, date });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Open time in [from, to): shifts minus maintenance windows, merged, clipped. */
export function openIntervals(cal: LineCalendar, from: number, to: number): [number, number][] {
  const shifts = mergeIntervals(
    shiftInstances(cal, from, to).map((s) => [Math.max(s.start, from), Math.min(s.end, to)]),
  );
  const closed = mergeIntervals(
    cal.maintenance
      .map((m) => [Date.parse(m.start), Date.parse(m.end)] as [number, number])
      .filter(([s, e]) => e > from && s < to),
  );
  if (closed.length === 0) return shifts;
  const out: [number, number][] = [];
  for (const [s, e] of shifts) {
    let cursor = s;
    for (const [cs, ce] of closed) {
      if (ce <= cursor || cs >= e) continue;
      if (cs > cursor) out.push([cursor, cs]);
      cursor = Math.max(cursor, ce);
    }
    if (cursor < e) out.push([cursor, e]);
  }
  return out;
}

export function openMsBetween(cal: LineCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  return openIntervals(cal, from, to).reduce((sum, [s, e]) => sum + e - s, 0);
}

export function isOpenAt(cal: LineCalendar, ms: number): boolean {
  return openMsBetween(cal, ms, ms + 60_000) > 0;
}

/** The maintenance window that covers `ms`, if any (the board names it in its warning). */
export function maintenanceAt(cal: LineCalendar, ms: number): MaintenanceWindow | undefined {
  return cal.maintenance.find((m) => Date.parse(m.start) <= ms && ms < Date.parse(m.end));
}

/** How far ahead the walk looks before giving up on a calendar with no open time at all. */
const HORIZON = 366 * DAY;

/**
 * When `workMs` of open line time, counted from `start`, is used up: the batch runs only while
 * the line is open, so it stretches over nights, holidays and maintenance. Null when the
 * calendar has no open time within a year.
 */
export function endAfterWork(cal: LineCalendar, start: number, workMs: number): number | null {
  if (workMs <= 0) return start;
  let left = workMs;
  // Walk in 14-day chunks so a long batch does not expand a year of shifts up front.
  for (let from = start; from < start + HORIZON; from += 14 * DAY) {
    for (const [s, e] of openIntervals(cal, from, from + 14 * DAY)) {
      if (e - s >= left) return s + left;
      left -= e - s;
    }
  }
  return null;
}

/** The next instant at or after `ms` the line is open (where a batch placed in a gap starts). */
export function nextOpen(cal: LineCalendar, ms: number): number | null {
  for (let from = ms; from < ms + HORIZON; from += 14 * DAY) {
    const first = openIntervals(cal, from, from + 14 * DAY)[0];
    if (first) return first[0];
  }
  return null;
}

/**
 * The shift start nearest to `ms` on this line (the snap grid of the board at shift, day and
 * week zoom), or `ms` itself when no shift starts within a week either side.
 */
export function snapToShiftStart(cal: LineCalendar, ms: number): number {
  const starts = shiftInstances(cal, ms - 7 * DAY, ms + 7 * DAY).map((s) => s.start);
  let best = ms;
  let bestDistance = Infinity;
  for (const s of starts) {
    const d = Math.abs(s - ms);
    if (d < bestDistance) {
      best = s;
      bestDistance = d;
    }
  }
  return best;
}

/** The shift start `steps` shifts later (earlier when negative) than `ms`: a keyboard move. */
export function stepShift(cal: LineCalendar, ms: number, steps: number): number {
  if (steps === 0) return ms;
  const span = (Math.abs(steps) + 14) * DAY;
  const starts = [...new Set(shiftInstances(cal, ms - span, ms + span).map((s) => s.start))].sort(
    (a, b) => a - b,
  );
  if (steps > 0) {
    const later = starts.filter((s) => s > ms);
    return later[steps - 1] ?? later[later.length - 1] ?? ms;
  }
  const earlier = starts.filter((s) => s < ms);
  return earlier[earlier.length + steps] ?? earlier[0] ?? ms;
}

/** Open hours in one local day, with the people on shift (the capacity view's headcount). */
export function dayCapacity(
  cal: LineCalendar,
  dayStart: number,
): { openHours: number; headcount: number } {
  const shifts = shiftInstances(cal, dayStart, dayStart + DAY).filter(
    (s) => s.start >= dayStart && s.start < dayStart + DAY,
  );
  return {
    openHours: openMsBetween(cal, dayStart, dayStart + DAY) / HOUR,
    headcount: shifts.reduce((sum, s) => sum + (s.shift.headcount ?? 0), 0),
  };
}
