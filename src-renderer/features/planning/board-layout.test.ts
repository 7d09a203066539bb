import { describe, expect, it } from 'vitest';
import { calendarOf, HOUR } from '../../../src-shared/planning/line-calendar';
import {
  barRect,
  indexBars,
  snapTime,
  stepTime,
  ticks,
  timeToX,
  viewWindow,
  visibleBars,
  xToTime,
} from './board-layout';

const at = (local: string) => Date.parse(`${local}:00+08:00`);

describe('board layout', () => {
  const bars = [
    { id: 'a', lineId: 'L1', start: at('2026-12-07T06:00'), end: at('2026-12-07T14:00') },
    { id: 'b', lineId: 'L1', start: at('2026-12-07T10:00'), end: at('2026-12-07T18:00') },
    { id: 'c', lineId: 'L1', start: at('2026-12-08T06:00'), end: at('2026-12-08T14:00') },
    { id: 'long', lineId: 'L2', start: at('2026-11-01T06:00'), end: at('2026-12-31T06:00') },
  ];

  it('puts overlapping bars in lanes and leaves the others whole', () => {
    const index = indexBars(bars);
    const l1 = index.get('L1')!.bars;
    expect(l1.map((b) => [b.id, b.lane, b.lanes])).toEqual([
      ['a', 0, 2],
      ['b', 1, 2],
      ['c', 0, 1],
    ]);
    const rect = barRect(l1[1]!, 2, at('2026-12-07T00:00'), 'hour');
    expect(rect).toEqual({ left: 10 * 48, top: 2 * 48 + 4 + 20, width: 8 * 48, height: 18 });
  });

  it('finds only the bars in view, including a long one that started long before', () => {
    const index = indexBars(bars);
    const ids = (t0: string, t1: string, lines = ['L1', 'L2']) =>
      visibleBars(index, lines, at(t0), at(t1)).map((b) => b.id);
    expect(ids('2026-12-07T15:00', '2026-12-07T20:00')).toEqual(['b', 'long']);
    expect(ids('2026-12-07T15:00', '2026-12-07T20:00', ['L1'])).toEqual(['b']);
    expect(ids('2027-01-01T00:00', '2027-01-02T00:00')).toEqual([]);
  });

  it('stays fast with 5,000 bars', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: String(i),
      lineId: `L${i % 20}`,
      start: at('2026-07-01T06:00') + Math.floor(i / 20) * 12 * HOUR,
      end: at('2026-07-01T06:00') + Math.floor(i / 20) * 12 * HOUR + 8 * HOUR,
    }));
    const index = indexBars(many);
    const lines = Array.from({ length: 20 }, (_, i) => `L${i}`);
    const inView = visibleBars(index, lines, at('2026-08-01T00:00'), at('2026-08-03T00:00'));
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.length).toBeLessThan(200);
  });

  it('converts time and pixels both ways and windows the view', () => {
    const origin = at('2026-12-07T00:00');
    expect(timeToX(origin + 2 * HOUR, origin, 'shift')).toBe(24);
    expect(xToTime(24, origin, 'shift')).toBe(origin + 2 * HOUR);
    const w = viewWindow(
      { scrollLeft: 480, scrollTop: 96, width: 1000, height: 400 },
      origin,
      'hour',
      20,
    );
    expect(w.firstRow).toBe(0);
    expect(w.lastRow).toBe(13);
    expect(w.t0).toBeLessThan(origin + 10 * HOUR);
    expect(w.t1).toBeGreaterThan(origin + 10 * HOUR + ((1000 - 168) / 48) * HOUR);
  });

  it('snaps to shift starts, or hours at hour zoom, and steps by them', () => {
    const cal = calendarOf({ id: 'L1', shiftsPerDay: 2, hoursPerShift: 8 });
    expect(snapTime(at('2026-12-07T12:40'), 'day', cal)).toBe(at('2026-12-07T14:00'));
    expect(snapTime(at('2026-12-07T12:40'), 'hour', cal)).toBe(at('2026-12-07T13:00'));
    expect(stepTime(at('2026-12-07T06:00'), 1, 'shift', cal)).toBe(at('2026-12-07T14:00'));
    expect(stepTime(at('2026-12-07T06:00'), -2, 'hour', cal)).toBe(at('2026-12-07T04:00'));
  });

  it('labels header ticks in plant time', () => {
    const days = ticks(at('2026-12-07T00:00'), at('2026-12-10T00:00'), 'day', 480);
    expect(days.map((t) => t.label)).toEqual(['12-07', '12-08', '12-09']);
    expect(days[0]?.major).toBe(true);
    const weeks = ticks(at('2026-12-07T00:00'), at('2026-12-22T00:00'), 'week', 480);
    expect(weeks.map((t) => t.label)).toEqual(['12-07', '12-14', '12-21']);
  });
});
