import { z } from 'zod';
import { insertOnce } from '../sync/append-only';
import { defineMutation, Refusal, type MutationContext, type MutatorTx } from '../sync/mutation';
import {
  lotProgress,
  type InspectionLotRecord,
  type InspectionResultRecord,
  type Tally,
} from './lot';
import { nextAttempt, summaryOf, upsertLot, upsertNcr } from './ncr';
import { NCR_MUTATIONS } from './ncr-mutations';
import {
  freezeCharacteristics,
  judgeReading,
  planFieldsSchema,
  type InspectionPlanRecord,
  type LotCharacteristic,
} from './plan';
import { getTarget, newNcr, putSummary, targetLabel, targetSchema } from './target-records';
import {
  INITIAL_SWITCHING,
  nextSwitchingState,
  switchingKey,
  type SwitchingState,
} from './switching';

/**
 * Inspection plans, lot inspections and their readings. Readings are append-only; the lot
 * keeps a running tally per characteristic, because mutators read records by id only and the
 * lot's verdict must not need a scan of every reading.
 */

/** A photo travels inside the reading; this keeps one push of many readings within limits. */
export const MAX_PHOTO_CHARS = 160_000;

const photoSchema = z
  .string()
  .max(MAX_PHOTO_CHARS)
  .regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/);

export interface SamplingStateRecord extends SwitchingState {
  id: string;
  model: string;
  stage: string;
  source: string;
  /** The last lot that moved it, and every switch, for the inspector's "why". */
  lastLotId?: string;
  switches: { from: string; to: string; lotId?: string; at: string; reason?: string }[];
  [key: string]: unknown;
}

/** Creates or revises an inspection plan; a revision must name the revision it was based on. */
export const definePlan = defineMutation({
  name: 'inspection.plan',
  action: 'inspection.plan',
  args: z
    .object({
      id: z.uuid(),
      baseRevision: z.number().int().nonnegative().optional(),
      plan: planFieldsSchema,
    })
    .strict(),
  async run(tx, args, ctx) {
    const existing = await tx.get<InspectionPlanRecord>('inspection-plan', args.id);
    if (existing && args.baseRevision === undefined) {
      throw new Refusal('already-exists', { id: args.id });
    }
    if (!existing && args.baseRevision !== undefined && args.baseRevision > 0) {
      throw new Refusal('not-found', { kind: 'inspection-plan', id: args.id });
    }
    if (existing && existing.revision !== args.baseRevision) {
      // Someone revised it since this edit began: theirs would silently vanish otherwise.
      throw new Refusal('stale-state', { revision: existing.revision });
    }
    const record: InspectionPlanRecord = {
      ...args.plan,
      id: args.id,
      revision: (existing?.revision ?? 0) + 1,
      updatedBy: ctx.userId,
      updatedAt: ctx.now,
    };
    await tx.put('inspection-plan', record);
  },
});

/** A stopped source may be inspected again once it has acted: on tightened inspection. */
export const resumeSampling = defineMutation({
  name: 'sampling.resume',
  action: 'inspection.plan',
  args: z.object({ key: z.string().min(1).max(300), reason: z.string().min(1).max(2000) }).strict(),
  async run(tx, args, ctx) {
    const state = await tx.get<SamplingStateRecord>('sampling-state', args.key);
    if (!state) throw new Refusal('not-found', { kind: 'sampling-state', id: args.key });
    const step = nextSwitchingState(state, { type: 'resume' });
    if (!step.switched) throw new Refusal('stale-state', { severity: state.severity });
    await tx.put('sampling-state', {
      ...state,
      ...step.state,
      switches: [...state.switches, { ...step.switched, at: ctx.now, reason: args.reason }].slice(
        -20,
      ),
    });
  },
});

/**
 * Starts a lot inspection of a batch or material lot: the plan's characteristics are frozen
 * with the sample sizes and Ac/Re the lot size and the source's current severity give.
 */
