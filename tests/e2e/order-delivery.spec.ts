import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { pressPopconfirmOk } from '../../src-renderer/components/popconfirm.page';
import { OrdersPanel } from '../../src-renderer/features/orders/orders.page';
import { uuidv7 } from '../../src-shared/ids';
import { DEMO_CUSTOMERS } from '../../src-server/demo-data';
import { readyToShipOrder, seedRecords } from './support/seed-records';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * After shipping (issue 12: the states that follow from facts): logistics records the
 * delivery of a shipped order from the warehouse screen's "To deliver" tab, and sales closes
 * the delivered order. Both steps are their own actions; no screen sets the state directly.
 */

const server = useServer();
test.use({ locale: 'en-US' });

const ORDER_ID = uuidv7();
const NUMBER = 'SO-2026-000901';

test('logistics records the delivery of a shipped order and sales closes it', async ({ page }) => {
  test.setTimeout(90_000);
  const shipped = readyToShipOrder({
    id: ORDER_ID,
    number: NUMBER,
    customer: DEMO_CUSTOMERS[0]!,
    model: 'PACK-LFP-12V100',
    quantity: 8,
  });
  await seedRecords(server.dataDir, [
    {
      kind: 'order',
      body: { ...shipped.body, state: 'shipped', shipped: { 'PACK-LFP-12V100': 8 } },
    },
  ]);
  const shell = new AppShell(page, 'en');
  const orders = new OrdersPanel(page, 'en');
  await shell.open(server.url);
  await shell.signIn('warehouse', DEMO_PASSWORD);
  await shell.goToDepartment('warehouse');
  await page.getByRole('tab', { name: orders.t('orders.actions.toDeliver') }).click();
  await orders.open(NUMBER);
  await orders.detail.getByTestId('action-deliver').click();
  const dialog = page.getByRole('dialog', { name: orders.t('orders.actions.deliver') });
  await dialog.getByLabel(orders.t('orders.actions.receivedBy')).fill('林晓东');
  await dialog.getByLabel(orders.t('orders.actions.deliveryNote')).fill('POD 778812');
  await dialog.getByTestId('deliver-submit').click();
  await orders.expectState('delivered');
  // The warehouse may not close orders: that button is sales'.
  await expect(orders.detail.getByTestId('action-close')).toHaveCount(0);
  await orders.closeDetail();
  await shell.signOut();

  await shell.signIn('sales', DEMO_PASSWORD);
  await shell.goToDepartment('sales');
  await page.getByRole('tab', { name: orders.t('orders.list.tab') }).click();
  await orders.open(NUMBER);
  // Sales' PC has its own database: the delivery it shows came from the server.
  await orders.expectState('delivered');
  await orders.detail.getByTestId('action-close').click();
  await pressPopconfirmOk(page.getByTestId('action-close-ok'), () => orders.expectState('closed'));
  // The timeline names the step.
  await expect(orders.detail.getByTestId('order-timeline')).toContainText(
    orders.t('orderStates.closed'),
  );
});
