import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { OrderDeskScreen } from '../../src-renderer/features/order-desk/order-desk.page';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server';

/**
 * Online intake: a portal key made with the admin CLI, an order posted by a portal, and the
 * alert on a signed-in order-desk PC (badge, notification) within 2 seconds, gone on every
 * desk once someone takes the order. Also the small portal page a customer orders from.
 */
const ROOT = resolve(import.meta.dirname, '../..');
let server: RunningServer;
let key = '';

test.use({ locale: 'en-US' });
test.beforeAll(async () => {
  test.setTimeout(90_000);
  server = await startServer();
  // Created the way the README says, against the server's own data folder.
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-server/admin-cli.ts',
      'create-portal-key',
      '--name',
      'web-shop',
      // The customers this shop orders for: Solarheim by the API, Lvyuan on the page.
      '--customers',
      'C-0005,C-0001',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ORDERLINE_DATA_DIR: server.dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    },
  );
  key = out.split('\n').find((line) => line.startsWith('olp_')) ?? '';
  expect(key).toMatch(/^olp_/);
});
test.afterAll(async () => server?.stop());

const order = (ref: string) => ({
  externalRef: ref,
  customerCode: 'C-0005',
  contact: { name: 'Katrin Vogel', email: 'k.vogel@solarheim.example.de' },
  lines: [{ model: 'PACK-LFP-12V100', spec: '12V200', quantity: 120 }],
  requestedDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
  deliveryPlace: 'Landsberger Straße 302, München',
});

test('a portal order alerts every order-desk PC within 2 seconds, until someone takes it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const desks = [];
  for (let i = 0; i < 2; i++) {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    const shell = new AppShell(page, 'en');
    await shell.open(server.url);
    await shell.signIn('order-desk', DEMO_PASSWORD);
    await expect(page.getByTestId('sync-status')).toHaveText(shell.t('syncStatus.online'));
    desks.push({ context, page, screen: new OrderDeskScreen(page) });
  }
  const [a, b] = desks as [(typeof desks)[0], (typeof desks)[0]];
  await expect(a.screen.alertBadge).toBeVisible();

  // The sound can be switched off, and stays off after signing in again.
  await expect(a.screen.soundToggle).toHaveAttribute('aria-pressed', 'true');
  await a.screen.soundToggle.click();
  await expect(a.screen.soundToggle).toHaveAttribute('aria-pressed', 'false');

  const posted = Date.now();
  const res = await fetch(`${server.url}/api/portal/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify(order('SH-4711')),
  });
  expect(res.status).toBe(201);
  const { number } = (await res.json()) as { number: string };

  for (const desk of desks) {
    await expect(desk.screen.portalAlerts).toContainText(number, { timeout: 2_000 });
    await expect(desk.screen.alertBadge).toContainText('1', { timeout: 2_000 });
  }
  expect(Date.now() - posted).toBeLessThan(2_000 + 1_000); // both, measured from the post

  // The key orders for its own customers only.
  const foreign = await fetch(`${server.url}/api/portal/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ ...order('SH-4712'), customerCode: 'C-0002' }),
  });
  expect(foreign.status).toBe(403);
  expect(await foreign.json()).toMatchObject({ code: 'customer-not-bound' });

  // One desk takes it; the alert leaves both.
  await b.page.getByTestId('portal-alert-take').click();
  for (const desk of desks) {
    await expect(desk.screen.portalAlerts).toHaveCount(0, { timeout: 10_000 });
  }
  await a.screen.goto();
  await a.screen.openOrders();
  await a.screen.orders.open(number);
  await a.screen.orders.expectState('under_review');
  await expect(a.screen.orders.detail).toContainText('SH-4711');

  const shell = new AppShell(a.page, 'en');
  await a.page.locator('.ant-drawer-close:visible').click();
  await shell.signOut();
  await shell.signIn('order-desk', DEMO_PASSWORD);
  await expect(a.screen.soundToggle).toHaveAttribute('aria-pressed', 'false');

  for (const desk of desks) await desk.context.close();
});

test('a customer orders on the portal page, and bad input is shown next to its field', async ({
  page,
}) => {
  await page.goto(`${server.url}/portal/`);
  await page.locator('#api-key').fill(key);
  await page.locator('#load-catalog').click();
  await expect(page.locator('select[name="model"]').first()).toBeVisible();

  // Nothing filled in: each problem next to its field.
  await page.locator('#submit').click();
  await expect(page.locator('#customerCode-error')).not.toBeEmpty();
  await expect(page.locator('#requestedDate-error')).not.toBeEmpty();
  await expect(page.locator('#lines-error')).not.toBeEmpty();

  await page.locator('#customer-code').fill('C-0001');
  await page.locator('#contact-name').fill('林晓东');
  await page.locator('select[name="model"]').first().selectOption('CYL-18650-26');
  await page.locator('select[name="spec"]').first().selectOption('STD');
  await page.locator('input[name="quantity"]').first().fill('30000');
  await page.locator('#requested-date').fill(order('x').requestedDate);
  await page.locator('#delivery-place').fill('深圳市南山区');
  await page.locator('#external-ref').fill('PO-2026-118');
  await page.locator('#submit').click();
  await expect(page.locator('#result')).toHaveAttribute('data-number', /^RQ-\d{4}-\d{6}$/);
  await expect(page.locator('#result')).toContainText('Order received');
});
