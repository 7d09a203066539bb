import { expect, type Locator, type Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';
import { OrdersPanel } from '../orders/orders.page';

/** Page object of the production screen: for now its feasibility sign-off queue. */
export class ProductionScreen extends DepartmentScreen {
  readonly orders: OrdersPanel;

  constructor(page: Page, language: Language = 'en') {
    super(page, 'production', language);
    this.orders = new OrdersPanel(page, language);
  }

  get queue(): Locator {
    return this.page.getByTestId('feasibility-queue');
  }

  async expectWaiting(count: number): Promise<void> {
    await expect(this.page.getByTestId('feasibility-waiting')).toContainText(
      count === 0
        ? this.t('orders.feasibility.nothing')
        : this.t(`orders.feasibility.waiting_${count === 1 ? 'one' : 'other'}`, { count }),
    );
  }
}
