import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids';
import type { InspectionLotRecord, InspectionResultRecord } from './lot';
import { lotProgress, tallyReadings } from './lot';
import type { CorrectiveActionRecord, NcrRecord } from './ncr';
import type { PlanFields } from './plan';
import { MemoryStore } from '../sync/memory-store';
import { productionGate, releaseGate } from './release-gate';
import type { SamplingStateRecord } from './inspection-mutations';

const inspector = { id: 'u-qc', role: 'quality' as const };
const manager = { id: 'u-qm', role: 'quality' as const };
const production = { id: 'u-prod', role: 'production' as const };
const procurement = { id: 'u-buy', role: 'procurement' as const };
const warehouse = { id: 'u-wh', role: 'warehouse' as const };

/** A final plan for a 12.8 V pack: OCV measured, insulation critical, appearance by AQL. */
const PACK_FINAL: PlanFields = {
  model: 'PACK-LFP-12V100',
  stage: 'final',
  name: { zh: '电池包终检', en: 'Pack final inspection' },
  active: true,
  characteristics: [
    {
      id: 'ocv',
      name: { zh: '开路电压', en: 'Open-circuit voltage' },
      type: 'measured',
      unit: 'V',
      lower: 13.0,
      upper: 13.6,
      decimals: 3,
      defectClass: 'major',
      sampling: { rule: 'aql', level: 'II', aql: 0.65 },
    },
    {
      id: 'insulation',
      name: { zh: '绝缘电阻', en: 'Insulation resistance' },
      type: 'measured',
      unit: 'MΩ',
      lower: 5,
      defectClass: 'critical',
      sampling: { rule: 'fixed', count: 2, accept: 0 },
    },
    {
      id: 'appearance',
      name: { zh: '外观', en: 'Appearance' },
      type: 'pass-fail',
      defectClass: 'minor',
      sampling: { rule: 'aql', level: 'S-1', aql: 10 },
    },
  ],
};

let store: MemoryStore;
const planId = uuidv7();
const batchId = uuidv7();

beforeEach(async () => {
  store = new MemoryStore();
  store.put('batch', {
    id: batchId,
    number: 'BT-2026-000042',
    model: 'PACK-LFP-12V100',
    quantity: 8,
    lineId: 'line-pack',
    state: 'running',
  });
  expect(await store.run(inspector, 'inspection.plan', { id: planId, plan: PACK_FINAL })).toEqual({
    status: 'applied',
  });
});

async function startLot(lotSize?: number) {
  const id = uuidv7();
  const outcome = await store.run(inspector, 'inspection.start', {
    id,
    planId,
    target: { kind: 'batch', id: batchId },
    ...(lotSize ? { lotSize } : {}),
  });
  expect(outcome).toEqual({ status: 'applied' });
  return id;
}

async function record(lotId: string, characteristicId: string, sample: number, reading: object) {
  const id = uuidv7();
  const outcome = await store.run(inspector, 'inspection.record', {
    id,
    lotId,
    characteristicId,
    sample,
    ...reading,
  });
  return { id, outcome };
}

/** Logs a complete lot: OCV for every pack (one value given per unit), then the rest passing. */
async function logLot(lotId: string, ocv: number[]) {
  for (const [i, value] of ocv.entries()) await record(lotId, 'ocv', i + 1, { value });
  for (const s of [1, 2]) await record(lotId, 'insulation', s, { value: 500 });
  const lot = store.get<InspectionLotRecord>('inspection-lot', lotId)!;
  const n = lot.characteristics.find((c) => c.id === 'appearance')!.sampleSize;
  for (let s = 1; s <= n; s++) await record(lotId, 'appearance', s, { passed: true });
}

const close = (lotId: string, ncrId = uuidv7()) =>
  store.run(inspector, 'inspection.close', { lotId, ncrId }).then((o) => ({ o, ncrId }));

const batch = () =>
  store.get<{ id: string; quantity: number; quality?: unknown }>('batch', batchId)!;

