import { expect, type Locator } from '@playwright/test';

/**
 * Presses the OK of an antd popconfirm until what it does shows (`done`). On a loaded CI
 * machine a click that lands while the popup is still appearing does nothing (seen in traces:
 * the popup stays open, nothing happens), so OK is pressed again while the popup is still
 * there. Once the action has happened the popup is gone, so nothing is done twice.
 */
export async function pressPopconfirmOk(ok: Locator, done: () => Promise<void>): Promise<void> {
  await expect(async () => {
    if (await ok.isVisible()) await ok.click({ timeout: 2_000 });
    await done();
  }).toPass({ timeout: 20_000 });
}
