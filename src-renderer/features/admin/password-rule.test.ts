import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import { passwordPolicyRule, passwordProblem, weakPasswordMessage } from './password-rule';

const lookup = (tree: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);

describe('the password policy at the field', () => {
  it('names a translated reason for each weak password, in both languages', async () => {
    for (const password of ['password', '12345678', ' '.repeat(8), 'orderline1', 'qwertyuiop1']) {
      const problem = await weakPasswordMessage(password, {});
      expect(typeof lookup(en, problem.key), `${password}: ${problem.key}`).toBe('string');
      expect(typeof lookup(zhCN, problem.key), `${password}: ${problem.key}`).toBe('string');
    }
    expect(await weakPasswordMessage('password1234', {})).toEqual({
      key: 'passwords.weak.similarToCommon',
    });
    expect(await weakPasswordMessage('short', {})).toEqual({
      key: 'validation.tooShort',
      vars: { min: 10 },
    });
  });

  it('refuses through the form rule, with the context of the user, and passes good ones', async () => {
    const rule = passwordPolicyRule(
      (ref) => ref.key,
      () => ({ username: 'wang.fang', displayName: 'Wang Fang' }),
    );
    await expect(rule.validator({}, 'wang.fang2024')).rejects.toThrow(/^passwords\.weak\./);
    await expect(rule.validator({}, 'forklift-in-bay-3')).resolves.toBeUndefined();
    // Empty is the schema's "required", not the policy's.
    await expect(rule.validator({}, '')).resolves.toBeUndefined();
  });

  it('says nothing for an accepted password', () => {
    expect(passwordProblem({ ok: true, score: 4 })).toBeUndefined();
  });
});
