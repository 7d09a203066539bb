import { expect, type Locator, type Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';

/** Page object of the quality screen, for end-to-end tests. */
export class QualityScreen extends DepartmentScreen {
  constructor(page: Page, language: Language = 'en') {
    super(page, 'quality', language);
  }

  async tab(key: 'log' | 'ncr' | 'release' | 'charts' | 'plans'): Promise<void> {
    await this.page
      .getByTestId('quality-tabs')
      .getByRole('tab', { name: this.t(`quality.tabs.${key}`) })
      .click();
  }

  /** Scans a batch number into the start form (the scanner types it and Enter) and starts. */
  async startLotByScan(code: string): Promise<void> {
    await this.tab('log');
    const scan = this.page.getByTestId('scan-target');
    await scan.fill(code);
    await scan.press('Enter');
    await expect(this.page.getByTestId('start-preview')).toBeVisible();
    await this.page.getByTestId('start-submit').click();
    await expect(this.logger).toBeVisible();
  }

  get logger(): Locator {
    return this.page.getByTestId('lot-logger');
  }

  get readingInput(): Locator {
    return this.page.getByTestId('reading-input');
  }

  get lastResult(): Locator {
    return this.page.getByTestId('last-result');
  }

  get verdict(): Locator {
    return this.page.getByTestId('lot-verdict');
  }

  get packGate(): Locator {
    return this.page.getByTestId('pack-gate');
  }

  /**
   * Types readings the way a scanner does: the characters at full speed, Enter after each,
   * without waiting for anything in between.
   */
  async typeReadings(values: string[]): Promise<void> {
    await this.readingInput.focus();
    for (const v of values) {
      await this.page.keyboard.type(v, { delay: 0 });
      await this.page.keyboard.press('Enter');
    }
  }

  /** Waits until the entry line asks for `name`, the characteristic being logged. */
  async expectLogging(name: string): Promise<void> {
    await expect(this.page.getByTestId('entry')).toContainText(name);
  }

  async closeLot(): Promise<void> {
    await this.page.getByTestId('close-lot').click();
    await expect(this.verdict).not.toContainText(this.t('quality.verdict.live.rejected'));
  }

  ncrRow(target: string): Locator {
    return this.page.getByTestId('ncr-table').locator(`tr[data-target="${target}"]`);
  }

  async disposition(target: string, decision: 'rework' | 'scrap' | 'concession', reason: string) {
    await this.tab('ncr');
    await this.ncrRow(target).getByTestId('ncr-disposition').click();
    const form = this.page.getByTestId('ncr-form');
    await form.getByText(this.t(`quality.disposition.${decision}`)).click();
    await form.getByTestId('ncr-reason').fill(reason);
    await this.page.getByRole('button', { name: this.t('quality.ncr.save') }).click();
    await expect(form).toHaveCount(0);
  }

  releaseRow(batch: string): Locator {
    return this.page.getByTestId('release-table').locator(`tr[data-batch-number="${batch}"]`);
  }
}
