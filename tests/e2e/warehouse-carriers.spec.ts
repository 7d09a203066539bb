import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { WarehouseScreen } from '../../src-renderer/features/warehouse/warehouse.page';
import { uuidv7 } from '../../src-shared/ids';
import { DEMO_CUSTOMERS } from '../../src-server/demo-data';
import { DEMO_CARRIERS } from '../../src-server/demo-warehouse';
import { packedCarton, readyToShipOrder, releasedBatch, seedRecords } from './support/seed-records';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * Issue 12 at the station, in both languages: the pack form says how much of a batch's good
 * output is left and refuses more next to the count; a carrier is picked from the list, and a
 * name is typed only once the plant's "other carrier" entry is on, asked for next to its
 * field; a refusal of the confirmation (a listed carrier's name typed with a number that is
 * not its) is shown next to the tracking number.
 */

const server = useServer();
test.use({ locale: 'en-US' });

const MODEL = 'PACK-LFP-12V100';
const CELL = 'CYL-18650-26';
const customer = DEMO_CUSTOMERS[0]!;
const OTHER = DEMO_CARRIERS.find((c) => c.freeText === true)!;
const SF = DEMO_CARRIERS.find((c) => c.name.startsWith('SF Express'))!;

for (const [i, language] of (['en', 'zh-CN'] as const).entries()) {
  test(`carriers from the list and output left to pack (${language})`, async ({ page }) => {
    test.setTimeout(120_000);
    const n = 700 + i * 10;
    const orderId = uuidv7();
    const batchId = uuidv7();
    const order = `SO-2026-000${n}`;
    const batch = `B-2026-000${n}`;
    const cellBatch = `B-2026-000${n + 1}`;
    await seedRecords(server.dataDir, [
      readyToShipOrder({ id: orderId, number: order, customer, model: MODEL, quantity: 4 }),
      releasedBatch({ id: batchId, number: batch, orderId, model: MODEL, quantity: 4 }),
      ...[1, 2].map((c) =>
        packedCarton({
          code: `${batch}-C000${c}`,
          batchId,
          batchNumber: batch,
          orderId,
          model: MODEL,
          quantity: 2,
        }),
      ),
      // Six planned, four good: packing stops at four.
      releasedBatch({ number: cellBatch, orderId, model: CELL, quantity: 6, good: 4 }),
    ]);
    const shell = new AppShell(page, 'en');
    await shell.open(server.url);
    await shell.signIn('warehouse', DEMO_PASSWORD);
    if (language !== 'en') await shell.switchLanguage(language);
    await shell.goToDepartment('warehouse');
    const wh = new WarehouseScreen(page, language);

    await wh.choosePackBatch(cellBatch);
    await expect(page.getByTestId('pack-left')).toHaveAttribute('data-left', '4');
    await expect(page.getByTestId('pack-left')).toContainText(
      wh.t('warehouse.pack.left', { good: 4, packed: 0, left: 4 }),
    );
    await page
      .locator('input[data-testid="pack-per-carton"], [data-testid="pack-per-carton"] input')
      .first()
      .fill('2');
    await page
      .locator('input[data-testid="pack-cartons"], [data-testid="pack-cartons"] input')
      .first()
      .fill('3');
    await page.getByTestId('pack-submit').click();
    await wh.expectFieldError(
      'pack-cartons',
      wh.t('warehouse.pack.overOutput', { left: 4, good: 4, packed: 0 }),
    );

    // The plant turns its "other carrier" entry on (off in the demo data).
    await wh.setCarrierActive(OTHER.name, true);
    await wh.chooseShipmentCarrier('Other carrier');
    await expect(page.getByTestId('shipment-carrier-name')).toBeVisible();
    await wh.showTab('scan');
    await page.getByTestId('shipment-create').click();
    await wh.expectFieldError('shipment-carrier-name', wh.t('validation.required'));
    await page.getByTestId('shipment-carrier-name').fill('A local van');
    await wh.createShipment(order);

    await wh.scan(`${batch}-C0001`);
    await wh.scan(`${batch}-C0002`);
    await wh.expectLine(MODEL, 4, 4);
    // The confirmation starts from the carrier and name the shipment was opened with.
    await expect(page.getByTestId('confirm-carrier-name')).toHaveValue('A local van');
    // A listed carrier's name typed by hand is that carrier: its number rule applies.
    await page.getByTestId('confirm-carrier-name').fill(SF.name);
    await page.getByTestId('confirm-tracking').fill('42');
    await page.getByTestId('confirm-submit').click();
    await wh.expectTrackingError(
      wh.t('sync.refusals.invalid-tracking-number', { carrier: SF.name, trackingNumber: '42' }),
    );
    await expect(page.getByTestId('confirm-result')).toHaveCount(0);
    await page.getByTestId('confirm-carrier-name').fill('A local van');
    await page.getByTestId('confirm-tracking').fill('VAN-42');
    await page.getByTestId('confirm-submit').click();
    await expect(page.getByTestId('confirm-result')).toHaveClass(/ant-alert-success/);
    await expect(page.getByTestId('shipment-state')).toHaveText(wh.t('warehouse.states.confirmed'));
  });
}
