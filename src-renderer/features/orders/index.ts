/*
 * The orders module's face: the order list and drawer that the order desk and sales work in,
 * the feasibility queue of the departments that sign orders off, and the shell's alerts. Other
 * features import only this file, so what is not exported here can change without them.
 * The e2e page object is `orders.page.ts`: it runs in Playwright, not in the app build.
 */
export { FeasibilityQueue } from './feasibility-queue';
export { OrderAlerts } from './order-alerts';
export { OrdersWorkspace } from './orders-workspace';
export { localToday } from './use-order-detail';
export { useOrderMutate } from './use-order-mutate';
