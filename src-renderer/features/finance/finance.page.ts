import { expect, type Locator, type Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';

/** Page object of the finance screen, for end-to-end tests. */
export class FinanceScreen extends DepartmentScreen {
  constructor(page: Page, language: Language = 'en') {
    super(page, 'finance', language);
  }

  /** The customer's row of the credit table. */
  creditRow(code: string): Locator {
    return this.page
      .getByTestId('customer-credit')
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('cell', { name: code, exact: true }) });
  }

  /** Sets a customer's credit limit (null: none) and hold on its dialog. */
  async setCredit(code: string, credit: { limit: number | null; hold: boolean }): Promise<void> {
    await this.page.getByTestId(`credit-edit-${code}`).click();
    const dialog = this.page.getByRole('dialog').filter({ has: this.page.locator('#credit') });
    await expect(dialog).toBeVisible();
    const amount = dialog.locator('#credit_amount');
    await amount.fill(credit.limit === null ? '' : String(credit.limit));
    const hold = dialog.locator('#credit_hold');
    if ((await hold.getAttribute('aria-checked')) !== String(credit.hold)) await hold.click();
    await this.page.getByTestId('credit-save').click();
    await expect(dialog).toBeHidden();
  }
}
