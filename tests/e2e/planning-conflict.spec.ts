import { expect, test, type Browser } from '@playwright/test';
import { calendarOf, DAY, localDate } from '../../src-shared/planning/line-calendar';
import { DEMO_PRODUCTION_LINES } from '../../src-server/demo-data';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { PlanningScreen } from '../../src-renderer/features/planning/planning.page';
import { seedRecords } from './support/seed-records';
import { DEMO_PASSWORD, useServer } from './support/server';
import { createUsers } from './support/users';

/**
 * Issue 12's end-to-end proof of the server's placement check: two planners, both offline,
 * each drag a batch onto the same hours of line L1, and neither board warns, since neither
 * PC has the other's move. Both come back online; the server finds the double booking, both
 * boards show each batch warned of the other, and the planner whose move arrived second is
 * told by a notice; the first is not.
 */
const server = useServer();

const L1 = DEMO_PRODUCTION_LINES.find((l) => l.code === 'L1-CYL')!;
const CAL = calendarOf({ ...L1 });
const OFFSET = CAL.utcOffsetMinutes * 60_000;
/** 96 px a day at day zoom (board-layout.ts). */
const PX_PER_DAY = 96;

/** Days (plant time, from today) on which L1 runs its 06:00 shift untouched by maintenance. */
function workingDaysAhead(count: number): number[] {
  const out: number[] = [];
  const today = Math.floor((Date.now() + OFFSET) / DAY) * DAY - OFFSET;
  for (let d = 3; out.length < count; d++) {
    const day = today + d * DAY;
    const weekday = new Date(day + OFFSET).getUTCDay();
    const date = localDate(day, CAL.utcOffsetMinutes);
    const maintained = CAL.maintenance.some((m) => m.start.startsWith(date));
    if (CAL.workingDays.includes(weekday) && !CAL.holidays.includes(date) && !maintained) {
      out.push(d);
    }
  }
  return out;
}

function batch(id: string, number: string, start: number) {
  return {
    kind: 'batch',
    body: {
      id,
      number,
      numberProvisional: false,
      model: 'CYL-18650-26',
      family: '18650',
      // Two hours at L1's 9,000 cells an hour (12,000 at 75 % planned OEE).
      quantity: 18_000,
      lineId: L1.id,
      start: new Date(start).toISOString(),
      end: new Date(start + 2 * 3_600_000).toISOString(),
      sequence: 0,
      state: 'planned',
    },
  };
}

async function signedIn(browser: Browser, username: string, password: string) {
  const context = await browser.newContext({
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1600, height: 900 },
  });
  const page = await context.newPage();
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn(username, password);
  await shell.goToDepartment('planning');
  const planning = new PlanningScreen(page);
  await planning.expectShown();
  await planning.setZoom('day');
  return { context, page, shell, planning };
}

test('two planners double-book a line offline: both boards show the clash, the later planner is told', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const [dayX, dayY, dayBoth] = workingDaysAhead(3) as [number, number, number];
  const today = Math.floor((Date.now() + OFFSET) / DAY) * DAY - OFFSET;
  const at6 = (d: number) => today + d * DAY + 6 * 3_600_000;
  const X = { id: '00000000-0000-7000-8000-000000120001', number: 'BT-2026-120001' };
  const Y = { id: '00000000-0000-7000-8000-000000120002', number: 'BT-2026-120002' };
  await seedRecords(server.dataDir, [
    batch(X.id, X.number, at6(dayX)),
    batch(Y.id, Y.number, at6(dayY)),
  ]);

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
  for (const client of [a, b]) {
    await expect(client.planning.bar(X.number)).toBeVisible({ timeout: 10_000 });
    await expect(client.planning.bar(Y.number)).toBeVisible();
  }

  for (const client of [a, b]) {
    await client.context.setOffline(true);
    await expect(client.page.getByTestId('sync-status')).toHaveText(
      client.shell.t('syncStatus.offline'),
    );
  }
  // A drags X onto the morning of dayBoth, B drags Y onto the same hours; neither PC knows
  // of the other's move, so neither board warns of a clash while dragging.
  const target = new Date(at6(dayBoth)).toISOString();
  for (const [client, moved, from] of [
    [a, X, dayX],
    [b, Y, dayY],
  ] as const) {
    await client.planning.dragBar(
      moved.number,
      { dx: (dayBoth - from) * PX_PER_DAY, dy: 0 },
      async (panel) => {
        await expect(panel).toBeVisible();
        await expect(panel.locator('[data-warning="over-capacity"]')).toHaveCount(0);
      },
    );
    await expect(client.planning.bar(moved.number)).toHaveAttribute('data-start', target);
    await expect(client.planning.bar(moved.number)).not.toHaveAttribute(
      'aria-label',
      /already busy/,
    );
    await expect(client.page.getByTestId('sync-pending')).toContainText('1');
  }

  // A comes back first and is confirmed; then B, whose move the server checks against A's.
  await a.context.setOffline(false);
  await expect(a.planning.bar(X.number)).not.toHaveClass(/board-bar--pending/, {
    timeout: 15_000,
  });
  await b.context.setOffline(false);
  await expect(b.planning.bar(Y.number)).not.toHaveClass(/board-bar--pending/, {
    timeout: 15_000,
  });

  // Both boards: each batch placed on the other's hours, warned of the other by number.
  for (const client of [a, b]) {
    for (const [bar, other] of [
      [X, Y],
      [Y, X],
    ] as const) {
      await expect(client.planning.bar(bar.number)).toHaveAttribute('data-start', target, {
        timeout: 15_000,
      });
      await expect(client.planning.bar(bar.number)).toHaveAttribute(
        'aria-label',
        new RegExp(`L1-CYL is already busy with ${other.number} then`),
        { timeout: 15_000 },
      );
    }
  }

  // B, whose PC did not show the clash the server found, is told; A is not.
  await b.page.getByTestId('open-notices').click();
  const notice = b.page.getByTestId('notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toHaveAttribute('data-notice-type', 'plan-conflict');
  await expect(notice).toContainText(`${Y.number} overlaps ${X.number} on L1-CYL`);
  await expect(a.page.getByTestId('open-notices')).toHaveCount(0);

  await a.context.close();
  await b.context.close();
});
