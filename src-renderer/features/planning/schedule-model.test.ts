import { describe, expect, it } from 'vitest';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { lineResourceOf } from '../../../src-shared/planning/schedule-rules';
import {
  buildModel,
  endOn,
  instantOf,
  planSummary,
  riskOf,
  warningsAt,
  withDraft,
} from './schedule-model';

const at = (local: string) => Date.parse(`${local}:00+08:00`);
const line = (id: string, family: string) =>
  lineResourceOf({
    id,
    code: id,
    rates: [{ family, unitsPerHour: 1000 }],
    plannedOee: 1,
    shiftsPerDay: 2,
    hoursPerShift: 8,
  });
const batch = (
  id: string,
  lineId: string,
  start: string,
  end: string,
  over: Partial<BatchRecord> = {},
): BatchRecord => ({
  id,
  number: `BT-${id}`,
  numberProvisional: false,
  model: 'M18',
  quantity: 8000,
  lineId,
  start: new Date(at(start)).toISOString(),
  end: new Date(at(end)).toISOString(),
  sequence: 0,
  state: 'planned',
  orderId: 'o1',
  ...over,
});

function model() {
  return buildModel({
    lines: [line('L1', '18650'), line('L2', '26650')],
    lineLabels: new Map(),
    batches: [
      batch('a', 'L1', '2026-12-07T06:00', '2026-12-07T14:00'),
      batch('b', 'L1', '2026-12-07T14:00', '2026-12-07T22:00', { orderId: 'o2' }),
    ],
    orders: new Map([
      ['o1', { id: 'o1', number: 'SO-1', state: 'planned', promisedDate: '2026-12-08' }],
      ['o2', { id: 'o2', number: 'SO-2', state: 'planned', promisedDate: '2026-12-01' }],
    ]),
    familyOf: new Map([['M18', '18650']]),
    materialReadyAt: new Map(),
  });
}

describe('schedule model', () => {
  it('derives risk from the promised date', () => {
    const m = model();
    expect(riskOf(m, m.batches.get('a')!)).toBeNull();
    expect(riskOf(m, m.batches.get('b')!)).toBe('late');
  });

  it('warns of a drag onto another line, a clash and a missed date', () => {
    const m = model();
    const a = m.batches.get('a')!;
    const codes = (lineId: string, start: string, end: string) =>
      warningsAt(m, a, { lineId, start: at(start), end: at(end) }).map((w) => w.code);
    expect(codes('L2', '2026-12-07T06:00', '2026-12-07T14:00')).toEqual(['line-cannot-make']);
    expect(codes('L1', '2026-12-07T10:00', '2026-12-07T18:00')).toEqual(['over-capacity']);
    expect(codes('L1', '2026-12-10T06:00', '2026-12-10T14:00')).toEqual(['promised-date-missed']);
  });

  it('computes the end on the target line from its rate, or keeps the length', () => {
    const m = model();
    const a = m.batches.get('a')!;
    expect(endOn(m, a, 'L1', at('2026-12-07T14:00'), 1)).toBe(at('2026-12-07T22:00'));
    expect(endOn(m, a, 'L2', at('2026-12-07T14:00'), 5)).toBe(at('2026-12-07T14:00') + 5);
  });

  it('compares a draft with the published plan', () => {
    const m = model();
    const before = planSummary(m, at('2026-12-07T00:00'), 7);
    expect(before).toEqual({ late: 1, warned: 1, overloadedDays: 0 });
    const d = withDraft(
      m,
      new Map([
        ['a', { lineId: 'L1', start: at('2026-12-07T06:00'), end: at('2026-12-07T22:00') }],
      ]),
    );
    expect(d.positions.get('a')?.end).toBe(at('2026-12-07T22:00'));
    expect(m.positions.get('a')?.end).toBe(at('2026-12-07T14:00'));
    const after = planSummary(d, at('2026-12-07T00:00'), 7);
    expect(after.overloadedDays).toBe(1);
    expect(after.warned).toBe(2);
  });
});

describe('instantOf', () => {
  it('reads stored instants as Date.parse does, by position where the server wrote them', () => {
    for (const iso of [
      '2026-12-06T22:00:00.000Z',
      '1999-01-31T23:59:59.999Z',
      '2027-02-28T00:00:00.001Z',
      // Not as the server writes them: Date.parse reads these.
      '2026-12-07T06:00:00+08:00',
      '2026-12-07T06:00:00Z',
      '2026-12-07T06:00:00.000+01:00',
    ]) {
      expect(instantOf(iso), iso).toBe(Date.parse(iso));
    }
    expect(instantOf('not a time')).toBeNaN();
  });
});
