import { z } from 'zod';
import { defineMutation, Refusal, type MutatorTx } from '../sync/mutation';
import type { InspectionLotRecord } from './lot';
import {
  CA_ASSIGNEES,
  DISPOSITIONS,
  summaryOf,
  upsertNcr,
  type CorrectiveActionRecord,
  type NcrRecord,
} from './ncr';
import { STAGES } from './plan';
import { getTarget, newNcr, putSummary, targetLabel, targetSchema } from './target-records';

/**
 * Nonconformance: open (the batch or lot goes on hold), disposition by quality (the hold is
 * lifted; what may happen next is the release gate's business), corrective actions assigned
 * to production or the supplier, implemented, verified, and the NCR closed only when every
 * action was verified effective. Each step is a command checked against the current state:
 * two people acting on one NCR offline get the second one refused with the reason.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

async function getNcr(tx: MutatorTx, id: string): Promise<NcrRecord> {
  const ncr = await tx.get<NcrRecord>('ncr', id);
  if (!ncr) throw new Refusal('not-found', { kind: 'ncr', id });
  return ncr;
}

async function getCa(tx: MutatorTx, id: string): Promise<CorrectiveActionRecord> {
  const ca = await tx.get<CorrectiveActionRecord>('corrective-action', id);
  if (!ca) throw new Refusal('not-found', { kind: 'corrective-action', id });
  return ca;
}

/** Keeps the NCR's list of its actions and their states, so closing needs no scan. */
async function noteAction(tx: MutatorTx, ca: CorrectiveActionRecord): Promise<void> {
  const ncr = await getNcr(tx, ca.ncrId);
  const actions = ((ncr.actions as { id: string; state: string }[] | undefined) ?? []).filter(
    (a) => a.id !== ca.id,
  );
  await tx.put('ncr', { ...ncr, actions: [...actions, { id: ca.id, state: ca.state }] });
}

