import { expect, type Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';
import { OrdersPanel } from '../orders/orders.page';

/** Page object of the sales screen: orders to confirm, all orders, catalog and customers. */
export class SalesScreen extends DepartmentScreen {
  readonly orders: OrdersPanel;

  constructor(page: Page, language: Language = 'en') {
    super(page, 'sales', language);
    this.orders = new OrdersPanel(page, language);
  }

  async openTab(key: 'toConfirm' | 'orders' | 'products' | 'customers'): Promise<void> {
    const label = {
      toConfirm: 'orders.sales.toConfirm',
      orders: 'orders.list.tab',
      products: 'orders.catalog.products',
      customers: 'orders.catalog.customers',
    }[key];
    await this.page.getByRole('tab', { name: this.t(label), exact: true }).click();
  }

  /** The text under a field of the customer form, e.g. 'code' or 'contacts_0_email'. */
  customerFieldError(field: string): ReturnType<Page['locator']> {
    return this.page.locator(`#customer_${field}_help`);
  }

  async newCustomer(fields: Record<string, string>): Promise<void> {
    await this.openTab('customers');
    await this.page.getByTestId('customer-new').click();
    await this.fillCustomer(fields);
  }

  /** Fills fields of the open customer form by their ids (e.g. 'address_city') and saves. */
  async fillCustomer(fields: Record<string, string>): Promise<void> {
    for (const [id, value] of Object.entries(fields)) {
      await this.page.locator(`#customer_${id}`).fill(value);
    }
    await this.page.getByTestId('customer-save').click();
  }

  /** The customer's row in the customer list. */
  customerRow(code: string) {
    return this.page.getByTestId('customer-editor').locator('tr', { hasText: code });
  }

  async expectToConfirm(number: string): Promise<void> {
    await this.openTab('toConfirm');
    await expect(this.orders.row(number)).toBeVisible({ timeout: 15_000 });
  }
}
