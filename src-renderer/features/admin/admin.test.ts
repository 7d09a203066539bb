import { describe, expect, it, vi } from 'vitest';
import { auditOutcomeRef } from './use-audit-verify';
import { serverFieldErrors } from './use-create-user-form';

vi.mock('../../api/app-info', () => ({ serverUrl: async () => 'http://unused' }));

describe('serverFieldErrors', () => {
  it('translates issues our own check recognises', () => {
    expect(
      serverFieldErrors([{ path: 'username', message: 'Invalid string' }], { username: 'A B' }),
    ).toEqual({ username: { key: 'validation.usernameFormat' } });
  });

  it("quotes the server's message when only the server knows what is wrong", () => {
    expect(
      serverFieldErrors([{ path: 'displayName', message: 'reserved name' }], {
        displayName: 'root',
      }),
    ).toEqual({
      displayName: { key: 'validation.serverRefused', vars: { message: 'reserved name' } },
    });
  });

  it('ignores paths that are not form fields and keeps the first issue per field', () => {
    expect(
      serverFieldErrors(
        [
          { path: '', message: 'unknown key' },
          { path: 'password', message: 'first' },
          { path: 'password', message: 'second' },
        ],
        { password: 'long-enough-password' },
      ),
    ).toEqual({ password: { key: 'validation.serverRefused', vars: { message: 'first' } } });
  });
});

describe('auditOutcomeRef', () => {
  it('reports an intact chain with its length', () => {
    expect(auditOutcomeRef({ ok: true, checked: 12 })).toEqual({
      kind: 'ok',
      key: 'admin.audit.ok',
      vars: { count: 12 },
    });
  });

  it('reports the first broken link', () => {
    expect(
      auditOutcomeRef({ ok: false, checked: 5, firstBroken: { seq: 3, reason: 'hash mismatch' } }),
    ).toEqual({
      kind: 'broken',
      key: 'admin.audit.broken',
      vars: { seq: 3, reason: 'hash mismatch' },
    });
  });
});
