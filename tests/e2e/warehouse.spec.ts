import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { WarehouseScreen } from '../../src-renderer/features/warehouse/warehouse.page';
import { uuidv7 } from '../../src-shared/ids';
import { openDatabase } from '../../src-server/db/database';
import { nextVersion, putRecord } from '../../src-server/db/sync-store';
import { DEMO_CUSTOMERS } from '../../src-server/demo-data';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * Issue 8's end-to-end proof: the warehouse packs a released batch into labelled cartons,
 * opens a shipment for the order and scans it — one carton of another order (refused), one
 * duplicate (refused), the rest right — and confirms it with a tracking number, all offline.
 * Back online it syncs, and the customer's shipment notice with that number arrives at a real
 * SMTP receiver on loopback. The label document is rendered to PDF and checked for model,
 * quantity and barcode content.
 */

const mails: { to: string[]; data: string }[] = [];
let smtp: SMTPServer | undefined;
let smtpPort = 0;
test.beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  smtpPort = typeof address === 'object' && address ? address.port : 0;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const server = useServer(() => ({
  env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'OrderLine <wh@factory.example>' },
}));
test.use({ locale: 'en-US' });

const MODEL = 'PACK-LFP-12V100';
const customer = DEMO_CUSTOMERS[0]!;
const released = {
  lots: [{ id: 'lot-e2e', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
  ncrs: [],
};

/**
 * The order and batches as the order, planning and quality screens leave them (ready to ship,
 * final inspection passed), written into the server's database: those screens have their own
 * end-to-end tests.
 */
async function seed(): Promise<void> {
  const db = openDatabase({ engine: 'sqlite', file: join(server.dataDir, 'orderline.sqlite') });
  try {
    await db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      const put = (kind: string, body: { id: string; [field: string]: unknown }) =>
        putRecord(trx, { kind, id: body.id, body, updatedBy: 'e2e' }, version);
      const order = (id: string, number: string) => ({
        id,
        number,
        numberProvisional: false,
        customerId: customer.id,
        customerCode: customer.code,
        customerName: customer.name,
        channel: 'email',
        state: 'ready_to_ship',
        lines: [{ model: MODEL, quantity: 6 }],
        history: [],
        createdBy: 'e2e',
        createdAt: new Date().toISOString(),
      });
      await put('order', order(ORDER_ID, 'SO-2026-000501'));
      await put('order', order(OTHER_ORDER_ID, 'SO-2026-000502'));
      await put('batch', {
        id: uuidv7(),
        number: 'B-2026-000501',
        model: MODEL,
        quantity: 6,
        orderId: ORDER_ID,
        lineId: 'P1-PACK',
        start: '2026-11-20T06:00:00.000Z',
        end: '2026-11-20T14:00:00.000Z',
        sequence: 1,
        state: 'done',
        quality: released,
      });
      await put('carton', {
        id: 'B-2026-000502-C0001',
        code: 'B-2026-000502-C0001',
        kind: 'carton',
        batchId: 'other-batch',
        batchNumber: 'B-2026-000502',
        orderId: OTHER_ORDER_ID,
        model: MODEL,
        quantity: 2,
        packedBy: 'e2e',
        packedAt: new Date().toISOString(),
      });
    });
  } finally {
    await db.destroy();
  }
}
const ORDER_ID = uuidv7();
const OTHER_ORDER_ID = uuidv7();

test('a shipment is scanned with a wrong and a duplicate carton refused, confirmed, and the customer mailed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await seed();
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1500, height: 950 },
  });
  const page = await context.newPage();
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn('warehouse', DEMO_PASSWORD);
  await shell.goToDepartment('warehouse');
  const wh = new WarehouseScreen(page);

  await wh.pack('B-2026-000501', 2, 3);
  const label = await wh.labelHtml('B-2026-000501-C0001');
  expect(label).toContain(`data-model="${MODEL}"`);
  expect(label).toContain('data-quantity="2"');
  expect(label).toContain('data-barcode="B-2026-000501-C0001"');
  // The label rendered to PDF, as the desktop shell's printToPdf does with the same document.
  const labelPage = await context.newPage();
  await labelPage.setContent(label);
  await expect(labelPage.locator('.barcode svg')).toBeVisible();
  await expect(labelPage.locator('body')).toContainText(MODEL);
  await expect(labelPage.locator('body')).toContainText('2 pcs / 只');
  await expect(labelPage.locator('[data-mark="class-9a"]')).toBeVisible();
  const pdf = await labelPage.pdf({ width: '100mm', height: '100mm' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(2000);
  await labelPage.close();

  const pallet = await wh.buildPallet(['B-2026-000501-C0002', 'B-2026-000501-C0003']);

  // The warehouse network drops: the shipment is opened, scanned and confirmed on the PC alone.
  await context.setOffline(true);
  await wh.createShipment('SO-2026-000501');
  await wh.scan('B-2026-000501-C0001');
  await wh.expectLastScan(true, wh.t('warehouse.scan.ok', { carton: 'B-2026-000501-C0001' }));
  await wh.scan('B-2026-000502-C0001');
  await wh.expectLastScan(
    false,
    wh.t('sync.refusals.wrong-order', { carton: 'B-2026-000502-C0001' }),
  );
  await expect(page.locator('html')).toHaveAttribute('data-last-beep', /^refused:/);
  await wh.scan('B-2026-000501-C0001');
  await wh.expectLastScan(
    false,
    wh.t('sync.refusals.already-scanned', { carton: 'B-2026-000501-C0001' }),
  );
  await wh.expectLine(MODEL, 2, 6);
  await expect(page.getByTestId('confirm-submit')).toBeDisabled();
  // The other two cartons went on a pallet: one scan of the pallet scans both.
  await wh.scan(pallet);
  await wh.expectLastScan(true, wh.t('warehouse.scan.ok', { carton: pallet }));
  await wh.expectLine(MODEL, 6, 6);
  await wh.confirm('SF Express', 'SF1122334455');
  await page.waitForTimeout(500);
  expect(mails).toHaveLength(0);
  const packingList = await wh.documentHtml('packing-list');
  for (const n of [1, 2, 3]) expect(packingList).toContain(`data-carton="B-2026-000501-C000${n}"`);
  expect(packingList).toContain('SF1122334455');
  const deliveryNote = await wh.documentHtml('delivery-note');
  expect(deliveryNote).toContain(`data-model="${MODEL}"`);
  expect(deliveryNote).toContain('data-un="UN3480"');
  await context.setOffline(false);

  // Synced, queued on the server, sent over SMTP to the customer's contact.
  // The PC retries with backoff after being offline, so this can take a while.
  await expect.poll(() => mails.length, { timeout: 90_000 }).toBe(1);
  expect(mails[0]!.to).toEqual([customer.contacts[0]!.email]);
  expect(mails[0]!.data).toContain('SF1122334455');
  expect(mails[0]!.data).toContain('SO-2026-000501');
  await context.close();
});
