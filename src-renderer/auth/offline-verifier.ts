import type { OfflineCredential } from '../db/meta-db';

/**
 * Offline sign-in without keeping the password: from the password, two independent PBKDF2
 * derivations (separate random salts) give
 *   - a verifier, stored, compared in constant time to check a password offline;
 *   - an AES-GCM key, never stored, that encrypts the session token.
 * Someone who copies the database gets neither the password nor a usable token without
 * guessing the password at PBKDF2 speed. The AES-GCM additional data binds the ciphertext to
 * the profile (user id, username, role, expiry), so editing the cached role in IndexedDB
 * makes the credential fail instead of granting another user's screens.
 */

/** OWASP's figure for PBKDF2-HMAC-SHA256 (2023); about 0.1–0.3 s per derivation on office PCs. */
export const PBKDF2_ITERATIONS = 600_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

async function passwordKey(password: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
    'deriveKey',
  ]);
}

async function deriveVerifier(
  base: CryptoKey,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const bits = await globalThis.crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    256,
  );
  return new Uint8Array(bits);
}

async function deriveTokenKey(
  base: CryptoKey,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Compares without an early exit, so timing does not tell how many leading bytes matched. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** The profile fields a credential is bound to. */
export interface CredentialBinding {
  userId: string;
  username: string;
  role: string;
  tokenExpiresAt: string;
}

function additionalData(binding: CredentialBinding): Uint8Array<ArrayBuffer> {
  return encoder.encode(
    JSON.stringify([binding.userId, binding.username, binding.role, binding.tokenExpiresAt]),
  );
}

export async function createOfflineCredential(
  password: string,
  token: string,
  binding: CredentialBinding,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<OfflineCredential> {
  const base = await passwordKey(password);
  const verifierSalt = randomBytes(16);
  const keySalt = randomBytes(16);
  const iv = randomBytes(12);
  const [verifier, key] = await Promise.all([
    deriveVerifier(base, verifierSalt, iterations),
    deriveTokenKey(base, keySalt, iterations),
  ]);
  const ciphertext = await globalThis.crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(binding) },
    key,
    encoder.encode(token),
  );
  return {
    v: 1,
    iterations,
    verifierSalt,
    verifier,
    keySalt,
    iv,
    tokenCiphertext: new Uint8Array(ciphertext),
  };
}

/** Checks the password only (no decryption): used to tell whether a cached verifier is stale. */
export async function verifyPassword(
  credential: OfflineCredential,
  password: string,
): Promise<boolean> {
  const base = await passwordKey(password);
  const candidate = await deriveVerifier(base, credential.verifierSalt, credential.iterations);
  return constantTimeEqual(candidate, credential.verifier);
}

export type OpenCredentialResult =
  | { ok: true; token: string }
  /** wrong-password: the verifier does not match. tampered: it matches but decryption fails. */
  | { ok: false; error: 'wrong-password' | 'tampered' };

export async function openOfflineCredential(
  credential: OfflineCredential,
  password: string,
  binding: CredentialBinding,
): Promise<OpenCredentialResult> {
  if (credential.v !== 1) return { ok: false, error: 'tampered' };
  const base = await passwordKey(password);
  const candidate = await deriveVerifier(base, credential.verifierSalt, credential.iterations);
  if (!constantTimeEqual(candidate, credential.verifier)) {
    return { ok: false, error: 'wrong-password' };
  }
  try {
    const key = await deriveTokenKey(base, credential.keySalt, credential.iterations);
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: credential.iv, additionalData: additionalData(binding) },
      key,
      credential.tokenCiphertext,
    );
    return { ok: true, token: decoder.decode(plain) };
  } catch {
    // GCM's tag check failed: ciphertext, iv, salt or a bound profile field was changed.
    return { ok: false, error: 'tampered' };
  }
}
