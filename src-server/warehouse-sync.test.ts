import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src-shared/ids';
import type { PushResponse } from '../src-shared/sync/protocol';
import { getRecord, nextVersion, putRecord } from './db/sync-store';
import { DEMO_CUSTOMERS, DEMO_PASSWORD } from './demo-data';
import { seedDemoData } from './seed';
import { startSmtpReceiver, type ReceivedMail } from './testing/smtp-receiver';
import { testEngine } from './testing/test-database';
import { startTestServer, type TestServer } from './testing/test-server';

/** The real SMTP receiver on loopback, with AUTH: the server sends with credentials. */
async function startSmtp() {
  const mails: ReceivedMail[] = [];
  const receiver = await startSmtpReceiver(mails, 0, { auth: true });
  return { ...receiver, mails };
}

const released = {
  lots: [{ id: 'lot-1', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
  ncrs: [],
};

describe(`warehouse over sync, with the shipment notice over SMTP (${testEngine()})`, () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const pcs = [
    { token: '', clientId: randomUUID(), seq: 0 },
    { token: '', clientId: randomUUID(), seq: 0 },
  ];
  const customer = DEMO_CUSTOMERS[0]!;
  const orderId = uuidv7();

  async function push(pc: 0 | 1, name: string, args: unknown) {
    const w = pcs[pc]!;
    const res = await server.request<PushResponse>('POST', '/api/sync/push', {
      token: w.token,
      body: {
        clientId: w.clientId,
        schemaVersion: 2,
        mutations: [
          { seq: ++w.seq, mutationId: uuidv7(), name, args, clientTime: new Date().toISOString() },
        ],
      },
    });
    expect(res.status).toBe(200);
    return res.body.results[0]!;
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer({
      config: {
        mail: {
          smtpUrl: `smtp://orderline:secret@127.0.0.1:${smtp.port}`,
          from: 'OrderLine <wh@factory.example>',
        },
      },
    });
    await seedDemoData(server.db);
    for (const pc of pcs) {
      pc.token = (await server.login('warehouse', DEMO_PASSWORD)).token;
      const res = await server.request('POST', '/api/devices', {
        token: pc.token,
        body: { clientId: pc.clientId, deviceName: 'WH-PC' },
      });
      expect(res.status).toBe(204);
    }
    // The order and its batch as the orders and planning screens leave them: ready to ship,
    // final inspection passed.
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      const put = (kind: string, body: { id: string; [field: string]: unknown }) =>
        putRecord(trx, { kind, id: body.id, body, updatedBy: 'test' }, version);
      await put('order', {
        id: orderId,
        number: 'SO-2026-000777',
        customerId: customer.id,
        customerRef: 'PO-4711',
        state: 'ready_to_ship',
        lines: [{ model: 'PACK-LFP-12V100', quantity: 6 }],
        history: [],
      });
      await put('batch', {
        id: 'batch-wh-1',
        number: 'B-2026-000777',
        model: 'PACK-LFP-12V100',
        quantity: 6,
        orderId,
        state: 'done',
        // Completed with its output reported: packing takes no more than the good units.
        good: 6,
        doneAt: '2026-11-20T14:00:00.000Z',
        quality: released,
      });
      // The plant lets shipments name a carrier by hand (the confirmation below types one).
      await put('carrier', {
        id: 'carrier-other',
        name: 'Other carrier / 其他承运商',
        modes: ['road'],
        active: true,
        freeText: true,
      });
    });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('scans with refusals, confirms, and mails the customer the tracking number', async () => {
    for (const code of ['WH-C1', 'WH-C2', 'WH-C3']) {
      // The pack is serialized in the catalog: one serial per unit.
      const serials = [`${code}-S1`, `${code}-S2`];
      expect(
        await push(0, 'carton.pack', { code, batchId: 'batch-wh-1', quantity: 2, serials }),
      ).toMatchObject({ status: 'applied' });
    }
    const shipmentId = uuidv7();
    expect(
      await push(0, 'shipment.create', {
        id: shipmentId,
        orderId,
        lines: [{ model: 'PACK-LFP-12V100', quantity: 6 }],
        mode: 'road',
      }),
    ).toMatchObject({ status: 'applied' });
    const scan = (code: string) => push(0, 'shipment.scan', { scanId: uuidv7(), shipmentId, code });
    expect(await scan('WH-C1')).toMatchObject({ status: 'applied' });
    expect(await scan('WH-C1')).toMatchObject({ status: 'rejected', code: 'already-scanned' });
    expect(await scan('NOT-A-CARTON')).toMatchObject({ status: 'rejected', code: 'not-found' });
    expect(await scan('WH-C2')).toMatchObject({ status: 'applied' });
    const early = { shipmentId, carrier: 'SF Express', trackingNumber: 'SF7788990011' };
    expect(await push(0, 'shipment.confirm', early)).toMatchObject({ code: 'scan-incomplete' });
    expect(await scan('WH-C3')).toMatchObject({ status: 'applied' });

    // A second PC staged the same cartons into its own shipment while offline.
    const rival = uuidv7();
    expect(
      await push(1, 'shipment.create', {
        id: rival,
        orderId,
        lines: [{ model: 'PACK-LFP-12V100', quantity: 6 }],
        mode: 'road',
      }),
    ).toMatchObject({ status: 'applied' });
    for (const code of ['WH-C1', 'WH-C2', 'WH-C3']) {
      expect(
        await push(1, 'shipment.scan', { scanId: uuidv7(), shipmentId: rival, code }),
      ).toMatchObject({ status: 'applied' });
    }

    expect(await push(0, 'shipment.confirm', early)).toMatchObject({ status: 'applied' });
    expect(
      await push(1, 'shipment.confirm', { ...early, shipmentId: rival, trackingNumber: 'X' }),
    ).toMatchObject({ status: 'rejected', code: 'already-shipped', params: { carton: 'WH-C1' } });

    const order = await getRecord(server.db, 'order', orderId);
    expect(order?.body).toMatchObject({ state: 'shipped', shipped: { 'PACK-LFP-12V100': 6 } });

    // Queued in the push's own transaction; a sender pass delivers it once — this test's, or
    // on a slow machine the server's own timer (every 2 s), which may have claimed it first.
    const queued = await server.db.selectFrom('mail_queue').selectAll().execute();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ to_address: customer.contacts[0]!.email });
    expect(['queued', 'sending', 'sent']).toContain(queued[0]!.status);
    await expect
      .poll(
        async () => {
          await server.app.mailSender!.runOnce();
          return smtp.mails.length;
        },
        { timeout: 15_000 },
      )
      .toBe(1);
    expect(smtp.mails[0]!.to).toEqual([customer.contacts[0]!.email]);
    expect(smtp.mails[0]!.data).toContain('SF7788990011');
    expect(smtp.mails[0]!.data).toContain('SO-2026-000777');
    const sent = await server.db.selectFrom('mail_queue').selectAll().executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    // Nothing due any more: a second pass (or another instance) sends nothing twice.
    expect(await server.app.mailSender!.runOnce()).toBe(0);
    expect(smtp.mails).toHaveLength(1);
  });
});
