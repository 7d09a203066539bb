import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src-shared/ids';
import { calendarOf, localDate } from '../src-shared/planning/line-calendar';
import type { RecordChange } from '../src-shared/sync/protocol';
import type { CartonRecord, ShipmentRecord } from '../src-shared/warehouse/shipment-record';
import { getRecord, nextVersion, putRecord } from './db/sync-store';
import { DEMO_CUSTOMERS, DEMO_PRODUCTION_LINES, DEMO_PRODUCTS } from './demo-data';
import { DEMO_CARRIERS } from './demo-warehouse';
import { seedDemoData } from './seed';
import { signInPc, type SyncPc } from './testing/sync-pc';
import { testEngine } from './testing/test-database';
import { startTestServer, type TestServer } from './testing/test-server';

/**
 * Issue 12, the warehouse part: each PC pushes what it believed offline — a quantity beyond
 * the batch's output, no serials for a serialized pack, a carton for an order whose share is
 * already packed, a carrier typed by hand, a batch not completed — and the server decides from
 * its own records: refused with its code and nothing changed, or stored with the server's
 * value; the matching right action is then applied.
 */

const released = {
  lots: [{ id: 'lot-1', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
  ncrs: [],
};
const CELL = DEMO_PRODUCTS.find((p) => p.code === 'CYL-18650-26')!;
const PACK = DEMO_PRODUCTS.find((p) => p.code === 'PACK-LFP-12V100')!;
const LINE = DEMO_PRODUCTION_LINES[0]!;
const SF = DEMO_CARRIERS.find((c) => c.name.startsWith('SF Express'))!;
const OTHER = DEMO_CARRIERS.find((c) => c.freeText === true)!;
const customer = DEMO_CUSTOMERS[0]!;

type Body = { id: string; [field: string]: unknown };

describe(`warehouse authority: the server decides from its own records (${testEngine()})`, () => {
  let server: TestServer;
  let pc1: SyncPc;
  let pc2: SyncPc;
  let floor: SyncPc;
  let admin: SyncPc;
  let orderCount = 0;

  async function seed(...records: { kind: string; body: Body }[]) {
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      for (const { kind, body } of records) {
        await putRecord(trx, { kind, id: body.id, body, updatedBy: 'test' }, version);
      }
    });
  }

  function order(model: string, quantity: number): { kind: string; body: Body } {
    orderCount += 1;
    return {
      kind: 'order',
      body: {
        id: uuidv7(),
        number: `SO-2026-0012${String(orderCount).padStart(2, '0')}`,
        customerId: customer.id,
        state: 'ready_to_ship',
        lines: [{ model, quantity }],
        history: [],
      },
    };
  }

  /** A batch as planning, the floor and quality leave it: completed, output reported, released. */
  function batch(over: Partial<Body> & { orderId: string; model: string }): {
    kind: string;
    body: Body;
  } {
    return {
      kind: 'batch',
      body: {
        id: uuidv7(),
        number: `B-2026-0012${String(++orderCount).padStart(2, '0')}`,
        quantity: 10,
        lineId: LINE.id,
        start: '2026-11-18T00:00:00.000Z',
        end: '2026-11-25T00:00:00.000Z',
        sequence: 1,
        state: 'done',
        good: 10,
        doneAt: '2026-11-20T08:00:00.000Z',
        quality: released,
        ...over,
      },
    };
  }

  /** What a PC sees of the server: every record it may read, at its version. */
  async function snapshot(): Promise<Map<string, number>> {
    const all: Map<string, RecordChange> = await admin.pullAll();
    return new Map([...all].map(([key, change]) => [key, change.version]));
  }

  /** Pushes what must be refused with `code`, and checks the server changed nothing for it. */
  async function expectRefused(
    pc: SyncPc,
    name: string,
    args: unknown,
    code: string,
    params: Record<string, unknown> = {},
  ) {
    const before = await snapshot();
    expect(await pc.push(name, args)).toMatchObject({ status: 'rejected', code, params });
    expect(await snapshot()).toEqual(before);
  }

  async function expectApplied(pc: SyncPc, name: string, args: unknown) {
    expect(await pc.push(name, args)).toMatchObject({ status: 'applied' });
  }

  const carton = async (code: string) =>
    (await getRecord<CartonRecord>(server.db, 'carton', code))?.body;

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoData(server.db);
    pc1 = await signInPc(server, 'warehouse');
    pc2 = await signInPc(server, 'warehouse');
    floor = await signInPc(server, 'production');
    admin = await signInPc(server, 'admin');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('packs no more than the batch’s good output, whichever PC packed first offline', async () => {
    const o = order(CELL.code, 20);
    const b = batch({ orderId: o.body.id, model: CELL.code });
    await seed(o, b);
    const pack = (code: string, quantity: number, extra: object = {}) => ({
      code,
      batchId: b.body.id,
      quantity,
      ...extra,
    });

    await expectRefused(pc1, 'carton.pack', pack('Q-BIG', 1_000_000), 'over-quantity', {
      packed: 0,
      good: 10,
      asked: 1_000_000,
    });
    expect(await carton('Q-BIG')).toBeUndefined();

    // Both PCs packed 6 while offline, each seeing nothing packed yet: the first to arrive wins.
    await expectApplied(pc1, 'carton.pack', pack('Q-1', 6));
    await expectRefused(pc2, 'carton.pack', pack('Q-2', 6), 'over-quantity', {
      packed: 6,
      good: 10,
      asked: 6,
    });
    await expectApplied(pc2, 'carton.pack', pack('Q-2', 4));
    expect((await carton('Q-2'))?.quantity).toBe(4);

    // A pallet of those cartons holds the same units: counted once, the batch is full.
    await expectApplied(pc1, 'pallet.build', { code: 'Q-PAL', cartons: ['Q-1', 'Q-2'] });
    await expectRefused(pc1, 'carton.pack', pack('Q-3', 1), 'over-quantity', {
      packed: 10,
      good: 10,
      asked: 1,
    });
  });

  it('takes the serial rule from the catalog entry of the batch’s model, whatever product the PC names', async () => {
    const o = order(PACK.code, 4);
    const b = batch({ orderId: o.body.id, model: PACK.code, quantity: 4, good: 4 });
    await seed(o, b);
    const pack = (code: string, extra: object = {}) => ({
      code,
      batchId: b.body.id,
      quantity: 2,
      ...extra,
    });
    // An old PC names no product (or its catalog says no serials): the pack needs them.
    await expectRefused(pc1, 'carton.pack', pack('S-1'), 'invalid-args', { path: 'serials' });
    // A product of another model does not stand in for the batch's.
    await expectRefused(pc1, 'carton.pack', pack('S-1', { productId: CELL.id }), 'wrong-model', {
      model: CELL.code,
    });
    await expectApplied(pc1, 'carton.pack', pack('S-1', { serials: ['SN-1', 'SN-2'] }));
    await expectApplied(
      pc1,
      'carton.pack',
      pack('S-2', { productId: PACK.id, serials: ['SN-3', 'SN-4'] }),
    );
    expect((await getRecord(server.db, 'serial', 'SN-3'))?.body).toMatchObject({ cartonId: 'S-2' });
  });

  it('gives a merged batch’s cartons to the orders it makes, by share, one order per carton', async () => {
    const a = order(CELL.code, 4);
    const c = order(CELL.code, 6);
    const b = batch({
      orderId: a.body.id,
      model: CELL.code,
      orderLines: [
        { orderId: a.body.id, lineKey: '0', quantity: 4 },
        { orderId: c.body.id, lineKey: '0', quantity: 6 },
      ],
    });
    await seed(a, c, b);
    const pack = (code: string, quantity: number) => ({ code, batchId: b.body.id, quantity });

    await expectApplied(pc1, 'carton.pack', pack('M-1', 3));
    expect((await carton('M-1'))?.orderId).toBe(a.body.id);
    // The other PC, not having seen M-1, would box 3 more for the first order: one too many.
    await expectRefused(pc2, 'carton.pack', pack('M-2', 3), 'carton-spans-orders', {
      remaining: 1,
      asked: 3,
      order: a.body.number,
      next: c.body.number,
    });
    await expectApplied(pc2, 'carton.pack', pack('M-2', 1));
    expect((await carton('M-2'))?.orderId).toBe(a.body.id);
    // Its PC still says the first order (the batch's orderId); the server gives it the second.
    await expectApplied(pc2, 'carton.pack', pack('M-3', 6));
    expect((await carton('M-3'))?.orderId).toBe(c.body.id);

    // So the second order's shipment takes M-3 and not the first order's cartons.
    const shipmentId = uuidv7();
    await expectApplied(pc1, 'shipment.create', {
      id: shipmentId,
      orderId: c.body.id,
      lines: [{ model: CELL.code, quantity: 6 }],
      mode: 'road',
    });
    const scan = (code: string) => ({ scanId: uuidv7(), shipmentId, code });
    await expectRefused(pc1, 'shipment.scan', scan('M-1'), 'wrong-order', { carton: 'M-1' });
    await expectApplied(pc1, 'shipment.scan', scan('M-3'));
  });

  it('ships only with a carrier of the list, typed names only where the plant allows them', async () => {
    const o = order(CELL.code, 4);
    const typedOrder = order(CELL.code, 4);
    const b = batch({ orderId: o.body.id, model: CELL.code, quantity: 4, good: 4 });
    const tb = batch({ orderId: typedOrder.body.id, model: CELL.code, quantity: 4, good: 4 });
    await seed(o, typedOrder, b, tb);
    await expectApplied(pc1, 'carton.pack', { code: 'K-1', batchId: b.body.id, quantity: 4 });
    await expectApplied(pc1, 'carton.pack', { code: 'K-2', batchId: tb.body.id, quantity: 4 });
    const lines = [{ model: CELL.code, quantity: 4 }];
    const shipmentId = uuidv7();

    // The PC's name beside a listed carrier is not what is stored: the record's is.
    await expectApplied(pc1, 'shipment.create', {
      id: shipmentId,
      orderId: o.body.id,
      lines,
      mode: 'road',
      carrierId: SF.id,
      carrier: 'SF',
    });
    const opened = (await getRecord<ShipmentRecord>(server.db, 'shipment', shipmentId))!.body;
    expect(opened).toMatchObject({ carrier: SF.name, carrierId: SF.id });
    expect(opened.carrierFreeText).toBeUndefined();
    // The demo plant has its other-carrier entry off: no carrier typed by hand.
    await expectRefused(
      pc2,
      'shipment.create',
      { id: uuidv7(), orderId: typedOrder.body.id, lines, mode: 'road', carrier: 'A local van' },
      'carrier-not-listed',
      { carrier: 'A local van' },
    );
    await expectApplied(pc1, 'shipment.scan', { scanId: uuidv7(), shipmentId, code: 'K-1' });

    // A name typed at confirmation does not set SF's tracking pattern aside, nor does a number
    // that is not SF's pass with SF chosen.
    const confirm = (extra: object) => ({ shipmentId, trackingNumber: '42', ...extra });
    await expectRefused(
      pc1,
      'shipment.confirm',
      confirm({ carrier: 'A local van' }),
      'carrier-not-listed',
      { carrier: 'A local van' },
    );
    await expectRefused(
      pc1,
      'shipment.confirm',
      confirm({ carrier: SF.name, carrierId: SF.id }),
      'invalid-tracking-number',
      { carrier: SF.name, trackingNumber: '42' },
    );
    expect((await getRecord(server.db, 'order', o.body.id))?.body).toMatchObject({
      state: 'ready_to_ship',
    });

    // An admin turns the plant's other-carrier entry on.
    const entry = (await admin.pullAll()).get(`carrier/${OTHER.id}`)!;
    await expectApplied(admin, 'carrier.save', {
      carrier: { ...OTHER, active: true },
      baseVersion: entry.version,
    });
    // Still no way round the carrier chosen at opening by typing a name.
    await expectRefused(
      pc1,
      'shipment.confirm',
      confirm({ carrier: 'A local van' }),
      'carrier-not-listed',
    );
    await expectApplied(
      pc1,
      'shipment.confirm',
      confirm({ carrier: SF.name, trackingNumber: 'SF1234567890' }),
    );
    expect((await getRecord(server.db, 'shipment', shipmentId))?.body).toMatchObject({
      state: 'confirmed',
      carrier: SF.name,
      carrierId: SF.id,
      trackingNumber: 'SF1234567890',
    });
    expect((await getRecord(server.db, 'order', o.body.id))?.body).toMatchObject({
      state: 'shipped',
    });

    // Now a carrier typed by hand is taken, and recorded as typed.
    const typedId = uuidv7();
    await expectApplied(pc2, 'shipment.create', {
      id: typedId,
      orderId: typedOrder.body.id,
      lines,
      mode: 'road',
      carrier: 'A local van',
    });
    await expectApplied(pc2, 'shipment.scan', {
      scanId: uuidv7(),
      shipmentId: typedId,
      code: 'K-2',
    });
    await expectApplied(pc2, 'shipment.confirm', {
      shipmentId: typedId,
      carrier: 'A local van',
      trackingNumber: 'VAN-7',
    });
    expect((await getRecord(server.db, 'shipment', typedId))?.body).toMatchObject({
      state: 'confirmed',
      carrier: 'A local van',
      carrierId: OTHER.id,
      carrierFreeText: true,
    });
  });

  it('prints the day the batch was completed, and packs a batch only once it is', async () => {
    const o = order(CELL.code, 20);
    // Completed at 22:30 UTC on the 20th: the 21st in the plant (UTC+8), long before its plan's end.
    const done = batch({
      orderId: o.body.id,
      model: CELL.code,
      doneAt: '2026-11-20T22:30:00.000Z',
    });
    const running = batch({
      orderId: o.body.id,
      model: CELL.code,
      state: 'running',
      good: undefined,
      doneAt: undefined,
    });
    await seed(o, done, running);

    await expectApplied(pc1, 'carton.pack', { code: 'D-1', batchId: done.body.id, quantity: 5 });
    expect((await carton('D-1'))?.producedOn).toBe('2026-11-21');

    // Final inspection passed while it still ran: the PC would pack it; the server waits.
    const pack = (quantity: number) => ({ code: 'D-2', batchId: running.body.id, quantity });
    await expectRefused(pc1, 'carton.pack', pack(5), 'batch-not-done', {
      batch: running.body.number,
      state: 'running',
    });
    await expectApplied(floor, 'batch.report', {
      batchId: running.body.id,
      reportId: uuidv7(),
      good: 5,
      scrap: 0,
    });
    await expectApplied(floor, 'batch.run', { batchId: running.body.id, step: 'complete' });
    await expectRefused(pc1, 'carton.pack', pack(6), 'over-quantity', { good: 5, asked: 6 });
    await expectApplied(pc1, 'carton.pack', pack(5));
    const completed = (await getRecord<{ id: string; doneAt: string }>(
      server.db,
      'batch',
      running.body.id,
    ))!.body;
    expect((await carton('D-2'))?.producedOn).toBe(
      localDate(Date.parse(completed.doneAt), calendarOf({ ...LINE }).utcOffsetMinutes),
    );
  });
});
