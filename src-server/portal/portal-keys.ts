import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { portalKeyFormat, type PortalKeyInfo } from '../../src-shared/api/portal';
import { indexDefOf } from '../../src-shared/domains';
import { appendAudit } from '../audit/audit-log';
import type { Actor } from '../auth/users';
import type { Db } from '../db/database';
import type { Schema } from '../db/schema';
import { ApiHttpError, apiError } from '../http/errors';
import { scanRecords } from '../sync/record-index-store';

/**
 * Per-portal API keys. A key is 32 random bytes, shown once when made; the database keeps its
 * SHA-256 only (a key that long needs no slow hash: there is nothing to guess), so a copy of
 * the database lets nobody post orders.
 */

export interface PortalIdentity {
  id: string;
  name: string;
  /** Ids of the customers the key orders for; none for a key not bound yet. */
  customerIds: string[];
}

type Trx = Transaction<Schema>;

/**
 * The customer records of the codes an admin typed, in that order; a code the customer list
 * lacks is refused next to its place in the list, so a typo binds nothing.
 */
async function customersByCode(
  trx: Trx,
  codes: readonly string[],
  field: string,
): Promise<{ id: string; code: string }[]> {
  const def = indexDefOf('customer', 'code');
  const found: { id: string; code: string }[] = [];
  const issues: { path: string; message: string }[] = [];
  for (const [i, code] of codes.entries()) {
    const [record] = await scanRecords(trx, 'customer', def, {
      index: 'code',
      equals: code,
      limit: 1,
    });
    if (record) found.push({ id: record.id, code });
    else issues.push({ path: `${field}.${i}`, message: `no customer with code ${code}` });
  }
  if (issues.length > 0) {
    throw new ApiHttpError(422, 'unknown-customer', 'No customer with this code.', issues);
  }
  return found;
}

/** Makes the key order for exactly these customers, audited with their codes. */
async function writeBinding(
  trx: Trx,
  key: { id: string; name: string },
  customers: readonly { id: string; code: string }[],
  actor: Actor,
  at: string,
): Promise<void> {
  await trx.deleteFrom('portal_key_customers').where('key_id', '=', key.id).execute();
  if (customers.length > 0) {
    await trx
      .insertInto('portal_key_customers')
      .values(customers.map((c) => ({ key_id: key.id, customer_id: c.id, bound_at: at })))
      .execute();
  }
  await appendAudit(trx, {
    userId: actor.userId,
    clientId: actor.clientId,
    clientTime: null,
    action: 'portal-key.bound',
    detail: {
      id: key.id,
      name: key.name,
      customers: customers.map((c) => c.code),
      customerIds: customers.map((c) => c.id),
      ...(actor.via ? { via: actor.via } : {}),
    },
  });
}

export function hashPortalKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * A new key, bound to the customers of `customerCodes` (by their codes in the customer list).
 * Without any it is made unbound and takes no orders until `bindPortalKey`.
 */
export async function createPortalKey(
  db: Db,
  name: string,
  actor: Actor,
  customerCodes: readonly string[] = [],
): Promise<{ id: string; name: string; key: string }> {
  const key = `olp_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const customers = await customersByCode(trx, customerCodes, 'customers');
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
    if (customers.length > 0) await writeBinding(trx, { id, name }, customers, actor, now);
    return { id, name, key };
  });
}

/**
 * Replaces the customers a key orders for: how an old unbound key is put to work again, or a
 * dealer portal given one more customer. By key id (the admin screen) or name (the CLI).
 */
export async function bindPortalKey(
  db: Db,
  by: { id: string } | { name: string },
  customerCodes: readonly string[],
  actor: Actor,
): Promise<PortalKeyInfo> {
  const now = new Date().toISOString();
  const keyId = await db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('portal_keys').select(['id', 'name']);
    query = 'id' in by ? query.where('id', '=', by.id) : query.where('name', '=', by.name);
    const row = await query.executeTakeFirst();
    if (!row) {
      throw apiError(
        404,
        'not-found',
        'name' in by ? `No portal named ${by.name}.` : 'No such portal key.',
      );
    }
    const customers = await customersByCode(trx, customerCodes, 'customers');
    await writeBinding(trx, row, customers, actor, now);
    return row.id;
  });
  const info = (await listPortalKeys(db)).find((k) => k.id === keyId);
  if (!info) throw apiError(404, 'not-found', 'No such portal key.');
  return info;
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
  const info = (await listPortalKeys(db)).find((k) => k.id === id);
  if (!info) throw apiError(404, 'not-found', 'No such portal key.');
  return info;
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

function toInfo(
  r: {
    id: string;
    name: string;
    created_at: string;
    revoked_at: string | null;
    last_used_at: string | null;
  },
  customers: string[],
): PortalKeyInfo {
  return {
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
    customers,
  };
}

/** The code a bound customer has now; its id when the record is gone, so the row still shows. */
async function customerCodes(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  if (ids.length === 0) return codes;
  const rows = await db
    .selectFrom('records')
    .select(['id', 'body'])
    .where('kind', '=', 'customer')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const r of rows) {
    const code = (JSON.parse(r.body) as { code?: unknown }).code;
    if (typeof code === 'string') codes.set(r.id, code);
  }
  return codes;
}

export async function listPortalKeys(db: Db): Promise<PortalKeyInfo[]> {
  const rows = await db.selectFrom('portal_keys').selectAll().orderBy('name').execute();
  const bound = await db
    .selectFrom('portal_key_customers')
    .select(['key_id', 'customer_id'])
    .execute();
  const codes = await customerCodes(
    db,
    bound.map((b) => b.customer_id),
  );
  return rows.map((row) =>
    toInfo(
      row,
      bound
        .filter((b) => b.key_id === row.id)
        .map((b) => codes.get(b.customer_id) ?? b.customer_id)
        .sort(),
    ),
  );
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
  const bound = await db
    .selectFrom('portal_key_customers')
    .select('customer_id')
    .where('key_id', '=', row.id)
    .execute();
  return { id: row.id, name: row.name, customerIds: bound.map((b) => b.customer_id) };
}

export async function touchPortalKey(db: Db, id: string): Promise<void> {
  await db
    .updateTable('portal_keys')
    .set({ last_used_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}
