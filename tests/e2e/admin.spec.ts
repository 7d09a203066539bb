import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { AdminScreen } from '../../src-renderer/features/admin/admin.page';
import { WarehouseScreen } from '../../src-renderer/features/warehouse/warehouse.page';
import { DEMO_PASSWORD, useServer } from './support/server';

const server = useServer();
test.use({ locale: 'en-US' });

test('admin creates a user who can then sign in', async ({ page }) => {
  const shell = new AppShell(page, 'en');
  const admin = new AdminScreen(page, 'en');
  await shell.open(server.url);
  await shell.signIn('admin', DEMO_PASSWORD);
  await shell.goToDepartment('admin');
  await admin.expectShown();
  await expect(admin.userRow('quality')).toContainText('Quality');

  await admin.createUser({
    username: 'wang.fang',
    displayName: 'Wang Fang',
    role: 'warehouse',
    password: 'forklift-in-bay-3',
  });
  await expect(admin.userRow('wang.fang')).toContainText('Wang Fang');
  await expect(admin.userRow('wang.fang')).toContainText('Warehouse');
  await expect(admin.userRow('wang.fang')).toContainText(admin.t('admin.users.active'));

  await shell.signOut();
  await shell.signIn('wang.fang', 'forklift-in-bay-3');
  await expect(shell.currentUser).toContainText('Wang Fang');
  await new WarehouseScreen(page).expectShown();
});

test('bad input is shown next to the field it concerns', async ({ page }) => {
  const shell = new AppShell(page, 'en');
  const admin = new AdminScreen(page, 'en');
  await shell.open(server.url);
  await shell.signIn('admin', DEMO_PASSWORD);
  await admin.goto();

  await admin.openCreateUser();
  // Typing starts in the first field, and Escape closes the dialog.
  await expect(page.locator('#create-user_username')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(admin.createDialog).toBeHidden();

  await admin.openCreateUser();
  await admin.fillCreateUser({
    username: 'Bad User!',
    displayName: 'Someone',
    role: 'sales',
    password: 'long-enough-pw',
  });
  await admin.submitCreateUser();
  await expect(admin.createFieldError('username')).toHaveText(admin.t('validation.usernameFormat'));
  await expect(admin.createDialog).toBeVisible();

  // A name that is taken is the server's verdict, shown at the same place.
  await admin.fillCreateUser({ username: 'quality' });
  await admin.submitCreateUser();
  await expect(admin.createFieldError('username')).toHaveText(admin.t('errors.username-taken'));

  // Too short a password, and a common one, caught before sending.
  await admin.fillCreateUser({ username: 'li.na', password: 'short' });
  await admin.submitCreateUser();
  await expect(admin.createFieldError('password')).toHaveText(
    admin.t('validation.tooShort', { min: 10 }),
  );
  await admin.fillCreateUser({ password: 'Password123!' });
  await admin.submitCreateUser();
  await expect(admin.createFieldError('password')).toHaveText(
    admin.t('passwords.weak.similarToCommon'),
  );
  await expect(admin.createDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(admin.createDialog).toBeHidden();

  // The same policy when resetting: the app's own name is among the first guesses.
  await page.getByTestId('reset-password-sales').click();
  await page.locator('#reset-password_password').fill('orderline-2026');
  await page.getByTestId('reset-password-submit').click();
  await expect(page.locator('#reset-password_password_help')).toHaveText(
    admin.t('passwords.weak.userInputs'),
  );
});

test('disable, enable, reset a password and verify the audit log', async ({ page }) => {
  const shell = new AppShell(page, 'en');
  const admin = new AdminScreen(page, 'en');
  await shell.open(server.url);
  await shell.signIn('admin', DEMO_PASSWORD);
  await admin.goto();

  await admin.setDisabled('procurement', true);
  await admin.resetPassword('sales', 'a-brand-new-passphrase');
  await admin.verifyAudit();
  await expect(admin.auditResult).toHaveAttribute('data-outcome', 'ok');
  await expect(admin.auditResult).toContainText(/The audit log is intact: \d+ entries checked/);
  await expect(page.getByTestId('toggle-disabled-admin')).toBeDisabled();

  await shell.signOut();
  // A disabled account is answered like a wrong password, so the answer reveals nothing.
  await shell.submitSignIn('procurement', DEMO_PASSWORD);
  await expect(shell.fieldError('password')).toHaveText(shell.t('errors.invalid-credentials'));
  await shell.signIn('sales', 'a-brand-new-passphrase');
  await shell.signOut();

  await shell.signIn('admin', DEMO_PASSWORD);
  await admin.goto();
  await admin.setDisabled('procurement', false);
  await shell.signOut();
  await shell.signIn('procurement', DEMO_PASSWORD);
});