export const openNcr = defineMutation({
  name: 'ncr.open',
  action: 'ncr.open',
  args: z
    .object({
      id: z.uuid(),
      target: targetSchema,
      lotId: z.uuid().optional(),
      what: text(2000),
      where: text(200),
      quantity: z.number().int().positive().max(100_000_000),
      stage: z.enum(STAGES).optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    const target = await getTarget(tx, args.target);
    let lot: InspectionLotRecord | undefined;
    if (args.lotId) {
      lot = await tx.get<InspectionLotRecord>('inspection-lot', args.lotId);
      if (!lot || lot.target.id !== args.target.id) {
        throw new Refusal('not-found', { kind: 'inspection-lot', id: args.lotId });
      }
    }
    const stage = args.stage ?? lot?.stage;
    const model = (target.model as string | undefined) ?? lot?.model;
    const ncr = await newNcr(tx, ctx, {
      id: args.id,
      target: args.target,
      targetLabel: targetLabel(target),
      what: args.what,
      where: args.where,
      quantity: args.quantity,
      ...(args.lotId ? { lotId: args.lotId } : {}),
      ...(stage ? { stage } : {}),
      ...(model ? { model } : {}),
    });
    if (lot && !lot.ncrId) await tx.put('inspection-lot', { ...lot, ncrId: ncr.id });
    await putSummary(
      tx,
      ctx,
      args.target,
      target,
      upsertNcr(summaryOf(target), {
        id: ncr.id,
        ...(args.lotId ? { lotId: args.lotId } : {}),
        state: 'open',
        quantity: ncr.quantity,
      }),
    );
  },
});

export const dispositionNcr = defineMutation({
  name: 'ncr.disposition',
  action: 'ncr.disposition',
  args: z
    .object({
      ncrId: z.uuid(),
      decision: z.enum(DISPOSITIONS),
      reason: text(2000),
      concessionRef: text(100).optional(),
    })
    .strict()
    .refine((a) => a.decision !== 'concession' || a.concessionRef !== undefined, {
      message: 'use as is needs the concession reference',
      path: ['concessionRef'],
    }),
  async run(tx, args, ctx) {
    const ncr = await getNcr(tx, args.ncrId);
    if (ncr.state !== 'open') throw new Refusal('stale-state', { state: ncr.state });
    if (args.decision === 'return-to-supplier' && ncr.target.kind !== 'material-lot') {
      throw new Refusal('invalid-args', {
        path: 'decision',
        message: 'only material lots go back to a supplier',
      });
    }
    const disposition = {
      decision: args.decision,
      reason: args.reason,
      ...(args.concessionRef ? { concessionRef: args.concessionRef } : {}),
      by: ctx.userId,
      at: ctx.now,
    };
    await tx.put('ncr', {
      ...ncr,
      state: 'dispositioned',
      hold: false,
      disposition,
      history: [
        ...ncr.history,
        { state: 'dispositioned', by: ctx.userId, at: ctx.now, note: args.decision },
      ],
    });
    const target = await getTarget(tx, ncr.target);
    await putSummary(
      tx,
      ctx,
      ncr.target,
      target,
      upsertNcr(summaryOf(target), {
        id: ncr.id,
        ...(ncr.lotId ? { lotId: ncr.lotId } : {}),
        state: 'dispositioned',
        quantity: ncr.quantity,
        decision: args.decision,
      }),
    );
  },
});

export const closeNcr = defineMutation({
  name: 'ncr.close',
  action: 'ncr.disposition',
  args: z.object({ ncrId: z.uuid(), note: text(2000).optional() }).strict(),
  async run(tx, args, ctx) {
    const ncr = await getNcr(tx, args.ncrId);
    if (ncr.state !== 'dispositioned') throw new Refusal('stale-state', { state: ncr.state });
    const open = ((ncr.actions as { state: string }[] | undefined) ?? []).filter(
      (a) => a.state !== 'verified',
    );
    if (open.length > 0) throw new Refusal('actions-open', { count: open.length });
    await tx.put('ncr', {
      ...ncr,
      state: 'closed',
      history: [
        ...ncr.history,
        { state: 'closed', by: ctx.userId, at: ctx.now, ...(args.note ? { note: args.note } : {}) },
      ],
    });
    const target = await getTarget(tx, ncr.target);
    const summary = summaryOf(target);
    const entry = summary.ncrs.find((n) => n.id === ncr.id);
    if (entry) {
      await putSummary(
        tx,
        ctx,
        ncr.target,
        target,
        upsertNcr(summary, { ...entry, state: 'closed' }),
      );
    }
  },
});

const isoDate = z.iso.date();

export const assignCorrectiveAction = defineMutation({
  name: 'capa.assign',
  action: 'ncr.disposition',
  args: z
    .object({
      id: z.uuid(),
      ncrId: z.uuid(),
      action: text(2000),
      assignee: z.enum(CA_ASSIGNEES),
      dueDate: isoDate,
    })
    .strict(),
  async run(tx, args, ctx) {
    if (await tx.get('corrective-action', args.id)) {
      throw new Refusal('already-exists', { id: args.id });
    }
    const ncr = await getNcr(tx, args.ncrId);
    if (ncr.state === 'closed') throw new Refusal('stale-state', { state: ncr.state });
    const { number, provisional } = await ctx.nextNumber('CA');
    const ca: CorrectiveActionRecord = {
      id: args.id,
      number,
      numberProvisional: provisional,
      ncrId: ncr.id,
      ncrNumber: ncr.number,
      action: args.action,
      assignee: args.assignee,
      dueDate: args.dueDate,
      state: 'open',
      history: [{ state: 'open', by: ctx.userId, at: ctx.now }],
      createdBy: ctx.userId,
      createdAt: ctx.now,
    };
    await tx.put('corrective-action', ca);
    await noteAction(tx, ca);
  },
});

export const implementCorrectiveAction = defineMutation({
  name: 'capa.implement',
  action: 'capa.implement',
  args: z.object({ caId: z.uuid(), note: text(2000) }).strict(),
  async run(tx, args, ctx) {
    const ca = await getCa(tx, args.caId);
    // Production reports its own actions, procurement the supplier's; quality may do either.
    if (ctx.role !== ca.assignee && ctx.role !== 'quality' && ctx.role !== 'admin') {
      throw new Refusal('forbidden', { action: 'capa.implement' });
    }
    if (ca.state !== 'open') throw new Refusal('stale-state', { state: ca.state });
    const next: CorrectiveActionRecord = {
      ...ca,
      state: 'implemented',
      implementation: { note: args.note, by: ctx.userId, at: ctx.now },
      history: [...ca.history, { state: 'implemented', by: ctx.userId, at: ctx.now }],
    };
    await tx.put('corrective-action', next);
    await noteAction(tx, next);
  },
});

export const verifyCorrectiveAction = defineMutation({
  name: 'capa.verify',
  action: 'capa.verify',
  args: z
    .object({
      caId: z.uuid(),
      effective: z.boolean(),
      note: text(2000),
      /** Not effective: the action goes back to its assignee, with a new due date if given. */
      newDueDate: isoDate.optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    const ca = await getCa(tx, args.caId);
    if (ca.state !== 'implemented') throw new Refusal('stale-state', { state: ca.state });
    const state = args.effective ? 'verified' : 'open';
    const next: CorrectiveActionRecord = {
      ...ca,
      state,
      ...(args.newDueDate && !args.effective ? { dueDate: args.newDueDate } : {}),
      verification: { effective: args.effective, note: args.note, by: ctx.userId, at: ctx.now },
      history: [...ca.history, { state, by: ctx.userId, at: ctx.now, note: args.note }],
    };
    await tx.put('corrective-action', next);
    await noteAction(tx, next);
  },
});

export const NCR_MUTATIONS = [
  openNcr,
  dispositionNcr,
  closeNcr,
  assignCorrectiveAction,
  implementCorrectiveAction,
  verifyCorrectiveAction,
];
