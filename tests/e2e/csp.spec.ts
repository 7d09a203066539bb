import { expect, test, type Page } from '@playwright/test';
import { AppShell } from '../../src-renderer/components/app-shell.page';
import { DEPARTMENTS } from '../../src-shared/departments';
import { DEMO_PASSWORD, useServer } from './support/server';

/**
 * The real renderer build works under the server's Content-Security-Policy: signing in and
 * every department's first screen cause no violation, while an injected inline script is
 * refused (which also shows the violations are really being collected).
 */

const server = useServer();

interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/** Collects CSP violations from the page's own event and from Chromium's console. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  // In-page code as text: this file is type-checked for Node, without the DOM's types.
  await page.addInitScript(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ':' + event.lineNumber,
      });
    });
  `);
  return async () => {
    const events = (await page.evaluate('window.cspViolations')) as Violation[];
    return [...events.map((v) => `${v.directive} blocked ${v.blocked} at ${v.source}`), ...console];
  };
}

test.use({ locale: 'en-US' });

test('sign-in and the first screen of every department run without a CSP violation', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const shell = new AppShell(page, 'en');
  const response = await page.goto(`${server.url}/`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(response?.headers()['x-frame-options']).toBe('DENY');
  await shell.expectOnSignIn();

  await shell.signIn('admin', DEMO_PASSWORD);
  await expect(shell.heading).toBeVisible();
  for (const department of DEPARTMENTS) {
    await shell.goToDepartment(department.id);
    await expect(shell.heading).toBeVisible();
  }
  expect(await violations()).toEqual([]);

  // The policy is enforced, not only sent: an injected inline script does not run.
  const ran = await page.evaluate(`(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedRan = true;';
    document.head.append(script);
    await new Promise((r) => setTimeout(r, 50));
    return window.injectedRan === true;
  })()`);
  expect(ran).toBe(false);
  await expect.poll(async () => (await violations()).join('\n')).toContain('script-src');
});

test('the portal page runs its own script under its hash-only CSP', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto(`${server.url}/portal/`);
  // The script runs: asking for the catalog with no key shows its error text.
  await page.locator('#load-catalog').click();
  await expect(page.locator('#api-key-error')).toContainText('API key');
  // ...and the inline style applies.
  await expect(page.locator('.error').first()).toHaveCSS('color', 'rgb(180, 35, 24)');
  expect(await violations()).toEqual([]);
});
