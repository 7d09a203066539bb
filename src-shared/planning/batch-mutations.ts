import { z } from 'zod';
import { batchOnHold } from '../quality/release-gate';
import { applyLww, noticeOverridden } from '../sync/lww';
import {
  defineMutation,
  Refusal,
  type MutationContext,
  type MutatorTx,
  type StoredRecord,
} from '../sync/mutation';
import { BATCH_STATES, type BatchState } from './order-progress';
import { followBatches as updateOrders } from './order-follow';
import {
  checkClaims,
  isoOf,
  judge,
  namesAClash,
  noteClashes,
  noticeConflict,
  place,
  settle,
  type Place,
} from './plan-authority';
import { mergeProblem, PLAN_WARNING_CODES, splitProblem, type PlanWarning } from './schedule-rules';

export { BATCH_STATES };

/** What a batch makes for one order line. */
export interface OrderLineLink {
  orderId: string;
  lineKey: string;
  quantity: number;
}

export interface RecordedWarning extends PlanWarning {
  by: string;
  byName?: string;
  at: string;
}

export interface OutputReport {
  id: string;
  good: number;
  scrap: number;
  by: string;
  byName?: string;
  at: string;
}

export interface BatchRecord extends StoredRecord {
  number: string;
  numberProvisional: boolean;
  /** The (first) order the batch serves; `orderLines` has every order line it serves. */
  orderId?: string;
  orderNumber?: string;
  orderLines?: OrderLineLink[];
  model: string;
  spec?: string;
  /** The product family (format) the line rates are given for. */
  family?: string;
  quantity: number;
  lineId: string;
  start: string;
  end: string;
  sequence: number;
  state: BatchState;
  paused?: boolean;
  good?: number;
  scrap?: number;
  reports?: OutputReport[];
  /**
   * What the placement breaks, as the server found it from its own records (the line's
   * calendar and rate, the other batches on the line, the order's promised date).
   */
  warnings?: RecordedWarning[];
  /** What the planner's board showed at the drop, when it differs from `warnings`. */
  pcWarnings?: RecordedWarning[];
  /** The end the PC sent, when it differs from the one the line's rate and calendar give. */
  pcEnd?: string;
}

const iso = z.iso.datetime({ offset: true });
const warningArgs = z
  .array(
    z
      .object({
        code: z.enum(PLAN_WARNING_CODES),
        params: z.record(z.string().max(40), z.union([z.string().max(200), z.number()])),
      })
      .strict(),
  )
  .max(10);
const orderLineArgs = z
  .object({
    orderId: z.uuid(),
    lineKey: z.string().min(1).max(100),
    quantity: z.number().int().positive().max(100_000_000),
  })
  .strict();

async function getBatch(tx: MutatorTx, id: string): Promise<BatchRecord> {
  const batch = await tx.get<BatchRecord>('batch', id);
  if (!batch) throw new Refusal('not-found', { kind: 'batch', id });
  return batch;
}

const planArgs = z
  .object({
    id: z.uuid(),
    orderId: z.uuid().optional(),
    orderLines: z.array(orderLineArgs).max(50).optional(),
    model: z.string().min(1).max(100),
    spec: z.string().max(200).optional(),
    family: z.string().max(40).optional(),
    quantity: z.number().int().positive().max(100_000_000),
    lineId: z.string().min(1).max(100),
    start: iso,
    end: iso,
    warnings: warningArgs.optional(),
  })
  .strict()
  .refine((a) => a.end > a.start, { message: 'end must be after start', path: ['end'] });

/**
 * A new batch on the plan. The end and the warnings are the mutator's, from the line's rate
 * and calendar and the batches already on it (the PC's `end` and `warnings` are kept beside
 * when they differ, see plan-authority.ts); the line, the family and the order lines it
 * claims are checked first.
 */
export const planBatch = defineMutation({
  name: 'batch.plan',
  action: 'batch.plan',
  args: planArgs,
  async run(tx, args, ctx) {
    if (await tx.get('batch', args.id)) throw new Refusal('already-exists', { id: args.id });
    const { warnings: shown, end: pcEnd, family, ...fields } = args;
    const orderLines = args.orderLines ?? [];
    const orderNumber = await checkClaims(tx, ctx, {
      batchId: args.id,
      model: args.model,
      orderId: args.orderId,
      links: orderLines,
    });
    const at = await place(tx, { ...args, family, start: Date.parse(args.start) });
    const { number, provisional } = await ctx.nextNumber('BT');
    const batch: BatchRecord = {
      ...fields,
      ...(orderLines[0] && !args.orderId ? { orderId: orderLines[0].orderId } : {}),
      ...(orderNumber ? { orderNumber } : {}),
      number,
      numberProvisional: provisional,
      start: isoOf(at.start),
      end: isoOf(at.end),
      sequence: 0,
      state: 'planned',
    };
    const stamped = applyLww(batch, {}, 0, ctx).record as BatchRecord;
    const judged = await judge(tx, stamped, at, shown);
    const next = settle(stamped, at, judged, { end: pcEnd, warnings: shown }, ctx);
    await tx.put('batch', next);
    await noteClashes(tx, ctx, next, { line: at.line, clashes: judged.clashes });
    await noticeConflict(tx, ctx, next, at, judged, shown);
    await updateOrders(tx, ctx, [next]);
  },
});