describe('inspection plans', () => {
  it('revise with the revision they were based on; a stale revision is refused', async () => {
    const revised = { ...PACK_FINAL, name: { zh: '终检 B', en: 'Final B' } };
    expect(
      await store.run(inspector, 'inspection.plan', { id: planId, plan: revised }),
    ).toMatchObject({
      code: 'already-exists',
    });
    expect(
      await store.run(inspector, 'inspection.plan', { id: planId, baseRevision: 1, plan: revised }),
    ).toEqual({ status: 'applied' });
    expect(store.get('inspection-plan', planId)).toMatchObject({ revision: 2, name: revised.name });
    expect(
      await store.run(manager, 'inspection.plan', {
        id: planId,
        baseRevision: 1,
        plan: PACK_FINAL,
      }),
    ).toMatchObject({ status: 'rejected', code: 'stale-state', params: { revision: 2 } });
  });

  it('refuse a measured characteristic without limits, and production may not edit plans', async () => {
    const bad = {
      ...PACK_FINAL,
      characteristics: [{ ...PACK_FINAL.characteristics[0]!, lower: undefined, upper: undefined }],
    };
    expect(
      await store.run(inspector, 'inspection.plan', { id: uuidv7(), plan: bad }),
    ).toMatchObject({
      code: 'invalid-args',
    });
    expect(
      await store.run(production, 'inspection.plan', { id: uuidv7(), plan: PACK_FINAL }),
    ).toMatchObject({ code: 'forbidden' });
  });
});

