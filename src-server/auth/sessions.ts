import type { User } from '../../src-shared/api/auth';
import type { Db } from '../db/database';
import { apiError } from '../http/errors';
import { hashToken, looksLikeToken, newSessionToken } from './tokens';
import { toApiUser } from './users';

export interface AuthContext {
  user: User;
  /** Identifies the session (e.g. to sign it out) without holding the token. */
  tokenHash: string;
}

const HOUR_MS = 3_600_000;
/** Ended sessions are kept this long (who was signed in when), then pruned at sign-in. */
const KEEP_ENDED_SESSIONS_MS = 30 * 24 * HOUR_MS;

export async function createSession(
  db: Db,
  userId: string,
  ttlHours: number,
): Promise<{ token: string; expiresAt: string }> {
  const token = newSessionToken();
  const now = Date.now();
  const expiresAt = new Date(now + ttlHours * HOUR_MS).toISOString();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      client_id: null,
      created_at: new Date(now).toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** The signed-in user of a bearer token, or a 401 saying why not. */
export async function authenticate(
  db: Db,
  authorization: string | undefined,
): Promise<AuthContext> {
  const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw apiError(401, 'unauthenticated', 'Sign in first.');
  if (!looksLikeToken(token)) throw apiError(401, 'unauthenticated', 'Unknown session.');
  return authenticateSession(db, hashToken(token));
}

/**
 * The same check for a session already known by its hash, e.g. again and again for as long as
 * a live stream it opened stays open.
 */
export async function authenticateSession(db: Db, tokenHash: string): Promise<AuthContext> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.expires_at', 'sessions.revoked_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) {
    throw apiError(401, 'unauthenticated', 'Unknown or signed-out session.');
  }
  if (row.expires_at <= new Date().toISOString()) {
    throw apiError(401, 'session-expired', 'Your session has expired: sign in again.');
  }
  // Checked on every request, not only at sign-in: disabling someone takes effect at once
  // even if their sessions were not revoked (e.g. the flag was set in the database by hand).
  if (row.disabled !== 0) throw apiError(401, 'user-disabled', 'This account is disabled.');
  return { user: toApiUser(row), tokenHash };
}

export async function revokeSession(db: Db, tokenHash: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date().toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Keeps the sessions table from growing without bound. */
export async function pruneSessions(db: Db): Promise<void> {
  const before = new Date(Date.now() - KEEP_ENDED_SESSIONS_MS).toISOString();
  await db.deleteFrom('sessions').where('expires_at', '<', before).execute();
}

/** Records on the session which PC it is used from (set by device registration). */
export async function bindSessionClient(
  db: Db,
  tokenHash: string,
  clientId: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ client_id: clientId })
    .where('token_hash', '=', tokenHash)
    .execute();
}