const moveFields = {
  batchId: z.uuid(),
  baseVersion: z.number().int().nonnegative(),
  lineId: z.string().min(1).max(100).optional(),
  start: iso.optional(),
  end: iso.optional(),
  sequence: z.number().int().optional(),
  /**
   * What the board warned of at the drop. The batch's `warnings` are the mutator's own; this
   * list is kept beside as `pcWarnings` when it differs, and tells whether the planner saw a
   * clash the server finds (noticeConflict).
   */
  warnings: warningArgs.optional(),
};
const moveArgs = z.object(moveFields).strict();
type MoveArgs = z.output<typeof moveArgs>;

interface Placed {
  batch: BatchRecord;
  at: Place;
  /** Where the batch stood before, when it did: its old neighbours may name it. */
  was?: { lineId: string; start: number; end: number };
  pc: { end?: string | undefined; warnings?: readonly PlanWarning[] | undefined };
}

/**
 * First half of a move: the batch's new line, start and end, written with field-level
 * last-writer-wins. The warnings come after every batch of the action has moved (judgeMoved),
 * so batches dragged together are checked against each other's new places, not their old.
 */
async function placeMove(tx: MutatorTx, args: MoveArgs, ctx: MutationContext): Promise<Placed> {
  const batch = await getBatch(tx, args.batchId);
  if (batch.state === 'done') throw new Refusal('stale-state', { state: batch.state });
  const { batchId: _id, baseVersion, warnings, ...fields } = args;
  const lineId = fields.lineId ?? batch.lineId;
  const start = Date.parse(fields.start ?? batch.start);
  const stored = {
    lineId: batch.lineId,
    start: Date.parse(batch.start),
    end: Date.parse(batch.end),
  };
  if (fields.end !== undefined && Date.parse(fields.end) <= start) {
    throw new Refusal('invalid-args', { path: 'end', message: 'end' });
  }
  // Same line, same start: a resize (a new end) or a change of sequence only. The end asked
  // for, or the one it has, stands when at least what the work needs (see PlaceRequest).
  const inPlace = lineId === stored.lineId && start === stored.start;
  const at = await place(tx, {
    model: batch.model,
    family: batch.family,
    quantity: batch.quantity,
    lineId,
    start,
    reservedEnd: inPlace ? Date.parse(fields.end ?? batch.end) : undefined,
  });
  const changes: Record<string, unknown> = { sequence: fields.sequence };
  if (lineId !== batch.lineId) changes.lineId = lineId;
  if (start !== stored.start) changes.start = isoOf(start);
  if (at.end !== stored.end) changes.end = isoOf(at.end);
  const { record, overridden } = applyLww(batch, changes, baseVersion, ctx);
  const moved = { ...(record as BatchRecord), start: isoOf(start), end: isoOf(at.end) };
  await tx.put('batch', moved);
  await noticeOverridden(tx, ctx, { kind: 'batch', id: batch.id, label: batch.number }, overridden);
  return { batch: moved, at, was: stored, pc: { end: fields.end, warnings } };
}

/** Second half: the warnings at the new place, the neighbours told, the planner noticed. */
async function judgeMoved(tx: MutatorTx, moved: Placed, ctx: MutationContext): Promise<void> {
  // Re-read: an earlier batch of the same action may have named this one as its clash.
  const batch = await getBatch(tx, moved.batch.id);
  const judged = await judge(tx, batch, moved.at, moved.pc.warnings);
  const next = settle(batch, moved.at, judged, moved.pc, ctx);
  await tx.put('batch', next);
  const was = moved.was && namesAClash(batch) ? moved.was : undefined;
  await noteClashes(tx, ctx, next, { line: moved.at.line, clashes: judged.clashes }, was);
  await noticeConflict(tx, ctx, next, moved.at, judged, moved.pc.warnings);
}

