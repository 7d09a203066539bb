import type { FastifyRequest } from 'fastify';
import type { RegisterDeviceRequest } from '../../src-shared/api/auth';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { DeviceRow } from '../db/schema';
import { apiError } from '../http/errors';
import { getAuth } from './access';
import { bindSessionClient, type AuthContext } from './sessions';

/**
 * A clientId names one user's local database on one PC. It is bound to that user at its
 * first registration, for good: another user may neither register nor sync with it, or they
 * could read the first user's outbox results or push in their name.
 */
export async function registerDevice(
  db: Db,
  auth: AuthContext,
  input: RegisterDeviceRequest,
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('devices')
      .values({
        client_id: input.clientId,
        user_id: auth.user.id,
        device_name: input.deviceName,
        registered_at: now,
        last_seen_at: now,
      })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('client_id')
      .executeTakeFirst();

    if (inserted) {
      await appendAudit(trx, {
        userId: auth.user.id,
        clientId: input.clientId,
        clientTime: null,
        action: 'device.registered',
        detail: { clientId: input.clientId, deviceName: input.deviceName },
      });
      return;
    }

    const existing = await trx
      .selectFrom('devices')
      .selectAll()
      .where('client_id', '=', input.clientId)
      .executeTakeFirstOrThrow();
    if (existing.user_id !== auth.user.id) {
      throw apiError(409, 'client-id-taken', 'This clientId belongs to another user.');
    }
    await trx
      .updateTable('devices')
      .set({ device_name: input.deviceName, last_seen_at: now })
      .where('client_id', '=', input.clientId)
      .execute();
    if (existing.device_name !== input.deviceName) {
      await appendAudit(trx, {
        userId: auth.user.id,
        clientId: input.clientId,
        clientTime: null,
        action: 'device.renamed',
        detail: { clientId: input.clientId, from: existing.device_name, to: input.deviceName },
      });
    }
  });
  await bindSessionClient(db, auth.tokenHash, input.clientId);
}

/**
 * For sync routes: the device row of `clientId` if it is registered to the signed-in user;
 * otherwise 403 `unknown-client` (never registered) or `forbidden` (another user's).
 */
export async function requireClient(request: FastifyRequest, clientId: string): Promise<DeviceRow> {
  const auth = getAuth(request);
  const device = await request.server.db
    .selectFrom('devices')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (!device) {
    throw apiError(403, 'unknown-client', 'This PC is not registered: register it first.');
  }
  if (device.user_id !== auth.user.id) {
    throw apiError(403, 'forbidden', 'This clientId belongs to another user.');
  }
  return device;
}
