import { describe, expect, it } from 'vitest';
import {
  calendarOf,
  dayCapacity,
  defaultShifts,
  endAfterWork,
  HOUR,
  isOpenAt,
  nextOpen,
  openMsBetween,
  snapToShiftStart,
  stepShift,
  type LineCalendar,
} from './line-calendar';

/** Plant time is UTC+8: '2026-12-07T06:00+08:00' is Monday's first shift. */
const at = (local: string) => Date.parse(`${local}:00+08:00`);

const cal: LineCalendar = {
  utcOffsetMinutes: 480,
  workingDays: [1, 2, 3, 4, 5],
  shifts: [
    { code: 'A', start: '06:00', hours: 8, headcount: 12 },
    { code: 'B', start: '14:00', hours: 8, headcount: 10 },
  ],
  holidays: ['2026-12-09'],
  maintenance: [
    { id: 'm1', start: '2026-12-08T08:00:00+08:00', end: '2026-12-08T12:00:00+08:00', note: 'PM' },
  ],
};

describe('line calendar', () => {
  it('is open in shifts, closed between them, on holidays, idle days and in maintenance', () => {
    expect(isOpenAt(cal, at('2026-12-07T06:00'))).toBe(true);
    expect(isOpenAt(cal, at('2026-12-07T21:59'))).toBe(true);
    expect(isOpenAt(cal, at('2026-12-07T22:00'))).toBe(false);
    expect(isOpenAt(cal, at('2026-12-08T09:00'))).toBe(false); // maintenance
    expect(isOpenAt(cal, at('2026-12-09T10:00'))).toBe(false); // holiday
    expect(isOpenAt(cal, at('2026-12-12T10:00'))).toBe(false); // Saturday
  });

  it('counts open hours per day, less maintenance, with the people on shift', () => {
    expect(dayCapacity(cal, at('2026-12-07T00:00'))).toEqual({ openHours: 16, headcount: 22 });
    expect(dayCapacity(cal, at('2026-12-08T00:00')).openHours).toBe(12);
    expect(dayCapacity(cal, at('2026-12-09T00:00')).openHours).toBe(0);
  });

  it('lays work over open time: past the night, the maintenance window and the holiday', () => {
    // 20 h of work from Monday 06:00: 16 h on Monday, 2 h Tuesday 06-08, then maintenance
    // until 12:00, 2 more hours → Tuesday 14:00.
    expect(endAfterWork(cal, at('2026-12-07T06:00'), 20 * HOUR)).toBe(at('2026-12-08T14:00'));
    // 30 h: Monday 16 + Tuesday 12 = 28, the holiday Wednesday skipped, 2 h Thursday.
    expect(endAfterWork(cal, at('2026-12-07T06:00'), 30 * HOUR)).toBe(at('2026-12-10T08:00'));
    // Starting in closed time begins at the next shift.
    expect(endAfterWork(cal, at('2026-12-07T23:00'), 1 * HOUR)).toBe(at('2026-12-08T07:00'));
    expect(endAfterWork({ ...cal, workingDays: [] }, at('2026-12-07T06:00'), HOUR)).toBeNull();
  });

  it('handles a night shift that runs past midnight', () => {
    const night: LineCalendar = { ...cal, shifts: [{ code: 'N', start: '22:00', hours: 8 }] };
    expect(isOpenAt(night, at('2026-12-08T03:00'))).toBe(true);
    expect(openMsBetween(night, at('2026-12-08T00:00'), at('2026-12-08T06:00'))).toBe(6 * HOUR);
  });

  it('snaps and steps by shift starts', () => {
    expect(snapToShiftStart(cal, at('2026-12-07T12:59'))).toBe(at('2026-12-07T14:00'));
    expect(snapToShiftStart(cal, at('2026-12-07T09:00'))).toBe(at('2026-12-07T06:00'));
    expect(stepShift(cal, at('2026-12-07T06:00'), 1)).toBe(at('2026-12-07T14:00'));
    expect(stepShift(cal, at('2026-12-07T14:00'), 1)).toBe(at('2026-12-08T06:00'));
    expect(stepShift(cal, at('2026-12-08T06:00'), -1)).toBe(at('2026-12-07T14:00'));
    // Friday's B shift → Monday's A shift, over the weekend.
    expect(stepShift(cal, at('2026-12-11T14:00'), 1)).toBe(at('2026-12-14T06:00'));
    expect(nextOpen(cal, at('2026-12-09T00:00'))).toBe(at('2026-12-10T06:00'));
  });

  it('reads old line records defensively', () => {
    const c = calendarOf({ id: 'l', shiftsPerDay: 3, hoursPerShift: 8 });
    expect(c.shifts.map((s) => s.start)).toEqual(['06:00', '14:00', '22:00']);
    expect(c.utcOffsetMinutes).toBe(480);
    expect(defaultShifts(2, 10).map((s) => s.start)).toEqual(['06:00', '16:00']);
    expect(
      calendarOf({ id: 'l', calendar: { shifts: [{ start: 'bad', hours: 8 }] } }).shifts,
    ).toHaveLength(2);
  });
});
