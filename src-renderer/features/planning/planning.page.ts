import { expect, type Locator, type Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import { chooseOption } from '../../components/select.page';
import type { Language } from '../../i18n/language';

/** Page object of the planning screen, for end-to-end tests. */
export class PlanningScreen extends DepartmentScreen {
  constructor(page: Page, language: Language = 'en') {
    super(page, 'planning', language);
  }

  private async choose(select: Locator, option: string): Promise<void> {
    await chooseOption(this.page, select, option);
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

  /** Opens a view of the screen by its tab ('board' is shown first). */
  async showView(view: 'board' | 'capacity' | 'orders' | 'list' | 'resources'): Promise<void> {
    await this.page.getByRole('tab', { name: this.t(`planning.tabs.${view}`) }).click();
  }

  /** The batch list with the plan form (the list the sync-conflict test drives). */
  async showList(): Promise<void> {
    await this.showView('list');
    await expect(this.page.getByTestId('plan-batch-form')).toBeVisible();
  }

  async setZoom(zoom: 'hour' | 'shift' | 'day' | 'week'): Promise<void> {
    await this.page
      .getByTestId('board-toolbar')
      .getByText(this.t(`planning.zoom.${zoom}`), { exact: true })
      .click();
    await expect(this.page.getByTestId('schedule-board')).toHaveAttribute('data-zoom', zoom);
  }

  /** A bar of the schedule board (rendered only while in or near the view). */
  bar(number: string): Locator {
    return this.page.locator(`[data-testid="board-bar"][data-batch-number="${number}"]`);
  }

  /** The number of the first bar whose label names the order. */
  async barNumberForOrder(orderNumber: string): Promise<string> {
    const bar = this.page.locator('[data-testid="board-bar"]', { hasText: orderNumber }).first();
    await expect(bar).toBeVisible();
    const number = await bar.getAttribute('data-batch-number');
    if (!number) throw new Error(`no bar for ${orderNumber}`);
    return number;
  }

  /**
   * Drags a bar with real pointer events: press on it, move in small steps by (dx, dy)
   * pixels, and, before releasing, hand the drag panel to `whileDragging`.
   */
  async dragBar(
    number: string,
    by: { dx: number; dy: number },
    whileDragging?: (panel: Locator) => Promise<void>,
  ): Promise<void> {
    const bar = this.bar(number);
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    if (!box) throw new Error(`bar ${number} is not on screen`);
    // Near the left end: the right end is the resize handle.
    const x = box.x + Math.min(box.width / 3, 12);
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + by.dx, y + by.dy, { steps: 20 });
    if (whileDragging) await whileDragging(this.page.getByTestId('drag-panel'));
    await this.page.mouse.up();
  }

  /** Focuses a bar and presses keys on it (keyboard moves). */
  async pressOnBar(number: string, ...keys: string[]): Promise<void> {
    await this.bar(number).focus();
    for (const key of keys) await this.page.keyboard.press(key);
  }

  get announcer(): Locator {
    return this.page.getByTestId('board-announcer');
  }

  /** Plans an order line from the "orders to plan" view, split by the line's capacity. */
  async planOrderLine(orderNumber: string): Promise<void> {
    await this.showView('orders');
    await this.page
      .getByTestId('order-backlog')
      .locator('tr', { hasText: orderNumber })
      .getByTestId('plan-order-line')
      .click();
    await expect(
      this.page.getByTestId('order-backlog').locator('tr', { hasText: orderNumber }),
    ).toHaveCount(0);
  }

  /** Selects a bar from the keyboard (Space; with Control it adds to the selection). */
  async selectBar(number: string, additive = false): Promise<void> {
    await this.bar(number).focus();
    await this.page.keyboard.press(additive ? 'Control+Space' : 'Space');
    await expect(this.bar(number)).toHaveAttribute('aria-pressed', 'true');
  }

  /** Splits the one selected bar into parts of these quantities. */
  async splitSelected(quantities: number[]): Promise<void> {
    await this.page.getByTestId('batch-split').click();
    await this.page.getByTestId('split-parts').fill(quantities.join(', '));
    await this.page
      .getByRole('button', { name: this.t('planning.split.button') })
      .last()
      .click();
  }

  async mergeSelected(): Promise<void> {
    await this.page.getByTestId('batch-merge').click();
  }

  barsForOrder(orderNumber: string): Locator {
    return this.page.locator('[data-testid="board-bar"]', { hasText: orderNumber });
  }
}
