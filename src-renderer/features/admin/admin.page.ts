import { expect, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../../src-shared/roles';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Page object of the admin screen: user list, create user, disable, reset password, audit. */
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

  async setDisabled(username: string, disabled: boolean): Promise<void> {
    const button = this.page.getByTestId(`toggle-disabled-${username}`);
    await expect(button).toHaveText(
      this.t(disabled ? 'admin.users.disable' : 'admin.users.enable'),
    );
    await button.click();
    await this.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: this.t('common.yes') })
      .click();
    await expect(
      this.userRow(username).getByText(
        this.t(disabled ? 'admin.users.disabled' : 'admin.users.active'),
        { exact: true },
      ),
    ).toBeVisible();
  }

  async resetPassword(username: string, password: string): Promise<void> {
    await this.page.getByTestId(`reset-password-${username}`).click();
    await this.page.locator('#reset-password_password').fill(password);
    await this.page.getByTestId('reset-password-submit').click();
    await expect(this.page.locator('#reset-password_password')).toBeHidden();
  }

  get auditResult(): Locator {
    return this.page.getByTestId('audit-result');
  }

  async verifyAudit(): Promise<void> {
    await this.page.getByTestId('verify-audit').click();
    await expect(this.auditResult).toBeVisible();
  }
}
