import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { portalKeyFormat, type PortalKeyInfo } from '../../src-shared/api/portal';
import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/users';
import type { Db } from '../db/database';
import { apiError } from '../http/errors';

/**
 * Per-portal API keys. A key is 32 random bytes, shown once when made; the database keeps its
 * SHA-256 only (a key that long needs no slow hash: there is nothing to guess), so a copy of
 * the database lets nobody post orders.
 */

export interface PortalIdentity {
  id: string;
  name: string;
}

export function hashPortalKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export async function createPortalKey(
  db: Db,
  name: string,
  actor: Actor,
): Promise<PortalIdentity & { key: string }> {
  const key = `olp_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    // The unique name decides, not a read before the insert: two admins creating the same
    // name at once get one key and one 409, never a database error.
    const inserted = await trx
      .insertInto('portal_keys')
      .values({ id, name, key_hash: hashPortalKey(key), created_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      throw apiError(409, 'portal-name-taken', `A portal named ${name} already exists.`);
    }
    await appendAudit(trx, {
      userId: actor.userId,
      clientId: actor.clientId,
      clientTime: null,
      action: 'portal-key.created',
      detail: { id, name, ...(actor.via ? { via: actor.via } : {}) },
    });
    return { id, name, key };
  });
}

export async function revokePortalKey(db: Db, name: string, actor: Actor): Promise<void> {
  await revoke(db, { column: 'name', value: name, missing: `No portal named ${name}.` }, actor);
}

/** The admin screen's way: by id, answering the key as it now stands. */
export async function revokePortalKeyById(
  db: Db,
  id: string,
  actor: Actor,
): Promise<PortalKeyInfo> {
  await revoke(db, { column: 'id', value: id, missing: 'No such portal key.' }, actor);
  const row = await db
    .selectFrom('portal_keys')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toInfo(row);
}

/** Revoking twice is not an error and writes no second audit entry: the key is off either way. */
async function revoke(
  db: Db,
  by: { column: 'id' | 'name'; value: string; missing: string },
  actor: Actor,
): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('portal_keys')
      .select(['id', 'name', 'revoked_at'])
      .where(by.column, '=', by.value)
      .executeTakeFirst();
    if (!row) throw apiError(404, 'not-found', by.missing);
    if (row.revoked_at) return;
    await trx
      .updateTable('portal_keys')
      .set({ revoked_at: now })
      .where('id', '=', row.id)
      .execute();
    await appendAudit(trx, {
      userId: actor.userId,
      clientId: actor.clientId,
      clientTime: null,
      action: 'portal-key.revoked',
      detail: { id: row.id, name: row.name, ...(actor.via ? { via: actor.via } : {}) },
    });
  });
}

function toInfo(r: {
  id: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}): PortalKeyInfo {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}

export async function listPortalKeys(db: Db): Promise<PortalKeyInfo[]> {
  const rows = await db.selectFrom('portal_keys').selectAll().orderBy('name').execute();
  return rows.map(toInfo);
}

/** The portal a key belongs to, or a 401 that says nothing about why. */
export async function authenticatePortal(db: Db, key: string | undefined): Promise<PortalIdentity> {
  const refuse = () =>
    apiError(401, 'invalid-api-key', 'A valid portal API key is needed (x-api-key header).');
  if (!key || !portalKeyFormat.test(key)) throw refuse();
  const row = await db
    .selectFrom('portal_keys')
    .select(['id', 'name', 'revoked_at'])
    .where('key_hash', '=', hashPortalKey(key))
    .executeTakeFirst();
  if (!row || row.revoked_at) throw refuse();
  return { id: row.id, name: row.name };
}

export async function touchPortalKey(db: Db, id: string): Promise<void> {
  await db
    .updateTable('portal_keys')
    .set({ last_used_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}
