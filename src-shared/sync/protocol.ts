import { z } from 'zod';

/**
 * Wire format of DESIGN.md section 4. The server validates every body with these schemas and
 * refuses a push whole when any part fails, so a half-valid batch never lands.
 */

/** Dexie schema version of the client; the server refuses clients older than it can serve. */
export const CLIENT_SCHEMA_VERSION = 3;
export const MIN_CLIENT_SCHEMA_VERSION = 1;

/**
 * Record kinds newer than schema 1, by the client schema that brought their tables. A client
 * not yet updated has nowhere to store them, so its pull leaves them out (and its schema
 * upgrade pulls again from zero to fetch what it skipped); a PC that cannot update at once
 * keeps syncing everything else meanwhile.
 */
export const KIND_SINCE_SCHEMA: Readonly<Record<string, number>> = {
  'inspection-lot': 2,
  'sampling-state': 2,
  'packing-spec': 3,
  carrier: 3,
  serial: 3,
};

/** Whether a client at `schemaVersion` can store records of `kind`. */
export function clientStoresKind(kind: string, schemaVersion: number): boolean {
  return (KIND_SINCE_SCHEMA[kind] ?? 1) <= schemaVersion;
}

export const MAX_PUSH_MUTATIONS = 500;
export const DEFAULT_PULL_PAGE = 2000;

export const pushedMutation = z
  .object({
    seq: z.number().int().positive(),
    mutationId: z.uuid(),
    name: z.string().min(1).max(100),
    args: z.unknown(),
    clientTime: z.iso.datetime({ offset: true }),
  })
  .strict();
export type PushedMutation = z.infer<typeof pushedMutation>;

export const pushRequest = z
  .object({
    clientId: z.uuid(),
    schemaVersion: z.number().int().positive(),
    mutations: z.array(pushedMutation).min(1).max(MAX_PUSH_MUTATIONS),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequest>;

export const mutationResult = z.object({
  seq: z.number().int(),
  status: z.enum(['applied', 'rejected']),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Server version the change was stamped with (applied) or seen at (rejected). */
  version: z.number().int(),
});
export type MutationResult = z.infer<typeof mutationResult>;

export const pushResponse = z.object({
  /** Results in order, for the mutations processed now or answered from the stored result. */
  results: z.array(mutationResult),
  lastSeq: z.number().int(),
  /** Set when processing stopped early: a gap in seq, or a transient server error. */
  stopped: z.enum(['gap', 'transient']).optional(),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const pullRequest = z
  .object({
    clientId: z.uuid(),
    schemaVersion: z.number().int().positive(),
    /** Server version the client's data is at; 0 for a fresh client. */
    cursor: z.number().int().nonnegative(),
    /** The server epoch the cursor belongs to; null for a fresh client. */
    epoch: z.string().nullable(),
    /** The highest seq of this client whose result the client has already taken. */
    ackedSeq: z.number().int().nonnegative(),
    limit: z.number().int().positive().max(10_000).optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequest>;

export const recordChange = z.object({
  kind: z.string(),
  id: z.string(),
  version: z.number().int(),
  /** null: the row was deleted or left this user's view. */
  body: z.record(z.string(), z.unknown()).nullable(),
});
export type RecordChange = z.infer<typeof recordChange>;

export const pullResponse = z.object({
  epoch: z.string(),
  /** True when the client's epoch or cursor does not belong to this server: drop local data first. */
  reset: z.boolean(),
  changes: z.array(recordChange),
  cursor: z.number().int(),
  lastAckedSeq: z.number().int(),
  /** Rejected mutations of this client with seq in (ackedSeq, lastAckedSeq]. */
  rejections: z.array(mutationResult),
  hasMore: z.boolean(),
  /** Rows still to come after this page, for a progress bar. */
  remaining: z.number().int(),
});
export type PullResponse = z.infer<typeof pullResponse>;
