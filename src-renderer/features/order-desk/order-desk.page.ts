import { expect, type Locator, type Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';
import { OrdersPanel } from '../orders/orders.page';

export interface IntakeOrder {
  /** Typed into the customer search, then Enter picks the first match. */
  customer?: string;
  channel?: 'phone' | 'email' | 'portal' | 'in-person';
  contactEmail?: string;
  lines: { model: string; spec?: string; quantity: number | string }[];
  /** YYYY-MM-DD */
  requestedDate?: string;
  deliveryPlace?: string;
}

/** Page object of the order-desk screen: intake from the keyboard, the order list, alerts. */
export class OrderDeskScreen extends DepartmentScreen {
  readonly orders: OrdersPanel;

  constructor(page: Page, language: Language = 'en') {
    super(page, 'order-desk', language);
    this.orders = new OrdersPanel(page, language);
  }

  setLanguage(language: Language): void {
    this.language = language;
    this.orders.language = language;
  }

  async openIntake(): Promise<void> {
    await this.page.getByRole('tab', { name: this.t('orders.intake.tab'), exact: true }).click();
    await expect(this.page.getByTestId('intake')).toBeVisible();
  }

  async openOrders(): Promise<void> {
    await this.page.getByRole('tab', { name: this.t('orders.list.tab'), exact: true }).click();
    await expect(this.orders.list).toBeVisible();
  }

  private async pick(combobox: Locator, text: string): Promise<void> {
    await combobox.click();
    await combobox.pressSequentially(text);
    await expect(
      this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first(),
    ).toBeVisible();
    await combobox.press('Enter');
  }

  /**
   * Fills the intake form the way the order desk does on the phone: type to search, Enter to
   * choose, Enter in a quantity to get the next line.
   */
  async fillIntake(order: IntakeOrder): Promise<void> {
    const form = this.page.locator('#intake');
    if (order.customer) await this.pick(form.locator('#intake_customerId'), order.customer);
    if (order.channel) {
      await form.locator('#intake_channel').click();
      await this.page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: this.t(`orders.channels.${order.channel}`) })
        .click();
    }
    if (order.contactEmail !== undefined)
      await form.locator('#intake_contactEmail').fill(order.contactEmail);
    for (const [i, line] of order.lines.entries()) {
      await this.pick(form.locator(`#intake_lines_${i}_model`), line.model);
      if (line.spec) await this.pick(form.locator(`#intake_lines_${i}_spec`), line.spec);
      const quantity = form.locator(`#intake_lines_${i}_quantity`);
      await quantity.fill(String(line.quantity));
      if (i < order.lines.length - 1) {
        await quantity.press('Enter');
        await expect(form.locator(`#intake_lines_${i + 1}_model`)).toBeFocused();
      }
    }
    if (order.requestedDate) {
      const date = form.locator('#intake_requestedDate');
      await date.click();
      await date.fill(order.requestedDate);
      await date.press('Enter');
    }
    if (order.deliveryPlace !== undefined)
      await form.locator('#intake_deliveryPlace').fill(order.deliveryPlace);
  }

  /** Ctrl+Enter, as the keyboard hint says. */
  async submitIntake(): Promise<void> {
    await this.page.locator('#intake_deliveryPlace').press('Control+Enter');
  }

  /** The text under an intake field, e.g. 'customerId' or 'lines_0_quantity'. */
  fieldError(field: string): Locator {
    return this.page.locator(`#intake_${field}_help`);
  }

  get portalAlerts(): Locator {
    return this.page.getByTestId('portal-alert');
  }

  get alertBadge(): Locator {
    return this.page.getByTestId('portal-alert-count');
  }

  get soundToggle(): Locator {
    return this.page.getByTestId('alert-sound');
  }
}
