import { expect, test } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { DEMO_PASSWORD, useServer } from './support/server';

const server = useServer();

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('a wrong password shows the translated error next to the field and stays', async ({
    page,
  }) => {
    const shell = new AppShell(page, 'en');
    await shell.open(server.url);
    await shell.submitSignIn('quality', 'not-the-password');
    await expect(shell.fieldError('password')).toHaveText(shell.t('errors.invalid-credentials'));
    await shell.expectOnSignIn();
    await expect(shell.signOutButton).toHaveCount(0);

    // Typing again clears the verdict; the right password then gets in.
    await shell.signIn('quality', DEMO_PASSWORD);
  });

  test('empty fields are refused before anything is sent', async ({ page }) => {
    const shell = new AppShell(page, 'en');
    await shell.open(server.url);
    await shell.signInButton.click();
    await expect(shell.fieldError('username')).toHaveText(shell.t('signIn.usernameRequired'));
    await expect(shell.fieldError('password')).toHaveText(shell.t('signIn.passwordRequired'));
  });
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the wrong-password error is in Chinese', async ({ page }) => {
    const shell = new AppShell(page, 'zh-CN');
    await shell.open(server.url);
    await shell.submitSignIn('planning', 'not-the-password');
    await expect(shell.fieldError('password')).toHaveText('用户名或密码错误。');
    // Switching the language re-translates the error on the spot.
    await shell.switchLanguage('en');
    await expect(shell.fieldError('password')).toHaveText('Wrong username or password.');
  });
});
