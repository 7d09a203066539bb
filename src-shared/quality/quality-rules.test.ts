import { describe, expect, it } from 'vitest';
import { controlChartSeries } from './control-chart-series';
import { checkRows, mapColumns, splitHeader, unitFactor } from './csv-import';
import { currentReadings, lotProgress, tallyReadings } from './lot';
import { isOverdue } from './ncr';
import { passRateSeries } from './pass-rate-series';
import {
  characteristicSampling,
  characteristicSchema,
  judgeReading,
  parseTyped,
  type Characteristic,
  type LotCharacteristic,
} from './plan';
import { productionGate, releaseGate } from './release-gate';

const ocv: Characteristic = {
  id: 'ocv',
  name: { zh: '开路电压', en: 'OCV' },
  type: 'measured',
  unit: 'V',
  lower: 3.55,
  upper: 3.65,
  defectClass: 'major',
  sampling: { rule: 'aql', level: 'II', aql: 0.65 },
};
const acir: Characteristic = {
  ...ocv,
  id: 'acir',
  unit: 'mΩ',
  lower: undefined,
  upper: 25,
};
const capacity: Characteristic = {
  ...ocv,
  id: 'capacity',
  unit: 'mAh',
  lower: 2550,
  upper: undefined,
};

describe('judging a reading', () => {
  it('measured: limits inclusive, below and above said apart', () => {
    expect(judgeReading(ocv, { value: 3.55 })).toEqual({
      judgement: 'pass',
      reason: 'within-limits',
      nonconformities: 0,
    });
    expect(judgeReading(ocv, { value: 3.65 }).judgement).toBe('pass');
    expect(judgeReading(ocv, { value: 3.549 })).toMatchObject({
      judgement: 'fail',
      reason: 'below-lower',
    });
    expect(judgeReading(ocv, { value: 3.651 })).toMatchObject({
      judgement: 'fail',
      reason: 'above-upper',
    });
    expect(judgeReading(acir, { value: -1 }).judgement).toBe('pass');
    expect(judgeReading(ocv, {})).toMatchObject({ judgement: 'fail', reason: 'missing-value' });
  });

  it('pass/fail, counts (each defect a nonconformity) and records', () => {
    expect(judgeReading({ type: 'pass-fail' }, { passed: false })).toEqual({
      judgement: 'fail',
      reason: 'failed',
      nonconformities: 1,
    });
    expect(judgeReading({ type: 'count' }, { count: 3 })).toEqual({
      judgement: 'fail',
      reason: 'defects',
      nonconformities: 3,
    });
    expect(judgeReading({ type: 'count' }, { count: 0 }).judgement).toBe('pass');
    expect(judgeReading({ type: 'record' }, {})).toEqual({
      judgement: 'info',
      reason: 'recorded',
      nonconformities: 0,
    });
  });

  it('parses what a scanner or a person types', () => {
    expect(parseTyped('measured', ' 3,612 ')).toEqual({ ok: true, reading: { value: 3.612 } });
    expect(parseTyped('measured', '-0.5')).toEqual({ ok: true, reading: { value: -0.5 } });
    expect(parseTyped('measured', '3.6V')).toEqual({ ok: false });
    expect(parseTyped('measured', '')).toEqual({ ok: false });
    expect(parseTyped('pass-fail', 'OK')).toEqual({ ok: true, reading: { passed: true } });
    expect(parseTyped('pass-fail', 'ng')).toEqual({ ok: true, reading: { passed: false } });
    expect(parseTyped('pass-fail', '不合格')).toEqual({ ok: true, reading: { passed: false } });
    expect(parseTyped('pass-fail', 'maybe')).toEqual({ ok: false });
    expect(parseTyped('count', '2')).toEqual({ ok: true, reading: { count: 2 } });
    expect(parseTyped('count', '2.5')).toEqual({ ok: false });
    expect(parseTyped('record', '')).toEqual({ ok: true, reading: {} });
  });

  it('plans: limits only on measured characteristics, in order', () => {
    expect(characteristicSchema.safeParse(ocv).success).toBe(true);
    expect(characteristicSchema.safeParse({ ...ocv, lower: 4, upper: 3 }).success).toBe(false);
    expect(
      characteristicSchema.safeParse({ ...ocv, type: 'pass-fail' }).error?.issues[0]?.path,
    ).toEqual(['lower']);
    expect(
      characteristicSchema.safeParse({ ...ocv, sampling: { rule: 'aql', level: 'II', aql: 0.3 } })
        .success,
    ).toBe(false);
  });

  it('sampling rules: every unit, a fixed count capped by the lot, AQL, one record', () => {
    expect(characteristicSampling({ ...ocv, sampling: { rule: 'every' } }, 40, 'normal')).toEqual({
      sampleSize: 40,
      accept: 0,
      reject: 1,
      inspectAll: true,
    });
    expect(
      characteristicSampling(
        { ...ocv, sampling: { rule: 'fixed', count: 5, accept: 1 } },
        3,
        'normal',
      ),
    ).toEqual({ sampleSize: 3, accept: 1, reject: 2, inspectAll: true });
    expect(characteristicSampling(ocv, 24_000, 'normal')).toMatchObject({
      sampleSize: 315,
      accept: 5,
      codeLetter: 'M',
    });
    expect(
      characteristicSampling(
        { ...ocv, type: 'record', lower: undefined, upper: undefined, sampling: { rule: 'every' } },
        500,
        'normal',
      ),
    ).toMatchObject({ sampleSize: 1 });
  });
});

