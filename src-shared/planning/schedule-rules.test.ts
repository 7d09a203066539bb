import { describe, expect, it } from 'vitest';
import type { LineCalendar } from './line-calendar';
import {
  buckets,
  capacityLoad,
  checkPlacement,
  lineResourceOf,
  mergeProblem,
  scheduleEnd,
  splitByCapacity,
  splitProblem,
  workHours,
  type LineResource,
} from './schedule-rules';

const at = (local: string) => Date.parse(`${local}:00+08:00`);

const calendar: LineCalendar = {
  utcOffsetMinutes: 480,
  workingDays: [1, 2, 3, 4, 5],
  shifts: [
    { code: 'A', start: '06:00', hours: 8 },
    { code: 'B', start: '14:00', hours: 8 },
  ],
  holidays: ['2026-12-09'],
  maintenance: [
    { id: 'm1', start: '2026-12-08T08:00:00+08:00', end: '2026-12-08T12:00:00+08:00', note: 'PM' },
  ],
};
const line: LineResource = {
  id: 'L1',
  code: 'L1-CYL',
  rates: [{ family: '18650', unitsPerHour: 1000 }],
  plannedOee: 0.8,
  calendar,
};

describe('duration from rate and calendar', () => {
  it('divides by rate and planned OEE', () => {
    expect(workHours(8000, 1000, 0.8)).toBe(10);
  });

  it('ends where the work hours run out on the line calendar', () => {
    // 16,000 units at 800 good/h = 20 h from Monday 06:00 → Tuesday 14:00 (see the calendar).
    expect(scheduleEnd(line, '18650', 16_000, at('2026-12-07T06:00'))).toBe(at('2026-12-08T14:00'));
    expect(scheduleEnd(line, '26650', 16_000, at('2026-12-07T06:00'))).toBeNull();
  });

  it('reads a stored line with its rates and defaults', () => {
    const r = lineResourceOf({
      id: 'x',
      code: 'X',
      rates: [
        { family: 'pack', unitsPerHour: 40 },
        { family: 'bad', unitsPerHour: 0 },
      ],
    });
    expect(r.rates).toEqual([{ family: 'pack', unitsPerHour: 40 }]);
    expect(r.plannedOee).toBe(1);
  });
});

describe('placement checks', () => {
  const place = (over: Partial<Parameters<typeof checkPlacement>[0]> = {}) => ({
    id: 'b1',
    family: '18650',
    quantity: 8000,
    lineId: 'L1',
    start: at('2026-12-07T06:00'),
    end: at('2026-12-07T16:00'),
    ...over,
  });

  it('passes a batch that fits', () => {
    expect(checkPlacement(place(), { line, others: [] })).toEqual([]);
  });

  it('warns when the line cannot make the family', () => {
    const w = checkPlacement(place({ family: 'prismatic' }), { line, others: [] });
    expect(w.map((x) => x.code)).toEqual(['line-cannot-make']);
    expect(w[0]?.params).toEqual({ line: 'L1-CYL', family: 'prismatic' });
  });

  it('warns when the start falls in closed time, saying why', () => {
    const reasons = [at('2026-12-08T09:00'), at('2026-12-09T09:00'), at('2026-12-07T23:00')].map(
      (start) => {
        const w = checkPlacement(place({ start, end: start + 30 * 3600_000 }), {
          line,
          others: [],
        });
        return w.find((x) => x.code === 'calendar-closed')?.params.reason;
      },
    );
    expect(reasons).toEqual(['maintenance', 'holiday', 'no-shift']);
  });

  it('warns of over capacity: a clash with another batch, or too little open time', () => {
    const clash = checkPlacement(place(), {
      line,
      others: [
        { id: 'b2', number: 'BT-2', start: at('2026-12-07T15:00'), end: at('2026-12-07T20:00') },
      ],
    });
    expect(clash).toEqual([{ code: 'over-capacity', params: { line: 'L1-CYL', with: 'BT-2' } }]);
    // The batch itself in the list is no clash.
    expect(
      checkPlacement(place(), {
        line,
        others: [{ id: 'b1', number: 'BT-1', start: 0, end: Infinity }],
      }),
    ).toEqual([]);
    const short = checkPlacement(place({ end: at('2026-12-07T12:00') }), { line, others: [] });
    expect(short[0]?.params).toMatchObject({ neededHours: 10, openHours: 6 });
    // Touching end to start is no clash.
    expect(
      checkPlacement(place(), {
        line,
        others: [
          { id: 'b3', number: 'BT-3', start: at('2026-12-07T16:00'), end: at('2026-12-07T20:00') },
        ],
      }),
    ).toEqual([]);
  });

  it('warns when the promised date is missed, in whole days late', () => {
    const onTime = checkPlacement(place(), { line, others: [], promisedDate: '2026-12-07' });
    expect(onTime).toEqual([]);
    const late = checkPlacement(
      place({ start: at('2026-12-10T06:00'), end: at('2026-12-10T16:00') }),
      {
        line,
        others: [],
        promisedDate: '2026-12-07',
      },
    );
    expect(late).toEqual([
      { code: 'promised-date-missed', params: { promisedDate: '2026-12-07', lateDays: 3 } },
    ]);
  });

  it('warns when material arrives after the start', () => {
    const w = checkPlacement(place(), {
      line,
      others: [],
      materialReadyAt: '2026-12-08T02:00:00Z',
    });
    expect(w).toEqual([{ code: 'material-late', params: { readyDate: '2026-12-08' } }]);
  });
});

