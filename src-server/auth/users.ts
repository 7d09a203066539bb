import { randomUUID } from 'node:crypto';
import type { CreateUserRequest, User } from '../../src-shared/api/auth';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { UserRow } from '../db/schema';
import { apiError } from '../http/errors';
import { hashPassword } from './password';

/** Who makes a change, for the audit log. */
export interface Actor {
  userId: string | null;
  clientId: string | null;
  /** Where the change came from when it was not a signed-in user: 'admin-cli', 'seed'. */
  via?: string;
}

export function toApiUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled !== 0,
  };
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toApiUser);
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The user's row, or 404 not-found. */
export async function getUserById(db: Db, id: string): Promise<UserRow> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw apiError(404, 'not-found', 'No such user.');
  return row;
}

function auditBase(actor: Actor) {
  return { userId: actor.userId, clientId: actor.clientId, clientTime: null };
}

function via(actor: Actor) {
  return actor.via ? { via: actor.via } : {};
}

export async function createUser(db: Db, input: CreateUserRequest, actor: Actor): Promise<User> {
  // Hash before the transaction: on SQLite a transaction holds the only connection.
  const passwordHash = await hashPassword(input.password);
  const now = new Date().toISOString();
  const row: UserRow = {
    id: randomUUID(),
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: passwordHash,
    disabled: 0,
    created_at: now,
    updated_at: now,
  };
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw apiError(409, 'username-taken', `Username ${input.username} is taken.`);
    await appendAudit(trx, {
      ...auditBase(actor),
      action: 'user.created',
      detail: {
        userId: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        ...via(actor),
      },
    });
    return toApiUser(row);
  });
}

/** Sets a new password and ends the user's sessions: a reset often follows a leak. */
export async function resetPassword(
  db: Db,
  userId: string,
  password: string,
  actor: Actor,
): Promise<void> {
  const user = await getUserById(db, userId);
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('id', '=', userId)
      .execute();
    await revokeUserSessions(trx, userId, now);
    await appendAudit(trx, {
      ...auditBase(actor),
      action: 'user.password-reset',
      detail: { userId, username: user.username, ...via(actor) },
    });
  });
}

export async function setUserDisabled(
  db: Db,
  userId: string,
  disabled: boolean,
  actor: Actor,
): Promise<User> {
  if (disabled && actor.userId === userId) {
    throw apiError(409, 'cannot-disable-self', 'You cannot disable your own account.');
  }
  const user = await getUserById(db, userId);
  if ((user.disabled !== 0) === disabled) return toApiUser(user);
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0, updated_at: now })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (disabled) await revokeUserSessions(trx, userId, now);
    await appendAudit(trx, {
      ...auditBase(actor),
      action: disabled ? 'user.disabled' : 'user.enabled',
      detail: { userId, username: user.username, ...via(actor) },
    });
    return toApiUser(updated);
  });
}

/** Ends every session of a user at once, e.g. when the account is disabled. */
async function revokeUserSessions(db: Db, userId: string, now: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
