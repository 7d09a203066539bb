import { expect, type Locator, type Page } from '@playwright/test';
import type { DepartmentId } from '../../src-shared/departments';
import type { Language } from '../i18n/language';
import { translate } from '../i18n/lookup';

/**
 * Page object of the sign-in screen and the shell around every department screen. It tracks
 * the UI language so tests can assert the exact strings a user reads; actions use selectors
 * that do not depend on the language (ids, hrefs, test ids).
 */
export class AppShell {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  t(key: string, vars?: Record<string, string | number>): string {
    return translate(this.language, key, vars);
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await expect(this.page.locator('#root > *').first()).toBeVisible();
  }

  // --- sign-in screen -------------------------------------------------------------------

  get usernameInput(): Locator {
    return this.page.locator('#sign-in_username');
  }

  get passwordInput(): Locator {
    return this.page.locator('#sign-in_password');
  }

  get signInButton(): Locator {
    return this.page.getByTestId('sign-in-submit');
  }

  /** The text shown under a sign-in field. */
  fieldError(field: 'username' | 'password'): Locator {
    return this.page.locator(`#sign-in_${field}_help`);
  }

  /** The form-level error above the button (network, server). */
  get formError(): Locator {
    return this.page.getByTestId('sign-in-error');
  }

  get signInHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.t('signIn.title') });
  }

  async expectOnSignIn(): Promise<void> {
    await expect(this.usernameInput).toBeVisible();
    await expect(this.signInHeading).toBeVisible();
  }

  /** Types and presses Enter (the way people sign in); does not wait for the outcome. */
  async submitSignIn(username: string, password: string): Promise<void> {
    await this.usernameInput.fill(username);
    await this.passwordInput.fill(password);
    await this.passwordInput.press('Enter');
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.submitSignIn(username, password);
    await this.expectSignedIn();
  }

  // --- shell ------------------------------------------------------------------------------

  get navigation(): Locator {
    return this.page.getByRole('navigation');
  }

  navLink(id: DepartmentId): Locator {
    return this.navigation.locator(`a[href="#/${id}"]`);
  }

  /** The department links in navigation order, by their href. */
  async navIds(): Promise<string[]> {
    const hrefs = await this.navigation
      .locator('a[href^="#/"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.map((h) => h.replace('#/', ''));
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get currentUser(): Locator {
    return this.page.getByTestId('current-user');
  }

  get offlineBanner(): Locator {
    return this.page.getByTestId('offline-banner');
  }

  get signOutButton(): Locator {
    return this.page.getByTestId('sign-out');
  }

  async expectSignedIn(): Promise<void> {
    await expect(this.signOutButton).toBeVisible();
    await expect(this.navigation).toBeVisible();
  }

  async goToDepartment(id: DepartmentId): Promise<void> {
    await this.navLink(id).click();
    await expect(this.page).toHaveURL(new RegExp(`#/${id}$`));
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.expectOnSignIn();
  }

  /** Clicks 中文 or English (written the same in both languages) and waits for the switch. */
  async switchLanguage(language: Language): Promise<void> {
    const label = translate(language, `language.${language}`);
    await this.page.getByTestId('language-switch').getByText(label, { exact: true }).click();
    this.language = language;
    await expect(this.page.locator('html')).toHaveAttribute(
      'lang',
      language === 'zh-CN' ? 'zh-CN' : 'en-US',
    );
  }
}
