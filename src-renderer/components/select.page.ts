import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks the option of an antd select whose text contains `option`, and checks the select shows
 * it: a click that lands while the dropdown is still opening (a loaded CI machine) picks
 * nothing, so it opens the dropdown again if it closed and tries again.
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  // `select` may be the select itself or its input (a combobox by role): the chosen option
  // shows in the select's root either way.
  const root = select.locator(
    'xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click({ timeout: 2_000 });
    await expect(root).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}
