import { z } from 'zod';
import { insertOnce } from '../sync/append-only';
import { defineMutation, Refusal, type MutatorTx } from '../sync/mutation';
import { CATALOG_MUTATIONS, type CustomerRecord } from './catalog';
import {
  canSignFor,
  FEASIBILITY_DECISIONS,
  FEASIBILITY_DEPARTMENTS,
  feasibilityOutcome,
  REFUSAL_REASONS,
  reviewId,
  statusOf,
  type FeasibilityReviewRecord,
  type SignOff,
} from './feasibility';
import {
  checkSummaryArgs,
  contactArgs,
  modelsOf,
  ORDER_CHANNELS,
  orderLineArgs,
  pcArg,
  type ClarificationRecord,
  type OrderRecord,
} from './order-record';
import { FACT_STATES, historyEntry, moveOrder } from './order-flow';
import { ORDER_STATES, TRANSITION_ACTION, type OrderState } from './order-state';
import { summarize } from './review-checks';
import { failedParams, runReviewChecks, runStandingChecks, sameChecks } from './review-context';

export { ORDER_CHANNELS, orderLineArgs } from './order-record';
export type { OrderHistoryEntry, OrderRecord } from './order-record';

/**
 * The order mutations from intake to acceptance (issue 5). Each runs optimistically on the PC
 * and authoritatively on the server; every state change goes through the machine of
 * order-state.ts and leaves a history entry (who, when, which PC) for the timeline.
 */

/** Series of the intake number an order gets when taken; sales confirmation gives 'SO'. */
export const INTAKE_SERIES = 'RQ';
export const SALES_ORDER_SERIES = 'SO';

/**
 * States that only their own mutation may enter, because entering them does more than move
 * the state: the review keeps its checks, confirmation numbers the order and asks the three
 * departments, and feasibility decides acceptance from the sign-offs.
 */
export const OWN_MUTATION: Partial<Record<OrderState, string>> = {
  reviewed: 'order.review',
  sales_confirmed: 'order.confirm',
  in_feasibility: 'order.confirm',
  accepted: 'feasibility.sign',
  rejected: 'feasibility.sign',
};

const entry = historyEntry;

async function getOrder(tx: MutatorTx, id: string): Promise<OrderRecord> {
  const order = await tx.get<OrderRecord>('order', id);
  if (!order) throw new Refusal('not-found', { kind: 'order', id });
  return order;
}

const move = moveOrder;

/**
 * Refuses an order whose checks fail where it stands now: what it is made of, against the
 * catalog and customer list as they are, and the review it passed. A review stored before the
 * server ran the checks itself may hold a failure the reviewer waved through; it does not
 * get further either.
 */
async function refuseFailedChecks(tx: MutatorTx, order: OrderRecord): Promise<void> {
  const standing = await runStandingChecks(tx, order);
  if (standing.some((r) => r.status === 'fail')) {
    throw new Refusal('review-failed', failedParams(standing));
  }
  const stored = (order.review?.checks ?? []).filter((c) => c.status === 'fail');
  if (stored.length > 0) {
    throw new Refusal('review-failed', {
      checks: stored.map((c) => c.check).join(','),
      findings: [...new Set(stored.flatMap((c) => c.findings))].join(','),
    });
  }
}

/** An order and a note on why: confirming, closing. */
const orderNoteArgs = z
  .object({ orderId: z.uuid(), note: z.string().trim().max(2000).optional(), pc: pcArg })
  .strict();

export const createOrder = defineMutation({
  name: 'order.create',
  action: 'order.create',
  args: z
    .object({
      id: z.uuid(),
      customerId: z.string().min(1).max(100),
      channel: z.enum(ORDER_CHANNELS),
      contact: contactArgs.optional(),
      lines: z.array(orderLineArgs).min(1).max(500),
      requestedDate: z.iso.date().optional(),
      deliveryPlace: z.string().trim().max(500).optional(),
      customerRef: z.string().trim().max(100).optional(),
      notes: z.string().max(5000).optional(),
      pc: pcArg,
    })
    .strict(),
  async run(tx, args, ctx) {
    if (await tx.get('order', args.id)) throw new Refusal('already-exists', { id: args.id });
    // A customer the list does not have yet is not refused: the review says so, and the
    // order desk adds the customer then (a portal or a phone call may come first).
    const customer = await tx.get<CustomerRecord>('customer', args.customerId);
    const { number, provisional } = await ctx.nextNumber(INTAKE_SERIES);
    const { pc, ...fields } = args;
    const order: OrderRecord = {
      ...fields,
      ...(customer ? { customerCode: customer.code, customerName: customer.name } : {}),
      models: modelsOf(args.lines),
      number,
      numberProvisional: provisional,
      state: 'received',
      history: [entry(null, 'received', ctx, { pc })],
      createdBy: ctx.userId,
      createdAt: ctx.now,
    };
    await tx.put('order', order);
  },
});

