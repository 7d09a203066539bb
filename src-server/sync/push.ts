import { sql, type Transaction } from 'kysely';
import type { Role } from '../../src-shared/roles';
import type { MutationContext } from '../../src-shared/sync/mutation';
import type { MutationResult, PushRequest, PushResponse } from '../../src-shared/sync/protocol';
import { BufferedTx, runMutation, type RunOutcome } from '../../src-shared/sync/run-mutation';
import { appendAudit } from '../audit/audit-log';
import { engineOf, type Db } from '../db/database';
import type { Schema } from '../db/schema';
import { nextDocumentNumber } from './document-numbers';
import { queueMailFor } from '../mail/mail-queue';
import { scanRecords } from './record-index-store';
import { readRecord, writeRecords } from './record-store';

export interface SyncUser {
  id: string;
  role: Role;
  displayName?: string;
}

/** A database failure while a mutator ran: transient, so the mutation is retried, not refused. */
class StoreError extends Error {
  constructor(override readonly cause: unknown) {
    super('store error');
  }
}

export class ClientNotOwned extends Error {
  constructor() {
    super('client not registered to this user');
  }
}

type Step =
  { kind: 'done'; result: MutationResult; changed: boolean } | { kind: 'gap'; lastSeq: number };

/**
 * How many mutations of one push commit together: up to PUSH_COMMIT_GROUP, or as many as ran
 * in PUSH_COMMIT_MS. Each still runs in a savepoint of its own, so it lands whole or not at
 * all; sharing the commit shares its fsync, which otherwise costs more than everything the
 * mutation itself does (SQLite's WAL with synchronous=FULL, PostgreSQL's synchronous commit).
 * The time bound keeps the write lock short: a pull or another PC's push waits milliseconds,
 * not a whole batch, and a server that dies loses only a moment of work it had not answered.
 */
export const PUSH_COMMIT_GROUP = 50;
export const PUSH_COMMIT_MS = 10;

type GroupOutcome = { steps: Step[]; stop: 'gap' | 'transient' | null };

/**
 * DESIGN.md section 4, push: each mutation atomic on its own (a savepoint), in seq order,
 * committed in small groups (above); nothing is answered before it is committed. A seq at or
 * below the client's last one is a duplicate answered from the stored result; a gap stops the
 * batch; a business refusal is stored and moves last_seq like a success, so the queue never
 * wedges; a database error rolls back that mutation, commits the ones before it and stops the
 * batch, to be retried.
 */
export async function processPush(
  db: Db,
  user: SyncUser,
  request: PushRequest,
  onChanged: () => void,
): Promise<PushResponse> {
  const results: MutationResult[] = [];
  let lastSeq = 0;
  let anyChange = false;
  const stopTransient = async (): Promise<PushResponse> => ({
    results,
    lastSeq: lastSeq || (await currentLastSeq(db, request.clientId)),
    stopped: 'transient',
  });
  try {
    let next = 0;
    while (next < request.mutations.length) {
      const from = next;
      let outcome: GroupOutcome;
      try {
        outcome = await db
          .transaction()
          .execute((trx) => pushGroup(trx, user, request.clientId, request.mutations, from));
      } catch (error) {
        if (error instanceof ClientNotOwned) throw error;
        // The commit itself failed: none of this group landed.
        return await stopTransient();
      }
      for (const step of outcome.steps) {
        if (step.kind === 'gap') return { results, lastSeq: step.lastSeq, stopped: 'gap' };
        results.push(step.result);
        lastSeq = Math.max(lastSeq, step.result.seq);
        anyChange ||= step.changed;
      }
      if (outcome.stop === 'transient') return await stopTransient();
      next += outcome.steps.length;
    }
    return { results, lastSeq: lastSeq || (await currentLastSeq(db, request.clientId)) };
  } finally {
    if (anyChange) onChanged();
  }
}

/**
 * Runs mutations from `from` on in one transaction, each in a savepoint, until the group is
 * full, its time is up, or a gap or a database error stops the batch. Runs at least one.
 */