describe('lot progress', () => {
  const frozen = (c: Characteristic, n: number, ac: number): LotCharacteristic => ({
    ...c,
    sampleSize: n,
    accept: ac,
    reject: ac + 1,
    inspectAll: false,
  });

  it('rejects at Re before the sample is complete, accepts only a complete sample within Ac', () => {
    const cs = [frozen(ocv, 5, 1), frozen(acir, 2, 0)];
    expect(lotProgress(cs, {}).status).toBe('pending');
    expect(
      lotProgress(cs, { ocv: { inspected: 3, nonconformities: 2 } }).characteristics[0],
    ).toMatchObject({ status: 'rejected', remaining: 2 });
    const done = lotProgress(cs, {
      ocv: { inspected: 5, nonconformities: 1 },
      acir: { inspected: 2, nonconformities: 0 },
    });
    expect(done.status).toBe('accepted');
    expect(
      lotProgress(cs, {
        ocv: { inspected: 5, nonconformities: 1 },
        acir: { inspected: 1, nonconformities: 0 },
      }).status,
    ).toBe('pending');
  });

  it('a critical characteristic rejects on its first nonconformity whatever the plan says', () => {
    const critical = frozen({ ...acir, defectClass: 'critical' }, 5, 2);
    expect(lotProgress([critical], { acir: { inspected: 1, nonconformities: 1 } }).status).toBe(
      'rejected',
    );
  });

  it('counts only standing readings: a corrected one drops out, a chain keeps the last', () => {
    const rs = [
      { id: 'a', characteristicId: 'ocv', nonconformities: 1 },
      { id: 'b', characteristicId: 'ocv', nonconformities: 1, supersedes: 'a' },
      { id: 'c', characteristicId: 'ocv', nonconformities: 0, supersedes: 'b' },
      { id: 'd', characteristicId: 'acir', nonconformities: 0 },
    ];
    expect(currentReadings(rs).map((r) => r.id)).toEqual(['c', 'd']);
    expect(tallyReadings(rs)).toEqual({
      ocv: { inspected: 1, nonconformities: 0 },
      acir: { inspected: 1, nonconformities: 0 },
    });
  });
});

