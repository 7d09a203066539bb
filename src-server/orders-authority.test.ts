import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalOrderResponse } from '../src-shared/api/portal';
import { uuidv7 } from '../src-shared/ids';
import { addDays } from '../src-shared/orders/dates';
import type { OrderRecord } from '../src-shared/orders/order-record';
import type { CheckSummary } from '../src-shared/orders/order-record';
import { getRecord, nextVersion, putRecord } from './db/sync-store';
import { DEMO_CUSTOMERS, DEMO_PRODUCTS } from './demo-data';
import { createPortalKey } from './portal/portal-keys';
import { seedDemoData } from './seed';
import { signInPc, type SyncPc } from './testing/sync-pc';
import { testEngine } from './testing/test-database';
import { databaseSnapshot, startTestServer, type TestServer } from './testing/test-server';

/**
 * Issue 12, the orders part: each PC (and a portal) sends what it believed — "catalog: pass"
 * for a model the factory does not make, a check summary of its own, a credit limit from the
 * order desk, an order for a customer its key was not issued for — and the server decides from
 * its own records: refused with its code and nothing changed, or stored with the server's
 * value beside the PC's; the matching right action is then applied.
 */

const today = new Date().toISOString().slice(0, 10);
const CELL = DEMO_PRODUCTS.find((p) => p.code === 'CYL-18650-26')!;
const LVYUAN = DEMO_CUSTOMERS.find((c) => c.code === 'C-0001')!;
const QIMING = DEMO_CUSTOMERS.find((c) => c.code === 'C-0002')!;

/** What a PC's screen would send after showing every check as passed. */
const ALL_PASS: CheckSummary[] = [
  'completeness',
  'catalog',
  'quantity',
  'delivery',
  'duplicates',
].map((check) => ({ check: check as CheckSummary['check'], status: 'pass', findings: [] }));

type Body = { id: string; [field: string]: unknown };

