import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailItem } from '../../src-shared/api/mail';
import { uuidv7 } from '../../src-shared/ids';
import type { PushResponse } from '../../src-shared/sync/protocol';
import { nextVersion, putRecord } from '../db/sync-store';
import { DEMO_CUSTOMERS, DEMO_PASSWORD } from '../demo-data';
import { DEMO_CARRIERS } from '../demo-warehouse';
import { seedDemoData } from '../seed';
import {
  freePort,
  startSmtpReceiver,
  type ReceivedMail,
  type SmtpReceiver,
} from '../testing/smtp-receiver';
import { testEngine } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

const released = {
  lots: [{ id: 'lot-1', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
  ncrs: [],
};
const SF = DEMO_CARRIERS.find((c) => c.name.startsWith('SF Express'))!;

/**
 * The mail screen's routes over a real server: a shipment notice that cannot be sent (no
 * SMTP server listening) gives up after the configured attempts and shows as failed; once
 * the mail server is up, a retry sends it. Also what the notice carries (the carrier's
 * tracking link) and that a customer on credit hold gets no shipment at all.
 */
describe(`mail screen routes (${testEngine()})`, () => {
  let server: TestServer;
  let smtp: SmtpReceiver | undefined;
  let smtpPort = 0;
  const mails: ReceivedMail[] = [];
  const pc = { token: '', clientId: randomUUID(), seq: 0 };
  const customer = DEMO_CUSTOMERS[0]!;
  const heldCustomer = DEMO_CUSTOMERS[1]!;
  const orderId = uuidv7();
  const heldOrderId = uuidv7();
  const shipmentId = uuidv7();
  let mailId = '';

  async function push(name: string, args: unknown) {
    const res = await server.request<PushResponse>('POST', '/api/sync/push', {
      token: pc.token,
      body: {
        clientId: pc.clientId,
        schemaVersion: 3,
        mutations: [
          { seq: ++pc.seq, mutationId: uuidv7(), name, args, clientTime: new Date().toISOString() },
        ],
      },
    });
    expect(res.status).toBe(200);
    return res.body.results[0]!;
  }

  async function ship(id: string, order: string, batch: string, trackingNumber: string) {
    for (const n of [1, 2]) {
      expect(
        await push('carton.pack', {
          code: `${batch}-C${n}`,
          batchId: batch,
          quantity: 3,
          // The pack is serialized in the catalog: one serial per unit.
          serials: [1, 2, 3].map((s) => `${batch}-C${n}-S${s}`),
        }),
      ).toMatchObject({ status: 'applied' });
    }
    expect(
      await push('shipment.create', {
        id,
        orderId: order,
        lines: [{ model: 'PACK-LFP-12V100', quantity: 6 }],
        mode: 'road',
        carrierId: SF.id,
      }),
    ).toMatchObject({ status: 'applied' });
    for (const n of [1, 2]) {
      expect(
        await push('shipment.scan', { scanId: uuidv7(), shipmentId: id, code: `${batch}-C${n}` }),
      ).toMatchObject({ status: 'applied' });
    }
    return push('shipment.confirm', { shipmentId: id, carrier: SF.name, trackingNumber });
  }

  const list = async (query = '') => {
    const res = await server.request<MailItem[]>('GET', `/api/mail${query}`, { token: pc.token });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    smtpPort = await freePort();
    server = await startTestServer({
      config: {
        mail: {
          smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
          from: 'OrderLine <wh@factory.example>',
          maxAttempts: 1,
          retryBaseMs: 50,
        },
      },
    });
    await seedDemoData(server.db);
    pc.token = (await server.login('warehouse', DEMO_PASSWORD)).token;
    expect(
      (
        await server.request('POST', '/api/devices', {
          token: pc.token,
          body: { clientId: pc.clientId, deviceName: 'WH-PC' },
        })
      ).status,
    ).toBe(204);
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      const put = (kind: string, body: { id: string; [field: string]: unknown }) =>
        putRecord(trx, { kind, id: body.id, body, updatedBy: 'test' }, version);
      const order = (id: string, number: string, customerId: string) => ({
        id,
        number,
        customerId,
        state: 'ready_to_ship',
        lines: [{ model: 'PACK-LFP-12V100', quantity: 6 }],
        history: [],
      });
      const batch = (id: string, order: string) => ({
        id,
        number: id,
        model: 'PACK-LFP-12V100',
        quantity: 6,
        orderId: order,
        state: 'done',
        good: 6,
        doneAt: '2026-11-20T14:00:00.000Z',
        quality: released,
      });
      await put('order', order(orderId, 'SO-2026-000881', customer.id));
      await put('order', order(heldOrderId, 'SO-2026-000882', heldCustomer.id));
      await put('batch', batch('B-881', orderId));
      await put('batch', batch('B-882', heldOrderId));
      await put('customer', { ...heldCustomer, creditHold: true });
    });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('queues the notice with the carrier’s tracking link, and shows it failed when SMTP is down', async () => {
    expect(await ship(shipmentId, orderId, 'B-881', 'SF1122334455')).toMatchObject({
      status: 'applied',
    });
    const [row] = await server.db.selectFrom('mail_queue').selectAll().execute();
    expect(row!.body_text).toContain(
      'https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1122334455',
    );
    mailId = row!.id;
    expect(await list('?state=pending')).toMatchObject([{ id: mailId, state: 'pending' }]);

    // One attempt configured: the refused connection marks it failed at once.
    expect(await server.app.mailSender!.runOnce()).toBe(0);
    const failed = await list('?state=failed');
    expect(failed).toEqual([
      expect.objectContaining({
        id: mailId,
        state: 'failed',
        to: customer.contacts[0]!.email,
        kind: 'shipment-notice',
        shipmentId,
        shipmentNumber: expect.stringMatching(/^SH-/),
        attempts: 1,
        lastError: expect.any(String),
      }),
    ]);
    expect(await list('?state=sent')).toEqual([]);
    expect((await list()).map((m) => m.id)).toEqual([mailId]);
  });

  it('sends a failed notice again on retry once the mail server is back', async () => {
    smtp = await startSmtpReceiver(mails, smtpPort);

    const res = await server.request<MailItem>('POST', `/api/mail/${mailId}/retry`, {
      token: pc.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: mailId, state: 'pending' });
    await expect.poll(() => mails.length, { timeout: 10_000 }).toBe(1);
    expect(mails[0]!.to).toEqual([customer.contacts[0]!.email]);
    expect(mails[0]!.data).toContain('SF1122334455');
    await expect
      .poll(async () => (await list('?state=sent')).map((m) => m.id), { timeout: 5_000 })
      .toEqual([mailId]);

    // Sent is final: a second retry would mail the customer twice.
    const again = await server.request('POST', `/api/mail/${mailId}/retry`, {
      token: pc.token,
      body: {},
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'mail-not-retryable' } });
    expect(mails).toHaveLength(1);
  });

  it('answers unknown mails, bad filters and other roles with a code', async () => {
    expect(
      await server.request('POST', `/api/mail/${randomUUID()}/retry`, { token: pc.token }),
    ).toMatchObject({ status: 404, body: { code: 'not-found' } });
    expect(await server.request('GET', '/api/mail?state=lost', { token: pc.token })).toMatchObject({
      status: 400,
      body: { code: 'invalid-input' },
    });
    expect(
      await server.request('POST', `/api/mail/${mailId}/retry`, {
        token: pc.token,
        body: { now: true },
      }),
    ).toMatchObject({ status: 400, body: { code: 'invalid-input' } });
    const finance = (await server.login('finance', DEMO_PASSWORD)).token;
    expect(await server.request('GET', '/api/mail', { token: finance })).toMatchObject({
      status: 403,
      body: { code: 'forbidden' },
    });
    const admin = (await server.login('admin', DEMO_PASSWORD)).token;
    expect((await server.request('GET', '/api/mail', { token: admin })).status).toBe(200);
  });

  it('refuses to confirm the shipment of a customer on credit hold, and mails nothing', async () => {
    const result = await ship(uuidv7(), heldOrderId, 'B-882', 'SF5566778899');
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'customer-credit-hold',
      params: { customer: heldCustomer.code },
    });
    expect(await server.db.selectFrom('mail_queue').select('id').execute()).toHaveLength(1);
  });

  it('refuses a tracking number that does not fit the carrier on the server too', async () => {
    const other = uuidv7();
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      await putRecord(
        trx,
        { kind: 'customer', id: heldCustomer.id, body: heldCustomer, updatedBy: 'test' },
        version,
      );
    });
    const result = await push('shipment.create', {
      id: other,
      orderId: heldOrderId,
      lines: [{ model: 'PACK-LFP-12V100', quantity: 6 }],
      mode: 'road',
      carrierId: SF.id,
    });
    expect(result).toMatchObject({ status: 'applied' });
    for (const n of [1, 2]) {
      await push('shipment.scan', { scanId: uuidv7(), shipmentId: other, code: `B-882-C${n}` });
    }
    expect(
      await push('shipment.confirm', {
        shipmentId: other,
        carrier: SF.name,
        trackingNumber: '12345',
      }),
    ).toMatchObject({ status: 'rejected', code: 'invalid-tracking-number' });
  });
});
