import { expect, type Locator, type Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';

/** Page object of the planning screen, for end-to-end tests. */
export class PlanningScreen extends DepartmentScreen {
  constructor(page: Page, language: Language = 'en') {
    super(page, 'planning', language);
  }

  private async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  }

  /** Plans a batch through the form; `start` as "YYYY-MM-DD HH:mm". */
  async planBatch(batch: {
    model: string;
    quantity: number;
    line: string;
    start: string;
    hours: number;
  }): Promise<void> {
    const form = this.page.getByTestId('plan-batch-form');
    await this.choose(form.getByRole('combobox', { name: this.t('planning.model') }), batch.model);
    await form
      .getByRole('spinbutton', { name: this.t('planning.quantity') })
      .fill(String(batch.quantity));
    await this.choose(form.getByRole('combobox', { name: this.t('planning.line') }), batch.line);
    const start = form.getByRole('textbox', { name: this.t('planning.start') });
    await start.click();
    await start.fill(batch.start);
    await start.press('Enter');
    await form
      .getByRole('spinbutton', { name: this.t('planning.hours') })
      .fill(String(batch.hours));
    await form.getByTestId('plan-submit').click();
  }

  get rows(): Locator {
    return this.page.getByTestId('batch-table').locator('tbody tr[data-batch-number]');
  }

  row(number: string): Locator {
    return this.page.locator(`tr[data-batch-number="${number}"]`);
  }

  /** The number of the only batch, once the server has given it (no provisional mark). */
  async confirmedNumberOfOnlyBatch(): Promise<string> {
    await expect(this.rows).toHaveCount(1);
    await expect(this.rows.first()).not.toContainText(this.t('planning.provisional'));
    const number = await this.rows.first().getAttribute('data-batch-number');
    if (!number) throw new Error('no batch number');
    return number;
  }

  lineOf(number: string): Locator {
    return this.row(number).locator('.ant-select');
  }

  async moveToLine(number: string, line: string): Promise<void> {
    await this.choose(this.row(number).getByRole('combobox'), line);
  }
}
