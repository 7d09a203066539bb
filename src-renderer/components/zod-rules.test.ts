import { describe, expect, it } from 'vitest';
import { createUserRequest } from '../../src-shared/api/auth';
import { translate } from '../i18n/lookup';
import { fieldProblem, zodRule } from './zod-rules';

const username = createUserRequest.shape.username;
const role = createUserRequest.shape.role;

describe('fieldProblem', () => {
  it('passes valid values', () => {
    expect(fieldProblem(username, 'li.wei')).toBeUndefined();
    expect(fieldProblem(role, 'quality')).toBeUndefined();
  });

  it('calls an empty or missing value required', () => {
    expect(fieldProblem(username, '')).toEqual({ key: 'validation.required' });
    expect(fieldProblem(role, undefined)).toEqual({ key: 'validation.required' });
  });

  it('reports length limits with their numbers', () => {
    expect(fieldProblem(username, 'a')).toEqual({ key: 'validation.tooShort', vars: { min: 2 } });
    expect(fieldProblem(username, 'a'.repeat(65))).toEqual({
      key: 'validation.tooLong',
      vars: { max: 64 },
    });
  });

  it('reports a format problem with the key the field names', () => {
    expect(fieldProblem(username, 'Bad User', 'validation.usernameFormat')).toEqual({
      key: 'validation.usernameFormat',
    });
    expect(fieldProblem(role, 'boss')).toEqual({ key: 'validation.invalid' });
  });
});

describe('zodRule', () => {
  it('rejects with the translated message and accepts good values', async () => {
    const rule = zodRule(
      username,
      (m) => translate('zh-CN', m.key, m.vars),
      'validation.usernameFormat',
    );
    await expect(rule.validator({}, 'Bad User')).rejects.toThrow(
      translate('zh-CN', 'validation.usernameFormat'),
    );
    await expect(rule.validator({}, 'ok-user')).resolves.toBeUndefined();
  });
});
