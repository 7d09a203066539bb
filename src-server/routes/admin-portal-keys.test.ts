import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, User } from '../../src-shared/api/auth';
import {
  portalKeyFormat,
  type CreatedPortalKey,
  type PortalKeyInfo,
} from '../../src-shared/api/portal';
import { verifyAudit } from '../audit/audit-log';
import { touchPortalKey } from '../portal/portal-keys';
import { testEngine } from '../testing/test-database';
import { databaseSnapshot, startTestServer, type TestServer } from '../testing/test-server';

describe(`portal keys on the admin screen (${testEngine()})`, () => {
  let server: TestServer;
  let admin: string;
  let adminId: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.tokenFor('admin');
    adminId = (await server.request<User>('GET', '/api/auth/me', { token: admin })).body.id;
  });
  afterAll(() => server?.close());

  const create = (name: unknown) =>
    server.request<CreatedPortalKey & ApiError>('POST', '/api/admin/portal-keys', {
      token: admin,
      body: { name },
    });
  const list = async () =>
    (await server.request<PortalKeyInfo[]>('GET', '/api/admin/portal-keys', { token: admin })).body;
  const revoke = (id: string) =>
    server.request<PortalKeyInfo & ApiError>('POST', `/api/admin/portal-keys/${id}/revoke`, {
      token: admin,
    });
  const catalogWith = (key: string) =>
    server.request('GET', '/api/portal/catalog', { headers: { 'x-api-key': key } });
  const auditOf = (action: string, id: string) =>
    server.db
      .selectFrom('audit_log')
      .select(['user_id', 'client_id', 'detail'])
      .where('action', '=', action)
      .execute()
      .then((rows) => rows.filter((r) => (JSON.parse(r.detail) as { id: string }).id === id));

  it('makes a key shown once, which then works on the portal API, audited as the admin', async () => {
    const res = await create('web-shop');
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'key', 'name']);
    expect(res.body.name).toBe('web-shop');
    expect(res.body.key).toMatch(portalKeyFormat);
    expect((await catalogWith(res.body.key)).status).toBe(200);

    expect(await auditOf('portal-key.created', res.body.id)).toEqual([
      {
        user_id: adminId,
        client_id: null,
        detail: JSON.stringify({ id: res.body.id, name: 'web-shop' }),
      },
    ]);
  });

  it('lists keys with their state and never the key or its hash', async () => {
    const made = await create('dealer-portal');
    await touchPortalKey(server.db, made.body.id);
    const keys = await list();
    const entry = keys.find((k) => k.id === made.body.id)!;
    expect(Object.keys(entry).sort()).toEqual([
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
      'revokedAt',
    ]);
    expect(entry).toMatchObject({ name: 'dealer-portal', revokedAt: null });
    expect(entry.lastUsedAt).toEqual(expect.any(String));
    const text = JSON.stringify(keys);
    const hashes = await server.db.selectFrom('portal_keys').select('key_hash').execute();
    for (const { key_hash } of hashes) expect(text).not.toContain(key_hash);
    expect(text).not.toMatch(/olp_/);
    // Sorted by name, as the CLI lists them.
    const names = keys.map((k) => k.name);
    expect(names).toEqual([...names].sort());
  });

  it('refuses a name that is taken (409) or malformed (400 on the name), changing nothing', async () => {
    const before = await databaseSnapshot(server.db);
    const taken = await create('web-shop');
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('portal-name-taken');
    for (const bad of ['Web Shop!', 'x', '', 'a'.repeat(61), 42, null]) {
      const res = await create(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.code).toBe('invalid-input');
      expect(res.body.issues?.[0]?.path).toBe('name');
    }
    const extra = await server.request<ApiError>('POST', '/api/admin/portal-keys', {
      token: admin,
      body: { name: 'other-shop', key: 'olp_mine' },
    });
    expect(extra.status).toBe(400);
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  it('revokes by id: the key gets 401 at once, one audit entry, revoking again is harmless', async () => {
    const made = await create('old-shop');
    const res = await revoke(made.body.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: made.body.id, name: 'old-shop' });
    expect(res.body.revokedAt).toEqual(expect.any(String));
    const refused = await catalogWith(made.body.key);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'invalid-api-key' });
    expect((await list()).find((k) => k.id === made.body.id)?.revokedAt).toBe(res.body.revokedAt);

    const again = await revoke(made.body.id);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(res.body.revokedAt);
    expect(await auditOf('portal-key.revoked', made.body.id)).toEqual([
      {
        user_id: adminId,
        client_id: null,
        detail: JSON.stringify({ id: made.body.id, name: 'old-shop' }),
      },
    ]);
    // The name stays taken: a revoked portal is not silently replaced.
    expect((await create('old-shop')).body.code).toBe('portal-name-taken');
  });

  it('answers 404 for an unknown id and 400 for one that is not an id', async () => {
    const unknown = await revoke('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not-found');
    const bad = await revoke('web-shop');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid-input');
  });

  it('keeps the audit chain intact', async () => {
    expect(await verifyAudit(server.db)).toMatchObject({ ok: true });
  });

  it('gives one key and one 409 when two admins create the same name at once', async () => {
    const results = await Promise.all([create('twin-shop'), create('twin-shop')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('portal-name-taken');
    expect((await list()).filter((k) => k.name === 'twin-shop')).toHaveLength(1);
  });
});