describe('lot inspection', () => {
  it('freezes the plan with the sample sizes of the lot: 8 packs means every pack for OCV', async () => {
    const lotId = await startLot();
    const lot = store.get<InspectionLotRecord>('inspection-lot', lotId)!;
    expect(lot).toMatchObject({
      number: 'IL-2026-000001',
      lotSize: 8,
      severity: 'normal',
      attempt: 1,
      source: 'line-pack',
      targetLabel: 'BT-2026-000042',
      batchId,
      state: 'open',
    });
    const sampling = Object.fromEntries(
      lot.characteristics.map((c) => [c.id, [c.sampleSize, c.accept, c.reject, c.inspectAll]]),
    );
    // AQL 0.65 level II, lot 8: A → ↓ to F (n 20) ≥ 8: inspect all, Ac 0.
    expect(sampling.ocv).toEqual([8, 0, 1, true]);
    expect(sampling.insulation).toEqual([2, 0, 1, false]);
    // AQL 10 at code A: C, n 5, 1/2.
    expect(sampling.appearance).toEqual([5, 1, 2, false]);
    expect(releaseGate(batch())).toMatchObject({ allowed: false, reason: 'final-in-progress' });
  });

  it('refuses a plan of another model and a batch that does not exist', async () => {
    store.put('batch', { id: uuidv7(), model: 'VRLA-12V7', quantity: 10 });
    const other = store
      .all<{ id: string; model: string }>('batch')
      .find((b) => b.model === 'VRLA-12V7')!;
    expect(
      await store.run(inspector, 'inspection.start', {
        id: uuidv7(),
        planId,
        target: { kind: 'batch', id: other.id },
      }),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'planId' } });
    expect(
      await store.run(inspector, 'inspection.start', {
        id: uuidv7(),
        planId,
        target: { kind: 'batch', id: uuidv7() },
      }),
    ).toMatchObject({ code: 'not-found' });
  });

  it('judges every reading itself, counts a retry once and refuses the same id with another body', async () => {
    const lotId = await startLot();
    const low = await record(lotId, 'ocv', 1, { value: 12.2 });
    expect(store.get<InspectionResultRecord>('inspection', low.id)).toMatchObject({
      judgement: 'fail',
      reason: 'below-lower',
      nonconformities: 1,
      unit: 'V',
      series: `${planId}/ocv`,
      inspectorId: inspector.id,
    });
    const args = { id: low.id, lotId, characteristicId: 'ocv', sample: 1, value: 12.2 };
    expect(await store.run(inspector, 'inspection.record', args)).toEqual({ status: 'applied' });
    expect(store.get<InspectionLotRecord>('inspection-lot', lotId)!.tallies.ocv).toEqual({
      inspected: 1,
      nonconformities: 1,
    });
    expect(await store.run(inspector, 'inspection.record', { ...args, value: 13.3 })).toMatchObject(
      { code: 'conflicting-duplicate' },
    );
    // A client cannot slip in its own verdict.
    expect(
      await store.run(inspector, 'inspection.record', { ...args, id: uuidv7(), judgement: 'pass' }),
    ).toMatchObject({ code: 'invalid-args' });
  });

  it('a correction supersedes with a reason, leaves the old entry, and moves the tally', async () => {
    const lotId = await startLot();
    const typo = await record(lotId, 'ocv', 1, { value: 1.33 });
    expect(
      await store.run(inspector, 'inspection.record', {
        id: uuidv7(),
        lotId,
        characteristicId: 'ocv',
        sample: 1,
        value: 13.3,
        supersedes: typo.id,
      }),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'correctionReason' } });
    const fixed = await store.run(inspector, 'inspection.record', {
      id: uuidv7(),
      lotId,
      characteristicId: 'ocv',
      sample: 1,
      value: 13.3,
      supersedes: typo.id,
      correctionReason: 'typed 1.33 for 13.3',
    });
    expect(fixed).toEqual({ status: 'applied' });
    expect(store.get('inspection', typo.id)).toMatchObject({ value: 1.33, judgement: 'fail' });
    expect(store.get<InspectionLotRecord>('inspection-lot', lotId)!.tallies.ocv).toEqual({
      inspected: 1,
      nonconformities: 0,
    });
    // Correcting the same entry twice would subtract it twice: correct the correction instead.
    expect(
      await store.run(inspector, 'inspection.record', {
        id: uuidv7(),
        lotId,
        characteristicId: 'ocv',
        sample: 1,
        value: 13.31,
        supersedes: typo.id,
        correctionReason: 'again',
      }),
    ).toMatchObject({ code: 'stale-state' });
  });

  it('refuses to close a lot whose verdict is not decided yet, and readings on a closed lot', async () => {
    const lotId = await startLot();
    await record(lotId, 'ocv', 1, { value: 13.3 });
    const { o } = await close(lotId);
    expect(o).toMatchObject({ code: 'lot-incomplete' });
    await logLot(lotId, [13.3, 13.3, 13.3, 13.3, 13.3, 13.3, 13.3]);
    expect((await close(lotId)).o).toEqual({ status: 'applied' });
    expect((await record(lotId, 'ocv', 9, { value: 13.3 })).outcome).toMatchObject({
      code: 'lot-closed',
    });
    expect(releaseGate(batch())).toMatchObject({ allowed: true, reason: 'final-passed', lotId });
  });

  it('imports a tester CSV slice in one mutation, judged reading by reading', async () => {
    const lotId = await startLot();
    const readings = [13.2, 13.25, 13.7].map((value, i) => ({
      id: uuidv7(),
      characteristicId: 'ocv',
      sample: i + 1,
      serial: `PK${i + 1}`,
      value,
    }));
    expect(await store.run(inspector, 'inspection.import', { lotId, readings })).toEqual({
      status: 'applied',
    });
    const lot = store.get<InspectionLotRecord>('inspection-lot', lotId)!;
    expect(lot.tallies.ocv).toEqual({ inspected: 3, nonconformities: 1 });
    expect(store.get('inspection', readings[2]!.id)).toMatchObject({
      source: 'csv',
      judgement: 'fail',
      reason: 'above-upper',
    });
    expect(lotProgress(lot.characteristics, lot.tallies).status).toBe('rejected');
  });
});