export const startInspection = defineMutation({
  name: 'inspection.start',
  action: 'inspection.record',
  args: z
    .object({
      id: z.uuid(),
      planId: z.uuid(),
      target: targetSchema,
      /**
       * Only for a target that records no quantity: the batch's or material lot's own
       * quantity is the lot size, whatever the PC sends.
       */
      lotSize: z.number().int().positive().max(100_000_000).optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    if (await tx.get('inspection-lot', args.id))
      throw new Refusal('already-exists', { id: args.id });
    const plan = await tx.get<InspectionPlanRecord>('inspection-plan', args.planId);
    if (!plan) throw new Refusal('not-found', { kind: 'inspection-plan', id: args.planId });
    if (!plan.active) throw new Refusal('stale-state', { plan: 'inactive' });
    const target = await getTarget(tx, args.target);
    // A batch names its product model, a material lot its material code.
    const targetModel = target.model ?? target.material;
    if (targetModel !== undefined && targetModel !== plan.model) {
      throw new Refusal('invalid-args', { path: 'planId', message: 'plan is for another model' });
    }
    // The lot is what the batch made or the goods receipt counted: the sample sizes follow
    // from it, so the PC's number is only used where the record has none (a lot received
    // before quantities were kept), and kept beside when it differs.
    const recorded = typeof target.quantity === 'number' ? target.quantity : undefined;
    const lotSize = recorded ?? args.lotSize ?? 0;
    if (!Number.isInteger(lotSize) || lotSize < 1) {
      throw new Refusal('invalid-args', { path: 'lotSize', message: 'lot size unknown' });
    }
    const pcLotSize =
      args.lotSize !== undefined && args.lotSize !== lotSize ? { pcLotSize: args.lotSize } : {};
    const source = String(
      args.target.kind === 'batch'
        ? (target.lineId ?? 'line')
        : (target.supplierId ?? target.supplier ?? 'supplier'),
    );
    const key = switchingKey(plan.model, plan.stage, source);
    const switching = (await tx.get<SamplingStateRecord>('sampling-state', key)) ?? null;
    const severity = switching?.severity ?? 'normal';
    if (severity === 'stopped') throw new Refusal('sampling-stopped', { key });
    const summary = summaryOf(target);
    const attempt = nextAttempt(summary, plan.stage);
    const { number, provisional } = await ctx.nextNumber('IL');
    const lot: InspectionLotRecord = {
      id: args.id,
      number,
      numberProvisional: provisional,
      planId: plan.id,
      planRevision: plan.revision,
      model: plan.model,
      stage: plan.stage,
      ...(plan.step ? { step: plan.step } : {}),
      target: args.target,
      targetLabel: targetLabel(target),
      ...(args.target.kind === 'batch' ? { batchId: args.target.id } : {}),
      source,
      lotSize,
      ...pcLotSize,
      ...(recorded === undefined ? { lotSizeFrom: 'pc' } : {}),
      severity,
      attempt,
      characteristics: freezeCharacteristics(plan.characteristics, lotSize, severity),
      state: 'open',
      tallies: {},
      openedBy: ctx.userId,
      openedAt: ctx.now,
    };
    await tx.put('inspection-lot', lot);
    await putSummary(
      tx,
      ctx,
      args.target,
      target,
      upsertLot(summary, { id: lot.id, stage: lot.stage, attempt, state: 'open' }),
    );
  },
});

const readingFields = {
  id: z.uuid(),
  characteristicId: z.string().min(1).max(40),
  sample: z.number().int().positive().max(100_000_000),
  serial: z.string().min(1).max(100).optional(),
  value: z.number().finite().optional(),
  passed: z.boolean().optional(),
  count: z.number().int().nonnegative().max(1_000_000).optional(),
};

const readingSchema = z.object(readingFields).strict();

async function openLot(tx: MutatorTx, lotId: string): Promise<InspectionLotRecord> {
  const lot = await tx.get<InspectionLotRecord>('inspection-lot', lotId);
  if (!lot) throw new Refusal('not-found', { kind: 'inspection-lot', id: lotId });
  if (lot.state !== 'open') throw new Refusal('lot-closed', { lot: lot.number });
  return lot;
}

function characteristicOf(lot: InspectionLotRecord, id: string): LotCharacteristic {
  const c = lot.characteristics.find((x) => x.id === id);
  if (!c) throw new Refusal('invalid-args', { path: 'characteristicId', message: `unknown ${id}` });
  return c;
}

function addTally(tallies: Record<string, Tally>, id: string, inspected: number, nc: number) {
  const t = tallies[id] ?? { inspected: 0, nonconformities: 0 };
  return {
    ...tallies,
    [id]: { inspected: t.inspected + inspected, nonconformities: t.nonconformities + nc },
  };
}

/**
 * Appends one judged reading and moves the lot's tally. An identical retry is a no-op (and
 * must not count twice); a correction supersedes a standing reading with a reason, and its
 * old contribution leaves the tally.
 */
async function appendReading(
  tx: MutatorTx,
  lot: InspectionLotRecord,
  input: z.infer<typeof readingSchema> & {
    note?: string;
    photo?: string;
    supersedes?: string;
    correctionReason?: string;
  },
  source: 'typed' | 'csv',
  ctx: MutationContext,
): Promise<InspectionLotRecord> {
  const c = characteristicOf(lot, input.characteristicId);
  const judged = judgeReading(c, input);
  const record: InspectionResultRecord = {
    ...input,
    lotId: lot.id,
    ...(lot.batchId ? { batchId: lot.batchId } : {}),
    targetId: lot.target.id,
    series: `${lot.planId}/${c.id}`,
    ...(c.unit ? { unit: c.unit } : {}),
    judgement: judged.judgement,
    reason: judged.reason,
    nonconformities: judged.nonconformities,
    source,
    inspectorId: ctx.userId,
    clientId: ctx.clientId,
    clientTime: ctx.clientTime,
  };
  const existing = await tx.get('inspection', input.id);
  if (existing) {
    await insertOnce(tx, 'inspection', record);
    return lot;
  }
  let tallies = lot.tallies;
  if (input.supersedes) {
    const old = await tx.get<InspectionResultRecord>('inspection', input.supersedes);
    if (!old || old.lotId !== lot.id) {
      throw new Refusal('not-found', { kind: 'inspection', id: input.supersedes });
    }
    if (old.characteristicId !== input.characteristicId) {
      throw new Refusal('invalid-args', {
        path: 'characteristicId',
        message: 'not the corrected one',
      });
    }
    const superseded = (lot.superseded as string[] | undefined) ?? [];
    // Correct the correction instead: two corrections of one reading would both subtract it.
    if (superseded.includes(old.id)) throw new Refusal('stale-state', { superseded: old.id });
    tallies = addTally(tallies, old.characteristicId, -1, -old.nonconformities);
    lot = { ...lot, superseded: [...superseded, old.id] };
  }
  await insertOnce(tx, 'inspection', record);
  return { ...lot, tallies: addTally(tallies, c.id, 1, judged.nonconformities) };
}

/** One reading, typed or scanned, judged against the lot's frozen limits. */
export const recordInspection = defineMutation({
  name: 'inspection.record',
  action: 'inspection.record',
  args: z
    .object({
      ...readingFields,
      lotId: z.uuid(),
      note: z.string().min(1).max(2000).optional(),
      photo: photoSchema.optional(),
      supersedes: z.uuid().optional(),
      correctionReason: z.string().min(1).max(2000).optional(),
    })
    .strict()
    .refine((a) => (a.supersedes === undefined) === (a.correctionReason === undefined), {
      message: 'a correction names the entry it supersedes and why',
      path: ['correctionReason'],
    }),
  async run(tx, args, ctx) {
    const { lotId, ...input } = args;
    const lot = await openLot(tx, lotId);
    const next = await appendReading(tx, lot, input, 'typed', ctx);
    if (next !== lot) await tx.put('inspection-lot', next);
  },
});

export const MAX_IMPORT_READINGS = 500;

/** A slice of a tester's CSV: many readings of one lot in one mutation. */
export const importInspections = defineMutation({
  name: 'inspection.import',
  action: 'inspection.record',
  args: z
    .object({
      lotId: z.uuid(),
      readings: z.array(readingSchema).min(1).max(MAX_IMPORT_READINGS),
    })
    .strict(),
  async run(tx, args, ctx) {
    let lot = await openLot(tx, args.lotId);
    const start = lot;
    for (const reading of args.readings) lot = await appendReading(tx, lot, reading, 'csv', ctx);
    if (lot !== start) await tx.put('inspection-lot', lot);
  },
});

/**
 * Closes a lot with the verdict its accept/reject numbers give (never a verdict the client
 * claims), moves the source's switching state in server order, and when the lot is not
 * accepted opens an NCR that puts the batch or material lot on hold.
 */
export const closeInspection = defineMutation({
  name: 'inspection.close',
  action: 'inspection.record',
  args: z
    .object({
      lotId: z.uuid(),
      /** Id for the NCR opened if the lot is not accepted. */
      ncrId: z.uuid(),
      note: z.string().min(1).max(2000).optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    const lot = await openLot(tx, args.lotId);
    const progress = lotProgress(lot.characteristics, lot.tallies);
    if (progress.status === 'pending') {
      const remaining = progress.characteristics.reduce((n, c) => n + c.remaining, 0);
      throw new Refusal('lot-incomplete', { remaining });
    }
    const verdict = progress.status;
    const closed: InspectionLotRecord = {
      ...lot,
      state: 'closed',
      verdict,
      closedBy: ctx.userId,
      closedAt: ctx.now,
      ...(args.note ? { note: args.note } : {}),
      ...(verdict === 'rejected' ? { ncrId: args.ncrId } : {}),
    };
    await tx.put('inspection-lot', closed);

    const key = switchingKey(lot.model, lot.stage, lot.source);
    const state =
      (await tx.get<SamplingStateRecord>('sampling-state', key)) ??
      ({
        ...INITIAL_SWITCHING,
        id: key,
        model: lot.model,
        stage: lot.stage,
        source: lot.source,
        switches: [],
      } as SamplingStateRecord);
    const step = nextSwitchingState(state, {
      type: 'lot',
      accepted: verdict === 'accepted',
      resubmitted: lot.attempt > 1,
    });
    await tx.put('sampling-state', {
      ...state,
      ...step.state,
      lastLotId: lot.id,
      switches: step.switched
        ? [...state.switches, { ...step.switched, lotId: lot.id, at: ctx.now }].slice(-20)
        : state.switches,
    });

    const target = await getTarget(tx, lot.target);
    let summary = upsertLot(summaryOf(target), {
      id: lot.id,
      stage: lot.stage,
      attempt: lot.attempt,
      state: 'closed',
      verdict,
    });
    if (verdict === 'rejected') {
      const failing = lot.characteristics.filter((c) =>
        progress.characteristics.some((p) => p.id === c.id && p.status === 'rejected'),
      );
      const ncr = await newNcr(tx, ctx, {
        id: args.ncrId,
        target: lot.target,
        targetLabel: lot.targetLabel,
        lotId: lot.id,
        model: lot.model,
        stage: lot.stage,
        what: failing.map((c) => `${c.name.en} / ${c.name.zh}`).join('; '),
        where: lot.step ?? lot.stage,
        quantity: lot.lotSize,
      });
      summary = upsertNcr(summary, {
        id: ncr.id,
        lotId: lot.id,
        state: 'open',
        quantity: ncr.quantity,
      });
    }
    await putSummary(tx, ctx, lot.target, target, summary);
  },
});

/** Every quality mutation; the registry in src-shared/mutations.ts takes them from here. */
export const QUALITY_MUTATIONS = [
  definePlan,
  resumeSampling,
  startInspection,
  recordInspection,
  importInspections,
  closeInspection,
  ...NCR_MUTATIONS,
];
