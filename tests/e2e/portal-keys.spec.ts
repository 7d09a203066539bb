import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { AdminScreen } from '../../src-renderer/features/admin/admin.page';
import type { Language } from '../../src-renderer/i18n/language';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * Portal API keys made on the admin screen instead of the CLI: the key, made for a customer,
 * shown once, works on the portal API at once for that customer and no other; a taken name
 * is refused next to the field in the user's language; a key bound to no customer (made
 * before keys were bound) is marked so and works once bound; a revoked key is refused at once.
 */
const server = useServer();
test.use({ locale: 'en-US' });

const catalog = (request: APIRequestContext, key: string) =>
  request.get(`${server.url}/api/portal/catalog`, { headers: { 'x-api-key': key } });

const postOrder = (request: APIRequestContext, key: string, ref: string, customerCode: string) =>
  request.post(`${server.url}/api/portal/orders`, {
    headers: { 'x-api-key': key },
    data: {
      externalRef: ref,
      customerCode,
      contact: { name: 'Katrin Vogel' },
      lines: [{ model: 'PACK-LFP-12V100', spec: '12V200', quantity: 120 }],
      requestedDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      deliveryPlace: 'Landsberger Straße 302, München',
    },
  });

async function adminScreen(page: Page, language: Language) {
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn('admin', DEMO_PASSWORD);
  if (language !== 'en') await shell.switchLanguage(language);
  const admin = new AdminScreen(page, language);
  await admin.goto();
  await expect(admin.portalKeysTable).toBeVisible();
  return admin;
}

test('admin makes a portal key that works at once, and revoking it stops it', async ({
  page,
  request,
}) => {
  const admin = await adminScreen(page, 'en');

  const key = await admin.createPortalKey('web-shop', ['C-0005']);
  // The copy button is there, next to the key.
  await expect(admin.portalKeyDialog.locator('.ant-typography-copy')).toBeVisible();
  expect((await catalog(request, key)).status()).toBe(200);
  const order = await postOrder(request, key, 'WS-1001', 'C-0005');
  expect(order.status()).toBe(201);
  // Another customer's order with the same key: refused, saying why.
  const foreign = await postOrder(request, key, 'WS-1002', 'C-0001');
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({
    code: 'customer-not-bound',
    message: expect.any(String),
  });

  // Shown once: after closing, the key is nowhere on the screen, even after a reload.
  await admin.closeCreatedKey();
  await expect(admin.portalKeyRow('web-shop')).toContainText(admin.t('admin.portalKeys.active'));
  await expect(admin.portalKeyCustomers('web-shop')).toHaveText('C-0005');
  await page
    .getByTestId('portal-keys-card')
    .getByRole('button', { name: admin.t('common.refresh') })
    .click();
  await expect(admin.portalKeyRow('web-shop')).not.toContainText(admin.t('admin.portalKeys.never'));
  await expect(page.locator('body')).not.toContainText(key);

  // The same name again: refused next to the field.
  await admin.openCreatePortalKey();
  await admin.submitPortalKey('web-shop', ['C-0001']);
  await expect(admin.portalKeyNameError).toHaveText(admin.t('errors.portal-name-taken'));
  await page.keyboard.press('Escape');
  await expect(admin.portalKeyDialog).toBeHidden();

  await admin.revokePortalKey('web-shop');
  const refused = await catalog(request, key);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ code: 'invalid-api-key' });
  await expect(page.getByTestId('revoke-portal-key-web-shop')).toHaveCount(0);
});

test('the new-key form speaks Chinese: bad and taken names under the field', async ({ page }) => {
  const admin = await adminScreen(page, 'zh-CN');

  await admin.openCreatePortalKey();
  await admin.submitPortalKey('Dealer Portal');
  await expect(admin.portalKeyNameError).toHaveText(admin.t('validation.portalNameFormat'));
  // A key is made for a customer.
  await expect(admin.portalKeyCustomersError).toHaveText(admin.t('validation.required'));

  await admin.submitPortalKey('dealer-portal', ['C-0001', 'C-0002']);
  await expect(admin.createdPortalKey).toBeVisible();
  await expect(admin.portalKeyDialog).toContainText(admin.t('admin.portalKeyForm.onceWarning'));
  // Escape does not lose a key that cannot be shown again.
  await page.keyboard.press('Escape');
  await expect(admin.createdPortalKey).toBeVisible();
  await admin.closeCreatedKey();

  await expect(admin.portalKeyCustomers('dealer-portal')).toHaveText(/C-0001\s*C-0002/);

  await admin.openCreatePortalKey();
  await admin.submitPortalKey('dealer-portal', ['C-0003']);
  await expect(admin.portalKeyNameError).toHaveText(admin.t('errors.portal-name-taken'));
  await expect(admin.portalKeyNameError).toHaveText('已存在同名门户。');
});

test('a key bound to no customer is marked so and takes orders once bound', async ({
  page,
  request,
}) => {
  // Made the way a key from before customer binding looks: through the API, without customers.
  const login = await request.post(`${server.url}/api/auth/login`, {
    data: { username: 'admin', password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const made = await request.post(`${server.url}/api/admin/portal-keys`, {
    headers: { authorization: `Bearer ${token}` },
    data: { name: 'legacy-shop' },
  });
  expect(made.status()).toBe(201);
  const { key } = (await made.json()) as { key: string };
  const unbound = await postOrder(request, key, 'LG-1', 'C-0005');
  expect(unbound.status()).toBe(403);
  expect(await unbound.json()).toMatchObject({ code: 'portal-key-unbound' });

  const admin = await adminScreen(page, 'en');
  await expect(admin.portalKeyCustomers('legacy-shop')).toHaveText(
    admin.t('admin.portalKeys.notBound'),
  );
  await admin.bindPortalKey('legacy-shop', ['C-0005']);
  await expect(admin.portalKeyCustomers('legacy-shop')).toHaveText('C-0005');
  expect((await postOrder(request, key, 'LG-2', 'C-0005')).status()).toBe(201);
  expect((await postOrder(request, key, 'LG-3', 'C-0001')).status()).toBe(403);
});
