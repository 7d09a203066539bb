import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { uuidv7 } from '../../src-shared/ids';
import { DEMO_PRODUCTION_LINES } from '../../src-server/demo-data';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { QualityScreen } from '../../src-renderer/features/quality/quality.page';
import { DEMO_PASSWORD, useServer } from './support/server';
import { createUsers } from './support/users';

/**
 * Issue 7's end-to-end proof: an inspector offline logs a final inspection of a batch as fast
 * as a scanner types, one reading out of limits; the lot fails, an NCR holds the batch and it
 * cannot be packed; a quality manager on another PC dispositions it for rework; after rework
 * a new inspection passes and the batch is released. On the way, a page crash mid-typing
 * loses nothing typed.
 */
const server = useServer();
test.use({ locale: 'en-US' });

/** Plans a batch as the demo planner over the sync API and answers its server number. */
async function planBatch(request: APIRequestContext): Promise<string> {
  const login = await request.post(`${server.url}/api/auth/login`, {
    data: { username: 'planning', password: DEMO_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const clientId = randomUUID();
  const device = await request.post(`${server.url}/api/devices`, {
    headers,
    data: { clientId, deviceName: 'planning PC' },
  });
  expect(device.status()).toBe(204);
  const batchId = uuidv7();
  const push = await request.post(`${server.url}/api/sync/push`, {
    headers,
    data: {
      clientId,
      schemaVersion: 2,
      mutations: [
        {
          seq: 1,
          mutationId: uuidv7(),
          name: 'batch.plan',
          clientTime: new Date().toISOString(),
          args: {
            id: batchId,
            model: 'PACK-LFP-12V100',
            quantity: 8,
            // The demo pack line: the server refuses a line it does not have (issue 12).
            lineId: DEMO_PRODUCTION_LINES.find((l) => l.code === 'P1-PACK')!.id,
            start: '2026-12-07T06:00:00.000Z',
            end: '2026-12-07T14:00:00.000Z',
          },
        },
      ],
    },
  });
  expect(((await push.json()) as { results: { status: string }[] }).results[0]?.status).toBe(
    'applied',
  );
  const pull = await request.post(`${server.url}/api/sync/pull`, {
    headers,
    data: { clientId, schemaVersion: 2, cursor: 0, epoch: null, ackedSeq: 1 },
  });
  const { changes } = (await pull.json()) as {
    changes: { id: string; body: { number: string } }[];
  };
  const number = changes.find((c) => c.id === batchId)?.body.number;
  expect(number).toMatch(/^BT-\d{4}-\d{6}$/);
  return number!;
}

async function signedIn(browser: Browser, username: string, password: string) {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  const shell = new AppShell(page, 'en');
  await shell.open(server.url);
  await shell.signIn(username, password);
  return { context, page, shell };
}

test('offline final inspection fails, NCR holds the batch, rework on another PC, re-inspection releases it', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  // A quality manager with a PC of their own, made by the administrator.
  await createUsers(request, server.url, [
    {
      username: 'qm-wang',
      displayName: 'Wang QM',
      role: 'quality',
      password: 'quality manager pw',
    },
  ]);

  // Planning puts a batch of 8 packs on the plan (through sync, as a planner's PC would).
  const batch = await planBatch(request);

  // The inspector signs in while the network is there, then loses it.
  const inspector = await signedIn(browser, 'quality', DEMO_PASSWORD);
  await inspector.shell.goToDepartment('quality');
  const qc = new QualityScreen(inspector.page);
  await qc.expectShown();
  await qc.tab('release');
  await expect(qc.releaseRow(batch)).toContainText(qc.t('quality.gate.no-final-inspection'));
  await inspector.context.setOffline(true);
  await expect(inspector.page.getByTestId('sync-status')).toHaveText(
    inspector.shell.t('syncStatus.offline'),
  );

  await qc.startLotByScan(batch);
  await expect(qc.logger).toContainText(qc.t('quality.provisional'));
  await expect(qc.logger).toContainText(qc.t('quality.severity.normal'));
  await qc.expectLogging('Pack open-circuit voltage');
  // Eight packs, every pack for OCV; the fourth reads low.
  await qc.typeReadings(['13.31', '13.29', '13.30', '12.40', '13.32', '13.28', '13.30', '13.31']);
  await expect(qc.logger.locator('tr[data-characteristic="ocv"]')).toContainText('8 / 8');
  await expect(qc.logger.locator('tr[data-characteristic="ocv"]')).toContainText(
    qc.t('quality.characteristic.nonconforming', { count: 1 }),
  );
  // The failed reading says why in words, not only in red.
  await qc.tab('log');
  await qc.logger.locator('tr[data-characteristic="ocv"]').click();
  const failed = qc.logger.getByTestId('readings').locator('tr[data-sample="4"]');
  await expect(failed.getByTestId('judgement')).toHaveAttribute('data-judgement', 'fail');
  await expect(failed).toContainText(qc.t('quality.judgement.fail'));
  await expect(failed).toContainText('below the lower limit 13.00 V');
  await expect(qc.verdict).toHaveAttribute('data-verdict', 'rejected');

  await qc.closeLot();
  await expect(qc.verdict).toContainText(qc.t('quality.verdict.closed.rejected'));
  await expect(qc.packGate).toHaveAttribute('data-allowed', 'false');
  await expect(qc.packGate).toHaveText(qc.t('quality.gate.on-hold'));
  await qc.tab('ncr');
  await expect(qc.ncrRow(batch).getByTestId('ncr-hold')).toBeVisible();
  await expect(qc.ncrRow(batch)).toContainText(qc.t('quality.provisional'));
  await expect(inspector.page.getByTestId('sync-pending')).toBeVisible();

  // Back online: everything reaches the server, the NCR gets its real number.
  await inspector.context.setOffline(false);
  await expect(qc.ncrRow(batch)).not.toContainText(qc.t('quality.provisional'), {
    timeout: 15_000,
  });
  await expect(qc.ncrRow(batch)).toContainText(/NCR-\d{4}-000001/);

  // The quality manager, on another PC, dispositions it for rework.
  const manager = await signedIn(browser, 'qm-wang', 'quality manager pw');
  await manager.shell.goToDepartment('quality');
  const qm = new QualityScreen(manager.page);
  await qm.tab('ncr');
  await expect(qm.ncrRow(batch)).toBeVisible({ timeout: 15_000 });
  await qm.disposition(batch, 'rework', 'Replace the low cell group and re-test OCV');
  await expect(qm.ncrRow(batch).getByTestId('ncr-decision')).toHaveText(
    qm.t('quality.disposition.rework'),
  );

  // The inspector sees it live: no longer held, but not packable until re-inspected.
  await expect(qc.ncrRow(batch).getByTestId('ncr-decision')).toHaveText(
    qc.t('quality.disposition.rework'),
    {
      timeout: 15_000,
    },
  );
  await expect(qc.ncrRow(batch).getByTestId('ncr-hold')).toHaveCount(0);
  await qc.tab('release');
  await expect(qc.releaseRow(batch)).toContainText(qc.t('quality.gate.awaiting-reinspection'));

  // After rework: a new final inspection, typed at scanner speed again.
  await qc.startLotByScan(batch);
  await expect(qc.logger).toContainText(qc.t('quality.lot.reinspection', { attempt: 2 }));
  await qc.typeReadings(['13.31', '13.29', '13.30', '13.30', '13.32', '13.28', '13.30', '13.31']);
  await qc.expectLogging('Insulation resistance');
  await qc.typeReadings(Array.from({ length: 8 }, () => '550'));
  await qc.expectLogging('Pack AC internal resistance');
  await qc.typeReadings(Array.from({ length: 8 }, () => '6.2'));
  await qc.expectLogging('BMS');
  await qc.typeReadings(Array.from({ length: 8 }, () => 'p'));
  await qc.expectLogging('Appearance');
  await qc.typeReadings(['0', '0', '0', '0']);
  // A crash in the middle of typing: the page is gone, what was typed is not.
  await inspector.page.keyboard.type('0');
  await expect(qc.readingInput).toHaveValue('0');
  await inspector.page.reload();
  await inspector.shell.signIn('quality', DEMO_PASSWORD);
  await inspector.shell.goToDepartment('quality');
  await expect(qc.logger).toBeVisible();
  await expect(qc.readingInput).toHaveValue('0');
  await expect(inspector.page.getByTestId('entry')).toContainText(qc.t('quality.entry.restored'));
  await qc.readingInput.press('Enter');
  await qc.expectLogging('Label and marking photo');
  await qc.typeReadings(['Label and UN3480 mark checked on carton 1']);
  await expect(qc.verdict).toHaveAttribute('data-verdict', 'accepted');
  await qc.closeLot();
  await expect(qc.verdict).toContainText(qc.t('quality.verdict.closed.accepted'));
  await expect(qc.packGate).toHaveAttribute('data-allowed', 'true');
  await expect(qc.packGate).toHaveText(qc.t('quality.gate.final-passed'));

  // The manager's PC agrees once synced.
  await qm.tab('release');
  await expect(qm.releaseRow(batch).getByTestId('release-gate')).toHaveAttribute(
    'data-allowed',
    'true',
    {
      timeout: 15_000,
    },
  );
  await inspector.context.close();
  await manager.context.close();
});