describe(`orders authority: the server decides from its own records (${testEngine()})`, () => {
  let server: TestServer;
  let desk: SyncPc;
  let sales: SyncPc;
  let finance: SyncPc;
  let portalKey: string;
  let refCount = 0;

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoData(server.db);
    desk = await signInPc(server, 'order-desk');
    sales = await signInPc(server, 'sales');
    finance = await signInPc(server, 'finance');
    ({ key: portalKey } = await createPortalKey(
      server.db,
      'lvyuan-purchasing',
      { userId: null, clientId: null, via: 'test' },
      ['C-0001'],
    ));
  });
  afterAll(() => server?.close());

  /** The rows of the record store, for "nothing else changed". */
  const records = async () =>
    (await server.db.selectFrom('records').selectAll().orderBy('kind').orderBy('id').execute()).map(
      (r) => JSON.stringify(r),
    );
  const orderOf = async (id: string) =>
    (await getRecord<OrderRecord>(server.db, 'order', id))!.body;
  const customerOf = async (id: string) =>
    (await getRecord<Record<string, unknown>>(server.db, 'customer', id))!.body;

  async function seed(kind: string, body: Body) {
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      await putRecord(trx, { kind, id: body.id, body, updatedBy: 'test' }, version);
    });
  }

  function postPortal(customerCode: string, lines: unknown[], ref = `LY-${++refCount}`) {
    return server.request<PortalOrderResponse & { code?: string; message?: string }>(
      'POST',
      '/api/portal/orders',
      {
        headers: { 'x-api-key': portalKey },
        body: {
          externalRef: ref,
          customerCode,
          contact: { name: '林晓东' },
          lines,
          requestedDate: addDays(today, 90 + refCount),
          deliveryPlace: '深圳市南山区松坪山路 18 号',
        },
      },
    );
  }

  /** A portal order taken into review by the desk PC. */
  async function takenPortalOrder(model: string): Promise<string> {
    const posted = await postPortal('C-0001', [{ model, spec: 'STD', quantity: 20_000 }]);
    expect(posted.status).toBe(201);
    expect(await desk.push('order.take', { orderId: posted.body.orderId })).toMatchObject({
      status: 'applied',
    });
    return posted.body.orderId;
  }

  describe('review checks', () => {
    it('refuses a review the PC said passed for a model not in the catalog, changing nothing', async () => {
      const orderId = await takenPortalOrder('NO-SUCH-MODEL-9000');
      const before = await records();
      const result = await desk.push('order.review', { orderId, checks: ALL_PASS });
      expect(result).toMatchObject({
        status: 'rejected',
        code: 'review-failed',
        params: { checks: 'catalog', findings: 'model-unknown' },
      });
      expect(await records()).toEqual(before);
      const order = await orderOf(orderId);
      expect(order.state).toBe('under_review');
      expect(order).not.toHaveProperty('review');
      // Nothing after the review lets it through either.
      expect(await sales.push('order.confirm', { orderId })).toMatchObject({
        status: 'rejected',
        code: 'illegal-transition',
      });
    });

    it("stores the server's checks, and the PC's own summary beside them when it differs", async () => {
      const orderId = await takenPortalOrder('CYL-18650-26');
      const pcSaw: CheckSummary[] = [
        ...ALL_PASS.slice(0, 4),
        { check: 'duplicates', status: 'warn', findings: ['possible-duplicate'] },
      ];
      expect(
        await desk.push('order.review', { orderId, checks: pcSaw, note: 'checked by phone' }),
      ).toMatchObject({ status: 'applied' });
      const pulled = (await desk.pullAll()).get(`order/${orderId}`)!.body as OrderRecord;
      expect(pulled.state).toBe('reviewed');
      expect(pulled.review).toMatchObject({ checks: ALL_PASS, pcChecks: pcSaw });

      // The same review seen the same way keeps no copy.
      const other = await takenPortalOrder('CYL-18650-26');
      expect(await desk.push('order.review', { orderId: other, checks: ALL_PASS })).toMatchObject({
        status: 'applied',
      });
      expect((await orderOf(other)).review).not.toHaveProperty('pcChecks');

      // The right next step still applies: sales confirms the reviewed order.
      expect(await sales.push('order.confirm', { orderId })).toMatchObject({ status: 'applied' });
      expect((await orderOf(orderId)).state).toBe('in_feasibility');
    });

    it('refuses to confirm an order reviewed with a failure before the server checked, or whose model left the catalog', async () => {
      // Reviewed by an older PC that sent a failure and passed it "anyway".
      const legacy = await takenPortalOrder('CYL-18650-26');
      const stored = await orderOf(legacy);
      await seed('order', {
        ...stored,
        state: 'reviewed',
        review: {
          by: 'u-old',
          at: `${today}T08:00:00.000Z`,
          checks: [{ check: 'delivery', status: 'fail', findings: ['lead-time'] }],
        },
      });
      const before = await records();
      expect(await sales.push('order.confirm', { orderId: legacy })).toMatchObject({
        status: 'rejected',
        code: 'review-failed',
        params: { checks: 'delivery', findings: 'lead-time' },
      });
      expect(await records()).toEqual(before);

      // A model sales takes out of the catalog after the review: the order cannot be confirmed.
      const product = { ...CELL, id: uuidv7(), code: 'CYL-18650-26X' };
      expect(await sales.push('product.save', { product })).toMatchObject({ status: 'applied' });
      const orderId = await takenPortalOrder('CYL-18650-26X');
      expect(await desk.push('order.review', { orderId, checks: ALL_PASS })).toMatchObject({
        status: 'applied',
      });
      const version = (await getRecord(server.db, 'product', product.id))!.version;
      expect(
        await sales.push('product.save', {
          product: { ...product, discontinued: true },
          baseVersion: version,
        }),
      ).toMatchObject({ status: 'applied' });
      expect(await sales.push('order.confirm', { orderId })).toMatchObject({
        status: 'rejected',
        code: 'review-failed',
        params: { checks: 'catalog', findings: 'model-discontinued' },
      });
      expect((await orderOf(orderId)).state).toBe('reviewed');
    });
  });

  describe('credit belongs to finance', () => {
    it("refuses the order desk's credit limit and hold, naming the field, changing nothing", async () => {
      const stored = await getRecord(server.db, 'customer', QIMING.id);
      const { creditLimit } = await customerOf(QIMING.id);
      const before = await records();
      for (const [field, value] of [
        ['creditLimit', { amount: 99_000_000, currency: 'CNY' }],
        ['creditHold', false],
      ] as const) {
        const result = await desk.push('customer.save', {
          customer: { ...QIMING, [field]: value },
          baseVersion: stored!.version,
        });
        expect(result).toMatchObject({
          status: 'rejected',
          code: 'forbidden-field',
          params: { field },
        });
      }
      // A new customer with a credit limit of its own making, too.
      const fresh = { ...QIMING, id: uuidv7(), code: 'C-0901', creditLimit: undefined };
      expect(
        await desk.push('customer.save', {
          customer: { ...fresh, creditLimit: { amount: 1, currency: 'CNY' } },
        }),
      ).toMatchObject({
        status: 'rejected',
        code: 'forbidden-field',
        params: { field: 'creditLimit' },
      });
      expect(await records()).toEqual(before);
      expect((await customerOf(QIMING.id)).creditLimit).toEqual(creditLimit);
    });

    it('keeps finance’s values through a desk edit without them, and lets finance set them', async () => {
      const stored = (await getRecord(server.db, 'customer', QIMING.id))!;
      const {
        creditLimit: _limit,
        creditHold: _hold,
        ...withoutCredit
      } = QIMING as typeof QIMING & {
        creditHold?: boolean;
      };
      const edited = { ...withoutCredit, address: { ...QIMING.address, line1: '文一西路 969 号' } };
      expect(
        await desk.push('customer.save', { customer: edited, baseVersion: stored.version }),
      ).toMatchObject({ status: 'applied' });
      expect(await customerOf(QIMING.id)).toMatchObject({
        address: { line1: '文一西路 969 号' },
        creditLimit: QIMING.creditLimit,
      });

      expect(
        await finance.push('customer.credit', {
          customerId: QIMING.id,
          creditLimit: { amount: 3_000_000, currency: 'CNY' },
          creditHold: true,
          note: 'overdue invoices',
        }),
      ).toMatchObject({ status: 'applied' });
      const pulled = (await desk.pullAll()).get(`customer/${QIMING.id}`)!.body;
      expect(pulled).toMatchObject({
        creditLimit: { amount: 3_000_000, currency: 'CNY' },
        creditHold: true,
        address: { line1: '文一西路 969 号' },
      });
      // The order desk may not use finance's mutation.
      expect(
        await desk.push('customer.credit', { customerId: QIMING.id, creditHold: false }),
      ).toMatchObject({ status: 'rejected', code: 'forbidden' });
    });
  });

  describe('portal keys are bound to their customers', () => {
    it("refuses an order for another customer's code with 403, changing nothing", async () => {
      const before = await databaseSnapshot(server.db);
      const recordsBefore = await records();
      const res = await postPortal('C-0002', [
        { model: 'CYL-18650-26', spec: 'STD', quantity: 20_000 },
      ]);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        code: 'customer-not-bound',
        message: expect.stringContaining('C-0002'),
      });
      expect(await databaseSnapshot(server.db)).toEqual(before);
      expect(await records()).toEqual(recordsBefore);
    });

    it('takes the order of its own customer, and serves the catalog as before', async () => {
      const res = await postPortal('c-0001', [
        { model: 'CYL-18650-26', spec: 'STD', quantity: 20_000 },
      ]);
      expect(res.status).toBe(201);
      expect(await orderOf(res.body.orderId)).toMatchObject({
        customerId: LVYUAN.id,
        channel: 'portal',
        state: 'received',
      });
      const catalog = await server.request<unknown[]>('GET', '/api/portal/catalog', {
        headers: { 'x-api-key': portalKey },
      });
      expect(catalog.status).toBe(200);
      expect(catalog.body.length).toBeGreaterThan(0);
    });
  });
});
