import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalCatalogEntry, PortalOrderResponse } from '../../src-shared/api/portal';
import type { OrderRecord } from '../../src-shared/orders/order-record';
import type { PullResponse } from '../../src-shared/sync/protocol';
import { verifyAudit } from '../audit/audit-log';
import { DEMO_CUSTOMERS } from '../demo-data';
import { seedDemoData } from '../seed';
import { testEngine } from '../testing/test-database';
import { databaseSnapshot, startTestServer, type TestServer } from '../testing/test-server';
import { createPortalKey, hashPortalKey, listPortalKeys, revokePortalKey } from './portal-keys';
import { portalOrderId } from './portal-routes';

const ACTOR = { userId: null, clientId: null, via: 'test' };

describe(`portal intake (${testEngine()})`, () => {
  let server: TestServer;
  let key: string;
  let portalId: string;

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoData(server.db);
    ({ key, id: portalId } = await createPortalKey(server.db, 'web-shop', ACTOR, ['C-0001']));
  });
  afterAll(() => server?.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    externalRef: `WEB-${randomUUID().slice(0, 8)}`,
    customerCode: 'C-0001',
    contact: { name: '林晓东', email: 'lin.xd@lvyuan-ess.example.cn' },
    lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 20_000 }],
    requestedDate: '2027-03-01',
    deliveryPlace: '深圳市南山区松坪山路 18 号',
    ...overrides,
  });

  const post = (payload: unknown, apiKey: string | null = key) =>
    server.request<PortalOrderResponse & { code?: string; issues?: unknown[] }>(
      'POST',
      '/api/portal/orders',
      { body: payload, headers: apiKey === null ? {} : { 'x-api-key': apiKey } },
    );

  it('keeps only a hash of the key, and lists the portal', async () => {
    const row = await server.db.selectFrom('portal_keys').selectAll().executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashPortalKey(key));
    expect(JSON.stringify(row)).not.toContain(key);
    expect(key).toMatch(/^olp_[A-Za-z0-9_-]{43}$/);
    expect(await listPortalKeys(server.db)).toMatchObject([{ name: 'web-shop', revokedAt: null }]);
    await expect(createPortalKey(server.db, 'web-shop', ACTOR)).rejects.toMatchObject({
      code: 'portal-name-taken',
    });
  });

  it('refuses a missing, malformed or unknown key before reading the body, changing nothing', async () => {
    const before = await databaseSnapshot(server.db);
    for (const apiKey of [null, 'nope', `olp_${'A'.repeat(43)}`]) {
      const res = await post(body(), apiKey);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'invalid-api-key' });
    }
    const catalog = await server.request('GET', '/api/portal/catalog');
    expect(catalog.status).toBe(401);
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  it('lists the catalog with specs, MOQ and lead time for the portal page', async () => {
    const res = await server.request<PortalCatalogEntry[]>('GET', '/api/portal/catalog', {
      headers: { 'x-api-key': key },
    });
    expect(res.status).toBe(200);
    const cell = res.body.find((p) => p.code === 'CYL-18650-26');
    expect(cell).toMatchObject({ moq: 10_000, leadTimeDays: 30 });
    expect(cell?.specs.map((s) => s.code)).toContain('STD');
  });

  it('takes an order through the shared mutator: server number, portal channel, timeline, audit', async () => {
    const payload = body({ externalRef: 'WEB-1001' });
    const res = await post(payload);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      orderId: portalOrderId(portalId, 'WEB-1001'),
      number: expect.stringMatching(/^RQ-\d{4}-\d{6}$/),
      state: 'received',
      created: true,
    });
    const row = await server.db
      .selectFrom('records')
      .selectAll()
      .where('kind', '=', 'order')
      .where('id', '=', res.body.orderId)
      .executeTakeFirstOrThrow();
    const order = JSON.parse(row.body) as OrderRecord;
    expect(order).toMatchObject({
      channel: 'portal',
      customerId: DEMO_CUSTOMERS[0]!.id,
      customerCode: 'C-0001',
      customerRef: 'WEB-1001',
      numberProvisional: false,
      models: ['CYL-18650-26'],
      history: [
        {
          to: 'received',
          by: `portal:${portalId}`,
          byName: 'Portal web-shop',
          pc: 'Portal web-shop',
        },
      ],
    });
    const audit = await server.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'order.create')
      .execute();
    expect(JSON.parse(audit.at(-1)!.detail)).toMatchObject({
      via: 'portal',
      portal: 'web-shop',
      changed: [`order/${res.body.orderId}`],
    });
    expect((await verifyAudit(server.db)).ok).toBe(true);
    const keys = await listPortalKeys(server.db);
    expect(keys[0]!.lastUsedAt).not.toBeNull();
  });

  it('answers a repeated post of the same reference with the same order, creating nothing', async () => {
    const payload = body({ externalRef: 'WEB-1002' });
    const first = await post(payload);
    const before = await databaseSnapshot(server.db);
    const again = await post(payload);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, created: false });
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  it('places problems next to their field: unknown customer, bad lines, missing date', async () => {
    const unknown = await post(body({ customerCode: 'C-9999' }));
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      code: 'unknown-customer',
      issues: [{ path: 'customerCode' }],
    });
    const bad = await post(
      body({ lines: [{ model: 'CYL-18650-26', quantity: 0 }], requestedDate: undefined }),
    );
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      'lines.0.quantity',
      'requestedDate',
    ]);
  });

  it('pokes connected PCs at once, and an order-desk PC pulls the new order', async () => {
    // The seeded demo users have the demo password; this desk user is the test's own.
    await server.createUser('desk-portal-test', 'order-desk');
    const { token } = await server.login('desk-portal-test');
    const clientId = randomUUID();
    await server.request('POST', '/api/devices', {
      token,
      body: { clientId, deviceName: 'DESK-PC' },
    });
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/sync/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain('connected');
    const started = Date.now();
    const posted = await post(body({ externalRef: 'WEB-1003' }));
    let text = '';
    while (!text.includes('event: poke')) text += (await reader.read()).value ?? '';
    expect(Date.now() - started).toBeLessThan(2000);
    controller.abort();

    const pull = await server.request<PullResponse>('POST', '/api/sync/pull', {
      token,
      body: { clientId, schemaVersion: 2, cursor: 0, epoch: null, ackedSeq: 0 },
    });
    const ids = pull.body.changes.filter((c) => c.kind === 'order').map((c) => c.id);
    expect(ids).toContain(posted.body.orderId);
  });

  it('stops a revoked key at once', async () => {
    const other = await createPortalKey(server.db, 'distributor-x', ACTOR, ['C-0001']);
    expect((await post(body(), other.key)).status).toBe(201);
    await revokePortalKey(server.db, 'distributor-x', ACTOR);
    expect((await post(body(), other.key)).status).toBe(401);
    expect((await post(body())).status).toBe(201);
  });

  it('serves the portal page with a strict content security policy', async () => {
    const res = await fetch(`${server.url}/portal/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toContain('/api/portal/orders');
  });

  it('answers 429 rate-limited once an address has used its portal requests for the minute', async () => {
    const limited = await startTestServer({ config: { portalRequestsPerMinute: 3 } });
    try {
      const { key: limitedKey } = await createPortalKey(limited.db, 'shop', ACTOR);
      const catalog = () =>
        limited.request<{ code?: string; message?: string }>('GET', '/api/portal/catalog', {
          headers: { 'x-api-key': limitedKey },
        });
      for (let i = 0; i < 3; i++) expect((await catalog()).status).toBe(200);
      const refused = await catalog();
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ code: 'rate-limited' });
      expect(refused.body.message).toMatch(/try again in \d+ s/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Bad keys count too, and the rest of the API is not limited by it.
      expect((await limited.request('GET', '/api/portal/catalog')).status).toBe(429);
      expect((await limited.request('GET', '/api/health')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
