import { expect, test, type Browser } from '@playwright/test';
import type { DepartmentId } from '../../src-shared/departments';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { PlanningScreen } from '../../src-renderer/features/planning/planning.page';
import { TodaysBatchesPanel } from '../../src-renderer/features/production/todays-batches.page';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * The workshop's side of issue 6: a batch planned for today appears under its line on the
 * production screen; the workshop starts it, reports good and scrap, pauses, resumes and
 * completes it, and the planner's list follows.
 */
const server = useServer();

async function signedIn(browser: Browser, username: string, department: DepartmentId) {
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1600, height: 900 },
  });
  const page = await context.newPage();
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn(username, DEMO_PASSWORD);
  await shell.goToDepartment(department);
  return { context, page, shell };
}

test('the workshop runs today’s batch and reports output', async ({ browser }) => {
  test.setTimeout(120_000);
  const planner = await signedIn(browser, 'planning', 'planning');
  const planning = new PlanningScreen(planner.page);
  await planning.expectShown();
  await planning.showList();
  // Today in the plant's time (UTC+8), from its first shift.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await planning.planBatch({
    model: '18650',
    quantity: 1000,
    line: 'L1-CYL',
    start: `${today} 00:00`,
    hours: 20,
  });
  const number = await planning.confirmedNumberOfOnlyBatch();

  const workshop = await signedIn(browser, 'production', 'production');
  const panel = new TodaysBatchesPanel(workshop.page);
  await expect(panel.line('L1-CYL').getByTestId('production-batch')).toHaveCount(1);
  const batch = panel.batch(number);
  await expect(batch.getByTestId('batch-state')).toHaveText(panel.t('planning.states.planned'));
  // Nothing can be reported before the batch runs.
  await expect(batch.getByTestId('report-form')).toHaveCount(0);

  await panel.step(number, 'start');
  await expect(batch.getByTestId('batch-state')).toHaveText(panel.t('planning.states.running'));
  await panel.report(number, 600, 12);
  await panel.report(number, 300, 8);
  await expect(batch.getByTestId('batch-progress')).toHaveText(
    panel.t('planning.production.progress', { good: '900', quantity: '1,000', scrap: '20' }),
  );

  await panel.step(number, 'pause');
  await expect(batch).toContainText(panel.t('planning.production.paused'));
  await panel.step(number, 'resume');
  await expect(batch).not.toContainText(panel.t('planning.production.paused'));
  await panel.step(number, 'complete');
  // Done batches leave the workshop's list; the planner's list shows it done.
  await expect(batch).toHaveCount(0);
  await expect(planning.row(number)).toContainText(planning.t('planning.states.done'), {
    timeout: 10_000,
  });

  await planner.context.close();
  await workshop.context.close();
});
