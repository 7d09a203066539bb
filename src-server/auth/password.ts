import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes as `scrypt$N$r$p$salt$hash` (salt and hash base64url), so the cost can be
 * raised later without breaking the hashes already stored.
 */

const COST = { N: 16384, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128·N·r bytes; leave headroom over Node's 32 MiB default.
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { ...options, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return [
    'scrypt',
    COST.N,
    COST.r,
    COST.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

let verifications = 0;

/**
 * How many scrypt checks this process has run: the evidence that a rate limit really stops
 * guesses before their password is tried, not merely refuses them afterwards.
 */
export function passwordVerificationCount(): number {
  return verifications;
}

const STORED = /^scrypt\$(\d{1,7})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = STORED.exec(stored);
  if (!match) return false;
  const [, n, r, p, salt, hash] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(hash, 'base64url');
  const N = Number(n);
  // Bounds keep a corrupt or hostile row from costing seconds or gigabytes per attempt.
  if (N < 2 || N > 1 << 20 || (N & (N - 1)) !== 0 || Number(r) > 32 || Number(p) > 16) return false;
  if (expected.length !== KEY_BYTES) return false;
  verifications++;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N,
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}

let dummy: Promise<string> | undefined;

/**
 * A hash to check against when the username does not exist, so that answer takes as long as
 * a wrong password and does not tell which usernames are real.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}
