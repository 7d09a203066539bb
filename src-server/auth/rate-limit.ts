import { randomUUID } from 'node:crypto';
import type { LoginLimits } from '../config';
import type { Db } from '../db/database';
import { apiError } from '../http/errors';

/**
 * Failed sign-ins are counted in the database, per username and per client address, over a
 * sliding window; every server instance on the same database sees the same counts. Only
 * failures are stored, and only for the window, so the table stays small.
 */

/** Usernames are compared as stored (lower case), so 'Admin' and 'admin' count together. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Refuses with 429 and Retry-After while either limit is reached, before any password check. */
export async function assertLoginAllowed(
  db: Db,
  limits: LoginLimits,
  username: string,
  ip: string,
): Promise<void> {
  const windowMs = limits.windowMinutes * 60_000;
  const since = new Date(Date.now() - windowMs).toISOString();
  const blockedUntil = Math.max(
    await blockedUntilMs(db, 'username', username, since, limits.maxFailuresPerUser, windowMs),
    await blockedUntilMs(db, 'ip', ip, since, limits.maxFailuresPerIp, windowMs),
  );
  const waitMs = blockedUntil - Date.now();
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw apiError(
      429,
      'rate-limited',
      `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} min.`,
      { 'retry-after': String(seconds) },
    );
  }
}

/**
 * When the count in the window drops below `max` again: the max-th most recent failure
 * leaving the window. 0 when not blocked.
 */
async function blockedUntilMs(
  db: Db,
  column: 'username' | 'ip',
  value: string,
  since: string,
  max: number,
  windowMs: number,
): Promise<number> {
  const rows = await db
    .selectFrom('login_attempts')
    .select('attempted_at')
    .where(column, '=', value)
    .where('attempted_at', '>', since)
    .orderBy('attempted_at', 'desc')
    .limit(max)
    .execute();
  const oldestCounted = rows.length >= max ? rows[max - 1] : undefined;
  return oldestCounted ? Date.parse(oldestCounted.attempted_at) + windowMs : 0;
}

export async function recordLoginFailure(
  db: Db,
  limits: LoginLimits,
  username: string,
  ip: string,
): Promise<void> {
  const now = Date.now();
  await db
    .insertInto('login_attempts')
    .values({ id: randomUUID(), username, ip, attempted_at: new Date(now).toISOString() })
    .execute();
  const expired = new Date(now - limits.windowMinutes * 60_000).toISOString();
  await db.deleteFrom('login_attempts').where('attempted_at', '<=', expired).execute();
}

/** A successful sign-in forgives that username's failures (not the address's). */
export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}
