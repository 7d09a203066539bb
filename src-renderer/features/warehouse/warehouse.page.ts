import { expect, type Locator, type Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import { chooseOption } from '../../components/select.page';
import type { Language } from '../../i18n/language';
import { OrdersPanel } from '../orders/orders.page';

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
    await chooseOption(this.page, select, option);
  }

  /** antd puts a number field's test id on the input or on its wrapper, depending on version. */
  private number(testId: string): Locator {
    return this.page
      .locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`)
      .first();
  }

  async showTab(tab: 'scan' | 'pack' | 'carriers' | 'mail' | 'specs'): Promise<void> {
    const key =
      tab === 'carriers' || tab === 'mail' || tab === 'specs'
        ? `warehouse.${tab}.tab`
        : `warehouse.tabs.${tab}`;
    await this.page.getByRole('tab', { name: this.t(key) }).click();
  }

  /**
   * Packs cartons from the batch whose option names `batchNumber`; a serialized product's
   * serials are scanned in (each typed, then Enter) before packing.
   */
  async pack(
    batchNumber: string,
    perCarton: number,
    cartons: number,
    serials: string[] = [],
  ): Promise<void> {
    await this.choosePackBatch(batchNumber);
    await this.number('pack-per-carton').fill(String(perCarton));
    await this.number('pack-cartons').fill(String(cartons));
    if (serials.length) {
      await this.scanSerials(serials);
      await expect(this.page.getByTestId('pack-serial-count')).toHaveAttribute(
        'data-count',
        String(serials.length),
      );
    }
    await this.page.getByTestId('pack-submit').click();
    await expect(this.page.getByTestId('pack-result')).toHaveText(
      this.t('warehouse.pack.packed', { count: cartons }),
    );
  }

  async choosePackBatch(batchNumber: string): Promise<void> {
    await this.showTab('pack');
    await this.choose(this.page.getByTestId('pack-batch'), batchNumber);
  }

  /** Units per carton as the pack form shows it (prefilled from the packing spec). */
  get packPerCarton(): Locator {
    return this.number('pack-per-carton');
  }

  /** Scans serials into the pack form like a scanner: each one, then Enter. */
  async scanSerials(serials: string[]): Promise<void> {
    await this.page.getByTestId('pack-serials').click();
    for (const serial of serials) {
      await this.page.keyboard.type(serial);
      await this.page.keyboard.press('Enter');
    }
  }

  /** The error shown next to the form field holding `testId`, or none (`null`). */
  async expectFieldError(testId: string, message: string | null): Promise<void> {
    const error = this.page
      .locator('.ant-form-item')
      .filter({ has: this.page.getByTestId(testId) })
      .locator('.ant-form-item-explain-error');
    if (message === null) await expect(error).toHaveCount(0);
    else await expect(error).toHaveText(message);
  }

  /** Opens a new packing spec for a model, optionally for one customer (by its label). */
  async newPackingSpec(model: string, customer?: string): Promise<void> {
    await this.showTab('specs');
    await this.page.getByTestId('spec-new').click();
    await this.choose(this.page.getByTestId('spec-model'), model);
    if (customer) await this.choose(this.page.getByTestId('spec-customer'), customer);
  }

  async fillPackingSpec(unitsPerCarton: string, cartonsPerPallet: string): Promise<void> {
    await this.number('spec-units').fill(unitsPerCarton);
    await this.number('spec-cartons').fill(cartonsPerPallet);
  }

  async savePackingSpec(): Promise<void> {
    await this.page.getByTestId('spec-save').click();
  }

  /** The stored spec's row in the list. */
  packingSpecRow(id: string): Locator {
    return this.page.getByTestId('packing-specs').locator(`tr[data-spec-id="${id}"]`);
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

  /** Picks the carrier whose name contains `carrier`, types the number and confirms. */
  async confirm(carrier: string, trackingNumber: string): Promise<void> {
    await this.fillConfirmation(carrier, trackingNumber);
    await expect(this.page.getByTestId('confirm-submit')).toBeEnabled();
    await this.page.getByTestId('confirm-submit').click();
    await expect(this.page.getByTestId('confirm-result')).toHaveClass(/ant-alert-success/);
  }

  async fillConfirmation(carrier: string, trackingNumber: string): Promise<void> {
    await this.choose(this.page.getByTestId('confirm-carrier'), carrier);
    await this.page.getByTestId('confirm-tracking').fill(trackingNumber);
  }

  /** The inline error under the tracking number (the carrier's pattern), or none. */
  async expectTrackingError(message: string | null): Promise<void> {
    const error = this.page
      .locator('.ant-form-item')
      .filter({ has: this.page.getByTestId('confirm-tracking') })
      .locator('.ant-form-item-explain-error');
    if (message === null) await expect(error).toHaveCount(0);
    else await expect(error).toHaveText(message);
  }

  /** The mail tab's rows with the given state filter shown. */
  async showMail(filter: 'failed' | 'pending' | 'sent' | 'all'): Promise<Locator> {
    await this.showTab('mail');
    await this.page
      .getByTestId('mail-filter')
      .getByText(this.t(`warehouse.mail.filters.${filter}`), { exact: true })
      .click();
    return this.page.getByTestId('mail-list').locator('tbody tr[data-state]');
  }

  /** Retries a notice from the mail tab: the one of that shipment, or the first listed. */
  async retryMail(shipmentNumber?: string): Promise<void> {
    const rows = this.page.getByTestId('mail-list').locator('tbody tr[data-state]');
    const row = shipmentNumber
      ? rows.and(this.page.locator(`[data-shipment="${shipmentNumber}"]`))
      : rows.first();
    await row.getByTestId('mail-retry').click();
  }

  /** Chooses the carrier when opening the shipment (before `createShipment`). */
  async chooseShipmentCarrier(carrier: string): Promise<void> {
    await this.showTab('scan');
    await this.choose(this.page.getByTestId('shipment-carrier'), carrier);
  }

  /** Turns a carrier on the Carriers tab on or off (e.g. the plant's "other carrier" entry). */
  async setCarrierActive(name: string, active: boolean): Promise<void> {
    await this.showTab('carriers');
    const row = this.page.getByTestId('carrier-list').locator(`[data-carrier="${name}"]`);
    const wanted = this.t(active ? 'warehouse.carriers.activeYes' : 'warehouse.carriers.activeNo');
    await expect(row).toBeVisible();
    if ((await row.innerText()).includes(wanted)) return;
    await row.getByTestId('carrier-edit').click();
    const toggle = this.page.getByTestId('carrier-active');
    await expect(toggle).toBeVisible();
    if ((await toggle.getAttribute('aria-checked')) !== String(active)) await toggle.click();
    await this.page.getByTestId('carrier-save').click();
    await expect(row).toContainText(wanted);
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