describe('the issue 7 flow: fail, hold, disposition, rework, pass, release', () => {
  it('a failed final lot opens an NCR that holds the batch until quality dispositions it', async () => {
    const first = await startLot();
    await logLot(first, [13.3, 13.31, 13.29, 12.1, 13.3, 13.32, 13.3, 13.28]);
    const { o, ncrId } = await close(first);
    expect(o).toEqual({ status: 'applied' });

    const lot = store.get<InspectionLotRecord>('inspection-lot', first)!;
    expect(lot).toMatchObject({ state: 'closed', verdict: 'rejected', ncrId });
    const ncr = store.get<NcrRecord>('ncr', ncrId)!;
    expect(ncr).toMatchObject({
      number: 'NCR-2026-000001',
      state: 'open',
      hold: true,
      lotId: first,
      batchId,
      quantity: 8,
      stage: 'final',
    });
    expect(ncr.what).toContain('Open-circuit voltage');
    expect(releaseGate(batch())).toEqual({ allowed: false, reason: 'on-hold', ncrId });
    expect(productionGate(batch())).toEqual({ allowed: false, reason: 'on-hold', ncrId });

    // The warehouse may raise problems but not decide them; the line neither.
    for (const who of [warehouse, production]) {
      expect(
        await store.run(who, 'ncr.disposition', { ncrId, decision: 'rework', reason: 'x' }),
      ).toMatchObject({ code: 'forbidden' });
    }
    expect(
      await store.run(manager, 'ncr.disposition', {
        ncrId,
        decision: 'rework',
        reason: 'Re-balance the cells and re-test OCV',
      }),
    ).toEqual({ status: 'applied' });
    // A second manager acting on the same NCR from an old view is told it moved on.
    expect(
      await store.run(inspector, 'ncr.disposition', {
        ncrId,
        decision: 'concession',
        reason: 'fine',
        concessionRef: 'C-1',
      }),
    ).toMatchObject({ code: 'stale-state', params: { state: 'dispositioned' } });

    // Rework may go on in production, but packing waits for a new final inspection.
    expect(productionGate(batch())).toEqual({ allowed: true, reason: 'free' });
    expect(releaseGate(batch())).toMatchObject({
      allowed: false,
      reason: 'awaiting-reinspection',
      lotId: first,
    });

    const second = await startLot();
    expect(store.get<InspectionLotRecord>('inspection-lot', second)).toMatchObject({
      attempt: 2,
      severity: 'normal',
    });
    expect(releaseGate(batch())).toMatchObject({ allowed: false, reason: 'final-in-progress' });
    await logLot(second, [13.3, 13.31, 13.29, 13.3, 13.3, 13.32, 13.3, 13.28]);
    expect((await close(second)).o).toEqual({ status: 'applied' });
    expect(releaseGate(batch())).toEqual({ allowed: true, reason: 'final-passed', lotId: second });

    // Switching counted the original lot only: one rejection, still normal, window [false].
    const state = store.get<SamplingStateRecord>(
      'sampling-state',
      'PACK-LFP-12V100|final|line-pack',
    )!;
    expect(state).toMatchObject({ severity: 'normal', recent: [false], lastLotId: second });
  });

  it('a concession releases a failed lot as is; scrapping the whole batch ends it', async () => {
    const lotId = await startLot();
    await logLot(lotId, [13.3, 13.31, 13.29, 12.1, 13.3, 13.32, 13.3, 13.28]);
    const { ncrId } = await close(lotId);
    expect(
      await store.run(manager, 'ncr.disposition', {
        ncrId,
        decision: 'concession',
        reason: 'customer accepts 12.1 V on one pack',
      }),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'concessionRef' } });
    expect(
      await store.run(manager, 'ncr.disposition', {
        ncrId,
        decision: 'concession',
        reason: 'customer accepts 12.1 V on one pack',
        concessionRef: 'CON-2026-007',
      }),
    ).toEqual({ status: 'applied' });
    expect(releaseGate(batch())).toEqual({ allowed: true, reason: 'concession', lotId, ncrId });

    const other = uuidv7();
    expect(
      await store.run(production, 'ncr.open', {
        id: other,
        target: { kind: 'batch', id: batchId },
        what: 'Swollen cases after drop',
        where: 'Packing table 2',
        quantity: 8,
      }),
    ).toEqual({ status: 'applied' });
    expect(releaseGate(batch())).toEqual({ allowed: false, reason: 'on-hold', ncrId: other });
    await store.run(manager, 'ncr.disposition', {
      ncrId: other,
      decision: 'scrap',
      reason: 'unsafe',
    });
    expect(releaseGate(batch())).toEqual({ allowed: false, reason: 'scrapped', ncrId: other });
    expect(productionGate(batch())).toEqual({ allowed: false, reason: 'scrapped', ncrId: other });
  });

  it('return to supplier is only for material lots, which it blocks from production', async () => {
    store.put('material-lot', { id: 'ML-1', code: 'ML-1', quantity: 500, supplierId: 'S-01' });
    const ncrId = uuidv7();
    await store.run(warehouse, 'ncr.open', {
      id: ncrId,
      target: { kind: 'material-lot', id: 'ML-1' },
      what: 'Separator film creased',
      where: 'Goods-in',
      quantity: 500,
    });
    expect(
      productionGate(store.get<{ id: string; quantity: number }>('material-lot', 'ML-1')!),
    ).toMatchObject({ reason: 'on-hold' });
    await store.run(manager, 'ncr.disposition', {
      ncrId,
      decision: 'return-to-supplier',
      reason: 'creases',
    });
    expect(
      productionGate(store.get<{ id: string; quantity: number }>('material-lot', 'ML-1')!),
    ).toEqual({
      allowed: false,
      reason: 'returned',
      ncrId,
    });
    const batchNcr = uuidv7();
    await store.run(warehouse, 'ncr.open', {
      id: batchNcr,
      target: { kind: 'batch', id: batchId },
      what: 'x',
      where: 'y',
      quantity: 1,
    });
    expect(
      await store.run(manager, 'ncr.disposition', {
        ncrId: batchNcr,
        decision: 'return-to-supplier',
        reason: 'x',
      }),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'decision' } });
  });
});

