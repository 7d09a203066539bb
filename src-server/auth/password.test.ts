import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores scrypt with its parameters and a fresh salt each time', async () => {
    const a = await hashPassword('battery pack 48V');
    const b = await hashPassword('battery pack 48V');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('电池 password');
    expect(await verifyPassword('电池 password', stored)).toBe(true);
    expect(await verifyPassword('电池 passworD', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('refuses malformed or hostile stored hashes without trying them', async () => {
    const stored = await hashPassword('x'.repeat(10));
    const [, , , , salt, hash] = stored.split('$');
    for (const bad of [
      '',
      'plain-text-password',
      `bcrypt$10$8$1$${salt}$${hash}`,
      `scrypt$16384$8$1$${salt}$${hash!.slice(0, 20)}`,
      `scrypt$1048577$8$1$${salt}$${hash}`,
      `scrypt$16383$8$1$${salt}$${hash}`,
      `scrypt$4194304$8$1$${salt}$${hash}`,
    ]) {
      expect(await verifyPassword('x'.repeat(10), bad), bad).toBe(false);
    }
  });
});
