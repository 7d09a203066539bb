import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { AdminScreen } from '../../src-renderer/features/admin/admin.page';
import type { Language } from '../../src-renderer/i18n/language';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * Portal API keys made on the admin screen instead of the CLI: the key shown once works on
 * the portal API at once, a taken name is refused next to the field in the user's language,
 * and a revoked key is refused at once.
 */
const server = useServer();
test.use({ locale: 'en-US' });

const catalog = (request: APIRequestContext, key: string) =>
  request.get(`${server.url}/api/portal/catalog`, { headers: { 'x-api-key': key } });

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

  const key = await admin.createPortalKey('web-shop');
  // The copy button is there, next to the key.
  await expect(admin.portalKeyDialog.locator('.ant-typography-copy')).toBeVisible();
  expect((await catalog(request, key)).status()).toBe(200);
  const order = await request.post(`${server.url}/api/portal/orders`, {
    headers: { 'x-api-key': key },
    data: {
      externalRef: 'WS-1001',
      customerCode: 'C-0005',
      contact: { name: 'Katrin Vogel' },
      lines: [{ model: 'PACK-LFP-12V100', spec: '12V200', quantity: 120 }],
      requestedDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      deliveryPlace: 'Landsberger Straße 302, München',
    },
  });
  expect(order.status()).toBe(201);

  // Shown once: after closing, the key is nowhere on the screen, even after a reload.
  await admin.closeCreatedKey();
  await expect(admin.portalKeyRow('web-shop')).toContainText(admin.t('admin.portalKeys.active'));
  await page
    .getByTestId('portal-keys-card')
    .getByRole('button', { name: admin.t('common.refresh') })
    .click();
  await expect(admin.portalKeyRow('web-shop')).not.toContainText(admin.t('admin.portalKeys.never'));
  await expect(page.locator('body')).not.toContainText(key);

  // The same name again: refused next to the field.
  await admin.openCreatePortalKey();
  await admin.submitPortalKey('web-shop');
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

  await admin.submitPortalKey('dealer-portal');
  await expect(admin.createdPortalKey).toBeVisible();
  await expect(admin.portalKeyDialog).toContainText(admin.t('admin.portalKeyForm.onceWarning'));
  // Escape does not lose a key that cannot be shown again.
  await page.keyboard.press('Escape');
  await expect(admin.createdPortalKey).toBeVisible();
  await admin.closeCreatedKey();

  await admin.openCreatePortalKey();
  await admin.submitPortalKey('dealer-portal');
  await expect(admin.portalKeyNameError).toHaveText(admin.t('errors.portal-name-taken'));
  await expect(admin.portalKeyNameError).toHaveText('已存在同名门户。');
});
