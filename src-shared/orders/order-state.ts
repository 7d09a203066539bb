/**
 * The order state machine of DESIGN.md section 6. The server checks every transition against
 * it (a refused one comes back to the user with `illegal-transition`), the client checks it
 * first to grey out what cannot be done, and the sync simulation checks every stored history
 * against it.
 */

export const ORDER_STATES = [
  'received',
  'under_review',
  'needs_clarification',
  'reviewed',
  'sales_confirmed',
  'in_feasibility',
  'accepted',
  'rejected',
  'planned',
  'in_production',
  'ready_to_ship',
  'partly_shipped',
  'shipped',
  'delivered',
  'closed',
  'cancelled',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** Cancellation is allowed while nothing has been committed to production. */
const CANCELLABLE: readonly OrderState[] = [
  'received',
  'under_review',
  'needs_clarification',
  'reviewed',
  'sales_confirmed',
  'in_feasibility',
];

const NEXT: Record<OrderState, readonly OrderState[]> = {
  received: ['under_review'],
  under_review: ['needs_clarification', 'reviewed'],
  needs_clarification: ['under_review'],
  // Sales may send a reviewed order back to the order desk.
  reviewed: ['sales_confirmed', 'under_review'],
  sales_confirmed: ['in_feasibility'],
  in_feasibility: ['accepted', 'rejected'],
  accepted: ['planned'],
  rejected: ['closed'],
  planned: ['in_production'],
  in_production: ['ready_to_ship'],
  ready_to_ship: ['partly_shipped', 'shipped'],
  partly_shipped: ['partly_shipped', 'shipped'],
  shipped: ['delivered'],
  delivered: ['closed'],
  closed: [],
  cancelled: [],
};

/** The permission-matrix action a transition into each state needs. */
export const TRANSITION_ACTION: Record<OrderState, string> = {
  received: 'order.create',
  under_review: 'order.review',
  needs_clarification: 'order.review',
  reviewed: 'order.review',
  sales_confirmed: 'order.confirm',
  in_feasibility: 'order.confirm',
  accepted: 'feasibility.sign',
  rejected: 'feasibility.sign',
  planned: 'batch.plan',
  in_production: 'batch.report',
  ready_to_ship: 'batch.report',
  partly_shipped: 'shipment.confirm',
  shipped: 'shipment.confirm',
  delivered: 'shipment.confirm',
  closed: 'order.confirm',
  cancelled: 'order.cancel',
};

export function canTransition(from: OrderState, to: OrderState): boolean {
  if (to === 'cancelled') return CANCELLABLE.includes(from);
  return NEXT[from].includes(to);
}

export function nextStates(from: OrderState): OrderState[] {
  const next = [...NEXT[from]];
  if (CANCELLABLE.includes(from)) next.push('cancelled');
  return next;
}

/** True when `states` (oldest first) is a path the machine allows, starting at 'received'. */
export function isLegalPath(states: readonly OrderState[]): boolean {
  if (states[0] !== 'received') return false;
  for (let i = 1; i < states.length; i++) {
    if (!canTransition(states[i - 1] as OrderState, states[i] as OrderState)) return false;
  }
  return true;
}
