import { expect, test } from '@playwright/test';
import { departmentsFor } from '../../src-shared/departments';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { ProductionScreen } from '../../src-renderer/features/production/production.page';
import { QualityScreen } from '../../src-renderer/features/quality/quality.page';
import { DEMO_PASSWORD, useServer } from './support/server';

const server = useServer();
test.use({ locale: 'en-US' });

test('quality sees quality and production, never finance or admin', async ({ page }) => {
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn('quality', DEMO_PASSWORD);

  const ids = await shell.navIds();
  expect(ids).toEqual(departmentsFor('quality').map((d) => d.id));
  expect(ids).toContain('quality');
  expect(ids).toContain('production');
  expect(ids).not.toContain('finance');
  expect(ids).not.toContain('admin');
  await expect(shell.currentUser).toContainText('Quality');

  await shell.goToDepartment('quality');
  await new QualityScreen(page).expectShown();
  await shell.goToDepartment('production');
  await new ProductionScreen(page).expectShown();

  // Typing the address of a screen the role may not see leads back to its own first screen.
  for (const forbidden of ['finance', 'admin']) {
    await page.goto(`${server.url}/#/${forbidden}`);
    await expect(page).not.toHaveURL(new RegExp(`#/${forbidden}$`));
    await expect(shell.heading).not.toHaveText(shell.t(`departments.${forbidden}.title`));
  }
});

test('the next user on the PC starts on their own screens', async ({ page }) => {
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn('finance', DEMO_PASSWORD);
  await shell.goToDepartment('finance');
  await shell.signOut();
  // The address bar no longer points at the previous user's screen.
  await expect(page).toHaveURL(/#\/$/);

  await shell.signIn('warehouse', DEMO_PASSWORD);
  expect(await shell.navIds()).toEqual(departmentsFor('warehouse').map((d) => d.id));
  await expect(page).toHaveURL(/#\/warehouse$/);
  await expect(shell.currentUser).not.toContainText('Finance');
});
