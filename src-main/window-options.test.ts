import { describe, expect, it } from 'vitest';
import { buildMainWindowOptions, buildPrintWindowOptions } from './window-options';

const bounds = { x: 10, y: 20, width: 1400, height: 900 };

describe('buildMainWindowOptions', () => {
  const options = buildMainWindowOptions({
    preloadPath: '/app/out/preload/index.cjs',
    bounds,
    isPackaged: true,
  });
  const web = options.webPreferences ?? {};

  it('isolates the page from Node and the preload', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content and webviews', () => {
    expect(web.webSecurity).not.toBe(false);
    expect(web.allowRunningInsecureContent).not.toBe(true);
    expect(web.webviewTag).not.toBe(true);
    expect(web.experimentalFeatures).not.toBe(true);
  });

  it('loads the preload from the given absolute path', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
  });

  it('has no devtools in a packaged build, devtools in development', () => {
    expect(web.devTools).toBe(false);
    const dev = buildMainWindowOptions({ preloadPath: '/p.cjs', bounds, isPackaged: false });
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('opens at the given bounds, hidden until the first paint', () => {
    expect(options).toMatchObject({ ...bounds, show: false });
  });
});

describe('buildPrintWindowOptions', () => {
  const options = buildPrintWindowOptions('orderline-print');
  const web = options.webPreferences ?? {};

  it('renders documents without JavaScript, preload or Node, in its own session', () => {
    expect(options.show).toBe(false);
    expect(web.javascript).toBe(false);
    expect(web.preload).toBeUndefined();
    expect(web.nodeIntegration).toBe(false);
    expect(web.sandbox).toBe(true);
    expect(web.contextIsolation).toBe(true);
    expect(web.webSecurity).not.toBe(false);
    expect(web.partition).toBe('orderline-print');
  });
});