/**
 * Someone on the order desk takes a new order into review; a portal order alerts every desk
 * until this happens. Two people taking the same order at once: the first to reach the
 * server has it, the second is told who.
 */
export const takeOrder = defineMutation({
  name: 'order.take',
  action: 'order.review',
  args: z.object({ orderId: z.uuid(), pc: pcArg }).strict(),
  async run(tx, args, ctx) {
    const order = await getOrder(tx, args.orderId);
    if (order.takenBy && order.takenBy !== ctx.userId) {
      throw new Refusal('already-taken', { by: order.takenByName ?? order.takenBy });
    }
    const moved = order.state === 'received' ? move(order, 'under_review', ctx, args) : order;
    await tx.put('order', {
      ...moved,
      takenBy: ctx.userId,
      ...(ctx.userName === undefined ? {} : { takenByName: ctx.userName }),
      takenAt: ctx.now,
    });
  },
});

/**
 * The plain moves a person decides: review back and forth, clarification, cancelling. States
 * entered by their own mutation (OWN_MUTATION) or by facts (order-flow.ts FACT_STATES) are
 * refused here, so no department can ship or plan an order by saying so.
 */
export const transitionOrder = defineMutation({
  name: 'order.transition',
  action: (args) => TRANSITION_ACTION[args.to],
  args: z
    .object({
      orderId: z.uuid(),
      to: z.enum(ORDER_STATES),
      reason: z.string().max(2000).optional(),
      pc: pcArg,
    })
    .strict(),
  async run(tx, args, ctx) {
    const order = await getOrder(tx, args.orderId);
    // Only what a person decides directly moves by request; the rest follows from its facts.
    const own = OWN_MUTATION[args.to] ?? FACT_STATES[args.to];
    if (own) throw new Refusal('needs-own-action', { to: args.to, mutation: own });
    if (args.to === 'cancelled' && !args.reason?.trim()) {
      throw new Refusal('invalid-args', { path: 'reason', message: 'a cancellation says why' });
    }
    const moved = move(order, args.to, ctx, args);
    // Taking the order into review is taking it, whichever button did it.
    const taken =
      args.to === 'under_review' && !order.takenBy
        ? {
            takenBy: ctx.userId,
            ...(ctx.userName === undefined ? {} : { takenByName: ctx.userName }),
            takenAt: ctx.now,
          }
        : {};
    await tx.put('order', { ...moved, ...taken });
  },
});

/**
 * The clarification log: each exchange with the customer (who, when, channel, what was asked
 * and what was answered) is an append-only record. `hold` parks the order in
 * needs_clarification until the answer; `resume` takes it back into review.
 */
export const logClarification = defineMutation({
  name: 'order.clarify',
  action: 'order.clarify',
  args: z
    .object({
      id: z.uuid(),
      orderId: z.uuid(),
      channel: z.enum(ORDER_CHANNELS),
      contact: z.string().trim().max(100).optional(),
      question: z.string().trim().min(1).max(5000).optional(),
      answer: z.string().trim().min(1).max(5000).optional(),
      answerTo: z.uuid().optional(),
      hold: z.boolean().optional(),
      resume: z.boolean().optional(),
      pc: pcArg,
    })
    .strict()
    .refine((a) => a.question !== undefined || (a.answerTo !== undefined && a.answer), {
      message: 'a new exchange says what was asked; a later answer names its question',
      path: ['question'],
    })
    .refine((a) => !(a.hold && a.resume), { message: 'hold or resume, not both', path: ['hold'] }),
  async run(tx, args, ctx) {
    let order = await getOrder(tx, args.orderId);
    if (args.answerTo) {
      const asked = await tx.get<ClarificationRecord>('clarification', args.answerTo);
      if (!asked || asked.orderId !== args.orderId) {
        throw new Refusal('not-found', { kind: 'clarification', id: args.answerTo });
      }
    }
    const { hold, resume, ...fields } = args;
    const record: ClarificationRecord = {
      ...fields,
      by: ctx.userId,
      ...(ctx.userName === undefined ? {} : { byName: ctx.userName }),
      clientId: ctx.clientId,
      clientTime: ctx.clientTime,
    };
    await insertOnce(tx, 'clarification', record);
    if (hold) order = move(order, 'needs_clarification', ctx, args);
    if (resume) order = move(order, 'under_review', ctx, args);
    if (hold || resume) await tx.put('order', order);
  },
});

/**
 * The reviewer marks the order reviewed. The checks are run here, against the store's own
 * catalog, customer list and order book (on the server: the server's), and kept as found; what
 * the PC showed the reviewer is kept beside as `pcChecks` only when it differs. A failed check
 * stops the review (an incomplete order with its own code); warnings pass and stay on record,
 * since the checks advise there and the reviewer decides.
 */
