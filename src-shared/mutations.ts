import { createOrder, logClarification, transitionOrder } from './orders/order-mutations';
import { moveBatch, planBatch } from './planning/batch-mutations';
import { recordInspection } from './quality/inspection-mutations';
import type { MutationDef } from './sync/mutation';
import { dismissNotice } from './sync/notice-mutations';

/**
 * Erases a definition's argument type for the registry: callers parse args with `def.args`
 * first, so the mutator only ever sees what its own schema produced.
 */
function erase<A>(def: MutationDef<A>): MutationDef<unknown> {
  return def as unknown as MutationDef<unknown>;
}

/** Every mutation both sides know, by name. A name the server does not know is refused. */
export const MUTATIONS: ReadonlyMap<string, MutationDef<unknown>> = new Map(
  [
    erase(createOrder),
    erase(transitionOrder),
    erase(logClarification),
    erase(planBatch),
    erase(moveBatch),
    erase(recordInspection),
    erase(dismissNotice),
  ].map((m) => [m.name, m]),
);