describe('corrective actions, tracked to verified closure', () => {
  it('assigned to production with a due date, implemented there, verified by quality', async () => {
    const ncrId = uuidv7();
    await store.run(production, 'ncr.open', {
      id: ncrId,
      target: { kind: 'batch', id: batchId },
      what: 'Weld pull below 30 N on 2 of 8',
      where: 'Pack line, welding station',
      quantity: 8,
    });
    await store.run(manager, 'ncr.disposition', { ncrId, decision: 'rework', reason: 're-weld' });
    const caId = uuidv7();
    expect(
      await store.run(manager, 'capa.assign', {
        id: caId,
        ncrId,
        action: 'Replace the worn welding electrode; add a daily pull test',
        assignee: 'production',
        dueDate: '2026-12-08',
      }),
    ).toEqual({ status: 'applied' });
    expect(store.get<CorrectiveActionRecord>('corrective-action', caId)).toMatchObject({
      number: 'CA-2026-000001',
      state: 'open',
      ncrNumber: 'NCR-2026-000001',
    });
    expect(await store.run(manager, 'ncr.close', { ncrId })).toMatchObject({
      code: 'actions-open',
      params: { count: 1 },
    });
    // Procurement does not report the line's actions.
    expect(await store.run(procurement, 'capa.implement', { caId, note: 'done' })).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await store.run(manager, 'capa.verify', { caId, effective: true, note: 'x' }),
    ).toMatchObject({ code: 'stale-state' });
    await store.run(production, 'capa.implement', { caId, note: 'Electrode replaced' });
    expect(
      await store.run(manager, 'capa.verify', {
        caId,
        effective: false,
        note: 'Pull test not in the shift checklist yet',
        newDueDate: '2026-12-12',
      }),
    ).toEqual({ status: 'applied' });
    expect(store.get('corrective-action', caId)).toMatchObject({
      state: 'open',
      dueDate: '2026-12-12',
    });
    await store.run(production, 'capa.implement', { caId, note: 'Checklist updated' });
    await store.run(manager, 'capa.verify', { caId, effective: true, note: 'Seen on 3 shifts' });
    expect(await store.run(manager, 'ncr.close', { ncrId })).toEqual({ status: 'applied' });
    expect(store.get<NcrRecord>('ncr', ncrId)!.history.map((h) => h.state)).toEqual([
      'open',
      'dispositioned',
      'closed',
    ]);
  });

  it('cannot close an NCR that was never dispositioned', async () => {
    const ncrId = uuidv7();
    await store.run(production, 'ncr.open', {
      id: ncrId,
      target: { kind: 'batch', id: batchId },
      what: 'x',
      where: 'y',
      quantity: 1,
    });
    expect(await store.run(manager, 'ncr.close', { ncrId })).toMatchObject({ code: 'stale-state' });
  });
});

