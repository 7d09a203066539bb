import { expect, test, type Browser } from '@playwright/test';
import { addDays } from '../../src-shared/orders/dates';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { OrderDeskScreen } from '../../src-renderer/features/order-desk/order-desk.page';
import { ProcurementScreen } from '../../src-renderer/features/procurement/procurement.page';
import { ProductionScreen } from '../../src-renderer/features/production/production.page';
import { SalesScreen } from '../../src-renderer/features/sales/sales.page';
import { WarehouseScreen } from '../../src-renderer/features/warehouse/warehouse.page';
import { formatDate } from '../../src-renderer/i18n/format';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * Issue 5's end-to-end proof: an order taken by phone on an order-desk PC that is offline,
 * reviewed with a clarification once back online, confirmed by sales on a second PC, signed
 * off by production, procurement (with a later date) and logistics on a third, and accepted
 * with that later date as the promised one, which every PC then shows.
 */
const server = useServer();
test.use({ locale: 'en-US' });

async function client(browser: Browser, username: string) {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn(username, DEMO_PASSWORD);
  return { context, page, shell };
}

const today = new Date().toISOString().slice(0, 10);
const requested = addDays(today, 90);
const later = addDays(today, 104);
const shown = (date: string) => formatDate(`${date}T12:00:00Z`, 'en');

