import { expect, type Locator, type Page } from '@playwright/test';
import { DEPARTMENTS, type DepartmentId } from '../../src-shared/departments';
import { translate } from '../i18n/lookup';
import type { Language } from '../i18n/language';

/**
 * What every department screen has (title, description, empty state); each feature's page
 * object extends it with that screen's own actions.
 */
export class DepartmentScreen {
  constructor(
    readonly page: Page,
    readonly id: DepartmentId,
    public language: Language = 'en',
  ) {}

  t(key: string, vars?: Record<string, string | number>): string {
    return translate(this.language, key, vars);
  }

  get path(): string {
    return DEPARTMENTS.find((d) => d.id === this.id)?.path ?? `/${this.id}`;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get root(): Locator {
    return this.page.locator(`[data-department="${this.id}"]`);
  }

  /** Navigates by URL (the app must be signed in already). */
  async goto(): Promise<void> {
    const url = new URL(this.page.url());
    url.hash = `#${this.path}`;
    await this.page.goto(url.toString());
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`#${this.path}$`));
    await expect(this.heading).toHaveText(this.t(`departments.${this.id}.title`));
    await expect(this.root).toContainText(this.t(`departments.${this.id}.description`));
  }
}
