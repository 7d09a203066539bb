import type { Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';

/** Page object of the finance screen, for end-to-end tests. */
export class FinanceScreen extends DepartmentScreen {
  constructor(page: Page, language: Language = 'en') {
    super(page, 'finance', language);
  }
}
