import { expect, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../../src-shared/roles';
import { DepartmentScreen } from '../../components/department.page';
import { pressPopconfirmOk } from '../../components/popconfirm.page';
import { chooseOption } from '../../components/select.page';
import type { Language } from '../../i18n/language';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/**
 * Page object of the admin screen: user list, create user, disable, reset password, portal
 * API keys, audit.
 */
export class AdminScreen extends DepartmentScreen {
  constructor(page: Page, language: Language = 'en') {
    super(page, 'admin', language);
  }

  get usersTable(): Locator {
    return this.page.getByTestId('users-table');
  }

  userRow(username: string): Locator {
    return this.usersTable
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('cell', { name: username, exact: true }) });
  }

  get createDialog(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.locator('#create-user') });
  }

  /** The text under a field of the create-user form. */
  createFieldError(field: keyof NewUser): Locator {
    return this.page.locator(`#create-user_${field}_help`);
  }

  async openCreateUser(): Promise<void> {
    await this.page.getByTestId('create-user').click();
    await expect(this.createDialog).toBeVisible();
  }

  async fillCreateUser(user: Partial<NewUser>): Promise<void> {
    if (user.username !== undefined)
      await this.page.locator('#create-user_username').fill(user.username);
    if (user.displayName !== undefined)
      await this.page.locator('#create-user_displayName').fill(user.displayName);
    if (user.role !== undefined) {
      const label = this.t(`roles.${user.role}`);
      const select = this.page.locator('.ant-select').filter({
        has: this.page.locator('#create-user_role'),
      });
      // A click that lands while the dropdown is still opening selects nothing: choose again
      // until the field shows the role.
      await expect(async () => {
        await this.page.locator('#create-user_role').click();
        await this.page
          .locator('.ant-select-dropdown:visible .ant-select-item-option')
          .filter({ hasText: new RegExp(`^${label}$`) })
          .click({ timeout: 2_000 });
        await expect(select).toContainText(label, { timeout: 1_000 });
      }).toPass({ timeout: 10_000 });
    }
    if (user.password !== undefined)
      await this.page.locator('#create-user_password').fill(user.password);
  }

  async submitCreateUser(): Promise<void> {
    await this.page.getByTestId('create-user-submit').click();
  }

  async createUser(user: NewUser): Promise<void> {
    await this.openCreateUser();
    await this.fillCreateUser(user);
    await this.submitCreateUser();
    await expect(this.createDialog).toBeHidden();
    await expect(this.userRow(user.username)).toBeVisible();
  }

  private get popconfirmYes(): Locator {
    return this.page.locator('.ant-popconfirm').getByRole('button', { name: this.t('common.yes') });
  }

  async setDisabled(username: string, disabled: boolean): Promise<void> {
    const button = this.page.getByTestId(`toggle-disabled-${username}`);
    await expect(button).toHaveText(
      this.t(disabled ? 'admin.users.disable' : 'admin.users.enable'),
    );
    await button.click();
    await pressPopconfirmOk(this.popconfirmYes, () =>
      expect(
        this.userRow(username).getByText(
          this.t(disabled ? 'admin.users.disabled' : 'admin.users.active'),
          { exact: true },
        ),
      ).toBeVisible({ timeout: 3_000 }),
    );
  }

  async resetPassword(username: string, password: string): Promise<void> {
    await this.page.getByTestId(`reset-password-${username}`).click();
    await this.page.locator('#reset-password_password').fill(password);
    await this.page.getByTestId('reset-password-submit').click();
    await expect(this.page.locator('#reset-password_password')).toBeHidden();
  }

  get portalKeysTable(): Locator {
    return this.page.getByTestId('portal-keys-table');
  }

  portalKeyRow(name: string): Locator {
    return this.portalKeysTable
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  get portalKeyDialog(): Locator {
    return this.page
      .getByRole('dialog')
      .filter({ has: this.page.locator('#create-portal-key, [data-testid="portal-key-created"]') });
  }

  /** The text under the name field of the new-key form. */
  get portalKeyNameError(): Locator {
    return this.page.locator('#create-portal-key_name_help');
  }

  /** The key shown once after creating it. */
  get createdPortalKey(): Locator {
    return this.page.getByTestId('portal-key-value');
  }

  async openCreatePortalKey(): Promise<void> {
    await this.page.getByTestId('create-portal-key').click();
    await expect(this.page.locator('#create-portal-key_name')).toBeVisible();
  }

  /** Fills the name and picks the customers (by code) the key orders for, then submits. */
  async submitPortalKey(name: string, customers: readonly string[] = []): Promise<void> {
    await this.page.locator('#create-portal-key_name').fill(name);
    await this.chooseCustomers('#create-portal-key_customers', customers);
    await this.page.getByTestId('create-portal-key-submit').click();
  }

  private async chooseCustomers(input: string, customers: readonly string[]): Promise<void> {
    for (const code of customers) {
      const root = this.page.locator('.ant-select').filter({ has: this.page.locator(input) });
      // Already chosen (a second submit of the same form): choosing again would unselect it.
      if ((await root.locator('.ant-select-selection-item', { hasText: code }).count()) > 0) {
        continue;
      }
      await chooseOption(this.page, this.page.locator(input), code);
    }
    // Closes the dropdown so it covers nothing; Escape would close the dialog as well.
    if (customers.length > 0) await this.page.locator('.ant-modal-title:visible').click();
  }

  /** The text under the customers field of the new-key form. */
  get portalKeyCustomersError(): Locator {
    return this.page.locator('#create-portal-key_customers_help');
  }

  /** The customers a key's row lists, or its "not bound" mark. */
  portalKeyCustomers(name: string): Locator {
    return this.page.getByTestId(`portal-key-customers-${name}`);
  }

  /** Replaces the customers a key orders for, on its row's dialog. */
  async bindPortalKey(name: string, customers: readonly string[]): Promise<void> {
    await this.page.getByTestId(`bind-portal-key-${name}`).click();
    const dialog = this.page
      .getByRole('dialog')
      .filter({ has: this.page.locator('#bind-portal-key') });
    await expect(dialog).toBeVisible();
    // Start from none: the dialog opens with the key's present customers.
    const removes = dialog.locator('.ant-select-selection-item-remove');
    while ((await removes.count()) > 0) await removes.first().click();
    await this.chooseCustomers('#bind-portal-key_customers', customers);
    await this.page.getByTestId('bind-portal-key-submit').click();
    await expect(dialog).toBeHidden();
  }

  /**
   * Makes a key for `customers` and answers it as shown once, leaving the dialog open on it;
   * `closeCreatedKey` dismisses it.
   */
  async createPortalKey(name: string, customers: readonly string[]): Promise<string> {
    await this.openCreatePortalKey();
    await this.submitPortalKey(name, customers);
    await expect(this.createdPortalKey).toBeVisible();
    await expect(this.portalKeyDialog).toContainText(this.t('admin.portalKeyForm.onceWarning'));
    const key = (await this.createdPortalKey.locator('code').textContent())?.trim() ?? '';
    expect(key).toMatch(/^olp_[A-Za-z0-9_-]{43}$/);
    return key;
  }

  async closeCreatedKey(): Promise<void> {
    await this.page.getByTestId('portal-key-done').click();
    await expect(this.createdPortalKey).toBeHidden();
  }

  async revokePortalKey(name: string): Promise<void> {
    await this.page.getByTestId(`revoke-portal-key-${name}`).click();
    await pressPopconfirmOk(this.popconfirmYes, () =>
      expect(
        this.portalKeyRow(name).getByText(this.t('admin.portalKeys.revoked'), { exact: true }),
      ).toBeVisible({ timeout: 3_000 }),
    );
  }

  get auditResult(): Locator {
    return this.page.getByTestId('audit-result');
  }

  async verifyAudit(): Promise<void> {
    await this.page.getByTestId('verify-audit').click();
    await expect(this.auditResult).toBeVisible();
  }
}