export const reviewOrderMutation = defineMutation({
  name: 'order.review',
  action: 'order.review',
  args: z
    .object({
      orderId: z.uuid(),
      checks: z.array(checkSummaryArgs).max(10),
      note: z.string().trim().max(2000).optional(),
      pc: pcArg,
    })
    .strict(),
  async run(tx, args, ctx) {
    const order = await getOrder(tx, args.orderId);
    const results = await runReviewChecks(tx, order, ctx);
    const completeness = results.find((r) => r.check === 'completeness');
    if (completeness?.status === 'fail') {
      throw new Refusal('incomplete', {
        findings: completeness.findings.map((f) => f.code).join(','),
      });
    }
    if (results.some((r) => r.status === 'fail')) {
      throw new Refusal('review-failed', failedParams(results));
    }
    const checks = summarize(results);
    const moved = move(order, 'reviewed', ctx, { pc: args.pc, reason: args.note });
    await tx.put('order', {
      ...moved,
      review: {
        by: ctx.userId,
        ...(ctx.userName === undefined ? {} : { byName: ctx.userName }),
        at: ctx.now,
        checks,
        ...(sameChecks(checks, args.checks) ? {} : { pcChecks: args.checks }),
        ...(args.note ? { note: args.note } : {}),
      },
    });
  },
});

/**
 * Sales confirms a reviewed order into the system of record: it gets its sales-order number
 * from the server, and production, procurement and logistics are each asked for their
 * sign-off at once (a pending review in each department's queue is their notice).
 */
export const confirmOrder = defineMutation({
  name: 'order.confirm',
  action: 'order.confirm',
  args: orderNoteArgs,
  async run(tx, args, ctx) {
    const order = await getOrder(tx, args.orderId);
    const confirmed = move(order, 'sales_confirmed', ctx, { pc: args.pc, reason: args.note });
    const inFeasibility = move(confirmed, 'in_feasibility', ctx, { pc: args.pc });
    await refuseFailedChecks(tx, order);
    const { number, provisional } = await ctx.nextNumber(SALES_ORDER_SERIES);
    await tx.put('order', {
      ...inFeasibility,
      intakeNumber: order.number,
      number,
      numberProvisional: provisional,
      confirmedBy: ctx.userId,
      ...(ctx.userName === undefined ? {} : { confirmedByName: ctx.userName }),
      confirmedAt: ctx.now,
    });
    for (const department of FEASIBILITY_DEPARTMENTS) {
      const review: FeasibilityReviewRecord = {
        id: reviewId(order.id, department),
        orderId: order.id,
        department,
        status: 'pending',
        requestedAt: ctx.now,
        log: [],
      };
      await tx.put('feasibility-review', review);
    }
  },
});

/**
 * One department's sign-off. It may change its mind while the order is still in feasibility;
 * the sign-off that completes the three decides the order: accepted for the latest proposed
 * date, or rejected with every refusing department's reasons.
 */
export const signFeasibility = defineMutation({
  name: 'feasibility.sign',
  action: 'feasibility.sign',
  args: z
    .object({
      orderId: z.uuid(),
      department: z.enum(FEASIBILITY_DEPARTMENTS),
      decision: z.enum(FEASIBILITY_DECISIONS),
      proposedDate: z.iso.date().optional(),
      reasons: z.array(z.enum(REFUSAL_REASONS)).max(REFUSAL_REASONS.length).optional(),
      comment: z.string().trim().max(2000).optional(),
      pc: pcArg,
    })
    .strict()
    .refine((a) => (a.decision === 'approve-later') === (a.proposedDate !== undefined), {
      message: 'a later date comes with approve-later, and only with it',
      path: ['proposedDate'],
    })
    .refine((a) => a.decision !== 'refuse' || (a.reasons?.length ?? 0) > 0, {
      message: 'a refusal gives at least one reason',
      path: ['reasons'],
    })
    .refine((a) => a.decision !== 'refuse' || !!a.comment, {
      message: 'a refusal explains itself',
      path: ['comment'],
    }),
  async run(tx, args, ctx) {
    if (!canSignFor(ctx.role, args.department)) {
      throw new Refusal('wrong-department', { department: args.department });
    }
    const order = await getOrder(tx, args.orderId);
    if (order.state !== 'in_feasibility') {
      throw new Refusal('stale-state', { state: order.state });
    }
    if (args.proposedDate && order.requestedDate && args.proposedDate <= order.requestedDate) {
      throw new Refusal('invalid-args', {
        path: 'proposedDate',
        message: 'a later date is after the requested one',
      });
    }
    const reviews = await Promise.all(
      FEASIBILITY_DEPARTMENTS.map((d) =>
        tx.get<FeasibilityReviewRecord>('feasibility-review', reviewId(order.id, d)),
      ),
    );
    const mine = reviews[FEASIBILITY_DEPARTMENTS.indexOf(args.department)];
    if (!mine) throw new Refusal('not-found', { kind: 'feasibility-review', id: order.id });
    const signOff: SignOff = {
      decision: args.decision,
      ...(args.proposedDate ? { proposedDate: args.proposedDate } : {}),
      ...(args.reasons?.length ? { reasons: args.reasons } : {}),
      ...(args.comment ? { comment: args.comment } : {}),
      by: ctx.userId,
      ...(ctx.userName === undefined ? {} : { byName: ctx.userName }),
      clientId: ctx.clientId,
      ...(args.pc === undefined ? {} : { pc: args.pc }),
      clientTime: ctx.clientTime,
      at: ctx.now,
    };
    const signed: FeasibilityReviewRecord = {
      ...mine,
      status: statusOf(args.decision),
      current: signOff,
      log: [...mine.log, signOff],
    };
    await tx.put('feasibility-review', signed);

    const all = reviews.map((r) => (r?.department === args.department ? signed : r));
    const outcome = feasibilityOutcome(
      all.filter((r): r is FeasibilityReviewRecord => r !== undefined),
      order.requestedDate,
    );
    if (outcome.kind === 'accepted') {
      // Acceptance promises the goods: not for a model the catalog no longer sells.
      await refuseFailedChecks(tx, order);
      const accepted = move(order, 'accepted', ctx, { pc: args.pc });
      await tx.put('order', {
        ...accepted,
        ...(outcome.promisedDate ? { promisedDate: outcome.promisedDate } : {}),
      });
    } else if (outcome.kind === 'rejected') {
      const rejected = move(order, 'rejected', ctx, { pc: args.pc });
      await tx.put('order', { ...rejected, rejection: { reasons: outcome.reasons } });
    }
  },
});

