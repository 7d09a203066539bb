import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { OrderDeskScreen } from '../../src-renderer/features/order-desk/order-desk.page';
import { startServer, DEMO_PASSWORD } from './support/server';

test('debug sign form', async ({ page }) => {
  test.setTimeout(90_000);
  const server = await startServer();
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src-server/admin-cli.ts', 'create-portal-key', '--name', 'dbg'], { env: { ...process.env, ORDERLINE_DATA_DIR: server.dataDir, DATABASE_URL: '' }, encoding: 'utf8' });
    const key = out.split('\n').find((l) => l.startsWith('olp_'))!;
    const res = await fetch(`${server.url}/api/portal/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ externalRef: 'X1', customerCode: 'C-0001', contact: { name: 'Lin' }, lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 20000 }], requestedDate: '2027-06-01', deliveryPlace: 'SZ' }) });
    console.log(res.status, await res.text());
    page.on('console', (m) => console.log('console', m.type(), m.text()));
    const shell = new AppShell(page);
    await shell.open(server.url);
    await shell.signIn('admin', DEMO_PASSWORD);
    await shell.goToDepartment('order-desk');
    const desk = new OrderDeskScreen(page);
    await desk.openOrders();
    await desk.orders.open('RQ-2026-000001');
    await desk.orders.take();
    await desk.orders.markReviewed('ok');
    await desk.orders.confirm();
    await desk.orders.sign('production', 'approve', { comment: 'fine' });
    await page.waitForTimeout(2000);
    console.log(await page.getByTestId('feasibility-panel').innerText());
    console.log(await page.getByTestId('sign-form-production').innerHTML());
  } finally {
    await server.stop();
  }
});