describe('capacity load', () => {
  it('loads open hours per day and flags an overload', () => {
    const days = buckets(at('2026-12-07T10:00'), 3, 'day', 480);
    expect(days.map((d) => d.label)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
    const [row] = capacityLoad(
      [line],
      [
        { id: 'a', lineId: 'L1', start: at('2026-12-07T06:00'), end: at('2026-12-07T22:00') },
        { id: 'b', lineId: 'L1', start: at('2026-12-07T14:00'), end: at('2026-12-08T08:00') },
        { id: 'c', lineId: 'L2', start: at('2026-12-07T06:00'), end: at('2026-12-07T22:00') },
      ],
      days,
    );
    expect(row?.map((c) => [c.openHours, c.loadHours, c.overloaded])).toEqual([
      [16, 24, true],
      [12, 2, false],
      [0, 0, false],
    ]);
    expect(row?.[0]?.batchIds).toEqual(['a', 'b']);
  });

  it('starts weeks on Monday', () => {
    expect(buckets(at('2026-12-10T10:00'), 2, 'week', 480).map((b) => b.label)).toEqual([
      '2026-12-07',
      '2026-12-14',
    ]);
  });
});

describe('split and merge', () => {
  it('splits an order line by what the line makes per shift', () => {
    // 1000/h × 0.8 × 8 h = 6,400 per shift.
    expect(splitByCapacity(20_000, line, '18650', 8)).toEqual([6400, 6400, 6400, 800]);
    expect(splitByCapacity(500, line, '18650', 8)).toEqual([500]);
    expect(splitByCapacity(500, line, 'pack', 8)).toEqual([500]);
  });

  it('checks a split by hand accounts for every unit', () => {
    expect(splitProblem(100, [60, 40])).toBeNull();
    expect(splitProblem(100, [60, 30])).toBe('sum');
    expect(splitProblem(100, [100])).toBe('parts');
    expect(splitProblem(100, [101, -1])).toBe('part-quantity');
  });

  it('merges only compatible batches', () => {
    const a = { id: 'a', model: 'M', spec: 'STD', state: 'planned' };
    expect(mergeProblem([a, { ...a, id: 'b' }])).toBeNull();
    expect(mergeProblem([a])).toBe('too-few');
    expect(mergeProblem([a, { ...a, id: 'b', spec: 'X' }])).toBe('different-model');
    expect(mergeProblem([a, { ...a, id: 'b', state: 'running' }])).toBe('not-planned');
    expect(mergeProblem([a, { ...a, id: 'b', hold: true }])).toBe('on-hold');
  });
});
