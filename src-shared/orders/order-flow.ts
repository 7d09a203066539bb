import { Refusal, type MutationContext } from '../sync/mutation';
import type { OrderHistoryEntry, OrderRecord } from './order-record';
import { canTransition, type OrderState } from './order-state';

/**
 * The one owner of an order's state (issue 12). Every move — a person's decision in the
 * orders domain, or a fact another domain records (planning's batches, the warehouse's
 * shipments, a delivery) — goes through `moveOrder`, which checks the state machine and
 * writes the history entry. Other domains call the functions below; none sets `state`.
 */

/**
 * States that follow from facts, never from a bare request: a batch planned or started,
 * output done and final inspection passed, a shipment confirmed, a delivery recorded, the
 * order closed after it. `order.transition` refuses them (`needs-own-action`).
 */
export const FACT_STATES: Partial<Record<OrderState, string>> = {
  planned: 'batch.plan',
  in_production: 'batch.run',
  ready_to_ship: 'inspection.close-lot',
  partly_shipped: 'shipment.confirm',
  shipped: 'shipment.confirm',
  delivered: 'order.deliver',
  closed: 'order.close',
};

export interface MoveExtra {
  /** The PC's name as its user gave it; shown on the timeline, never trusted. */
  pc?: string | undefined;
  reason?: string | undefined;
}

export function historyEntry(
  from: OrderState | null,
  to: OrderState,
  ctx: MutationContext,
  extra: MoveExtra = {},
): OrderHistoryEntry {
  return {
    from,
    to,
    by: ctx.userId,
    ...(ctx.userName === undefined ? {} : { byName: ctx.userName }),
    clientId: ctx.clientId,
    ...(extra.pc === undefined ? {} : { pc: extra.pc }),
    clientTime: ctx.clientTime,
    at: ctx.now,
    ...(extra.reason === undefined ? {} : { reason: extra.reason }),
  };
}

/** Moves the order one step, or refuses with `illegal-transition`. */
export function moveOrder<T extends { state: OrderState; history?: unknown }>(
  order: T,
  to: OrderState,
  ctx: MutationContext,
  extra: MoveExtra = {},
): T {
  if (!canTransition(order.state, to)) {
    throw new Refusal('illegal-transition', { from: order.state, to });
  }
  const history = Array.isArray(order.history) ? (order.history as OrderHistoryEntry[]) : [];
  return { ...order, state: to, history: [...history, historyEntry(order.state, to, ctx, extra)] };
}

/** Moves the order along a path of states as far as the machine allows (facts that follow). */
export function followPath<T extends { state: OrderState; history?: unknown }>(
  order: T,
  path: readonly OrderState[],
  ctx: MutationContext,
): T {
  let next = order;
  for (const to of path) {
    if (!canTransition(next.state, to)) break;
    next = moveOrder(next, to, ctx);
  }
  return next;
}

/** Units of each model already shipped on the order, kept on the order by confirmations. */
export function shippedOf(order: object): Record<string, number> {
  const s = (order as { shipped?: unknown }).shipped;
  return s && typeof s === 'object' ? (s as Record<string, number>) : {};
}

/** Partly until every ordered unit of every model has left. */
export function shippedState(
  lines: readonly { model: string; quantity: number }[],
  shipped: Record<string, number>,
): 'partly_shipped' | 'shipped' {
  const ordered = new Map<string, number>();
  for (const l of lines) ordered.set(l.model, (ordered.get(l.model) ?? 0) + l.quantity);
  for (const [model, quantity] of ordered) {
    if ((shipped[model] ?? 0) < quantity) return 'partly_shipped';
  }
  return 'shipped';
}

/** A confirmed shipment's units leave: partly shipped, or shipped when nothing is left. */
export function recordShipment(
  order: OrderRecord,
  lines: readonly { model: string; quantity: number }[],
  ctx: MutationContext,
  reason: string,
): OrderRecord {
  const shipped = { ...shippedOf(order) };
  for (const line of lines) shipped[line.model] = (shipped[line.model] ?? 0) + line.quantity;
  const to = shippedState(order.lines ?? [], shipped);
  return { ...moveOrder(order, to, ctx, { reason }), shipped };
}
