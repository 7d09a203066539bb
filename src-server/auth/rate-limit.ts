import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { LoginLimits } from '../config';
import { engineOf, type Db, type Trx } from '../db/database';
import { apiError } from '../http/errors';

/**
 * Sign-in attempts live in the database, so every server instance on it judges by the same
 * counts. An attempt is written before its password is checked and deleted when it succeeds:
 * what stays are the failures (and the attempts still being checked), for the window only.
 *
 * Writing first, in one transaction with the counts it is judged by, is what makes the limit
 * hold under concurrency: with "check, then record the failure", a hundred guesses sent at
 * once all see zero failures and all get their password checked.
 */

/** Usernames are compared as stored (lower case), so 'Admin' and 'admin' count together. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

// Advisory lock namespaces (the first key of pg_advisory_xact_lock(int, int)), so a username
// and an address that hash alike do not share a lock.
const LOCK_USERNAME = 7401;
const LOCK_ADDRESS = 7402;

/**
 * Records an attempt by `username` from `ip`, or refuses it with 429 rate-limited and
 * Retry-After while one of its counters asks it to wait; a refused attempt is not recorded,
 * so hammering does not lengthen the wait beyond its cap.
 */
export async function beginLoginAttempt(
  db: Db,
  limits: LoginLimits,
  username: string,
  ip: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (engineOf(trx) === 'postgres') {
      // Always username first, then address: one order everywhere, so no two sign-ins can
      // each hold the lock the other waits for. SQLite needs none: BEGIN IMMEDIATE already
      // lets one writer in at a time.
      await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_USERNAME)}, hashtext(${username}))`.execute(
        trx,
      );
      await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_ADDRESS)}, hashtext(${ip}))`.execute(
        trx,
      );
    }
    const now = Date.now();
    const since = new Date(now - limits.windowMinutes * 60_000).toISOString();
    const until = Math.max(
      await allowedFrom(trx, limits, since, { username, ip }, limits.maxFailuresPerUserIp),
      await allowedFrom(trx, limits, since, { username }, limits.maxFailuresPerUser),
      await allowedFrom(trx, limits, since, { ip }, limits.maxFailuresPerIp),
    );
    if (until > now) {
      const seconds = Math.max(1, Math.ceil((until - now) / 1000));
      throw apiError(429, 'rate-limited', `Too many failed sign-ins. Try again in ${seconds} s.`, {
        'retry-after': String(seconds),
      });
    }
    await trx
      .insertInto('login_attempts')
      .values({ id: randomUUID(), username, ip, attempted_at: new Date(now).toISOString() })
      .execute();
  });
}

/**
 * When the next attempt of one counter may go: at once below `max` failures; at `max` the
 * delay, doubled for each failure past it, capped, after that counter's latest attempt.
 */
async function allowedFrom(
  trx: Trx,
  limits: LoginLimits,
  since: string,
  key: { username?: string; ip?: string },
  max: number,
): Promise<number> {
  let query = trx
    .selectFrom('login_attempts')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.max('attempted_at').as('last'),
    ])
    .where('attempted_at', '>', since);
  if (key.username !== undefined) query = query.where('username', '=', key.username);
  if (key.ip !== undefined) query = query.where('ip', '=', key.ip);
  const row = await query.executeTakeFirstOrThrow();
  const failures = Number(row.n);
  if (failures < max || !row.last) return 0;
  // The exponent is bounded so a huge count cannot overflow to Infinity before the cap.
  const delayMs = Math.min(
    limits.maxDelaySeconds * 1000,
    limits.delaySeconds * 1000 * 2 ** Math.min(failures - max, 40),
  );
  return Date.parse(row.last) + delayMs;
}

/**
 * A successful sign-in forgives the failures of that username from that address. The
 * username's failures from other addresses stay: they may be someone else guessing.
 */
export async function clearLoginFailures(db: Db, username: string, ip: string): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .execute();
}

/** Drops what has left the window, so the table stays small. */
export async function pruneLoginAttempts(db: Db, limits: LoginLimits): Promise<void> {
  const expired = new Date(Date.now() - limits.windowMinutes * 60_000).toISOString();
  await db.deleteFrom('login_attempts').where('attempted_at', '<=', expired).execute();
}
