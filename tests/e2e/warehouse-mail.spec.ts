import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { WarehouseScreen } from '../../src-renderer/features/warehouse/warehouse.page';
import { uuidv7 } from '../../src-shared/ids';
import { DEMO_CUSTOMERS } from '../../src-server/demo-data';
import {
  freePort,
  startSmtpReceiver,
  type ReceivedMail,
  type SmtpReceiver,
} from '../../src-server/testing/smtp-receiver';
import {
  packedCarton,
  readyToShipOrder,
  releasedBatch,
  seedRecords,
  type SeedRecord,
} from './support/seed-records';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * Issue 8, the failed shipment notice: the mail server is down when a shipment is confirmed,
 * the server gives up after its attempts (two, half a second apart here: MAIL_MAX_ATTEMPTS,
 * MAIL_RETRY_SECONDS) and the Mail tab shows the notice as failed with the error. The mail
 * server comes up, the user presses Retry, and the notice, with the carrier's tracking link,
 * arrives. On the way: the tracking number is checked against the carrier's pattern as it is
 * typed, and a customer on credit hold cannot have a shipment confirmed.
 */

const mails: ReceivedMail[] = [];
let smtp: SmtpReceiver | undefined;
let smtpPort = 0;

// A port nothing listens on yet: every send is refused until the receiver starts on it.
test.beforeAll(async () => {
  smtpPort = await freePort();
});
test.afterAll(async () => {
  await smtp?.close();
});

async function startSmtp(): Promise<void> {
  smtp = await startSmtpReceiver(mails, smtpPort);
}

const server = useServer(() => ({
  env: {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: 'OrderLine <wh@factory.example>',
    MAIL_MAX_ATTEMPTS: '2',
    MAIL_RETRY_SECONDS: '0.5',
  },
}));
test.use({ locale: 'en-US' });

const MODEL = 'PACK-LFP-12V100';
const customer = DEMO_CUSTOMERS[0]!;
const heldCustomer = DEMO_CUSTOMERS[1]!;
const ORDER_ID = uuidv7();
const HELD_ORDER_ID = uuidv7();
/** Two ready-to-ship orders with their cartons packed, one of a customer finance holds. */
async function seed(): Promise<void> {
  const orders = [
    { id: ORDER_ID, number: 'SO-2026-000601', who: customer, batch: 'B-2026-000601' },
    { id: HELD_ORDER_ID, number: 'SO-2026-000602', who: heldCustomer, batch: 'B-2026-000602' },
  ];
  const records: SeedRecord[] = [];
  for (const o of orders) {
    const batchId = uuidv7();
    records.push(
      readyToShipOrder({ id: o.id, number: o.number, customer: o.who, model: MODEL, quantity: 4 }),
      releasedBatch({ id: batchId, number: o.batch, orderId: o.id, model: MODEL, quantity: 4 }),
      ...[1, 2].map((n) =>
        packedCarton({
          code: `${o.batch}-C000${n}`,
          batchId,
          batchNumber: o.batch,
          orderId: o.id,
          model: MODEL,
          quantity: 2,
        }),
      ),
    );
  }
  records.push({ kind: 'customer', body: { ...heldCustomer, creditHold: true } });
  await seedRecords(server.dataDir, records);
}

test('a notice that failed to send shows on the Mail tab and goes out on retry', async ({
  browser,
}) => {
  test.setTimeout(150_000);
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

  // A carrier added on the Carriers tab; a pattern that is no regular expression is refused
  // next to its field before anything is saved.
  await wh.showTab('carriers');
  await page.getByTestId('carrier-new').click();
  await page.getByTestId('carrier-name').fill('JD Logistics 京东物流');
  await page.getByTestId('carrier-pattern').fill('JD[0-9');
  await page.getByTestId('carrier-save').click();
  await expect(
    page
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('carrier-pattern') })
      .locator('.ant-form-item-explain-error'),
  ).toHaveText(wh.t('warehouse.carriers.errors.pattern'));
  await page.getByTestId('carrier-pattern').fill(String.raw`JD\d{13}`);
  await page.getByTestId('carrier-save').click();
  await expect(
    page.getByTestId('carrier-list').locator('[data-carrier="JD Logistics 京东物流"]'),
  ).toContainText(String.raw`JD\d{13}`);

  // The held customer's shipment: scanning is fine, confirming is not, and the screen says why.
  await wh.createShipment('SO-2026-000602');
  await expect(page.getByTestId('credit-hold-warning')).toContainText(
    wh.t('warehouse.confirmChecks.creditHold', { customer: heldCustomer.code }),
  );
  await wh.scan('B-2026-000602-C0001');
  await wh.scan('B-2026-000602-C0002');
  await wh.expectLine(MODEL, 4, 4);
  await expect(page.getByTestId('confirm-submit')).toBeDisabled();
  await expect(page.getByTestId('confirm-blocked')).toHaveText(
    wh.t('warehouse.confirmChecks.blocked.credit-hold'),
  );

  // The other customer's, with SF Express chosen when it is opened.
  await wh.chooseShipmentCarrier('SF Express');
  await wh.createShipment('SO-2026-000601');
  await expect(page.getByTestId('credit-hold-warning')).toHaveCount(0);
  await expect(page.getByTestId('confirm-blocked')).toHaveText(
    wh.t('warehouse.confirmChecks.blocked.incomplete'),
  );
  await wh.scan('B-2026-000601-C0001');
  await wh.scan('B-2026-000601-C0002');
  await wh.expectLine(MODEL, 4, 4);
  await page.getByTestId('confirm-tracking').fill('DP123456');
  await page.getByTestId('confirm-submit').click();
  await wh.expectTrackingError(
    wh.t('warehouse.confirmChecks.trackingMismatch', { carrier: 'SF Express 顺丰速运' }),
  );
  await expect(page.getByTestId('confirm-result')).toHaveCount(0);
  await wh.confirm('SF Express', 'SF1234567890');

  // The mail server is down: after two refused attempts the notice is failed.
  const failed = await wh.showMail('failed');
  await expect(failed).toHaveCount(1, { timeout: 30_000 });
  await expect(failed.first()).toContainText(customer.contacts[0]!.email!);
  await expect(failed.first().getByTestId('mail-state')).toHaveText(
    wh.t('warehouse.mail.states.failed'),
  );
  await expect(failed.first()).toContainText('ECONNREFUSED');
  expect(mails).toHaveLength(0);

  // It comes back; one click sends the notice, with the tracking link.
  await startSmtp();
  await wh.retryMail();
  await expect.poll(() => mails.length, { timeout: 20_000 }).toBe(1);
  expect(mails[0]!.to).toEqual([customer.contacts[0]!.email]);
  const body = mails[0]!.data.replace(/=\r?\n/g, '');
  expect(body).toContain('SF1234567890');
  expect(body).toContain('SO-2026-000601');
  expect(body).toContain('waybill-detail/SF1234567890');
  const sent = await wh.showMail('sent');
  await expect(sent).toHaveCount(1, { timeout: 15_000 });
  await expect(sent.first().getByTestId('mail-retry')).toHaveCount(0);
  await wh.showMail('failed');
  await expect(page.getByTestId('mail-list').locator('tbody tr[data-state]')).toHaveCount(0);
  await context.close();
});