async function pushGroup(
  trx: Transaction<Schema>,
  user: SyncUser,
  clientId: string,
  mutations: PushRequest['mutations'],
  from: number,
): Promise<GroupOutcome> {
  const steps: Step[] = [];
  const started = performance.now();
  const end = Math.min(mutations.length, from + PUSH_COMMIT_GROUP);
  for (let i = from; i < end; i++) {
    const m = mutations[i]!;
    await sql`savepoint push_mutation`.execute(trx);
    let step: Step;
    try {
      step = await pushOne(trx, user, clientId, m);
    } catch (error) {
      if (error instanceof ClientNotOwned) throw error;
      // PostgreSQL refuses every statement after an error until the savepoint is undone.
      await sql`rollback to savepoint push_mutation`.execute(trx);
      await sql`release savepoint push_mutation`.execute(trx);
      return { steps, stop: 'transient' };
    }
    await sql`release savepoint push_mutation`.execute(trx);
    steps.push(step);
    if (step.kind === 'gap') return { steps, stop: 'gap' };
    if (performance.now() - started >= PUSH_COMMIT_MS) break;
  }
  return { steps, stop: null };
}

async function currentLastSeq(db: Db, clientId: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select('last_seq')
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row?.last_seq ?? 0;
}

async function pushOne(
  trx: Transaction<Schema>,
  user: SyncUser,
  clientId: string,
  m: PushRequest['mutations'][number],
): Promise<Step> {
  // Row lock on PostgreSQL: two pushes of the same client (a retry racing the original) take
  // turns, so a seq is never applied twice.
  let deviceQuery = trx
    .selectFrom('devices')
    .select(['user_id', 'last_seq'])
    .where('client_id', '=', clientId);
  if (engineOf(trx) === 'postgres') deviceQuery = deviceQuery.forUpdate();
  const device = await deviceQuery.executeTakeFirst();
  if (!device || device.user_id !== user.id) throw new ClientNotOwned();

  if (m.seq <= device.last_seq) {
    const stored = await trx
      .selectFrom('mutations')
      .select('result')
      .where('client_id', '=', clientId)
      .where('seq', '=', m.seq)
      .executeTakeFirst();
    const result: MutationResult = stored
      ? (JSON.parse(stored.result) as MutationResult)
      : { seq: m.seq, status: 'applied', version: 0 };
    return { kind: 'done', result, changed: false };
  }
  if (m.seq > device.last_seq + 1) return { kind: 'gap', lastSeq: device.last_seq };

  // Taking the next global version locks sync_state until commit: versions are handed out in
  // commit order, so a pull never sees version n+1 before version n has landed.
  const { version } = await trx
    .updateTable('sync_state')
    .set({ version: sql<number>`version + 1` })
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const ctx: MutationContext = {
    userId: user.id,
    ...(user.displayName === undefined ? {} : { userName: user.displayName }),
    role: user.role,
    clientId,
    mutationId: m.mutationId,
    version,
    clientTime: m.clientTime,
    authoritative: true,
    now,
    nextNumber: async (series) => ({
      number: await nextDocumentNumber(trx, series, now),
      provisional: false,
    }),
  };
  const tx = new BufferedTx(
    async (kind, id) => {
      try {
        return await readRecord(trx, kind, id);
      } catch (error) {
        throw new StoreError(error);
      }
    },
    async (kind, def, query) => {
      try {
        return await scanRecords(trx, kind, def, query);
      } catch (error) {
        throw new StoreError(error);
      }
    },
  );
  let outcome: RunOutcome;
  try {
    outcome = await runMutation(m.name, m.args, tx, ctx);
  } catch (error) {
    if (error instanceof StoreError) throw error.cause;
    // A mutator that throws is a bug, and would throw again on every retry: refuse, so the
    // client's queue moves on and the person sees it.
    outcome = { status: 'rejected', code: 'server-error', params: {} };
  }
  const result: MutationResult =
    outcome.status === 'applied'
      ? { seq: m.seq, status: 'applied', version }
      : { seq: m.seq, status: 'rejected', code: outcome.code, params: outcome.params, version };
  let changed = false;
  if (outcome.status === 'applied') {
    changed = tx.writes.size > 0;
    await writeRecords(trx, [...tx.writes.values()], version, user.id, now);
    await queueMailFor(trx, [...tx.writes.values()], now);
    await appendAudit(trx, {
      userId: user.id,
      clientId,
      clientTime: m.clientTime,
      action: m.name,
      detail: {
        seq: m.seq,
        mutationId: m.mutationId,
        version,
        args: m.args,
        changed: [...tx.writes.values()].map((w) => `${w.kind}/${w.id}`),
      },
    });
  }
  await trx
    .insertInto('mutations')
    .values({
      client_id: clientId,
      seq: m.seq,
      name: m.name,
      result: JSON.stringify(result),
      server_version: version,
      created_at: now,
      mutation_id: m.mutationId,
    })
    .execute();
  await trx
    .updateTable('devices')
    .set({ last_seq: m.seq, last_seen_at: now })
    .where('client_id', '=', clientId)
    .execute();
  return { kind: 'done', result, changed };
}
