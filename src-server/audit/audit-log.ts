import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditVerifyResponse } from '../../src-shared/api/auth';
import type { AuditRow, Schema } from '../db/schema';
import { canonicalJson } from '../../src-shared/canonical-json';

/**
 * The append-only audit log of DESIGN.md section 5. Each entry's hash covers the previous
 * entry's hash and all of its own fields, so changing or deleting an entry breaks the chain
 * at that entry. The head row (audit_head) holds the last seq and hash: it serialises appends
 * across server instances and lets the verifier notice entries cut off the end.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  /** Who did it; null for the admin CLI and the system itself. */
  userId: string | null;
  /** Which PC (the client's clientId); null when not done from a client. */
  clientId: string | null;
  /** When the client says it happened (ISO 8601); informative only, PC clocks drift. */
  clientTime: string | null;
  /** What happened, e.g. 'user.created' or a mutation name. */
  action: string;
  /** What changed; never secrets (no passwords, no tokens). */
  detail: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  userId: string | null;
  clientId: string | null;
  clientTime: string | null;
  serverTime: string;
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** Appends one entry inside the caller's transaction, so it lands with the change it records. */
export async function appendAudit(
  trx: Transaction<Schema>,
  input: AuditInput,
): Promise<AuditEntry> {
  // Taking the next seq by UPDATE locks the head row until commit: on PostgreSQL a concurrent
  // append from another instance waits here and then sees this entry's seq and hash.
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();

  const row: AuditRow = {
    seq: head.seq,
    user_id: input.userId,
    client_id: input.clientId,
    client_time: input.clientTime,
    server_time: new Date().toISOString(),
    action: input.action,
    detail: canonicalJson(input.detail),
    prev_hash: head.hash,
    hash: '',
  };
  row.hash = entryHash(row);

  await trx.insertInto('audit_log').values(row).execute();
  await trx.updateTable('audit_head').set({ hash: row.hash }).where('id', '=', 1).execute();
  return toEntry(row);
}

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = canonicalJson({
    seq: row.seq,
    userId: row.user_id,
    clientId: row.client_id,
    clientTime: row.client_time,
    serverTime: row.server_time,
    action: row.action,
    detail: row.detail,
  });
  return createHash('sha256').update(row.prev_hash).update(fields).digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    userId: row.user_id,
    clientId: row.client_id,
    clientTime: row.client_time,
    serverTime: row.server_time,
    action: row.action,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const PAGE = 1000;

/**
 * Walks the chain from the first entry and reports the first broken link: a missing seq, an
 * entry whose stored hash does not match its fields, an entry not linked to its predecessor,
 * or entries missing from the end.
 */
export async function verifyAudit(db: Kysely<Schema>): Promise<AuditVerifyResponse> {
  // The head is read first: entries appended while we walk lie beyond it and are not judged.
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const broken = (seq: number, reason: string): AuditVerifyResponse => ({
    ok: false,
    checked,
    firstBroken: { seq, reason },
  });

  while (expectedSeq <= head.seq) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .where('seq', '<=', head.seq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return broken(expectedSeq, `entry ${expectedSeq} is missing (next is ${row.seq})`);
      }
      if (row.prev_hash !== prevHash) {
        return broken(row.seq, 'not linked to the entry before it (prev_hash differs)');
      }
      if (entryHash(row) !== row.hash) {
        return broken(row.seq, 'entry was altered (hash does not match its fields)');
      }
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }

  if (expectedSeq <= head.seq) {
    return broken(expectedSeq, `entries ${expectedSeq} to ${head.seq} are missing from the end`);
  }
  if (head.seq > 0 && prevHash !== head.hash) {
    return broken(head.seq, 'last entry does not match the chain head');
  }
  return { ok: true, checked };
}
