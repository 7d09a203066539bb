import { expect, type Locator, type Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import { OrdersPanel } from '../../components/orders/orders.page';
import type { Language } from '../../i18n/language';

/**
 * Page object of the warehouse screen: packing, shipments and the scan station, and the
 * logistics feasibility sign-off queue.
 */
export class WarehouseScreen extends DepartmentScreen {
  readonly orders: OrdersPanel;

  constructor(page: Page, language: Language = 'en') {
    super(page, 'warehouse', language);
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

  private async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  }

  /** antd puts a number field's test id on the input or on its wrapper, depending on version. */
  private number(testId: string): Locator {
    return this.page
      .locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`)
      .first();
  }

  async showTab(tab: 'scan' | 'pack'): Promise<void> {
    await this.page.getByRole('tab', { name: this.t(`warehouse.tabs.${tab}`) }).click();
  }

  /** Packs cartons from the batch whose option names `batchNumber`; answers the result text. */
  async pack(batchNumber: string, perCarton: number, cartons: number): Promise<void> {
    await this.showTab('pack');
    await this.choose(this.page.getByTestId('pack-batch'), batchNumber);
    await this.number('pack-per-carton').fill(String(perCarton));
    await this.number('pack-cartons').fill(String(cartons));
    await this.page.getByTestId('pack-submit').click();
    await expect(this.page.getByTestId('pack-result')).toHaveText(
      this.t('warehouse.pack.packed', { count: cartons }),
    );
  }

  /** Stacks the cartons on a pallet; answers the pallet's code. */
  async buildPallet(cartons: string[]): Promise<string> {
    await this.showTab('pack');
    await this.page.getByTestId('pallet-cartons').fill(cartons.join('\n'));
    await this.page.getByTestId('pallet-build').click();
    const code = `PAL-${cartons[0]}`;
    await expect(this.page.getByTestId('pallet-result')).toHaveText(
      this.t('warehouse.pallet.built', { code, count: cartons.length }),
    );
    return code;
  }

  /** Opens a shipment for the order and leaves it selected in the scan station. */
  async createShipment(orderNumber: string): Promise<void> {
    await this.showTab('scan');
    await this.choose(this.page.getByTestId('shipment-order'), orderNumber);
    await this.page.getByTestId('shipment-create').click();
    await expect(this.scanInput).toBeVisible();
  }

  get scanInput(): Locator {
    return this.page.getByTestId('scan-input');
  }

  /** Scans like a scanner: types into whatever has the focus, then Enter. */
  async scan(code: string): Promise<void> {
    await expect(this.scanInput).toBeFocused();
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Enter');
  }

  /** The answer to the latest scan: whether it was taken, and what the screen said. */
  async expectLastScan(ok: boolean, message: string): Promise<void> {
    const last = this.page.getByTestId('scan-log').locator('.ant-list-item').first();
    await expect(last).toHaveAttribute('data-ok', ok ? 'yes' : 'no');
    await expect(last).toContainText(message);
  }

  async expectLine(model: string, scanned: number, quantity: number): Promise<void> {
    const line = this.page.getByTestId('shipment-lines').locator(`[data-model="${model}"]`);
    await expect(line).toHaveAttribute('data-scanned', String(scanned));
    await expect(line).toHaveAttribute('data-quantity', String(quantity));
  }

  /** Prints the shipment's packing list or delivery note and answers its HTML. */
  async documentHtml(which: 'packing-list' | 'delivery-note'): Promise<string> {
    await this.page.getByTestId(`print-${which}`).click();
    const frame = this.page.locator(`iframe[data-document^="${which}-"]`).last();
    return (await frame.getAttribute('srcdoc')) ?? '';
  }

  async confirm(carrier: string, trackingNumber: string): Promise<void> {
    await this.page.getByTestId('confirm-carrier').fill(carrier);
    await this.page.getByTestId('confirm-tracking').fill(trackingNumber);
    await expect(this.page.getByTestId('confirm-submit')).toBeEnabled();
    await this.page.getByTestId('confirm-submit').click();
    await expect(this.page.getByTestId('confirm-result')).toHaveClass(/ant-alert-success/);
  }

  /** Prints a carton's label (web mode: the browser's print of a label document) and answers its HTML. */
  async labelHtml(code: string): Promise<string> {
    await this.showTab('pack');
    const row = this.page.getByTestId('carton-list').locator('tr', { hasText: code });
    await row.getByTestId('carton-label').click();
    const frame = this.page.locator(`iframe[data-document="label-${code}"]`).last();
    return (await frame.getAttribute('srcdoc')) ?? '';
  }
}
