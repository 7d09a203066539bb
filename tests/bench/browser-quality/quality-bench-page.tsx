import Dexie from 'dexie';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { uuidv7 } from '../../../src-shared/ids';
import type { InspectionLotRecord } from '../../../src-shared/quality/lot';
import { controlChartSeries } from '../../../src-shared/quality/control-chart-series';
import {
  freezeCharacteristics,
  judgeReading,
  type PlanFields,
} from '../../../src-shared/quality/plan';
import { openUserDb, userDbName, type UserDb } from '../../../src-renderer/db/user-db';
import { ControlChart } from '../../../src-renderer/features/quality/control-chart';
import { prepareReading } from '../../../src-renderer/features/quality/reading-entry';
import { recentSeriesReadings } from '../../../src-renderer/features/quality/use-quality-data';
import { SyncEngine, type SyncTransport } from '../../../src-renderer/sync/sync-engine';
import type { ChartOutcome, EntryOutcome, QualityBenchWindow } from './quality-bench-api';

/**
 * The browser half of the quality benchmark: the real UserDb on Chromium's IndexedDB with
 * 500,000 inspection results stored, the real SyncEngine (offline: nothing is pushed), the
 * logging screen's own entry path, and the control chart's query, series and recharts drawing.
 */

const USER = 'bench-inspector';
const PLAN_ID = uuidv7();
const LOT_ID = uuidv7();
const BATCH_ID = uuidv7();

const PLAN: PlanFields = {
  model: 'CYL-18650-26',
  stage: 'in-process',
  step: 'grading',
  name: { zh: '分选', en: 'Grading' },
  active: true,
  characteristics: [
    {
      id: 'ocv',
      name: { zh: '开路电压', en: 'OCV' },
      type: 'measured',
      unit: 'V',
      lower: 3.58,
      upper: 3.68,
      decimals: 3,
      defectClass: 'major',
      sampling: { rule: 'every' },
    },
    {
      id: 'acir',
      name: { zh: '内阻', en: 'ACIR' },
      type: 'measured',
      unit: 'mΩ',
      upper: 25,
      decimals: 2,
      defectClass: 'major',
      sampling: { rule: 'every' },
    },
  ],
};

const offline: SyncTransport = {
  push: async () => ({ ok: false, error: 'network-error' }),
  pull: async () => ({ ok: false, error: 'network-error' }),
};

let db: UserDb | null = null;
let engine: SyncEngine | null = null;

/** A stored reading as inspection.record writes it (≈ 420 bytes of JSON). */
function resultBody(i: number, lotId: string) {
  const value = 3.6 + ((i * 7919) % 600) / 10_000;
  const c = PLAN.characteristics[0]!;
  const judged = judgeReading(c, { value });
  return {
    id: uuidv7(Date.UTC(2026, 0, 1) + i * 500),
    lotId,
    batchId: BATCH_ID,
    targetId: BATCH_ID,
    series: `${PLAN_ID}/ocv`,
    characteristicId: 'ocv',
    sample: (i % 2000) + 1,
    serial: `C${String(i).padStart(8, '0')}`,
    value,
    unit: 'V',
    judgement: judged.judgement,
    reason: judged.reason,
    nonconformities: judged.nonconformities,
    source: 'csv',
    inspectorId: USER,
    clientId: 'bench-pc',
    clientTime: new Date(Date.UTC(2026, 0, 1) + i * 500).toISOString(),
    _v: i + 1,
  };
}

