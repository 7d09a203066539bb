import { sql } from 'kysely';
import type { Role } from '../../src-shared/roles';
import type { MutationContext } from '../../src-shared/sync/mutation';
import { BufferedTx, runMutation, type RunOutcome } from '../../src-shared/sync/run-mutation';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { nextDocumentNumber } from '../sync/document-numbers';
import { scanRecords } from '../sync/record-index-store';
import { readRecord, writeRecords } from '../sync/record-store';

/**
 * Runs a shared mutation on the server for an actor that is not a syncing PC (an online
 * portal): the same mutator, permission check, global version, document numbers, record
 * store and audit entry as a pushed mutation, in one transaction. A refusal rolls back and
 * leaves nothing, not even a version.
 */

export interface ServerActor {
  /** Recorded as the author of what the mutation writes, e.g. 'portal:<key id>'. */
  userId: string;
  userName: string;
  /** Whose rights the actor acts with. */
  role: Role;
  /** Stands where a PC's client id would: the timeline shows it. */
  clientId: string;
  /** For the audit entry, e.g. { via: 'portal', portal: 'web-shop' }. */
  audit: Record<string, unknown>;
}

class Refused extends Error {
  constructor(readonly outcome: Extract<RunOutcome, { status: 'rejected' }>) {
    super(outcome.code);
  }
}

export type ServerRunResult =
  { status: 'applied'; version: number } | Extract<RunOutcome, { status: 'rejected' }>;

export async function runServerMutation(
  db: Db,
  actor: ServerActor,
  name: string,
  args: unknown,
  mutationId: string,
): Promise<ServerRunResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const { version } = await trx
        .updateTable('sync_state')
        .set({ version: sql<number>`version + 1` })
        .where('id', '=', 1)
        .returning('version')
        .executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      const ctx: MutationContext = {
        userId: actor.userId,
        userName: actor.userName,
        role: actor.role,
        clientId: actor.clientId,
        mutationId,
        version,
        clientTime: now,
        authoritative: true,
        now,
        nextNumber: async (series) => ({
          number: await nextDocumentNumber(trx, series, now),
          provisional: false,
        }),
      };
      const tx = new BufferedTx(
        (kind, id) => readRecord(trx, kind, id),
        (kind, def, query) => scanRecords(trx, kind, def, query),
      );
      const outcome = await runMutation(name, args, tx, ctx);
      if (outcome.status === 'rejected') throw new Refused(outcome);
      const writes = [...tx.writes.values()];
      await writeRecords(trx, writes, version, actor.userId, now);
      await appendAudit(trx, {
        userId: null,
        clientId: actor.clientId,
        clientTime: null,
        action: name,
        detail: {
          ...actor.audit,
          mutationId,
          version,
          args: args as Record<string, unknown>,
          changed: writes.map((w) => `${w.kind}/${w.id}`),
        },
      });
      return { status: 'applied' as const, version };
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    throw error;
  }
}
