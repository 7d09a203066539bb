import type { Page } from '@playwright/test';
import { DepartmentScreen } from '../../components/department.page';
import type { Language } from '../../i18n/language';

/** Page object of the production screen, for end-to-end tests. */
export class ProductionScreen extends DepartmentScreen {
  constructor(page: Page, language: Language = 'en') {
    super(page, 'production', language);
  }
}
