import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { QualityScreen } from '../../src-renderer/features/quality/quality.page';
import { DEMO_PASSWORD, useServer } from './support/server';

const server = useServer();

/**
 * What a later user of the PC could read: the meta database, localStorage, sessionStorage.
 * A string, because this file is type-checked for Node, without the DOM's globals.
 */
const READ_LOCAL_STORES = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('orderline-meta');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const rows = await new Promise((resolve, reject) => {
    const req = db.transaction('knownUsers').objectStore('knownUsers').getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  const text = JSON.stringify(rows, (_k, v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
  return { text, storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) };
})()`;
test.use({ locale: 'en-US' });

test('a user who signed in here before can sign in offline; others cannot', async ({
  page,
  context,
}) => {
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);

  // Online first: this leaves the offline verifier on this PC.
  await shell.signIn('quality', DEMO_PASSWORD);
  await expect(shell.offlineBanner).toHaveCount(0);
  await shell.signOut();

  await context.setOffline(true);
  await expect(page.getByTestId('sign-in-offline-note')).toBeVisible();

  // Same password, no server: offline mode with its banner.
  await shell.signIn('quality', DEMO_PASSWORD);
  await expect(shell.offlineBanner).toBeVisible();
  await expect(shell.offlineBanner).toContainText(shell.t('offline.banner'));
  await expect(page.getByTestId('sync-status')).toHaveText(shell.t('syncStatus.offline'));
  await shell.goToDepartment('quality');
  await new QualityScreen(page).expectShown();
  await shell.signOut();

  // Wrong password offline: refused, next to the password field.
  await shell.submitSignIn('quality', 'orderline-dem0');
  await expect(shell.fieldError('password')).toHaveText(
    shell.t('signIn.errors.offline-invalid-credentials'),
  );
  await shell.expectOnSignIn();

  // Someone who never signed in on this PC: told to connect to the network.
  await shell.submitSignIn('finance', DEMO_PASSWORD);
  await expect(shell.fieldError('username')).toHaveText(
    shell.t('signIn.errors.offline-unknown-user', { username: 'finance' }),
  );
  await shell.expectOnSignIn();

  // Back online, the same user signs in online again: no banner.
  await context.setOffline(false);
  await shell.signIn('quality', DEMO_PASSWORD);
  await expect(shell.offlineBanner).toHaveCount(0);
});

test('neither the password nor the session token is stored readably', async ({ page }) => {
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  const login = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await shell.signIn('production', DEMO_PASSWORD);
  const { token } = (await (await login).json()) as { token: string };
  expect(token.length).toBeGreaterThan(10);

  const stores = await page.evaluate<{ text: string; storage: string }>(READ_LOCAL_STORES);
  expect(stores.text).toContain('"username":"production"');
  for (const secret of [DEMO_PASSWORD, token]) {
    expect(stores.text).not.toContain(secret);
    expect(stores.storage).not.toContain(secret);
  }
});
