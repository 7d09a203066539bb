import type { z } from 'zod';
import type { Role } from '../roles';
import type { ScanQuery } from './record-index';

/**
 * The shared-mutator model (Replicache's): every user action is a named mutation whose code
 * runs twice — optimistically on the client's Dexie store, authoritatively on the server's SQL
 * store — against this one transaction interface. The mutator must be deterministic given the
 * store and the context: no clocks, no randomness except through `ctx`.
 */

/** A stored record: kind-specific fields plus the bookkeeping both stores keep. */
export interface StoredRecord {
  id: string;
  /** Server version the row was last confirmed at; 0 for rows only this client has. */
  _v?: number;
  /** Set on rows visible to one user only (notices). */
  _audience?: string;
  [field: string]: unknown;
}

/**
 * The record type of each kind, filled in by each domain in its `domain.ts` (a module
 * augmentation next to the schema it registers), so `tx.get('batch', id)` is a BatchRecord.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface RecordTypes {}
export type TypedKind = keyof RecordTypes;

export interface MutatorTx {
  /** A record by id, typed and checked against its domain's schema where one is registered. */
  get<K extends TypedKind>(kind: K, id: string): Promise<RecordTypes[K] | undefined>;
  get<T extends StoredRecord = StoredRecord>(kind: string, id: string): Promise<T | undefined>;
  /**
   * Records of a kind by a declared index (the kind's `indexes` in its domain.ts), in key
   * order, with this mutation's own writes so far taken into account. The same answer on the
   * PC's Dexie, the server's SQL and the test store.
   */
  scan<K extends TypedKind>(kind: K, query: ScanQuery): Promise<RecordTypes[K][]>;
  scan<T extends StoredRecord = StoredRecord>(kind: string, query: ScanQuery): Promise<T[]>;
  put(kind: string, record: StoredRecord): Promise<void>;
  del(kind: string, id: string): Promise<void>;
}

export interface MutationContext {
  userId: string;
  /** The user's display name, for records other people read (notices). */
  userName?: string;
  role: Role;
  clientId: string;
  /** The id of the mutation being run: a deterministic seed for ids the mutator makes. */
  mutationId: string;
  /** On the server: the global version this mutation's writes are stamped with. */
  version?: number;
  /** The PC's clock when the user acted (ISO 8601): recorded, never used for ordering. */
  clientTime: string;
  /** True on the server, whose run is authoritative. */
  authoritative: boolean;
  /** The server's clock on the server, the client's on the client (provisional). */
  now: string;
  /**
   * The next human document number of a series (e.g. 'SO'). The server gives the real one;
   * the client gives a provisional one, shown as not yet synced until the server's arrives.
   */
  nextNumber(series: string): Promise<{ number: string; provisional: boolean }>;
}

/** A business refusal: the mutation is recorded as rejected with this code, the queue moves on. */
export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'Refusal';
  }
}

/** Why the server (or the client, ahead of it) refuses a mutation; translated at the edge. */
export const REFUSAL_CODES = [
  'forbidden',
  'invalid-args',
  'unknown-mutation',
  'not-found',
  'already-exists',
  'conflicting-duplicate',
  'illegal-transition',
  'stale-state',
  'server-error',
  // orders (issue 5)
  'already-taken',
  'needs-own-action',
  'incomplete',
  'wrong-department',
  // quality (issue 7)
  'sampling-stopped',
  'lot-closed',
  'lot-incomplete',
  'actions-open',
  // planning (issue 6)
  'not-mergeable',
  'on-hold',
  // warehouse (issue 8)
  'wrong-order',
  'wrong-model',
  'already-scanned',
  'already-shipped',
  'over-quantity',
  'not-released',
  'shipment-confirmed',
  'scan-incomplete',
  // serial numbers at packing (issue 8)
  'serial-already-packed',
  // carriers and credit hold at confirmation (issue 8)
  'invalid-tracking-number',
  'carrier-unavailable',
  'customer-credit-hold',
  // typed records (issue 12): a stored record breaks what its domain promises other domains
  'corrupt-record',
  // planning authority (issue 12)
  'line-cannot-make',
  'batch-too-long',
  'not-on-order',
  'over-planned',
  // orders authority (issue 12)
  'review-failed',
  'forbidden-field',
  // warehouse authority (issue 12)
  'carton-spans-orders',
  'batch-not-done',
  'carrier-not-listed',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface MutationDef<A = unknown> {
  name: string;
  /** The permission-matrix action a role needs to run it (may depend on the arguments). */
  action: string | ((args: A) => string);
  args: z.ZodType<A>;
  run(tx: MutatorTx, args: A, ctx: MutationContext): Promise<void>;
}

/**
 * A mutation as its domain defines it, keeping its literal name and its argument schema in
 * the type, so the registry (domains.ts) can type every call site: a misspelt name or a wrong
 * argument is a compile error where `mutate` is called.
 */
export type TypedMutationDef<N extends string, S extends z.ZodType> = MutationDef<z.output<S>> & {
  readonly name: N;
  readonly args: S;
};

export function defineMutation<const N extends string, S extends z.ZodType>(def: {
  name: N;
  action: string | ((args: z.output<S>) => string);
  args: S;
  run(tx: MutatorTx, args: z.output<S>, ctx: MutationContext): Promise<void>;
}): TypedMutationDef<N, S> {
  return def as unknown as TypedMutationDef<N, S>;
}

export function actionOf<A>(def: MutationDef<A>, args: A): string {
  return typeof def.action === 'string' ? def.action : def.action(args);
}