/**
 * A planner's move on the schedule board (or a resize: a new end). `baseVersion` is the
 * version of the batch the planner saw; if someone else moved it after that, their move is
 * overridden (arrival order wins) and they are told whose move now stands.
 */
export const moveBatch = defineMutation({
  name: 'batch.move',
  action: 'batch.move',
  args: moveArgs,
  async run(tx, args, ctx) {
    await judgeMoved(tx, await placeMove(tx, args, ctx), ctx);
  },
});

/**
 * Several batches moved as one action (a multi-selection dragged together, or a draft plan
 * published): all land or none does, and each keeps its own field-level conflict handling.
 */
export const moveBatches = defineMutation({
  name: 'batch.move-many',
  action: 'batch.move',
  args: z
    .object({ moves: z.array(moveArgs).min(1).max(500) })
    .strict()
    .refine((a) => new Set(a.moves.map((m) => m.batchId)).size === a.moves.length, {
      message: 'a batch appears twice',
      path: ['moves'],
    }),
  async run(tx, args, ctx) {
    const placed: Placed[] = [];
    for (const move of args.moves) placed.push(await placeMove(tx, move, ctx));
    for (const p of placed) await judgeMoved(tx, p, ctx);
  },
});

/**
 * Splits a batch: it keeps the first part, each further part becomes a new batch (own id from
 * the client, own number from the server) with its own time. What the batch made for its
 * orders is handed out to the parts in order, so the orders stay covered.
 */
export const splitBatch = defineMutation({
  name: 'batch.split',
  action: 'batch.plan',
  args: z
    .object({
      batchId: z.uuid(),
      parts: z
        .array(
          z
            .object({
              id: z.uuid(),
              quantity: z.number().int().positive().max(100_000_000),
              lineId: z.string().min(1).max(100).optional(),
              start: iso,
              end: iso,
            })
            .strict()
            .refine((p) => p.end > p.start, { message: 'end must be after start', path: ['end'] }),
        )
        .min(2)
        .max(100),
    })
    .strict(),
  async run(tx, args, ctx) {
    const batch = await getBatch(tx, args.batchId);
    if (batch.state !== 'planned' && batch.state !== 'released') {
      throw new Refusal('stale-state', { state: batch.state });
    }
    const problem = splitProblem(
      batch.quantity,
      args.parts.map((p) => p.quantity),
    );
    if (problem) throw new Refusal('invalid-args', { path: 'parts', message: problem });
    const [first] = args.parts;
    if (!first || first.id !== batch.id) {
      throw new Refusal('invalid-args', {
        path: 'parts.0.id',
        message: 'the first part is the batch',
      });
    }
    // Hand the order lines out in order: each part takes what is left of them, up to its size.
    const pool = (batch.orderLines ?? []).map((l) => ({ ...l }));
    const take = (quantity: number): OrderLineLink[] => {
      const out: OrderLineLink[] = [];
      let left = quantity;
      for (const l of pool) {
        if (left <= 0) break;
        const n = Math.min(l.quantity, left);
        if (n <= 0) continue;
        out.push({ ...l, quantity: n });
        l.quantity -= n;
        left -= n;
      }
      return out;
    };
    // Every part placed first, then judged, so the parts are checked against each other too.
    const placed: Placed[] = [];
    const was = {
      lineId: batch.lineId,
      start: Date.parse(batch.start),
      end: Date.parse(batch.end),
    };
    for (const [i, part] of args.parts.entries()) {
      if (i > 0 && (await tx.get('batch', part.id))) {
        throw new Refusal('already-exists', { id: part.id });
      }
      const lineId = part.lineId ?? batch.lineId;
      const at = await place(tx, {
        model: batch.model,
        family: batch.family,
        quantity: part.quantity,
        lineId,
        start: Date.parse(part.start),
      });
      const window = {
        quantity: part.quantity,
        lineId,
        start: isoOf(at.start),
        end: isoOf(at.end),
      };
      let written: BatchRecord;
      if (i === 0) {
        written = applyLww(batch, window, batch._v ?? 0, ctx).record as BatchRecord;
      } else {
        const { number, provisional } = await ctx.nextNumber('BT');
        const {
          _v: _version,
          _fields: _stamps,
          reports: _reports,
          pcWarnings: _pcWarnings,
          pcEnd: _pcEnd,
          ...base
        } = batch;
        written = applyLww(
          { ...base, ...window, id: part.id, number, numberProvisional: provisional },
          {},
          0,
          ctx,
        ).record as BatchRecord;
        written.state = 'planned';
        written.splitFrom = batch.id;
      }
      written.orderLines = take(part.quantity);
      await tx.put('batch', written);
      placed.push({
        batch: written,
        at,
        ...(i === 0 ? { was } : {}),
        pc: { end: part.end },
      });
    }
    for (const p of placed) await judgeMoved(tx, p, ctx);
    const parts: BatchRecord[] = [];
    for (const p of placed) parts.push(await getBatch(tx, p.batch.id));
    await updateOrders(tx, ctx, parts);
  },
});

