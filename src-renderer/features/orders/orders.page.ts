import { expect, type Locator, type Page } from '@playwright/test';
import type {
  FeasibilityDecision,
  FeasibilityDepartment,
  RefusalReason,
} from '../../../src-shared/orders/feasibility';
import type { OrderState } from '../../../src-shared/orders/order-state';
import type { Language } from '../../i18n/language';
import { pressPopconfirmOk } from '../../components/popconfirm.page';
import { chooseOption } from '../../components/select.page';
import { translate } from '../../i18n/lookup';

/**
 * Page object of the order list and the order drawer, which the order desk, sales and the
 * feasibility departments share. Selectors go by test ids and data attributes, assertions by
 * the strings the user reads in the current language.
 */
export class OrdersPanel {
  constructor(
    readonly page: Page,
    public language: Language = 'en',
  ) {}

  t(key: string, vars?: Record<string, string | number>): string {
    return translate(this.language, key, vars);
  }

  get list(): Locator {
    return this.page.getByTestId('order-list').filter({ visible: true });
  }

  get rows(): Locator {
    return this.list.locator('[role="row"][data-order-number]');
  }

  row(number: string): Locator {
    return this.list.locator(`[role="row"][data-order-number="${number}"]`);
  }

  /** The only row whose number starts with `prefix` (RQ-~ for a provisional number). */
  rowStartingWith(prefix: string): Locator {
    return this.list.locator(`[role="row"][data-order-number^="${prefix}"]`);
  }

  async search(text: string): Promise<void> {
    await this.page
      .getByTestId('order-search')
      .filter({ visible: true })
      .locator('input')
      .fill(text);
  }

  get count(): Locator {
    return this.page.getByTestId('order-count').filter({ visible: true });
  }

  async open(number: string): Promise<void> {
    await this.row(number).click();
    await expect(this.detail).toBeVisible();
  }

  // --- the drawer ---------------------------------------------------------------------------

  get detail(): Locator {
    return this.page.getByTestId('order-detail').locator('[data-order-id]');
  }

  async expectState(state: OrderState): Promise<void> {
    await expect(this.detail).toHaveAttribute('data-order-state', state, { timeout: 15_000 });
  }

  get number(): Locator {
    return this.detail.getByTestId('order-number').first();
  }

  async closeDetail(): Promise<void> {
    await this.page.locator('.ant-drawer-close:visible').click();
    await expect(this.page.getByTestId('order-detail')).toBeHidden();
  }

  async take(): Promise<void> {
    await this.detail.getByTestId('action-take').click();
    await this.expectState('under_review');
  }

  async markReviewed(note: string): Promise<void> {
    await this.detail.getByTestId('action-review').click();
    await this.page.getByTestId('review-note').fill(note);
    await this.page.getByTestId('review-ok').click();
    await this.expectState('reviewed');
  }

  async confirm(): Promise<void> {
    await this.detail.getByTestId('action-confirm').click();
    await pressPopconfirmOk(this.page.getByTestId('action-confirm-ok'), () =>
      expect(this.detail).toHaveAttribute('data-order-state', 'in_feasibility', {
        timeout: 3_000,
      }),
    );
  }

  /** Logs a question; with `hold` the order waits in needs_clarification. */
  async askCustomer(
    question: string,
    options: { hold?: boolean; channel?: string } = {},
  ): Promise<void> {
    await this.detail.getByTestId('clarify-add').click();
    const dialog = this.page.locator('#clarify');
    await expect(dialog).toBeVisible();
    await dialog.locator('#clarify_question').fill(question);
    if (options.hold) await dialog.locator('#clarify_hold').check();
    await this.page.getByTestId('clarify-submit').click();
    await expect(dialog).toBeHidden();
  }

  async logAnswer(answer: string, resume = true): Promise<void> {
    await this.detail.getByTestId('clarify-answer').first().click();
    const dialog = this.page.locator('#clarify');
    await dialog.locator('#clarify_answer').fill(answer);
    const box = dialog.locator('#clarify_resume');
    if (resume && (await box.count()) > 0) await box.check();
    await this.page.getByTestId('clarify-submit').click();
    await expect(dialog).toBeHidden();
  }

  get clarifications(): Locator {
    return this.detail.getByTestId('clarification');
  }

  review(department: FeasibilityDepartment): Locator {
    return this.detail.getByTestId(`review-${department}`);
  }

  signForm(department: FeasibilityDepartment): Locator {
    return this.detail.getByTestId(`sign-form-${department}`);
  }

  /** The text under a field of a department's sign-off form. */
  signFieldError(department: FeasibilityDepartment, field: string): Locator {
    return this.page.locator(`#sign-${department}_${field}_help`);
  }

  async sign(
    department: FeasibilityDepartment,
    decision: FeasibilityDecision,
    options: { date?: string; reasons?: RefusalReason[]; comment?: string } = {},
  ): Promise<void> {
    const form = this.signForm(department);
    await form
      .getByText(this.t(`orders.feasibility.decisions.${decision}`), { exact: true })
      .click();
    if (options.date) {
      const input = form.locator(`#sign-${department}_proposedDate`);
      await input.click();
      await input.fill(options.date);
      // Tab, not Enter: Enter would also sign, before the rest is filled in.
      await input.press('Tab');
    }
    for (const reason of options.reasons ?? []) {
      await form.getByTestId(`sign-reasons-${department}`).click();
      await this.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: this.t(`orders.feasibility.reasons.${reason}`) })
        .click();
    }
    if (options.comment) await form.locator(`#sign-${department}_comment`).fill(options.comment);
    await form.getByTestId(`sign-submit-${department}`).click();
  }

  get promisedDate(): Locator {
    return this.detail.getByTestId('order-promised-date');
  }

  get timeline(): Locator {
    return this.detail.getByTestId('order-timeline');
  }

  /** Opens the print of the customer confirmation (web mode: the browser's print of an iframe). */
  async printConfirmation(language: Language): Promise<Locator> {
    await chooseOption(
      this.page,
      this.detail.getByTestId('print-language'),
      translate(language, `language.${language}`),
    );
    await this.detail.getByTestId('action-print').click();
    return this.page.getByTestId('order-confirmation-frame');
  }
}