describe('switching across lots of one line', () => {
  it('two rejected lots tighten the next lot; five rejected on tightened stop the line', async () => {
    const reject = async () => {
      const lotId = await startLot(400);
      await record(lotId, 'insulation', 1, { value: 1 });
      return (await close(lotId)).o;
    };
    // Each rejected lot also holds the batch; dispositions keep the example moving.
    const disposition = async () => {
      for (const n of store.all<NcrRecord>('ncr').filter((x) => x.state === 'open')) {
        await store.run(manager, 'ncr.disposition', {
          ncrId: n.id,
          decision: 'rework',
          reason: 'r',
        });
      }
    };
    await reject();
    await disposition();
    await reject();
    await disposition();
    const key = 'PACK-LFP-12V100|final|line-pack';
    // The second lot re-inspected the same batch: a resubmitted lot, which does not count.
    expect(store.get<SamplingStateRecord>('sampling-state', key)).toMatchObject({
      severity: 'normal',
      recent: [false],
    });

    // Original lots are separate batches from the same line.
    const freshBatch = () => {
      const id = uuidv7();
      store.put('batch', {
        id,
        number: id,
        model: 'PACK-LFP-12V100',
        quantity: 400,
        lineId: 'line-pack',
      });
      return id;
    };
    const rejectFresh = async () => {
      const lotId = uuidv7();
      await store.run(inspector, 'inspection.start', {
        id: lotId,
        planId,
        target: { kind: 'batch', id: freshBatch() },
      });
      await record(lotId, 'insulation', 1, { value: 1 });
      return (await close(lotId)).o;
    };
    expect(await rejectFresh()).toEqual({ status: 'applied' });
    const tightened = store.get<SamplingStateRecord>('sampling-state', key)!;
    expect(tightened.severity).toBe('tightened');
    expect(tightened.switches.at(-1)).toMatchObject({ from: 'normal', to: 'tightened' });

    const lotId = uuidv7();
    await store.run(inspector, 'inspection.start', {
      id: lotId,
      planId,
      target: { kind: 'batch', id: freshBatch() },
    });
    const lot = store.get<InspectionLotRecord>('inspection-lot', lotId)!;
    expect(lot.severity).toBe('tightened');
    // 400 at level II is H. AQL 0.65 tightened: H ↓, J ↓, K 1/2 (normal would be J, n 80, 1/2).
    expect(lot.characteristics.find((c) => c.id === 'ocv')).toMatchObject({
      codeLetter: 'K',
      sampleSize: 125,
      accept: 1,
      reject: 2,
    });
    await record(lotId, 'insulation', 1, { value: 1 });
    await close(lotId);
    for (let i = 0; i < 4; i++) await rejectFresh();
    expect(store.get<SamplingStateRecord>('sampling-state', key)!.severity).toBe('stopped');
    expect(
      await store.run(inspector, 'inspection.start', {
        id: uuidv7(),
        planId,
        target: { kind: 'batch', id: freshBatch() },
      }),
    ).toMatchObject({ code: 'sampling-stopped', params: { key } });
    expect(
      await store.run(manager, 'sampling.resume', { key, reason: '8D from the line, new fixture' }),
    ).toEqual({ status: 'applied' });
    expect(store.get<SamplingStateRecord>('sampling-state', key)!.severity).toBe('tightened');
  });
});

