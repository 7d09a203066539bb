import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { FinanceScreen } from '../../src-renderer/features/finance/finance.page';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * The credit limit and hold are finance's (issue 12): finance sets them on its own screen and
 * the change reaches the other PCs; sales, who sees the finance screen too, gets no editor.
 */
const server = useServer();
test.use({ locale: 'en-US' });

test('finance sets a customer’s credit limit and hold; sales cannot', async ({ page }) => {
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn('finance', DEMO_PASSWORD);
  const finance = new FinanceScreen(page);
  await shell.goToDepartment('finance');
  await finance.expectShown();

  await expect(finance.creditRow('C-0003')).toBeVisible();
  await finance.setCredit('C-0003', { limit: 123_456, hold: true });
  await expect(finance.creditRow('C-0003')).toContainText('123,456');
  await expect(finance.creditRow('C-0003')).toContainText(finance.t('orders.credit.onHold'));
  await finance.setCredit('C-0003', { limit: 123_456, hold: false });
  await expect(finance.creditRow('C-0003')).not.toContainText(finance.t('orders.credit.onHold'));
  // Both changes reached the server before the next person signs in.
  await expect(page.getByTestId('sync-pending')).toHaveAttribute(
    'aria-label',
    `${shell.t('sync.syncNow')}: ${shell.t('sync.upToDate')}`,
  );

  // Sales, on a store of its own, sees finance's limit in the customer list, read-only, and
  // gets no credit editor on the finance screen.
  await shell.signOut();
  await shell.signIn('sales', DEMO_PASSWORD);
  await shell.goToDepartment('sales');
  await page.getByRole('tab', { name: shell.t('orders.catalog.customers') }).click();
  const row = page
    .getByTestId('customer-editor')
    .locator('tbody tr')
    .filter({ has: page.getByRole('cell', { name: 'C-0003', exact: true }) });
  await expect(row).toContainText('123,456', { timeout: 15_000 });
  await shell.goToDepartment('finance');
  await expect(page.getByTestId('customer-credit')).toHaveCount(0);
});
