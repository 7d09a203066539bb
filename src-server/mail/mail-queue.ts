import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { StoredRecord } from '../../src-shared/sync/mutation';
import type { ShipmentRecord } from '../../src-shared/warehouse/shipment-record';
import type { Db } from '../db/database';
import type { Schema } from '../db/schema';
import { readRecord } from '../sync/record-store';
import { shipmentNotice } from './shipment-notice';

/**
 * The outgoing-mail queue. Rows are added inside the transaction that caused them (a push),
 * so a notice exists exactly when its cause committed; sending happens later, outside any
 * push. Claims live in the row (status + lease), so any number of server instances may send
 * without sending a mail twice while a lease holds.
 */

export const LEASE_MS = 60_000;
export const MAX_ATTEMPTS = 10;

interface Written {
  kind: string;
  id: string;
  record: StoredRecord | null;
}

function firstEmail(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const c of value as { email?: unknown }[]) {
    if (typeof c?.email === 'string' && c.email.includes('@')) return c.email;
  }
  return undefined;
}

/**
 * Queues the customer's shipment notice for every shipment a mutation confirmed. The order's
 * contact wins over the customer's first contact with an address; a customer without any
 * address gets no mail (the shipment itself is not held up for it).
 */
export async function queueMailFor(
  trx: Transaction<Schema>,
  writes: readonly Written[],
  now: string,
): Promise<void> {
  for (const w of writes) {
    if (w.kind !== 'shipment' || !w.record) continue;
    const shipment = w.record as ShipmentRecord;
    if (shipment.state !== 'confirmed' || !shipment.trackingNumber) continue;
    const order = (writes.find((x) => x.kind === 'order' && x.id === shipment.orderId)?.record ??
      (await readRecord(trx, 'order', shipment.orderId))) as StoredRecord | null;
    const customerId = shipment.customerId ?? (order?.customerId as string | undefined);
    const customer = customerId ? await readRecord(trx, 'customer', customerId) : null;
    const orderContact = (order?.contact as { email?: string } | undefined)?.email;
    const to = orderContact ?? firstEmail(customer?.contacts);
    if (!to) continue;
    const mail = shipmentNotice(shipment, order, customer);
    await trx
      .insertInto('mail_queue')
      .values({
        id: randomUUID(),
        ref: `shipment-notice:${shipment.id}`,
        to_address: to,
        subject: mail.subject,
        body_text: mail.text,
        status: 'queued',
        next_attempt_at: now,
        created_at: now,
      })
      .onConflict((oc) => oc.column('ref').doNothing())
      .execute();
  }
}

export interface ClaimedMail {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
}

/**
 * Claims up to `limit` due mails for this instance: queued ones whose time has come, and
 * 'sending' ones whose claimant's lease ran out (it died mid-send). The conditional UPDATE is
 * the claim: of two instances racing for a row, one updates it and the other updates nothing.
 */
export async function claimDue(db: Db, now: Date, limit = 10): Promise<ClaimedMail[]> {
  const at = now.toISOString();
  const due = await db
    .selectFrom('mail_queue')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', at)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', at)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const claimed: ClaimedMail[] = [];
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  for (const { id } of due) {
    const row = await db
      .updateTable('mail_queue')
      .set((eb) => ({ status: 'sending', lease_until: lease, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', at)]),
        ]),
      )
      .returning(['id', 'to_address', 'subject', 'body_text', 'attempts'])
      .executeTakeFirst();
    if (row) claimed.push(row);
  }
  return claimed;
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('mail_queue')
    .set({ status: 'sent', sent_at: now.toISOString(), lease_until: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Exponential backoff from 30 s to an hour; after MAX_ATTEMPTS it stays failed for IT to see. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function markFailed(
  db: Db,
  mail: Pick<ClaimedMail, 'id' | 'attempts'>,
  error: string,
  now: Date,
): Promise<void> {
  const next = new Date(now.getTime() + retryDelayMs(mail.attempts)).toISOString();
  await db
    .updateTable('mail_queue')
    .set({
      status: mail.attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
      next_attempt_at: next,
      lease_until: null,
      last_error: error.slice(0, 1000),
    })
    .where('id', '=', mail.id)
    .execute();
}