/**
 * Merges compatible batches (same model and spec, not started, not on hold) into the first:
 * it takes their quantity and order lines and the window given; the others are removed.
 */
export const mergeBatches = defineMutation({
  name: 'batch.merge',
  action: 'batch.plan',
  args: z
    .object({
      targetId: z.uuid(),
      sourceIds: z.array(z.uuid()).min(1).max(50),
      end: iso,
    })
    .strict(),
  async run(tx, args, ctx) {
    const target = await getBatch(tx, args.targetId);
    const sources: BatchRecord[] = [];
    for (const id of new Set(args.sourceIds)) {
      if (id !== target.id) sources.push(await getBatch(tx, id));
    }
    const problem = mergeProblem([target, ...sources].map((b) => ({ ...b, hold: batchOnHold(b) })));
    if (problem) throw new Refusal('not-mergeable', { reason: problem });
    if (args.end <= target.start)
      throw new Refusal('invalid-args', { path: 'end', message: 'end' });
    const links = new Map<string, OrderLineLink>();
    for (const l of [target, ...sources].flatMap((b) => b.orderLines ?? [])) {
      const key = `${l.orderId}\u0000${l.lineKey}`;
      const had = links.get(key);
      links.set(key, had ? { ...had, quantity: had.quantity + l.quantity } : { ...l });
    }
    // Sources go first, so the merged bar is not checked against what it absorbs and their
    // neighbours stop naming them.
    for (const b of sources) {
      await tx.del('batch', b.id);
      if (!namesAClash(b)) continue;
      await noteClashes(tx, ctx, b, null, {
        lineId: b.lineId,
        start: Date.parse(b.start),
        end: Date.parse(b.end),
      });
    }
    const quantity = target.quantity + sources.reduce((s, b) => s + b.quantity, 0);
    const at = await place(tx, {
      model: target.model,
      family: target.family,
      quantity,
      lineId: target.lineId,
      start: Date.parse(target.start),
    });
    const merged = applyLww(target, { end: isoOf(at.end), quantity }, target._v ?? 0, ctx)
      .record as BatchRecord;
    merged.orderLines = [...links.values()];
    merged.mergedFrom = [
      ...((target.mergedFrom as string[] | undefined) ?? []),
      ...sources.map((b) => b.number),
    ];
    await tx.put('batch', merged);
    await judgeMoved(
      tx,
      {
        batch: merged,
        at,
        was: {
          lineId: target.lineId,
          start: Date.parse(target.start),
          end: Date.parse(target.end),
        },
        pc: { end: args.end },
      },
      ctx,
    );
    await updateOrders(tx, ctx, [await getBatch(tx, merged.id)], sources);
  },
});

/** The planner hands a batch to the workshop: it appears on the production screen's list. */
export const releaseBatch = defineMutation({
  name: 'batch.release',
  action: 'batch.plan',
  args: z.object({ batchId: z.uuid() }).strict(),
  async run(tx, args, ctx) {
    const batch = await getBatch(tx, args.batchId);
    if (batch.state !== 'planned') throw new Refusal('stale-state', { state: batch.state });
    const next: BatchRecord = {
      ...batch,
      state: 'released',
      releasedAt: ctx.now,
      releasedBy: ctx.userId,
    };
    await tx.put('batch', next);
    await updateOrders(tx, ctx, [next]);
  },
});

export const RUN_STEPS = ['start', 'pause', 'resume', 'complete'] as const;
export type RunStep = (typeof RUN_STEPS)[number];

/**
 * The workshop runs a batch: start (released → running; a planned batch is released on the
 * way, as workshops start urgent batches before the office clicks), pause and resume, complete
 * (→ done). A batch on hold by quality cannot start or resume.
 */
