import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './tests/support/chromium';

/**
 * End-to-end tests drive the real renderer build in Debian's Chromium (never a downloaded
 * browser) against a real server process; each test file starts its own server on a free port
 * with a fresh data folder (tests/e2e/support/server.ts).
 */
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts'],
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One retry in CI, reported as flaky in the list: a 2-core CI machine running Chromium and a
  // server per file has timing hiccups; a test that fails twice still fails.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_LAUNCH.executablePath,
      args: [...CHROMIUM_LAUNCH.args],
    },
  },
});
