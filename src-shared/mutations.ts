import { DOMAINS } from './domains';
import type { MutationDef } from './sync/mutation';

/**
 * Erases a definition's argument type for the registry: callers parse args with `def.args`
 * first, so the mutator only ever sees what its own schema produced.
 */
function erase(def: object): MutationDef<unknown> {
  return def as MutationDef<unknown>;
}

/**
 * Every mutation both sides know, by name, from each domain's declaration (domains.ts). A name
 * the server does not know is refused.
 */
export const MUTATIONS: ReadonlyMap<string, MutationDef<unknown>> = new Map(
  DOMAINS.flatMap((d) => d.mutations)
    .map(erase)
    .map((m) => [m.name, m]),
);
