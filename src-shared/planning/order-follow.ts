import { followPath } from '../orders/order-flow';
import { releaseGate } from '../quality/release-gate';
import { Refusal, type MutationContext, type MutatorTx } from '../sync/mutation';
import { followStates, type OrderLike } from './order-progress';
import type { BatchRecord } from './batch-mutations';

/**
 * Writes each touched batch's share onto its orders and lets the orders follow, through the
 * orders domain's `followPath` (one history entry per step, written there). Planning calls it
 * when batches are planned, split, merged, released, run or reported; quality when a batch's
 * final inspection decides whether it may ship. `removed` are batches merged away.
 */
export async function followBatches(
  tx: MutatorTx,
  ctx: MutationContext,
  batches: readonly BatchRecord[],
  removed: readonly BatchRecord[] = [],
): Promise<void> {
  const orderIds = new Set<string>();
  for (const b of [...batches, ...removed])
    for (const l of b.orderLines ?? []) orderIds.add(l.orderId);
  for (const orderId of orderIds) {
    const order = await tx.get<OrderLike>('order', orderId);
    // The optimistic run on a PC that has not pulled the order (or may not read it): the
    // server's run decides.
    if (!order) {
      if (ctx.authoritative) throw new Refusal('not-found', { kind: 'order', id: orderId });
      continue;
    }
    const plan = { ...(order.batchPlan ?? {}) };
    for (const b of removed) delete plan[b.id];
    for (const b of batches) {
      const links = (b.orderLines ?? []).filter((l) => l.orderId === orderId);
      if (links.length === 0) {
        delete plan[b.id];
        continue;
      }
      const quantities: Record<string, number> = {};
      for (const l of links) quantities[l.lineKey] = (quantities[l.lineKey] ?? 0) + l.quantity;
      // Good output counts for the order in proportion to what the batch makes for it.
      const share = links.reduce((s, l) => s + l.quantity, 0) / Math.max(1, b.quantity);
      plan[b.id] = {
        quantities,
        state: b.state,
        good: Math.floor((b.good ?? 0) * Math.min(1, share)),
        released: releaseGate(b).allowed,
      };
    }
    const next: OrderLike = { ...order, batchPlan: plan };
    await tx.put('order', followPath(next, followStates(next), ctx));
  }
}
