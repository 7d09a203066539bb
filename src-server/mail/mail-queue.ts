import { randomUUID } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import type { MailItem, MailListQuery, MailState } from '../../src-shared/api/mail';
import type { StoredRecord } from '../../src-shared/sync/mutation';
import type { CarrierRecord } from '../../src-shared/warehouse/carrier';
import type { ShipmentRecord } from '../../src-shared/warehouse/shipment-record';
import type { Db } from '../db/database';
import type { MailQueueTable, MailStatus, Schema } from '../db/schema';
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
export const RETRY_BASE_MS = 30_000;

/** How often and how soon a failed mail is tried again (MAIL_MAX_ATTEMPTS, MAIL_RETRY_SECONDS). */
export interface RetryPolicy {
  maxAttempts: number;
  retryBaseMs: number;
}
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: MAX_ATTEMPTS, retryBaseMs: RETRY_BASE_MS };

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
    const carrier = shipment.carrierId
      ? ((writes.find((x) => x.kind === 'carrier' && x.id === shipment.carrierId)?.record ??
          (await readRecord(trx, 'carrier', shipment.carrierId))) as CarrierRecord | null)
      : null;
    const mail = shipmentNotice(shipment, order, customer, carrier);
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

/**
 * Exponential backoff from 30 s to an hour; after the last attempt it stays failed until
 * someone retries it on the mail screen.
 */
export function retryDelayMs(attempts: number, baseMs = RETRY_BASE_MS): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function markFailed(
  db: Db,
  mail: Pick<ClaimedMail, 'id' | 'attempts'>,
  error: string,
  now: Date,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<void> {
  const next = new Date(
    now.getTime() + retryDelayMs(mail.attempts, policy.retryBaseMs),
  ).toISOString();
  await db
    .updateTable('mail_queue')
    .set({
      status: mail.attempts >= policy.maxAttempts ? 'failed' : 'queued',
      next_attempt_at: next,
      lease_until: null,
      last_error: error.slice(0, 1000),
    })
    .where('id', '=', mail.id)
    .execute();
}

const STATUSES_OF: Record<MailState, MailStatus[]> = {
  pending: ['queued', 'sending'],
  failed: ['failed'],
  sent: ['sent'],
};

function stateOf(status: MailStatus): MailState {
  return status === 'sent' ? 'sent' : status === 'failed' ? 'failed' : 'pending';
}

const SHIPMENT_REF = 'shipment-notice:';

/** The mail screen's list, newest first, with each shipment notice's shipment number. */
export async function listMail(db: Db, query: MailListQuery): Promise<MailItem[]> {
  let select = db.selectFrom('mail_queue').selectAll();
  if (query.state) select = select.where('status', 'in', STATUSES_OF[query.state]);
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(query.limit)
    .execute();
  return toItems(db, rows);
}

/** One mail as the screen shows it, or undefined. */
export async function getMail(db: Db, id: string): Promise<MailItem | undefined> {
  const row = await db.selectFrom('mail_queue').selectAll().where('id', '=', id).execute();
  return (await toItems(db, row))[0];
}

async function toItems(db: Db, rows: Selectable<MailQueueTable>[]): Promise<MailItem[]> {
  const shipmentIds = rows
    .filter((r) => r.ref.startsWith(SHIPMENT_REF))
    .map((r) => r.ref.slice(SHIPMENT_REF.length));
  const numbers = new Map<string, string>();
  if (shipmentIds.length > 0) {
    const shipments = await db
      .selectFrom('records')
      .select(['id', 'body'])
      .where('kind', '=', 'shipment')
      .where('id', 'in', shipmentIds)
      .execute();
    for (const s of shipments) {
      const number = (JSON.parse(s.body) as { number?: unknown }).number;
      if (typeof number === 'string') numbers.set(s.id, number);
    }
  }
  return rows.map((r) => {
    const shipmentId = r.ref.startsWith(SHIPMENT_REF)
      ? r.ref.slice(SHIPMENT_REF.length)
      : undefined;
    const shipmentNumber = shipmentId ? numbers.get(shipmentId) : undefined;
    const state = stateOf(r.status);
    return {
      id: r.id,
      state,
      to: r.to_address,
      subject: r.subject,
      kind: r.ref.split(':')[0] ?? r.ref,
      ...(shipmentId ? { shipmentId } : {}),
      ...(shipmentNumber ? { shipmentNumber } : {}),
      attempts: Number(r.attempts),
      ...(r.last_error ? { lastError: r.last_error } : {}),
      createdAt: r.created_at,
      ...(state === 'pending' ? { nextAttemptAt: r.next_attempt_at } : {}),
      ...(r.sent_at ? { sentAt: r.sent_at } : {}),
    };
  });
}

/**
 * Someone asked for a failed (or still waiting) mail to go now: it is queued again, due at
 * once, with a fresh round of attempts; the last error stays until a send replaces it. A
 * mail already sent, or in a sender's hands right now, is left alone.
 */
export async function retryMail(
  db: Db,
  id: string,
  now: Date,
): Promise<'retried' | 'not-found' | 'not-retryable'> {
  const updated = await db
    .updateTable('mail_queue')
    .set({ status: 'queued', attempts: 0, next_attempt_at: now.toISOString(), lease_until: null })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'queued'])
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return 'retried';
  const exists = await db
    .selectFrom('mail_queue')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return exists ? 'not-retryable' : 'not-found';
}
