import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src-shared/api/auth';
import { customerSchema, dangerousGoodsOf, productSchema } from '../src-shared/orders/catalog';
import { ROLES } from '../src-shared/roles';
import { verifyAudit } from './audit/audit-log';
import { readSyncState, toStoredRecord } from './db/sync-store';
import {
  DEMO_CUSTOMERS,
  DEMO_PASSWORD,
  DEMO_PRODUCTION_LINES,
  DEMO_PRODUCTS,
  type DemoProduct,
} from './demo-data';
import { DEMO_INSPECTION_PLANS, DEMO_MATERIAL_LOTS } from './demo-quality';
import { DEMO_CARRIERS } from './demo-warehouse';
import { carrierSchema } from '../src-shared/warehouse/carrier';
import { demoUsersNotice, isEmptyDatabase, seedDemoData } from './seed';
import { testEngine } from './testing/test-database';
import { startTestServer, type TestServer } from './testing/test-server';

describe('demo data', () => {
  it('has carriers the carrier editor would save as they are', () => {
    for (const c of DEMO_CARRIERS) expect(carrierSchema.safeParse(c).success, c.name).toBe(true);
  });

  it('has self-consistent products: Wh = V × rated Ah, UN numbers by chemistry', () => {
    expect(DEMO_PRODUCTS).toHaveLength(6);
    for (const p of DEMO_PRODUCTS) {
      expect(p.energyWh, p.code).toBeCloseTo(p.nominalVoltageV * p.ratedCapacityAh, 2);
      expect(p.typicalCapacityAh).toBeGreaterThanOrEqual(p.ratedCapacityAh);
      expect(p.unNumber, p.code).toBe(p.chemistry === 'lead-acid' ? 'UN2800' : 'UN3480');
      expect(p.moq).toBeGreaterThan(0);
      expect(p.leadTimeDays).toBeGreaterThan(0);
    }
    const byCode = Object.fromEntries(DEMO_PRODUCTS.map((p) => [p.code, p])) as Record<
      string,
      DemoProduct
    >;
    expect(byCode['PRI-LFP-105']!.energyWh).toBe(336);
    expect(byCode['PACK-LFP-12V100']!.energyWh).toBe(1280);
  });

  it('has lines for every product format, and customers at home and abroad', () => {
    const formats = new Set(DEMO_PRODUCTION_LINES.flatMap((l) => l.rates.map((r) => r.family)));
    for (const p of DEMO_PRODUCTS) expect(formats.has(p.format), p.format).toBe(true);
    const countries = new Set(DEMO_CUSTOMERS.map((c) => c.country));
    expect(countries.has('CN')).toBe(true);
    expect(countries.size).toBeGreaterThanOrEqual(4);
    for (const c of DEMO_CUSTOMERS) expect(c.contacts.length).toBeGreaterThan(0);
  });

  it('passes the catalog and customer schemas the order screens read with', () => {
    for (const p of DEMO_PRODUCTS) {
      expect(productSchema.safeParse(p).error?.issues, p.code).toBeUndefined();
      expect(dangerousGoodsOf(p.unNumber), p.code).toBe(
        p.unNumber === 'UN2800' ? 'not-restricted' : 'regulated',
      );
    }
    for (const c of DEMO_CUSTOMERS) {
      expect(customerSchema.safeParse(c).error?.issues, c.code).toBeUndefined();
    }
  });

  it('uses distinct ids', () => {
    const ids = [...DEMO_PRODUCTS, ...DEMO_CUSTOMERS, ...DEMO_PRODUCTION_LINES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe(`seeding (${testEngine()})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('fills an empty database once, with one version per record and one user per role', async () => {
    expect(await isEmptyDatabase(server.db)).toBe(true);
    const result = await seedDemoData(server.db);
    const total =
      DEMO_PRODUCTS.length +
      DEMO_CUSTOMERS.length +
      DEMO_PRODUCTION_LINES.length +
      DEMO_INSPECTION_PLANS.length +
      DEMO_MATERIAL_LOTS.length +
      DEMO_CARRIERS.length;
    expect(result).toEqual({ usersCreated: [...ROLES], recordsCreated: total });
    expect(await isEmptyDatabase(server.db)).toBe(false);

    const rows = await server.db.selectFrom('records').selectAll().orderBy('version').execute();
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect((await readSyncState(server.db)).version).toBe(total);
    const product = toStoredRecord<DemoProduct>(rows.find((r) => r.kind === 'product')!);
    expect(product.body).toEqual(DEMO_PRODUCTS[0]);

    expect(demoUsersNotice(result.usersCreated)).toBe(
      `Demo users created: ${ROLES.join(', ')}, password: orderline-demo — change them before production use`,
    );
    expect(await verifyAudit(server.db)).toEqual({ ok: true, checked: ROLES.length + 1 });
  });

  it('adds nothing the second time', async () => {
    const before = await readSyncState(server.db);
    expect(await seedDemoData(server.db)).toEqual({ usersCreated: [], recordsCreated: 0 });
    expect(await readSyncState(server.db)).toEqual(before);
  });

  it('lets each demo user sign in with the demo password, with a Chinese display name', async () => {
    const admin = await server.login('admin', DEMO_PASSWORD);
    const users = await server.request<User[]>('GET', '/api/admin/users', { token: admin.token });
    expect(users.body.map((u) => u.username).sort()).toEqual([...ROLES].sort());
    for (const user of users.body) {
      expect(user.role).toBe(user.username);
      expect(user.displayName).toMatch(/[\u4e00-\u9fff]/);
    }
    await expect(server.login('quality', DEMO_PASSWORD)).resolves.toBeDefined();
  });
});
