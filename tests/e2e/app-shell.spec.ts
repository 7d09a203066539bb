import { expect, test } from '@playwright/test';
import { DEPARTMENTS } from '../../src-shared/departments';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { AdminScreen } from '../../src-renderer/features/admin/admin.page';
import { FinanceScreen } from '../../src-renderer/features/finance/finance.page';
import { OrderDeskScreen } from '../../src-renderer/features/order-desk/order-desk.page';
import { QualityScreen } from '../../src-renderer/features/quality/quality.page';
import { DEMO_PASSWORD, useServer } from './support/server';

const server = useServer();

test.describe('on a PC whose system speaks Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('opens in Chinese, switches language both ways and remembers the choice', async ({
    page,
  }) => {
    const shell = new AppShell(page, 'zh-CN');
    await shell.open(server.url);
    await expect(page).toHaveTitle(/OrderLine/);
    await shell.expectOnSignIn();
    await expect(page.locator('label[for="sign-in_username"]')).toHaveText('用户名');

    await shell.signIn('admin', DEMO_PASSWORD);
    await expect(shell.navLink('quality')).toHaveText('质检');
    await expect(shell.signOutButton).toHaveText(/退出登录/);

    await shell.switchLanguage('en');
    await expect(shell.navLink('quality')).toHaveText('Quality');
    await expect(shell.signOutButton).toHaveText(/Sign out/);
    await expect(shell.heading).toHaveText(/^[A-Za-z &-]+$/);

    await shell.switchLanguage('zh-CN');
    await expect(shell.navLink('quality')).toHaveText('质检');
    await expect(shell.currentUser).toContainText('系统管理员');

    // The choice outlives a reload, and beats the Chinese system locale.
    await shell.switchLanguage('en');
    await page.reload();
    await shell.expectOnSignIn();
    await expect(shell.signInHeading).toHaveText('Sign in');
    await expect(page.locator('label[for="sign-in_username"]')).toHaveText('Username');

    // ...and back to Chinese, also remembered.
    await shell.switchLanguage('zh-CN');
    await page.reload();
    await expect(page.locator('label[for="sign-in_username"]')).toHaveText('用户名');
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('admin moves between departments through the navigation', async ({ page }) => {
    const shell = new AppShell(page, 'en');
    await shell.open(server.url);
    await shell.signIn('admin', DEMO_PASSWORD);
    expect(await shell.navIds()).toEqual(DEPARTMENTS.map((d) => d.id));

    await shell.goToDepartment('quality');
    await new QualityScreen(page).expectShown();
    await expect(page).toHaveTitle('Quality · OrderLine');

    await shell.goToDepartment('finance');
    await new FinanceScreen(page).expectShown();
    await expect(shell.navLink('finance').locator('xpath=ancestor::li[1]')).toHaveClass(
      /ant-menu-item-selected/,
    );

    await shell.goToDepartment('order-desk');
    await new OrderDeskScreen(page).expectShown();

    await shell.goToDepartment('admin');
    await new AdminScreen(page).expectShown();

    // The browser's back button follows the same history.
    await page.goBack();
    await new OrderDeskScreen(page).expectShown();
  });

  test('every control is reachable with the keyboard', async ({ page }) => {
    const shell = new AppShell(page, 'en');
    await shell.open(server.url);
    // Sign in without the mouse: the username field has focus, Tab to the password, Enter.
    await expect(shell.usernameInput).toBeFocused();
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await expect(shell.passwordInput).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await shell.expectSignedIn();

    // Tab until the Quality link has focus, then follow it with Enter.
    const target = shell.navLink('quality');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await target.evaluate((el) => el === el.ownerDocument.activeElement);
    }
    expect(reached, 'the Quality link is reachable by Tab').toBe(true);
    const outline = String(
      await target.evaluate('(el) => getComputedStyle(el.closest("li") ?? el).outlineStyle'),
    );
    expect(outline, 'the focused navigation item shows a focus ring').not.toBe('none');
    await page.keyboard.press('Enter');
    await new QualityScreen(page).expectShown();

    // Sign out is reachable too.
    let onSignOut = false;
    for (let i = 0; i < 40 && !onSignOut; i++) {
      await page.keyboard.press('Tab');
      onSignOut = await shell.signOutButton.evaluate((el) => el === el.ownerDocument.activeElement);
    }
    expect(onSignOut, 'sign-out is reachable by Tab').toBe(true);
    await page.keyboard.press('Enter');
    await shell.expectOnSignIn();
  });
});
