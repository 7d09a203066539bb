import { expect, test, type Page } from '@playwright/test';
import { addDays } from '../../src-shared/orders/dates';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { OrderDeskScreen } from '../../src-renderer/features/order-desk/order-desk.page';
import { SalesScreen } from '../../src-renderer/features/sales/sales.page';
import type { Language } from '../../src-renderer/i18n/language';
import { translate } from '../../src-renderer/i18n/lookup';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * Every order form shows bad input next to the field it is about, in Chinese and in English:
 * the intake form, the clarification log, the feasibility sign-off and the customer form.
 */
const server = useServer();
test.use({ locale: 'en-US' });

const today = new Date().toISOString().slice(0, 10);

async function signedIn(page: Page, username: string, language: Language) {
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn(username, DEMO_PASSWORD);
  if (language !== 'en') await shell.switchLanguage(language);
  return shell;
}

for (const language of ['en', 'zh-CN'] as const) {
  const t = (key: string, vars?: Record<string, string | number>) => translate(language, key, vars);

  test(`intake form (${language}): each problem under its field`, async ({ page }) => {
    const shell = await signedIn(page, 'order-desk', language);
    await shell.goToDepartment('order-desk');
    const desk = new OrderDeskScreen(page, language);
    await desk.openIntake();
    await page.getByTestId('intake-submit').click();
    await expect(desk.fieldError('customerId')).toHaveText(t('validation.required'));
    await expect(page.locator('#intake_lines_help')).toHaveText(t('orders.validation.lines'));

    await desk.fillIntake({
      customer: 'C-0003',
      contactEmail: 'wang at mingguang',
      lines: [{ model: 'VRLA', quantity: 0 }],
      requestedDate: addDays(today, -3),
    });
    await page.getByTestId('intake-submit').click();
    await expect(desk.fieldError('customerId')).toHaveCount(0);
    await expect(desk.fieldError('lines_0_quantity')).toHaveText(t('orders.validation.quantity'));
    await expect(desk.fieldError('contactEmail')).toHaveText(t('orders.validation.email'));
    await expect(desk.fieldError('requestedDate')).toHaveText(t('orders.validation.pastDate'));

    // Switching the language re-words what is already on screen.
    const other: Language = language === 'en' ? 'zh-CN' : 'en';
    await shell.switchLanguage(other);
    await expect(desk.fieldError('lines_0_quantity')).toHaveText(
      translate(other, 'orders.validation.quantity'),
    );

    // The typed order survives leaving the screen: it is a draft on this PC.
    await shell.goToDepartment('order-desk');
    await page.reload();
    await shell.signIn('order-desk', DEMO_PASSWORD);
    await shell.goToDepartment('order-desk');
    await expect(page.getByTestId('draft-restored')).toBeVisible();
    await expect(page.locator('#intake_contactEmail')).toHaveValue('wang at mingguang');
  });

  test(`clarification, sign-off and customer forms (${language})`, async ({ page }) => {
    test.setTimeout(120_000);
    const shell = await signedIn(page, 'admin', language);
    await shell.goToDepartment('order-desk');
    const desk = new OrderDeskScreen(page, language);
    await desk.openIntake();
    await desk.fillIntake({
      customer: 'C-0004',
      lines: [{ model: 'PRI-LFP', spec: 'STD', quantity: 1000 }],
      // Another date per language: the same one twice would (rightly) warn of a duplicate.
      requestedDate: addDays(today, language === 'en' ? 120 : 130),
    });
    await desk.submitIntake();
    await desk.openOrders();
    const row = desk.orders.rowStartingWith('RQ-2');
    await expect(row).toHaveCount(1, { timeout: 15_000 });
    await desk.orders.open((await row.getAttribute('data-order-number'))!);
    await desk.orders.take();

    // Clarification without a question.
    await desk.orders.detail.getByTestId('clarify-add').click();
    await page.locator('#clarify_question').fill('   ');
    await page.getByTestId('clarify-submit').click();
    await expect(page.locator('#clarify_question_help')).toHaveText(t('validation.required'));
    await page.locator('#clarify_question').fill('Which terminal bolts?');
    await page.getByTestId('clarify-submit').click();
    await expect(page.locator('#clarify')).toBeHidden();
    // Asking parks the order until the answer; the answer takes it back into review.
    await desk.orders.expectState('needs_clarification');
    await desk.orders.logAnswer('M8, as last time.');
    await desk.orders.expectState('under_review');

    await desk.orders.markReviewed('');
    await desk.orders.confirm();

    // A refusal without reasons or comment.
    await desk.orders.sign('production', 'refuse');
    await expect(desk.orders.signFieldError('production', 'reasons')).toHaveText(
      t('validation.required'),
    );
    await expect(desk.orders.signFieldError('production', 'comment')).toHaveText(
      t('validation.required'),
    );
    // A later date that is not later.
    await desk.orders.sign('production', 'approve-later', { date: addDays(today, 100) });
    await expect(desk.orders.signFieldError('production', 'proposedDate')).toContainText(
      t('orders.feasibility.laterThanRequested', { date: '' }).trim().slice(0, 4),
    );
    await expect(desk.orders.review('production')).toHaveAttribute('data-status', 'pending');
    await page.locator('.ant-drawer-close:visible').click();
    // The sign-off notices of the three departments (admin signs for all) go away by themselves.
    await expect(page.getByTestId('signoff-alert')).toHaveCount(0, { timeout: 15_000 });

    // A customer without a code, and with a malformed e-mail.
    await shell.goToDepartment('sales');
    const sales = new SalesScreen(page, language);
    await sales.newCustomer({ nameZh: '新客户', nameEn: 'New customer', contacts_0_email: 'x@' });
    await expect(sales.customerFieldError('code')).toHaveText(t('validation.required'));
    await expect(sales.customerFieldError('contacts_0_email')).toHaveText(t('validation.invalid'));
    await expect(sales.customerFieldError('contacts_0_name')).toHaveText(t('validation.required'));
    // Put right, it saves and is listed.
    await sales.fillCustomer({
      code: `C-09${language === 'en' ? '91' : '92'}`,
      contacts_0_name: '王经理',
      contacts_0_email: 'wang@new-customer.example',
      address_line1: '科技园路 1 号',
      address_city: '深圳',
      address_postcode: '518000',
      paymentTerms_code: 'NET30',
      paymentTerms_textZh: '月结 30 天',
      paymentTerms_textEn: '30 days net',
    });
    await expect(sales.customerRow(`C-09${language === 'en' ? '91' : '92'}`)).toBeVisible();
  });
}
