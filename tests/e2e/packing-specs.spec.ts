import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { WarehouseScreen } from '../../src-renderer/features/warehouse/warehouse.page';
import { uuidv7 } from '../../src-shared/ids';
import { customerLabel } from '../../src-shared/orders/catalog';
import { DEMO_CUSTOMERS } from '../../src-server/demo-data';
import { readyToShipOrder, releasedBatch, seedRecords } from './support/seed-records';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * Issue 8's stored packing specs: the warehouse writes a customer's own spec for a model (a
 * wrong count is said next to its field), and packing that customer's batch then starts from
 * the spec's units per carton; a serial scanned twice is flagged next to the serial field.
 */

const server = useServer();
test.use({ locale: 'en-US' });

const MODEL = 'PACK-LFP-12V100';
const customer = DEMO_CUSTOMERS[1]!;
const ORDER_ID = uuidv7();

/** A ready-to-ship order of the customer and its batch, final inspection passed. */
async function seed(): Promise<void> {
  await seedRecords(server.dataDir, [
    readyToShipOrder({
      id: ORDER_ID,
      number: 'SO-2026-000601',
      customer,
      model: MODEL,
      quantity: 8,
    }),
    releasedBatch({ number: 'B-2026-000601', orderId: ORDER_ID, model: MODEL, quantity: 8 }),
  ]);
}

test("a customer's packing spec is stored, checked at its field, and used when packing", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await seed();
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn('warehouse', DEMO_PASSWORD);
  await shell.goToDepartment('warehouse');
  const wh = new WarehouseScreen(page);

  // Without a spec of its own the pack's factory default applies: one pack per carton.
  await wh.choosePackBatch('B-2026-000601');
  await expect(wh.packPerCarton).toHaveValue('1');
  await expect(page.getByTestId('pack-spec')).toHaveAttribute('data-spec-id', 'default-pack');

  await wh.newPackingSpec(MODEL, customerLabel(customer, 'en'));
  await wh.fillPackingSpec('0', '12');
  await wh.savePackingSpec();
  await wh.expectFieldError('spec-units', wh.t('validation.atLeast', { min: 1 }));
  await wh.fillPackingSpec('4', '12');
  await wh.expectFieldError('spec-units', null);
  await wh.savePackingSpec();
  const id = `${MODEL}@${customer.id}`;
  const row = wh.packingSpecRow(id);
  await expect(row).toBeVisible();
  await expect(row).toContainText('4');
  await expect(row).toContainText(customer.code);
  // Started from the pack default's materials, recyclable ones first and marked.
  await expect(row.locator('[data-recyclable]').first()).toHaveAttribute('data-recyclable', 'yes');
  await expect(row).toContainText('♻ Corrugated carton');

  await wh.choosePackBatch('B-2026-000601');
  await expect(wh.packPerCarton).toHaveValue('4');
  await expect(page.getByTestId('pack-spec')).toHaveAttribute('data-spec-id', id);

  // The pack has serial numbers: a label read twice is flagged before anything is packed.
  await wh.scanSerials(['SN-601-1', 'SN-601-2', 'SN-601-1']);
  await wh.expectFieldError(
    'pack-serials',
    wh.t('warehouse.specs.serialDuplicates', { serials: 'SN-601-1' }),
  );
});