describe('release and production gates', () => {
  const lot = (
    id: string,
    attempt: number,
    state: 'open' | 'closed',
    verdict?: 'accepted' | 'rejected',
  ) => ({
    id,
    stage: 'final' as const,
    attempt,
    state,
    ...(verdict ? { verdict } : {}),
  });

  it('no final inspection, one that failed without an NCR, an in-process lot only', () => {
    expect(releaseGate({ quantity: 10 })).toEqual({
      allowed: false,
      reason: 'no-final-inspection',
    });
    expect(
      releaseGate({
        quantity: 10,
        quality: {
          lots: [{ ...lot('ip', 1, 'closed', 'accepted'), stage: 'in-process' }],
          ncrs: [],
        },
      }),
    ).toMatchObject({ reason: 'no-final-inspection' });
    expect(
      releaseGate({
        quantity: 10,
        quality: { lots: [lot('l1', 1, 'closed', 'rejected')], ncrs: [] },
      }),
    ).toEqual({ allowed: false, reason: 'final-failed', lotId: 'l1' });
  });

  it('the latest attempt decides, not the first', () => {
    const quality = {
      lots: [lot('l2', 2, 'closed', 'rejected'), lot('l1', 1, 'closed', 'accepted')],
      ncrs: [],
    };
    expect(releaseGate({ quantity: 10, quality })).toMatchObject({ allowed: false, lotId: 'l2' });
  });

  it('partial scrap needs a re-inspection; scrap of the whole batch ends it', () => {
    const quality = {
      lots: [lot('l1', 1, 'closed', 'rejected')],
      ncrs: [
        {
          id: 'n1',
          lotId: 'l1',
          state: 'dispositioned' as const,
          quantity: 3,
          decision: 'scrap' as const,
        },
      ],
    };
    expect(releaseGate({ quantity: 10, quality })).toMatchObject({
      reason: 'awaiting-reinspection',
    });
    expect(productionGate({ quantity: 10, quality })).toEqual({ allowed: true, reason: 'free' });
    expect(releaseGate({ quantity: 3, quality })).toMatchObject({ reason: 'scrapped' });
  });
});

describe('CSV import of a grader file', () => {
  const cs = [ocv, acir, capacity];

  it('reads headers with units in any bracket style and converts units', () => {
    expect(splitHeader('ACIR (mΩ)')).toEqual({ name: 'acir', unit: 'mΩ' });
    expect(splitHeader('OCV[V]')).toEqual({ name: 'ocv', unit: 'V' });
    expect(splitHeader('容量（mAh）')).toEqual({ name: '容量', unit: 'mAh' });
    expect(splitHeader('Cell_ID')).toEqual({ name: 'cell id' });
    expect(unitFactor('mV', 'V')).toBe(1e-3);
    expect(unitFactor('Ah', 'mAh')).toBe(1000);
    expect(unitFactor('MΩ', 'mΩ')).toBe(1e9);
    expect(unitFactor('mΩ', 'MΩ')).toBe(1e-9);
    expect(unitFactor('V', 'mAh')).toBeUndefined();
  });

  it('maps serial and characteristics, ignores the rest, refuses units that do not convert', () => {
    const m = mapColumns(['Barcode', 'OCV(mV)', 'IR(mΩ)', 'Capacity(Ah)', 'Grade', 'K(mV/d)'], cs);
    expect(m.serial).toBe(0);
    expect(m.columns).toEqual([
      { index: 1, characteristicId: 'ocv', factor: 1e-3, header: 'OCV(mV)' },
      { index: 2, characteristicId: 'acir', factor: 1, header: 'IR(mΩ)' },
      { index: 3, characteristicId: 'capacity', factor: 1000, header: 'Capacity(Ah)' },
    ]);
    expect(m.ignored).toEqual(['Grade', 'K(mV/d)']);
    expect(mapColumns(['SN', 'OCV(Ah)'], cs).badUnits).toEqual([
      { header: 'OCV(Ah)', unit: 'Ah', expected: 'V' },
    ]);
  });

  it('checks rows: judged values, per-row errors, duplicates and blank lines', () => {
    const m = mapColumns(['serial', 'ocv(V)', 'acir(mΩ)', 'capacity(mAh)'], cs);
    const rows = checkRows(
      [
        ['C0001', '3.601', '18.2', '2604'],
        ['C0002', '3.48', '19,0', '2598'],
        ['', '3.6', '18', '2600'],
        ['C0001', '3.6', '18', '2600'],
        ['C0004', 'n/a', '', '2600'],
        ['', '', '', ''],
      ],
      m,
      cs,
    );
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      line: 2,
      serial: 'C0001',
      readings: [
        { characteristicId: 'ocv', value: 3.601, judgement: 'pass' },
        { characteristicId: 'acir', value: 18.2, judgement: 'pass' },
        { characteristicId: 'capacity', value: 2604, judgement: 'pass' },
      ],
      errors: [],
    });
    expect(rows[1]!.readings[0]).toMatchObject({ value: 3.48, judgement: 'fail' });
    expect(rows[1]!.readings[1]).toMatchObject({ value: 19 });
    expect(rows[2]!.errors).toEqual([{ column: 'serial', code: 'missing-serial' }]);
    expect(rows[3]!.errors).toEqual([
      { column: 'serial', code: 'duplicate-serial', text: 'C0001' },
    ]);
    expect(rows[4]).toMatchObject({
      line: 6,
      errors: [
        { column: 'ocv(V)', code: 'not-a-number', text: 'n/a' },
        { column: 'acir(mΩ)', code: 'missing-value' },
      ],
    });
  });

  it('converts mV to V without float noise', () => {
    const m = mapColumns(['sn', 'OCV(mV)'], cs);
    expect(checkRows([['a', '3601']], m, cs)[0]!.readings[0]!.value).toBe(3.601);
  });
});

