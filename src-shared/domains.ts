import type { z } from 'zod';
import { ORDERS_DOMAIN } from './orders/domain';
import { PLANNING_DOMAIN } from './planning/domain';
import { QUALITY_DOMAIN } from './quality/domain';
import type { DomainDef, KindDef } from './sync/domain';
import { NOTICES_DOMAIN } from './sync/notice-mutations';
import { parseIndex, type IndexDef } from './sync/record-index';
import { WAREHOUSE_DOMAIN } from './warehouse/domain';

/**
 * Every domain, in one list: a new department writes its own `domain.ts` and adds it here
 * (src-shared/README.md, "Adding a domain"). The mutation registry, the indexes the server
 * keeps and the record schemas are all read from this list.
 */
const DOMAIN_LIST = [
  ORDERS_DOMAIN,
  PLANNING_DOMAIN,
  QUALITY_DOMAIN,
  WAREHOUSE_DOMAIN,
  NOTICES_DOMAIN,
] as const;

export const DOMAINS: readonly DomainDef[] = DOMAIN_LIST;

/** Every registered mutation definition, as a union of their own types. */
export type RegisteredMutation = (typeof DOMAIN_LIST)[number]['mutations'][number];
/** The name of a mutation some domain registers. */
export type MutationName = RegisteredMutation['name'];
/** What a caller passes to mutation N (its schema's input: defaults may be left out). */
export type MutationArgs<N extends MutationName> = z.input<
  Extract<RegisteredMutation, { name: N }>['args']
>;

function collectKinds(): ReadonlyMap<string, KindDef & { domain: string }> {
  const kinds = new Map<string, KindDef & { domain: string }>();
  for (const d of DOMAINS) {
    for (const [kind, def] of Object.entries(d.kinds)) {
      const owner = kinds.get(kind);
      if (owner)
        throw new Error(`record kind ${kind} is declared by ${owner.domain} and ${d.name}`);
      kinds.set(kind, { ...def, domain: d.name });
    }
  }
  return kinds;
}

/** Each record kind a domain owns, with its indexes and schema. */
export const RECORD_KIND_DEFS = collectKinds();

/** The domain each mutation belongs to, by mutation name. */
export const DOMAIN_OF_MUTATION: ReadonlyMap<string, string> = new Map(
  DOMAINS.flatMap((d) => d.mutations.map((m) => [m.name, d.name] as const)),
);

/** The scannable indexes of each kind, parsed. */
export const SCAN_INDEXES: ReadonlyMap<string, ReadonlyMap<string, IndexDef>> = new Map(
  [...RECORD_KIND_DEFS].map(([kind, def]) => [
    kind,
    new Map(def.indexes.map((name) => [name, parseIndex(name)])),
  ]),
);

/**
 * Where a record breaks what its domain promises other domains about it (its kind's schema),
 * or null when it keeps it or its kind registers no schema.
 */
export function recordProblem(kind: string, record: unknown, readerDomain?: string): string | null {
  const def = RECORD_KIND_DEFS.get(kind);
  // The promise is to other domains: a domain reading its own records knows their shape, and
  // the warehouse summing thousands of its own cartons should not check each one.
  if (!def?.schema || def.domain === readerDomain) return null;
  const schema = def.schema;
  const parsed = schema.safeParse(record);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue ? issue.path.join('.') || '(record)' : '(record)';
}

export class UndeclaredIndexError extends Error {
  override name = 'UndeclaredIndexError';
}

/** The index a scan names; a scan of an index nobody declared is a bug, not a refusal. */
export function indexDefOf(kind: string, index: string): IndexDef {
  const def = SCAN_INDEXES.get(kind)?.get(index);
  if (!def) throw new UndeclaredIndexError(`no index ${index} declared on ${kind}`);
  return def;
}
