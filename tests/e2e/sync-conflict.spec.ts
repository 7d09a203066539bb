import { expect, test, type Browser } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { PlanningScreen } from '../../src-renderer/features/planning/planning.page';
import { demoLineAlsoMaking, seedRecords } from './support/seed-records';
import { DEMO_PASSWORD, useServer } from './support/server';
import { createUsers } from './support/users';

/**
 * Issue 4's end-to-end proof with two Chromium clients: one planner works offline while the
 * other changes the same batch; when the first comes back, both screens show the same plan and
 * the planner whose move was overridden is told whose move now stands.
 */
const server = useServer();
test.use({ locale: 'en-US' });

async function signedIn(browser: Browser, username: string, password: string) {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn(username, password);
  await shell.goToDepartment('planning');
  const planning = new PlanningScreen(page);
  await planning.expectShown();
  // The batch list is a view of the planning screen, next to the schedule board.
  await planning.showList();
  return { context, page, shell, planning };
}

test('an offline move and a conflicting online move converge, and the overridden planner is told', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // The batch moves from L1 to L2 and L3: here they make 18650s too (issue 12 refuses a batch
  // on a line that cannot make it).
  await seedRecords(server.dataDir, [
    demoLineAlsoMaking('L2-LFP', '18650', 9_000),
    demoLineAlsoMaking('L3-PRI', '18650', 9_000),
  ]);
  // A second planner, made by the administrator through the API.
  await createUsers(request, server.url, [
    {
      username: 'planner-li',
      displayName: 'Li Planner',
      role: 'planning',
      password: 'second planner pw',
    },
  ]);

  const a = await signedIn(browser, 'planning', DEMO_PASSWORD);
  const b = await signedIn(browser, 'planner-li', 'second planner pw');

  await a.planning.planBatch({
    model: '18650',
    quantity: 24000,
    line: 'L1-CYL',
    start: '2026-12-07 06:00',
    hours: 8,
  });
  const number = await a.planning.confirmedNumberOfOnlyBatch();
  expect(number).toMatch(/^BT-\d{4}-\d{6}$/);
  // The second planner's screen gets it live, without a reload.
  await expect(b.planning.row(number)).toBeVisible({ timeout: 5_000 });

  // Planner B loses the network and moves the batch to line 2.
  await b.context.setOffline(true);
  await expect(b.page.getByTestId('sync-status')).toHaveText(b.shell.t('syncStatus.offline'));
  await b.planning.moveToLine(number, 'L2-LFP');
  await expect(b.planning.lineOf(number)).toContainText('L2-LFP');
  await expect(b.page.getByTestId('sync-pending')).toContainText('1');
  await expect(b.planning.row(number)).toContainText(b.shell.t('planning.unsynced'));

  // Meanwhile planner A, online, moves it to line 3.
  await a.planning.moveToLine(number, 'L3');
  await expect(a.planning.lineOf(number)).toContainText('L3');
  // Confirmed by the server before B comes back, so B's move really arrives last.
  await expect(a.planning.row(number)).not.toContainText(a.shell.t('planning.unsynced'), {
    timeout: 10_000,
  });

  // B comes back: its move arrives last and stands on both screens.
  await b.context.setOffline(false);
  await expect(b.page.getByTestId('sync-status')).toHaveText(b.shell.t('syncStatus.online'));
  await expect(b.planning.lineOf(number)).toContainText('L2-LFP');
  await expect(a.planning.lineOf(number)).toContainText('L2-LFP', { timeout: 10_000 });
  await expect(b.planning.row(number)).not.toContainText(b.shell.t('planning.unsynced'), {
    timeout: 10_000,
  });

  // A is told whose move now stands; B is not.
  await a.page.getByTestId('open-notices').click();
  const notice = a.page.getByTestId('notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('Li Planner');
  await expect(notice).toContainText(number);
  await expect(notice).toContainText('line');
  await expect(b.page.getByTestId('open-notices')).toHaveCount(0);

  // Marking it read is itself a synced change.
  await notice.getByRole('button', { name: a.shell.t('sync.notices.dismiss') }).click();
  await expect(a.page.getByTestId('open-notices')).toHaveCount(0);

  await a.context.close();
  await b.context.close();
});