export const runBatch = defineMutation({
  name: 'batch.run',
  action: 'batch.report',
  args: z.object({ batchId: z.uuid(), step: z.enum(RUN_STEPS) }).strict(),
  async run(tx, args, ctx) {
    const batch = await getBatch(tx, args.batchId);
    let next: BatchRecord;
    const held = batchOnHold(batch);
    switch (args.step) {
      case 'start':
        if (batch.state !== 'planned' && batch.state !== 'released') {
          throw new Refusal('stale-state', { state: batch.state });
        }
        if (held) throw new Refusal('on-hold', { batch: batch.number });
        next = { ...batch, state: 'running', paused: false, startedAt: ctx.now };
        break;
      case 'pause':
      case 'resume':
        if (batch.state !== 'running') throw new Refusal('stale-state', { state: batch.state });
        if (args.step === 'resume' && held) throw new Refusal('on-hold', { batch: batch.number });
        next = { ...batch, paused: args.step === 'pause' };
        break;
      case 'complete':
        if (batch.state !== 'running') throw new Refusal('stale-state', { state: batch.state });
        next = { ...batch, state: 'done', paused: false, doneAt: ctx.now };
        break;
    }
    await tx.put('batch', next);
    await updateOrders(tx, ctx, [next]);
  },
});

/**
 * Output of a running batch: good and scrap counts, added to the batch's totals. Each report is
 * its own entry (an id from the PC), so a correction is a new report with negative counts, and
 * a report pushed twice is counted once.
 */
export const reportOutput = defineMutation({
  name: 'batch.report',
  action: 'batch.report',
  args: z
    .object({
      batchId: z.uuid(),
      reportId: z.uuid(),
      good: z.number().int().min(-10_000_000).max(10_000_000),
      scrap: z.number().int().min(-10_000_000).max(10_000_000),
    })
    .strict()
    .refine((a) => a.good !== 0 || a.scrap !== 0, { message: 'nothing reported', path: ['good'] }),
  async run(tx, args, ctx) {
    const batch = await getBatch(tx, args.batchId);
    if (batch.state !== 'running') throw new Refusal('stale-state', { state: batch.state });
    const reports = batch.reports ?? [];
    if (reports.some((r) => r.id === args.reportId)) return;
    const good = (batch.good ?? 0) + args.good;
    const scrap = (batch.scrap ?? 0) + args.scrap;
    if (good < 0) throw new Refusal('invalid-args', { path: 'good', message: 'below zero' });
    if (scrap < 0) throw new Refusal('invalid-args', { path: 'scrap', message: 'below zero' });
    const report: OutputReport = {
      id: args.reportId,
      good: args.good,
      scrap: args.scrap,
      by: ctx.userId,
      ...(ctx.userName === undefined ? {} : { byName: ctx.userName }),
      at: ctx.now,
    };
    // The last 200 reports travel with the batch; the totals keep counting beyond them.
    const next: BatchRecord = { ...batch, good, scrap, reports: [...reports, report].slice(-200) };
    await tx.put('batch', next);
    await updateOrders(tx, ctx, [next]);
  },
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * A line's resources as planning keeps them: shifts with their headcount, working days,
 * holidays and maintenance windows. Each part given replaces that part.
 */
export const saveLineCalendar = defineMutation({
  name: 'line.calendar',
  action: 'line.edit',
  args: z
    .object({
      lineId: z.string().min(1).max(100),
      shifts: z
        .array(
          z
            .object({
              code: z.string().min(1).max(10),
              start: hhmm,
              hours: z.number().positive().max(24),
              headcount: z.number().int().nonnegative().max(10_000).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(6)
        .optional(),
      workingDays: z.array(z.number().int().min(0).max(6)).max(7).optional(),
      holidays: z.array(z.iso.date()).max(400).optional(),
      maintenance: z
        .array(
          z
            .object({
              id: z.string().min(1).max(100),
              start: iso,
              end: iso,
              note: z.string().max(200).optional(),
            })
            .strict()
            .refine((m) => m.end > m.start, { message: 'end must be after start', path: ['end'] }),
        )
        .max(200)
        .optional(),
      utcOffsetMinutes: z.number().int().min(-720).max(840).optional(),
    })
    .strict(),
  async run(tx, args, ctx) {
    const line = await tx.get('production-line', args.lineId);
    if (!line) throw new Refusal('not-found', { kind: 'production-line', id: args.lineId });
    const { lineId: _id, ...parts } = args;
    const calendar = { ...((line.calendar as Record<string, unknown> | undefined) ?? {}) };
    for (const [key, value] of Object.entries(parts))
      if (value !== undefined) calendar[key] = value;
    await tx.put('production-line', {
      ...line,
      calendar,
      calendarEditedBy: ctx.userId,
      calendarEditedAt: ctx.now,
    });
  },
});

/** Every planning mutation; the registry in src-shared/mutations.ts takes them from here. */
export const PLANNING_MUTATIONS = [
  planBatch,
  moveBatch,
  moveBatches,
  splitBatch,
  mergeBatches,
  releaseBatch,
  runBatch,
  reportOutput,
  saveLineCalendar,
];
