import type { OrderState } from '../orders/order-state';
import type { StoredRecord } from '../sync/mutation';

/**
 * How an order's state follows its batches. The batches keep, on the order record under
 * `batchPlan`, what each of them covers and how far it got; from that alone the order moves
 * accepted → planned (every line covered), → in_production (a batch started), → ready_to_ship
 * (every batch done and passed final inspection, and the good output covers the order).
 */

export const BATCH_STATES = ['planned', 'released', 'running', 'done'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export interface OrderBatchEntry {
  /** Quantity the batch makes per order line (keyed by line id, else its index). */
  quantities: Record<string, number>;
  state: BatchState;
  good: number;
  /**
   * Final inspection let the batch ship (quality's release gate). Absent on entries written
   * before it was kept: those count as not released.
   */
  released?: boolean;
}

export interface OrderLike extends StoredRecord {
  state: OrderState;
  lines?: unknown;
  batchPlan?: Record<string, OrderBatchEntry>;
}

interface OrderLineLike {
  id?: string;
  quantity: number;
  model?: string;
}

/** Order lines as stored, read defensively (lines may gain ids; old rows have none). */
export function orderLinesOf(order: {
  lines?: unknown;
}): { key: string; quantity: number; model: string }[] {
  if (!Array.isArray(order.lines)) return [];
  return (order.lines as OrderLineLike[]).map((line, index) => ({
    key: typeof line.id === 'string' ? line.id : String(index),
    quantity: typeof line.quantity === 'number' ? line.quantity : 0,
    model: typeof line.model === 'string' ? line.model : '',
  }));
}

/** Per order line: ordered and planned quantity. */
export function coverage(order: OrderLike): { key: string; ordered: number; planned: number }[] {
  const entries = Object.values(order.batchPlan ?? {});
  return orderLinesOf(order).map((line) => ({
    key: line.key,
    ordered: line.quantity,
    planned: entries.reduce((sum, e) => sum + (e.quantities[line.key] ?? 0), 0),
  }));
}

/** The states the order passes through now, in order (empty when it stays). */
export function followStates(order: OrderLike): OrderState[] {
  const entries = Object.values(order.batchPlan ?? {});
  const lines = coverage(order);
  const covered = lines.length > 0 && lines.every((l) => l.planned >= l.ordered);
  const started = entries.some((e) => e.state === 'running' || e.state === 'done');
  const ordered = lines.reduce((sum, l) => sum + l.ordered, 0);
  const good = entries.reduce((sum, e) => sum + e.good, 0);
  // Ready to ship: every batch done, enough good output, and each batch through final
  // inspection (DESIGN.md section 6: only batches that passed final inspection can be packed).
  const produced =
    entries.length > 0 &&
    entries.every((e) => e.state === 'done' && e.released === true) &&
    good >= ordered;
  const path: OrderState[] = [];
  let state = order.state;
  if (state === 'accepted' && (covered || started)) path.push((state = 'planned'));
  if (state === 'planned' && started) path.push((state = 'in_production'));
  if (state === 'in_production' && produced) path.push('ready_to_ship');
  return path;
}

/** Orders a planner may put batches for. */
export const PLANNABLE_ORDER_STATES: readonly OrderState[] = [
  'accepted',
  'planned',
  'in_production',
];