describe('property: the tally kept on the lot equals a recount of the standing readings', () => {
  it('for any sequence of readings and corrections', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            value: fc.double({ min: 12, max: 14, noNaN: true }),
            correct: fc.boolean(),
            pick: fc.nat(),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        async (steps) => {
          store = new MemoryStore();
          store.put('batch', { id: batchId, model: 'PACK-LFP-12V100', quantity: 500, lineId: 'l' });
          await store.run(inspector, 'inspection.plan', { id: planId, plan: PACK_FINAL });
          const lotId = await startLot();
          const ids: string[] = [];
          for (const [i, s] of steps.entries()) {
            const standing = ids.filter(
              (id) =>
                !store.all<InspectionResultRecord>('inspection').some((r) => r.supersedes === id),
            );
            const target = standing[s.pick % Math.max(1, standing.length)];
            const id = uuidv7();
            await store.run(inspector, 'inspection.record', {
              id,
              lotId,
              characteristicId: 'ocv',
              sample: i + 1,
              value: s.value,
              ...(s.correct && target ? { supersedes: target, correctionReason: 'fix' } : {}),
            });
            ids.push(id);
          }
          const lot = store.get<InspectionLotRecord>('inspection-lot', lotId)!;
          const recount = tallyReadings(store.all<InspectionResultRecord>('inspection'));
          expect(lot.tallies.ocv ?? { inspected: 0, nonconformities: 0 }).toEqual(
            recount.ocv ?? { inspected: 0, nonconformities: 0 },
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('what the server takes from its own records, not from the PC (issue 12)', () => {
  it('the lot size is the batch quantity whatever the PC sends, which is kept beside', async () => {
    const id = uuidv7();
    const outcome = await store.run(inspector, 'inspection.start', {
      id,
      planId,
      target: { kind: 'batch', id: batchId },
      lotSize: 100_000,
    });
    expect(outcome).toEqual({ status: 'applied' });
    const lot = store.get<InspectionLotRecord>('inspection-lot', id)!;
    expect(lot).toMatchObject({ lotSize: 8, pcLotSize: 100_000 });
    // 8 packs: OCV on every pack, as for a lot started without a size.
    expect(lot.characteristics.find((c) => c.id === 'ocv')!.sampleSize).toBe(8);
  });

  it('a passed final inspection makes the order ready to ship; before it, a done batch waits', async () => {
    const orderId = uuidv7();
    store.put('order', {
      id: orderId,
      state: 'in_production',
      lines: [{ model: 'PACK-LFP-12V100', quantity: 8 }],
      history: [],
      batchPlan: { [batchId]: { quantities: { '0': 8 }, state: 'done', good: 8 } },
    });
    store.put('batch', {
      ...batch(),
      state: 'done',
      good: 8,
      orderLines: [{ orderId, lineKey: '0', quantity: 8 }],
    });
    const lotId = await startLot();
    expect(store.get<{ id: string; state: string }>('order', orderId)!.state).toBe('in_production');
    await logLot(lotId, [13.3, 13.31, 13.29, 13.3, 13.3, 13.32, 13.3, 13.28]);
    expect((await close(lotId)).o).toEqual({ status: 'applied' });
    const order = store.get<{ id: string; state: string; history: { to: string; by: string }[] }>(
      'order',
      orderId,
    )!;
    expect(order.state).toBe('ready_to_ship');
    expect(order.history.at(-1)).toMatchObject({ to: 'ready_to_ship', by: inspector.id });
  });
});
