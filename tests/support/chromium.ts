import type { LaunchOptions } from '@playwright/test';

/**
 * How every test and bench starts Chromium: Debian's own binary (no browser is downloaded
 * here), without the background traffic that would add noise to timings or reach the network.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
} as const satisfies LaunchOptions;
