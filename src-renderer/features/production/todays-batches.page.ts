import { expect, type Locator, type Page } from '@playwright/test';
import { translate } from '../../i18n/lookup';
import type { Language } from '../../i18n/language';

/** Page object of the production screen's "today on the lines" panel, for end-to-end tests. */
export class TodaysBatchesPanel {
  constructor(
    readonly page: Page,
    readonly language: Language = 'en',
  ) {}

  t(key: string, vars?: Record<string, string | number>): string {
    return translate(this.language, key, vars);
  }

  line(code: string): Locator {
    return this.page.locator(`[data-testid="production-line"][data-line-code="${code}"]`);
  }

  batch(number: string): Locator {
    return this.page.locator(`[data-testid="production-batch"][data-batch-number="${number}"]`);
  }

  async step(number: string, step: 'start' | 'pause' | 'resume' | 'complete'): Promise<void> {
    await this.batch(number).getByTestId(`batch-${step}`).click();
  }

  async report(number: string, good: number, scrap: number): Promise<void> {
    const form = this.batch(number).getByTestId('report-form');
    await form.getByTestId('report-good').fill(String(good));
    await form.getByTestId('report-scrap').fill(String(scrap));
    await form.getByTestId('report-submit').click();
    await expect(form.getByTestId('report-good')).toHaveValue('');
  }
}
