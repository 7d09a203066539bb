import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, User } from '../../src-shared/api/auth';
import {
  portalKeyFormat,
  type CreatedPortalKey,
  type PortalKeyInfo,
} from '../../src-shared/api/portal';
import { verifyAudit } from '../audit/audit-log';
import { touchPortalKey } from '../portal/portal-keys';
import { seedDemoData } from '../seed';
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
      'customers',
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

describe(`portal keys bound to customers, on the admin routes (${testEngine()})`, () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer();
    // The admin first (the test's own password), then the demo customers beside it.
    admin = await server.tokenFor('admin');
    await seedDemoData(server.db);
  });
  afterAll(() => server?.close());

  const post = <T>(path: string, body: unknown) =>
    server.request<T & ApiError>('POST', path, { token: admin, body });
  const list = async () =>
    (await server.request<PortalKeyInfo[]>('GET', '/api/admin/portal-keys', { token: admin })).body;
  const order = (key: string, customerCode: string) =>
    server.request<ApiError>('POST', '/api/portal/orders', {
      headers: { 'x-api-key': key },
      body: {
        externalRef: `REF-${customerCode}-${Math.random()}`,
        customerCode,
        contact: { name: 'Buyer' },
        lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 10_000 }],
        requestedDate: '2027-03-01',
        deliveryPlace: 'Shenzhen',
      },
    });

  it('makes a key for the customers named by code, lists them, and audits the binding', async () => {
    const made = await post<CreatedPortalKey>('/api/admin/portal-keys', {
      name: 'dealer-east',
      customers: ['c-0002', 'C-0001'],
    });
    expect(made.status).toBe(201);
    expect(Object.keys(made.body).sort()).toEqual(['id', 'key', 'name']);
    expect((await list()).find((k) => k.id === made.body.id)?.customers).toEqual([
      'C-0001',
      'C-0002',
    ]);
    expect((await order(made.body.key, 'C-0002')).status).toBe(201);
    const other = await order(made.body.key, 'C-0003');
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'customer-not-bound', message: expect.any(String) });

    const audit = await server.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'portal-key.bound')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toContainEqual(
      expect.objectContaining({ id: made.body.id, customers: ['C-0002', 'C-0001'] }),
    );
  });

  it('refuses an unknown customer code next to its place, making no key', async () => {
    const before = await databaseSnapshot(server.db);
    const res = await post('/api/admin/portal-keys', {
      name: 'typo-shop',
      customers: ['C-0001', 'C-9999'],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'unknown-customer',
      issues: [{ path: 'customers.1' }],
    });
    expect((await list()).map((k) => k.name)).not.toContain('typo-shop');
    for (const customers of [[], ['C-0001', 'c-0001'], ['not a code!']]) {
      const bad = await post('/api/admin/portal-keys', { name: 'bad-shop', customers });
      expect(bad.status, JSON.stringify(customers)).toBe(400);
    }
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  it('binds a key made without customers (as before 0007), which then takes orders', async () => {
    const made = await post<CreatedPortalKey>('/api/admin/portal-keys', { name: 'old-shop' });
    expect((await list()).find((k) => k.id === made.body.id)?.customers).toEqual([]);
    const unbound = await order(made.body.key, 'C-0001');
    expect(unbound.status).toBe(403);
    expect(unbound.body.code).toBe('portal-key-unbound');
    // The catalog still answers, so the portal's page loads and shows why.
    const catalog = await server.request('GET', '/api/portal/catalog', {
      headers: { 'x-api-key': made.body.key },
    });
    expect(catalog.status).toBe(200);

    const bound = await post<PortalKeyInfo>(`/api/admin/portal-keys/${made.body.id}/customers`, {
      customers: ['C-0001'],
    });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ id: made.body.id, customers: ['C-0001'] });
    expect((await order(made.body.key, 'C-0001')).status).toBe(201);

    // Binding replaces: the customer left out is no longer the key's.
    await post(`/api/admin/portal-keys/${made.body.id}/customers`, { customers: ['C-0004'] });
    expect((await order(made.body.key, 'C-0001')).body.code).toBe('customer-not-bound');
    expect((await order(made.body.key, 'C-0004')).status).toBe(201);
  });

  it('answers 404 for an unknown key and 422 for an unknown customer when binding', async () => {
    const missing = await post(
      '/api/admin/portal-keys/00000000-0000-4000-8000-000000000000/customers',
      {
        customers: ['C-0001'],
      },
    );
    expect(missing.status).toBe(404);
    const made = await post<CreatedPortalKey>('/api/admin/portal-keys', {
      name: 'kept-shop',
      customers: ['C-0005'],
    });
    const before = await databaseSnapshot(server.db);
    const unknown = await post(`/api/admin/portal-keys/${made.body.id}/customers`, {
      customers: ['C-7777'],
    });
    expect(unknown.status).toBe(422);
    expect(await databaseSnapshot(server.db)).toEqual(before);
    expect((await list()).find((k) => k.id === made.body.id)?.customers).toEqual(['C-0005']);
  });
});
