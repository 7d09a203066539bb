import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary';

// page.evaluate callbacks run in the page; this file is type-checked with the Node
// tsconfig (no DOM lib), so page globals are reached through globalThis.

/**
 * The desktop shell itself, in a real Electron: window, preload bridge, isolation. Runs
 * where the Electron binary is installed; elsewhere it is skipped with the reason printed,
 * so a green run on a machine without Electron never looks like a tested desktop app.
 */

const root = resolve(import.meta.dirname, '../..');
const mainEntry = join(root, 'out', 'main', 'index.js');
// Nothing listens here: the shell must open and answer without a server (offline-first).
const SERVER_URL = 'http://127.0.0.1:9';

function skipReason(): string | null {
  const binary = findElectronBinary();
  if (!binary.found) return binary.reason;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no graphical display (DISPLAY and WAYLAND_DISPLAY are unset; run under xvfb-run)';
  }
  return null;
}

const reason = skipReason();
if (reason !== null) console.log(`[skip] Electron e2e: ${reason}`);

test.describe('desktop shell (real Electron)', () => {
  test.skip(reason !== null, reason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run npm run build first`);
    const binary = findElectronBinary();
    if (!binary.found) throw new Error(binary.reason);
    userData = mkdtempSync(join(tmpdir(), 'orderline-electron-e2e-'));
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (
        value !== undefined &&
        key !== 'ELECTRON_RUN_AS_NODE' &&
        key !== 'ELECTRON_RENDERER_URL'
      ) {
        env[key] = value;
      }
    }
    app = await _electron.launch({
      executablePath: binary.path,
      args: [mainEntry],
      cwd: root,
      env: { ...env, ORDERLINE_SERVER_URL: SERVER_URL, ORDERLINE_USER_DATA_DIR: userData },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window with the app shell, served from the app scheme', async () => {
    await expect(page).toHaveTitle(/OrderLine/);
    expect(page.url()).toMatch(/^app:\/\/orderline\//);
    expect(app.windows()).toHaveLength(1);
  });

  test('the preload bridge answers getAppInfo in desktop mode', async () => {
    const info = await page.evaluate(async () => {
      const api = (globalThis as unknown as { orderline?: { getAppInfo(): Promise<unknown> } })
        .orderline;
      return api === undefined ? 'no bridge' : api.getAppInfo();
    });
    expect(info).toMatchObject({
      ok: true,
      value: { name: 'OrderLine', mode: 'desktop', serverUrl: SERVER_URL },
    });
  });

  test('the bridge exposes named functions only, and refuses bad input', async () => {
    const shape = await page.evaluate(() => {
      const api = (globalThis as unknown as { orderline: Record<string, unknown> }).orderline;
      return Object.keys(api)
        .sort()
        .map((key) => `${key}:${typeof api[key]}`);
    });
    expect(shape).toEqual(['getAppInfo:function', 'printToPdf:function', 'saveFile:function']);
    const refused = await page.evaluate(() => {
      const api = (
        globalThis as unknown as { orderline: { saveFile(args: unknown): Promise<unknown> } }
      ).orderline;
      return api.saveFile({ suggestedName: '../../etc/passwd', data: 'x' });
    });
    expect(refused).toMatchObject({ ok: false, error: 'invalid-input' });
  });

  test('the page has no Node: require and process are undefined', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        Buffer: typeof scope.Buffer,
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
    });
  });

  test('the CSP refuses eval, and window.open creates no window', async () => {
    const evalResult = await page.evaluate(() => {
      try {
        return String(eval('1 + 1'));
      } catch (error) {
        return error instanceof Error ? error.name : 'blocked';
      }
    });
    expect(evalResult).toBe('EvalError');
    // Plain http to a stranger: denied outright (an https link would go to the system browser).
    const opened = await page.evaluate(
      () =>
        (globalThis as unknown as { open(url: string): unknown }).open(
          'http://example.invalid/',
        ) === null,
    );
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