/** A day's difference either way: the plant's calendar day may differ from UTC's. */
const DAY_MS = 86_400_000;

/**
 * A delivery happens after the goods left and not in the future. The dates are judged against
 * the order's own shipment record and the running side's clock (the server's, on the server),
 * with a day's slack for the plant's time zone.
 */
export function deliveryDateProblem(
  deliveredOn: string,
  order: Pick<OrderRecord, 'history'>,
  now: string,
): string | null {
  const day = Date.parse(`${deliveredOn}T00:00:00Z`);
  if (day > Date.parse(now) + DAY_MS) return 'a delivery date in the future';
  const shippedAt = order.history
    .filter((h) => h.to === 'shipped' || h.to === 'partly_shipped')
    .map((h) => Date.parse(h.at))
    .reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  if (day + 2 * DAY_MS <= shippedAt) return 'a delivery date before the goods were shipped';
  return null;
}

/**
 * The customer has the goods: logistics records the delivery (date, who received it, the
 * proof-of-delivery note) once everything has shipped.
 */
export const deliverOrder = defineMutation({
  name: 'order.deliver',
  action: 'shipment.confirm',
  args: z
    .object({
      orderId: z.uuid(),
      deliveredOn: z.iso.date(),
      receivedBy: z.string().trim().min(1).max(100).optional(),
      note: z.string().trim().max(2000).optional(),
      pc: pcArg,
    })
    .strict(),
  async run(tx, args, ctx) {
    const order = await getOrder(tx, args.orderId);
    const delivered = move(order, 'delivered', ctx, { pc: args.pc, reason: args.note });
    const problem = deliveryDateProblem(args.deliveredOn, order, ctx.now);
    if (problem) throw new Refusal('invalid-args', { path: 'deliveredOn', message: problem });
    await tx.put('order', {
      ...delivered,
      delivery: {
        deliveredOn: args.deliveredOn,
        ...(args.receivedBy ? { receivedBy: args.receivedBy } : {}),
        ...(args.note ? { note: args.note } : {}),
        recordedBy: ctx.userId,
        recordedAt: ctx.now,
      },
    });
  },
});

/** Sales closes an order that was delivered, or one that feasibility rejected. */
export const closeOrder = defineMutation({
  name: 'order.close',
  action: 'order.confirm',
  args: orderNoteArgs,
  async run(tx, args, ctx) {
    const order = await getOrder(tx, args.orderId);
    const closed = move(order, 'closed', ctx, { pc: args.pc, reason: args.note });
    await tx.put('order', { ...closed, closedBy: ctx.userId, closedAt: ctx.now });
  },
});

/** Every order mutation; the registry in src-shared/mutations.ts takes them from here. */
export const ORDER_MUTATIONS = [
  createOrder,
  takeOrder,
  transitionOrder,
  logClarification,
  reviewOrderMutation,
  confirmOrder,
  signFeasibility,
  deliverOrder,
  closeOrder,
  ...CATALOG_MUTATIONS,
];