async function seed(results: number) {
  await Dexie.delete(userDbName(USER));
  db = await openUserDb(USER);
  const t0 = performance.now();
  const CHUNK = 10_000;
  for (let start = 0; start < results; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(results, start + CHUNK); i++)
      rows.push(resultBody(i, `old-lot-${Math.floor(i / 2000)}`));
    await db.domain('inspection').bulkPut(rows);
  }
  const lot: InspectionLotRecord = {
    id: LOT_ID,
    number: 'IL-2026-000999',
    numberProvisional: false,
    planId: PLAN_ID,
    planRevision: 1,
    model: PLAN.model,
    stage: PLAN.stage,
    target: { kind: 'batch', id: BATCH_ID },
    targetLabel: 'BT-2026-000999',
    batchId: BATCH_ID,
    source: 'L1-CYL',
    lotSize: 24_000,
    severity: 'normal',
    attempt: 1,
    characteristics: freezeCharacteristics(PLAN.characteristics, 24_000, 'normal'),
    state: 'open',
    tallies: {},
    openedBy: USER,
    openedAt: '2026-01-05T00:00:00.000Z',
    _v: results + 1,
  };
  await db.domain('inspection-lot').put(lot);
  await db
    .domain('inspection-plan')
    .put({ ...PLAN, id: PLAN_ID, revision: 1, updatedBy: USER, updatedAt: lot.openedAt, _v: 1 });
  await db.domain('batch').put({
    id: BATCH_ID,
    number: 'BT-2026-000999',
    model: PLAN.model,
    quantity: 24_000,
    lineId: 'L1-CYL',
    _v: 2,
  });
  engine = new SyncEngine(db, offline, { userId: USER, role: 'quality', clientId: 'bench-pc' });
  await engine.prepare();
  return { stored: await db.domain('inspection').count(), ms: performance.now() - t0 };
}

/**
 * What happens after the keystroke of a reading's Enter, as the logging screen does it: the
 * lot as the screen holds it, parse and judge, then the mutation in its strict-durability
 * transaction with the outbox; the time ends when that transaction has committed.
 */
async function entry(count: number): Promise<EntryOutcome> {
  if (!db || !engine) throw new Error('seed first');
  const samplesMs: number[] = [];
  const judgeMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const lot = (await db.domain('inspection-lot').get(LOT_ID)) as InspectionLotRecord;
    const c = lot.characteristics[i % 2]!;
    const text =
      c.id === 'ocv' ? (3.6 + (i % 50) / 1000).toFixed(3) : (18 + (i % 40) / 10).toFixed(1);
    const t0 = performance.now();
    const prepared = prepareReading(lot, c, Math.floor(i / 2) + 1, { text });
    const t1 = performance.now();
    if (!prepared.ok) throw new Error(`entry ${i}: ${prepared.error}`);
    const outcome = await engine.mutate('inspection.record', prepared.args);
    const t2 = performance.now();
    if (!outcome.ok)
      throw new Error(`entry ${i} refused: ${outcome.error} ${JSON.stringify(outcome.params)}`);
    judgeMs.push(t1 - t0);
    samplesMs.push(t2 - t0);
  }
  return { entries: count, samplesMs, judgeMs };
}

let root: ReturnType<typeof createRoot> | null = null;

async function chart(readings: number): Promise<ChartOutcome> {
  if (!db) throw new Error('seed first');
  const t0 = performance.now();
  const rows = await recentSeriesReadings(db, `${PLAN_ID}/ocv`, readings);
  const t1 = performance.now();
  const data = controlChartSeries(
    rows.map((r) => ({ value: r.value!, label: r.lotId })),
    { subgroupSize: 5, lower: 3.58, upper: 3.68 },
  );
  const t2 = performance.now();
  root ??= createRoot(document.getElementById('chart')!);
  flushSync(() =>
    root!.render(
      <ControlChart
        chart={data}
        labels={{
          mean: 'X-bar',
          range: 'R',
          ucl: 'UCL',
          lcl: 'LCL',
          center: 'CL',
          lsl: 'LSL',
          usl: 'USL',
          subgroup: 'Subgroup',
        }}
      />,
    ),
  );
  // ResponsiveContainer measures, then draws: wait until the lines are in the DOM.
  for (
    let i = 0;
    i < 200 && document.querySelectorAll('#chart .recharts-line-curve').length < 2;
    i++
  ) {
    await new Promise((r) => requestAnimationFrame(r));
  }
  const t3 = performance.now();
  return {
    readings: rows.length,
    queryMs: t1 - t0,
    seriesMs: t2 - t1,
    renderMs: t3 - t2,
    totalMs: t3 - t0,
    points:
      document.querySelectorAll('#chart .recharts-line-curve').length > 0 ? data.points.length : 0,
  };
}

(globalThis as QualityBenchWindow).qualityBench = { seed, entry, chart };
