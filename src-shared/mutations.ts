import { ORDER_MUTATIONS } from './orders/order-mutations';
import { PLANNING_MUTATIONS } from './planning/batch-mutations';
import { QUALITY_MUTATIONS } from './quality/inspection-mutations';
import type { MutationDef } from './sync/mutation';
import { NOTICE_MUTATIONS } from './sync/notice-mutations';
import { WAREHOUSE_MUTATIONS } from './warehouse/shipment-mutations';

/**
 * Erases a definition's argument type for the registry: callers parse args with `def.args`
 * first, so the mutator only ever sees what its own schema produced.
 */
function erase(def: object): MutationDef<unknown> {
  return def as MutationDef<unknown>;
}

/**
 * Every mutation both sides know, by name; each domain lists its own. A name the server does
 * not know is refused.
 */
export const MUTATIONS: ReadonlyMap<string, MutationDef<unknown>> = new Map(
  [
    ...ORDER_MUTATIONS,
    ...PLANNING_MUTATIONS,
    ...QUALITY_MUTATIONS,
    ...NOTICE_MUTATIONS,
    ...WAREHOUSE_MUTATIONS,
  ]
    .map(erase)
    .map((m) => [m.name, m]),
);
