import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../src-shared/api/auth';
import { translate } from '../i18n/lookup';
import { describeSignInError } from './sign-in-errors';
import type { SignInError } from './sign-in';

const ALL: SignInError[] = [
  ...API_ERROR_CODES,
  'network-error',
  'offline-unknown-user',
  'offline-invalid-credentials',
  'offline-unavailable',
];

describe('describeSignInError', () => {
  it('puts credential problems next to the password field', () => {
    expect(describeSignInError('invalid-credentials', 'quality').field).toBe('password');
    expect(describeSignInError('offline-invalid-credentials', 'quality').field).toBe('password');
  });

  it('names the user who never signed in on this PC, next to the username', () => {
    const view = describeSignInError('offline-unknown-user', 'finance');
    expect(view.field).toBe('username');
    expect(translate('en', view.key, view.vars)).toContain(
      '“finance” has not signed in on this PC',
    );
    expect(translate('zh-CN', view.key, view.vars)).toContain('“finance”以前未在本机登录过');
  });

  it('keeps network and server trouble at form level', () => {
    expect(describeSignInError('network-error', 'x')).toEqual({ key: 'errors.network-error' });
    expect(describeSignInError('rate-limited', 'x')).toEqual({ key: 'errors.rate-limited' });
  });

  it('maps field issues of invalid-input to the field', () => {
    expect(
      describeSignInError('invalid-input', 'x', [{ path: 'username', message: 'too long' }]),
    ).toEqual({ field: 'username', key: 'validation.invalid' });
    expect(describeSignInError('invalid-input', 'x').field).toBeUndefined();
  });

  it('has a translation in both languages for every possible error', () => {
    for (const error of ALL) {
      const view = describeSignInError(error, 'someone');
      expect(() => translate('en', view.key, view.vars), error).not.toThrow();
      expect(() => translate('zh-CN', view.key, view.vars), error).not.toThrow();
    }
  });
});