test('phone order offline → review with clarification → sales → three sign-offs → accepted', async ({
  browser,
}) => {
  test.setTimeout(150_000);

  // --- PC 1, the order desk, loses the network and takes an order by phone --------------
  const desk = await client(browser, 'order-desk');
  await desk.shell.goToDepartment('order-desk');
  const deskScreen = new OrderDeskScreen(desk.page);
  await deskScreen.expectShown();
  // The catalog must be on the PC before the network goes.
  await expect(desk.page.getByTestId('sync-status')).toHaveText(desk.shell.t('syncStatus.online'));
  await desk.context.setOffline(true);
  await expect(desk.page.getByTestId('sync-status')).toHaveText(desk.shell.t('syncStatus.offline'));

  await deskScreen.openIntake();
  await deskScreen.fillIntake({
    customer: 'Qiming',
    lines: [
      { model: 'CYL-21700', spec: 'STD', quantity: 20_000 },
      { model: 'CYL-18650', spec: 'TAB', quantity: 10_000 },
    ],
    requestedDate: requested,
  });
  // The customer's first contact and address were filled in when it was chosen.
  await expect(desk.page.locator('#intake_contactName')).toHaveValue('陈建国');
  await expect(deskScreen.page.getByTestId('draft-saved')).toBeVisible();
  await deskScreen.submitIntake();
  await expect(desk.page.locator('.ant-message')).toContainText('syncs when the network returns');

  await deskScreen.openOrders();
  const provisional = deskScreen.orders.rowStartingWith('RQ-~');
  await expect(provisional).toHaveCount(1);
  await expect(provisional).toContainText(desk.shell.t('orders.list.provisional'));

  // --- back online: the server numbers the order ------------------------------------------
  await desk.context.setOffline(false);
  await expect(desk.page.getByTestId('sync-status')).toHaveText(desk.shell.t('syncStatus.online'));
  const intakeRow = deskScreen.orders.rowStartingWith('RQ-2');
  await expect(intakeRow).toHaveCount(1, { timeout: 15_000 });
  const intakeNumber = (await intakeRow.getAttribute('data-order-number'))!;
  expect(intakeNumber).toMatch(/^RQ-\d{4}-\d{6}$/);

  // --- review with a clarification ---------------------------------------------------------
  await deskScreen.orders.open(intakeNumber);
  await deskScreen.orders.take();
  await expect(
    desk.page.getByTestId('review-checks').locator('[data-check="completeness"]'),
  ).toHaveAttribute('data-status', 'pass');
  await deskScreen.orders.askCustomer('Nickel tabs on the 18650 cells: which strip width?', {
    hold: true,
  });
  await deskScreen.orders.expectState('needs_clarification');
  await deskScreen.orders.logAnswer('0.15 × 8 mm nickel strip, as on the last order.');
  await deskScreen.orders.expectState('under_review');
  await expect(deskScreen.orders.clarifications).toHaveCount(1);
  await expect(deskScreen.orders.clarifications).toContainText('0.15 × 8 mm nickel strip');
  await deskScreen.orders.markReviewed('Strip width agreed with Mr Chen by phone.');

  // --- PC 2, sales, confirms: the server gives the sales-order number ----------------------
  const sales = await client(browser, 'sales');
  await sales.shell.goToDepartment('sales');
  const salesScreen = new SalesScreen(sales.page);
  await salesScreen.expectToConfirm(intakeNumber);
  await salesScreen.orders.open(intakeNumber);
  await expect(sales.page.getByTestId('order-credit')).toContainText('2,000,000');
  await salesScreen.orders.confirm();
  await expect(salesScreen.orders.number).toHaveText(/^SO-\d{4}-\d{6}$/, { timeout: 15_000 });
  const number = (await salesScreen.orders.number.textContent())!.trim();

  // --- PC 3: production, procurement and logistics sign off in turn ----------------------
  const reviewers = await client(browser, 'production');
  await reviewers.shell.goToDepartment('production');
  const production = new ProductionScreen(reviewers.page);
  await production.expectWaiting(1);
  await expect(reviewers.page.getByTestId('signoff-alert')).toContainText(number);
  await production.orders.open(number);
  await production.orders.sign('production', 'approve', { comment: 'Line 1, week 9.' });
  await expect(production.orders.review('production')).toHaveAttribute('data-status', 'approved');
  // Signed: the department's alert for this order is gone.
  await expect(reviewers.page.getByTestId('signoff-alert')).toHaveCount(0);
  await production.orders.closeDetail();
  await reviewers.shell.signOut();

  await reviewers.shell.signIn('procurement', DEMO_PASSWORD);
  await reviewers.shell.goToDepartment('procurement');
  const procurement = new ProcurementScreen(reviewers.page);
  await procurement.expectWaiting(1);
  await procurement.orders.open(number);
  await procurement.orders.sign('procurement', 'approve-later', {
    date: later,
    comment: 'Nickel strip arrives two weeks late.',
  });
  await expect(procurement.orders.review('procurement')).toHaveAttribute(
    'data-status',
    'approved-later',
  );
  await procurement.orders.closeDetail();
  await reviewers.shell.signOut();

  await reviewers.shell.signIn('warehouse', DEMO_PASSWORD);
  await reviewers.shell.goToDepartment('warehouse');
  const warehouse = new WarehouseScreen(reviewers.page);
  await warehouse.orders.open(number);
  await warehouse.orders.sign('logistics', 'approve', { comment: 'Road freight, UN3480.' });

  // --- accepted, promised for the later date, on every PC ----------------------------------
  await warehouse.orders.expectState('accepted');
  await expect(warehouse.orders.promisedDate).toHaveText(shown(later));
  await expect(salesScreen.orders.promisedDate).toHaveText(shown(later), { timeout: 15_000 });
  await salesScreen.orders.expectState('accepted');
  await deskScreen.orders.expectState('accepted');
  await expect(deskScreen.orders.promisedDate).toHaveText(shown(later));

  // The timeline says who did each step, from which PC.
  const timeline = deskScreen.orders.timeline;
  await expect(timeline.locator('[data-event="state"]')).toHaveCount(8);
  await expect(timeline.locator('[data-event="sign-off"]')).toHaveCount(3);
  await expect(timeline.locator('[data-event="clarification"]')).toHaveCount(2);
  for (const name of [
    '王芳（接单）',
    '李明（销售）',
    '刘强（车间）',
    '陈静（采购）',
    '孙涛（仓库）',
  ]) {
    await expect(timeline).toContainText(name);
  }
  for (const name of [
    '王芳（接单）',
    '李明（销售）',
    '刘强（车间）',
    '陈静（采购）',
    '孙涛（仓库）',
  ]) {
    await expect(timeline).toContainText(name);
  }
  await expect(timeline).toContainText('Browser (');

  // The customer confirmation, printed in Chinese, carries the number and the promised date.
  const frame = await salesScreen.orders.printConfirmation('zh-CN');
  await expect(frame).toHaveAttribute('srcdoc', /订单确认书/);
  await expect(frame).toHaveAttribute('srcdoc', new RegExp(number));
  await expect(frame).toHaveAttribute(
    'srcdoc',
    new RegExp(formatDate(`${later}T12:00:00Z`, 'zh-CN')),
  );

  for (const c of [desk, sales, reviewers]) await c.context.close();
});
