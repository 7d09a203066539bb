import { describe, expect, it } from 'vitest';
import {
  MIN_PASSWORD_LENGTH,
  describePasswordVerdict,
  loadPasswordChecker,
  type PasswordChecker,
} from './password-policy';

describe('password policy', () => {
  let checker: PasswordChecker;
  const check = (password: string, context?: { username?: string; displayName?: string }) =>
    checker.check(password, context);

  it('loads the dictionaries once', async () => {
    checker = await loadPasswordChecker();
    expect(await loadPasswordChecker()).toBe(checker);
  });

  it('refuses common, patterned and short passwords, saying why', () => {
    for (const weak of [
      'password',
      '12345678',
      ' '.repeat(8),
      'orderline1',
      'orderline-demo',
      'password1234',
      'Password123!',
      'qwertyuiop',
      '1234567890',
      'p'.repeat(20),
      ' '.repeat(12),
      'abcdefghijkl',
    ]) {
      expect(check(weak).ok, weak).toBe(false);
    }
    expect(check('password')).toEqual({
      ok: false,
      problem: 'too-short',
      min: MIN_PASSWORD_LENGTH,
      max: 200,
    });
    expect(check('password1234')).toMatchObject({ ok: false, problem: 'too-weak' });
    expect(check('qwertyuiop')).toMatchObject({ warning: 'topHundred' });
  });

  it("refuses the user's own name and the app's name as the password", () => {
    expect(check('wang.fang2024', { username: 'wang.fang' })).toMatchObject({
      ok: false,
      problem: 'too-weak',
    });
    expect(check('orderline-2026')).toMatchObject({ ok: false, warning: 'userInputs' });
  });

  it('accepts passphrases and long random strings, in any script', () => {
    for (const good of [
      'correct horse battery',
      'inspect every lot',
      'forklift-in-bay-3',
      'Sh1pment-Gate-7',
      'a brand new passphrase',
      '电池包装线三号夜班组长',
      'x7#Qm2!vLp9z',
    ]) {
      expect(check(good), good).toMatchObject({ ok: true });
    }
  });

  it('counts characters as people do, not UTF-16 units', () => {
    expect(check('电池包装线三号夜班')).toMatchObject({ ok: false, problem: 'too-short' });
  });

  it('describes a verdict in one sentence', () => {
    expect(describePasswordVerdict(check('qwertyuiop'))).toBe(
      'The password is too easy to guess (one of the hundred most used passwords): use a few unrelated words, or a longer one.',
    );
    expect(describePasswordVerdict(check('short'))).toBe(
      'The password needs at least 10 characters.',
    );
  });
});