describe('chart series', () => {
  it('X-bar and R: subgroup means and ranges, limits from A2, D3, D4, and Cpk', () => {
    const values = [3.6, 3.61, 3.59, 3.6, 3.6, 3.62, 3.6, 3.58, 3.6, 3.6, 3.7];
    const chart = controlChartSeries(
      values.map((value, i) => ({ value, label: `L${i}` })),
      { subgroupSize: 5, lower: 3.55, upper: 3.65 },
    );
    expect(chart.points).toHaveLength(2);
    expect(chart.leftover).toBe(1);
    expect(chart.points[0]).toMatchObject({ subgroup: 1, label: 'L0' });
    expect(chart.points[0]!.mean).toBeCloseTo(3.6, 10);
    expect(chart.points[0]!.range).toBeCloseTo(0.02, 10);
    expect(chart.points[1]!.range).toBeCloseTo(0.04, 10);
    expect(chart.center!.range).toBeCloseTo(0.03, 10);
    expect(chart.limits!.meanUpper).toBeCloseTo(3.6 + 0.577 * 0.03, 10);
    expect(chart.limits!.rangeUpper).toBeCloseTo(2.114 * 0.03, 10);
    expect(chart.limits!.rangeLower).toBe(0);
    // σ = R̄/d2 = 0.03/2.326; Cpk = 0.05 / 3σ.
    expect(chart.cpk).toBeCloseTo(0.05 / ((3 * 0.03) / 2.326), 6);
  });

  it('flags a subgroup outside its limits, and handles too few readings', () => {
    const steady = Array.from({ length: 200 }, (_, i) => ({ value: 3.6 + ((i * 7) % 11) * 0.001 }));
    const shifted = [
      ...steady,
      ...Array.from({ length: 5 }, (_, i) => ({ value: 3.65 + i * 0.001 })),
    ];
    const chart = controlChartSeries(shifted, { subgroupSize: 5 });
    expect(chart.points.at(-1)!.meanOut).toBe(true);
    expect(chart.points.slice(0, -1).some((p) => p.meanOut)).toBe(false);
    expect(controlChartSeries([{ value: 1 }], { subgroupSize: 5 })).toMatchObject({
      points: [],
      center: null,
      leftover: 1,
    });
    expect(() => controlChartSeries([], { subgroupSize: 11 })).toThrow(RangeError);
  });

  it('pass rate per stage and period, first pass from original lots only', () => {
    const series = passRateSeries([
      {
        stage: 'final',
        verdict: 'rejected',
        attempt: 1,
        state: 'closed',
        closedAt: '2026-12-01T09:00:00Z',
      },
      {
        stage: 'final',
        verdict: 'accepted',
        attempt: 2,
        state: 'closed',
        closedAt: '2026-12-01T15:00:00Z',
      },
      {
        stage: 'incoming',
        verdict: 'accepted',
        attempt: 1,
        state: 'closed',
        closedAt: '2026-12-02T08:00:00Z',
      },
      { stage: 'final', attempt: 1, state: 'open' },
    ]);
    expect(series.map((p) => p.period)).toEqual(['2026-12-01', '2026-12-02']);
    expect(series[0]!.rates.final).toBe(0.5);
    expect(series[0]!.firstPass.final).toBe(0);
    expect(series[0]!.rates.incoming).toBeNull();
    expect(series[1]!.rates.incoming).toBe(1);
    expect(series[0]!.counts.final).toBe(2);
  });

  it('corrective actions are overdue after their due date until verified', () => {
    expect(isOverdue({ state: 'open', dueDate: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ state: 'open', dueDate: '2026-12-02' }, '2026-12-02')).toBe(false);
    expect(isOverdue({ state: 'implemented', dueDate: '2026-12-01' }, '2026-12-05')).toBe(true);
    expect(isOverdue({ state: 'verified', dueDate: '2026-12-01' }, '2026-12-05')).toBe(false);
  });
});
