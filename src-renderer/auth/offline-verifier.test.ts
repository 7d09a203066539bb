import { describe, expect, it } from 'vitest';
import {
  PBKDF2_ITERATIONS,
  constantTimeEqual,
  createOfflineCredential,
  openOfflineCredential,
  verifyPassword,
  type CredentialBinding,
} from './offline-verifier';

const binding: CredentialBinding = {
  userId: '0195e4b2-1111-7000-8000-000000000001',
  username: 'quality',
  role: 'quality',
  tokenExpiresAt: '2026-03-06T00:00:00.000Z',
};
const token = 'session-token-4f1c0a';
const password = 'orderline-demo';

// One credential at the real iteration count, shared by the tests that only read it.
const credential = createOfflineCredential(password, token, binding);

describe('offline verifier', () => {
  it('stores neither the password nor the token', async () => {
    const c = await credential;
    expect(c.iterations).toBeGreaterThanOrEqual(300_000);
    expect(c.iterations).toBe(PBKDF2_ITERATIONS);
    expect(c.verifierSalt).toHaveLength(16);
    expect(c.keySalt).toHaveLength(16);
    expect(constantTimeEqual(c.verifierSalt, c.keySalt)).toBe(false);
    const stored = new TextDecoder().decode(
      new Uint8Array([...c.verifier, ...c.tokenCiphertext, ...c.verifierSalt, ...c.keySalt]),
    );
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(token);
  });

  it('verifies the right password and decrypts the token', async () => {
    const c = await credential;
    expect(await openOfflineCredential(c, password, binding)).toEqual({ ok: true, token });
    expect(await verifyPassword(c, password)).toBe(true);
  });

  it('refuses a wrong password', async () => {
    const c = await credential;
    expect(await openOfflineCredential(c, 'orderline-demO', binding)).toEqual({
      ok: false,
      error: 'wrong-password',
    });
    expect(await openOfflineCredential(c, '', binding)).toEqual({
      ok: false,
      error: 'wrong-password',
    });
    expect(await verifyPassword(c, 'orderline-demo ')).toBe(false);
  });

  it('refuses tampered ciphertext', async () => {
    const c = await credential;
    const flipped = c.tokenCiphertext.slice();
    flipped[0] = (flipped[0] ?? 0) ^ 0x01;
    expect(
      await openOfflineCredential({ ...c, tokenCiphertext: flipped }, password, binding),
    ).toEqual({ ok: false, error: 'tampered' });
  });

  it('refuses a credential whose profile was edited (role raised to admin)', async () => {
    const c = await credential;
    expect(await openOfflineCredential(c, password, { ...binding, role: 'admin' })).toEqual({
      ok: false,
      error: 'tampered',
    });
  });

  it('salts each credential: the same password gives different verifiers', async () => {
    const fast = 1_000; // the property does not depend on the iteration count
    const a = await createOfflineCredential(password, token, binding, fast);
    const b = await createOfflineCredential(password, token, binding, fast);
    expect(constantTimeEqual(a.verifier, b.verifier)).toBe(false);
    expect(constantTimeEqual(a.tokenCiphertext, b.tokenCiphertext)).toBe(false);
  });

  it('compares in constant time, including different lengths', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });
});
