import type { z } from 'zod';
import type { MutationDef } from './mutation';

/**
 * What a domain (orders, planning, quality, warehouse, …) brings to the shared core, declared
 * once in its own `domain.ts` and collected by `src-shared/domains.ts`: its mutations and the
 * record kinds it owns, each with the indexes mutators may scan and the schema other domains
 * read it through.
 */
export interface KindDef {
  /** Index names in Dexie's syntax (`field`, `a.b`, `[a+b]`, `*field`); see record-index.ts. */
  indexes: readonly string[];
  /**
   * The fields other domains rely on, validated when a mutator reads the record with
   * `tx.get`/`tx.scan` (loose: the owner may keep more fields than it promises others).
   */
  schema?: z.ZodType;
}

export interface DomainDef {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each mutation has its own args type
  mutations: readonly MutationDef<any>[];
  kinds: Readonly<Record<string, KindDef>>;
}

export function defineDomain<const D extends DomainDef>(domain: D): D {
  return domain;
}
