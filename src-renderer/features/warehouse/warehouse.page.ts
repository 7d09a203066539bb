import type { Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';

/** Page object of the warehouse screen, for end-to-end tests. */
export class WarehouseScreen extends DepartmentScreen {
  constructor(page: Page, language: Language = 'en') {
    super(page, 'warehouse', language);
  }
}
