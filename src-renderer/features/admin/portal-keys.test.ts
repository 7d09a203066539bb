import { describe, expect, it, vi } from 'vitest';
import type { PortalKeyInfo } from '../../../src-shared/api/portal';
import { placeCreateFailure } from './use-create-portal-key';
import { portalKeyState, sortPortalKeys } from './use-portal-keys';

vi.mock('../../api/app-info', () => ({ serverUrl: async () => 'http://unused' }));

const key = (name: string, revokedAt: string | null = null): PortalKeyInfo => ({
  id: `id-${name}`,
  name,
  createdAt: '2026-11-27T08:00:00.000Z',
  revokedAt,
  lastUsedAt: null,
  customers: [],
});

describe('placeCreateFailure', () => {
  it('puts a taken name next to the name field', () => {
    expect(placeCreateFailure({ error: 'portal-name-taken' }, 'web-shop')).toEqual({
      name: { key: 'errors.portal-name-taken' },
    });
  });

  it("says what is wrong with the name in the user's language, not the server's English", () => {
    expect(
      placeCreateFailure(
        { error: 'invalid-input', issues: [{ path: 'name', message: 'Invalid string' }] },
        'Web Shop',
      ),
    ).toEqual({ name: { key: 'validation.portalNameFormat' } });
    expect(
      placeCreateFailure(
        { error: 'invalid-input', issues: [{ path: 'name', message: 'Too small' }] },
        'x',
      ),
    ).toEqual({ name: { key: 'validation.tooShort', vars: { min: 2 } } });
  });

  it("quotes the server's message when only the server knows what is wrong", () => {
    expect(
      placeCreateFailure(
        { error: 'invalid-input', issues: [{ path: 'name', message: 'reserved' }] },
        'web-shop',
      ),
    ).toEqual({ name: { key: 'validation.serverRefused', vars: { message: 'reserved' } } });
  });

  it('puts anything else under the form', () => {
    expect(placeCreateFailure({ error: 'network-error' }, 'web-shop')).toEqual({
      form: { key: 'errors.network-error' },
    });
    expect(
      placeCreateFailure(
        { error: 'invalid-input', issues: [{ path: '', message: 'Unrecognized key' }] },
        'web-shop',
      ),
    ).toEqual({ form: { key: 'errors.invalid-input' } });
  });
});

describe('portal key list', () => {
  it('tells active from revoked keys', () => {
    expect(portalKeyState(key('a'))).toBe('active');
    expect(portalKeyState(key('a', '2026-11-27T09:00:00.000Z'))).toBe('revoked');
  });

  it('lists working keys first, each group by name', () => {
    const sorted = sortPortalKeys([
      key('web-shop', '2026-11-27T09:00:00.000Z'),
      key('dealer'),
      key('app-store', '2026-11-27T09:00:00.000Z'),
      key('b2b'),
    ]);
    expect(sorted.map((k) => k.name)).toEqual(['b2b', 'dealer', 'app-store', 'web-shop']);
  });
});
