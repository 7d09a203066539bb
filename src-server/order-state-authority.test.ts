import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src-shared/ids';
import { getRecord, nextVersion, putRecord } from './db/sync-store';
import { DEMO_CUSTOMERS } from './demo-data';
import { DEMO_INSPECTION_PLANS } from './demo-quality';
import { seedDemoData } from './seed';
import { signInPc, type SyncPc } from './testing/sync-pc';
import { testEngine } from './testing/test-database';
import { startTestServer, type TestServer } from './testing/test-server';

/**
 * Issue 12 over real pushes, on SQLite and PostgreSQL: an order's fact-driven states cannot be
 * requested (a warehouse user "shipping" an order with no shipment, a planner "planning" one
 * with no batch), and an inspection lot's size is the batch's own quantity, whatever the PC
 * sends. Each wrong push is refused or corrected and changes nothing else; the right action
 * still applies.
 */
describe(`order states and lot sizes the server decides (${testEngine()})`, () => {
  let server: TestServer;
  let warehouse: SyncPc;
  let planner: SyncPc;
  let quality: SyncPc;
  let desk: SyncPc;
  const customer = DEMO_CUSTOMERS[0]!;
  const readyId = uuidv7();
  const acceptedId = uuidv7();
  const batchId = uuidv7();
  const shippedId = uuidv7();
  const plan = DEMO_INSPECTION_PLANS.find(
    (p) => p.model === 'PACK-LFP-12V100' && p.stage === 'final',
  )!;

  const order = (id: string, number: string, state: string) => ({
    id,
    number,
    numberProvisional: false,
    customerId: customer.id,
    channel: 'email',
    state,
    lines: [{ model: 'PACK-LFP-12V100', quantity: 8 }],
    history: [],
    createdBy: 'test',
    createdAt: '2026-12-01T08:00:00.000Z',
  });

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoData(server.db);
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      const put = (kind: string, body: { id: string; [field: string]: unknown }) =>
        putRecord(trx, { kind, id: body.id, body, updatedBy: 'test' }, version);
      await put('order', order(readyId, 'SO-2026-000801', 'ready_to_ship'));
      await put('order', order(acceptedId, 'SO-2026-000802', 'accepted'));
      await put('order', order(shippedId, 'SO-2026-000803', 'shipped'));
      await put('batch', {
        id: batchId,
        number: 'BT-2026-000801',
        model: 'PACK-LFP-12V100',
        quantity: 8,
        lineId: 'P1-PACK',
        state: 'done',
        start: '2026-12-01T00:00:00.000Z',
        end: '2026-12-01T08:00:00.000Z',
      });
    });
    warehouse = await signInPc(server, 'warehouse');
    planner = await signInPc(server, 'planning');
    quality = await signInPc(server, 'quality');
    desk = await signInPc(server, 'order-desk');
  });
  afterAll(() => server?.close());

  const stored = async (id: string) =>
    (await getRecord<{ state: string; history: unknown[] }>(server.db, 'order', id))!.body;

  it('refuses a bare move to a fact-driven state, whoever asks, and changes nothing', async () => {
    const before = await stored(readyId);
    expect(
      await warehouse.push('order.transition', { orderId: readyId, to: 'shipped' }),
    ).toMatchObject({
      status: 'rejected',
      code: 'needs-own-action',
      params: { to: 'shipped', mutation: 'shipment.confirm' },
    });
    expect(
      await planner.push('order.transition', { orderId: acceptedId, to: 'planned' }),
    ).toMatchObject({
      status: 'rejected',
      code: 'needs-own-action',
      params: { to: 'planned', mutation: 'batch.plan' },
    });
    expect(await stored(readyId)).toEqual(before);
    expect((await stored(acceptedId)).state).toBe('accepted');
  });

  it('still applies what a person decides directly', async () => {
    const id = uuidv7();
    expect(
      await desk.push('order.create', {
        id,
        customerId: customer.id,
        channel: 'phone',
        lines: [{ model: 'PACK-LFP-12V100', quantity: 8 }],
      }),
    ).toMatchObject({ status: 'applied' });
    expect(await desk.push('order.transition', { orderId: id, to: 'under_review' })).toMatchObject({
      status: 'applied',
    });
    expect((await stored(id)).state).toBe('under_review');
  });

  it("takes the lot size from the batch, keeping the PC's figure beside", async () => {
    const lotId = uuidv7();
    expect(
      await quality.push('inspection.start', {
        id: lotId,
        planId: plan.id,
        target: { kind: 'batch', id: batchId },
        lotSize: 1_000_000,
      }),
    ).toMatchObject({ status: 'applied' });
    const lot = (await getRecord<{ lotSize: number; pcLotSize?: number }>(
      server.db,
      'inspection-lot',
      lotId,
    ))!.body;
    expect(lot).toMatchObject({ lotSize: 8, pcLotSize: 1_000_000 });
  });

  it("judges a delivery's date by the server's clock: a future one is refused, today's applies", async () => {
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    expect(
      await warehouse.push('order.deliver', { orderId: shippedId, deliveredOn: future }),
    ).toMatchObject({ status: 'rejected', code: 'invalid-args', params: { path: 'deliveredOn' } });
    expect((await stored(shippedId)).state).toBe('shipped');
    const today = new Date().toISOString().slice(0, 10);
    expect(
      await warehouse.push('order.deliver', { orderId: shippedId, deliveredOn: today }),
    ).toMatchObject({ status: 'applied' });
    expect((await stored(shippedId)).state).toBe('delivered');
  });
});
