import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import { version } from '../package.json';
import { IPC_CHANNELS, type AppInfo } from '../src-shared/ipc-api';
import { err } from '../src-shared/result';
import { APP_SCHEME, APP_URL, createAppProtocolHandler } from './app-protocol';
import { buildCsp } from './csp';
import { guardIpc, handleGetAppInfo, handlePrintToPdf, handleSaveFile } from './ipc-handlers';
import { buildMenuTemplate } from './menu';
import {
  isTrustedSender,
  mayGrantPermission,
  mayNavigate,
  windowOpenAction,
  type NavigationContext,
} from './navigation';
import { createPdfRenderer } from './pdf-renderer';
import { resolveServerUrl } from './server-url';
import { buildMainWindowOptions } from './window-options';
import { fitToDisplays, loadWindowState, saveWindowStateSync } from './window-state';

// Thin wiring: every decision lives in a module next to this one, with its tests.

const log = (message: string): void => console.log(`[main] ${message}`);

// Set before anything reads userData: launched as `electron out/main/index.js` Electron would
// otherwise name the folder "Electron". ORDERLINE_USER_DATA_DIR lets tests and a second
// operator profile use their own folder (and their own single-instance lock).
app.setName('OrderLine');
app.setPath(
  'userData',
  process.env.ORDERLINE_USER_DATA_DIR ?? join(app.getPath('appData'), 'OrderLine'),
);

// Only the development build follows ELECTRON_RENDERER_URL: in a packaged app an inherited
// environment variable must not be able to point the window at another page.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appUrl = devServerUrl ?? APP_URL;

const server = resolveServerUrl({
  argv: process.argv,
  env: process.env,
  configText: readOptional(join(app.getPath('userData'), 'config.json')),
});
server.warnings.forEach(log);
log(`server ${server.url} (from ${server.source})`);

const navigation: NavigationContext = { appUrl, serverUrl: server.url };

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two copies would fight over the same IndexedDB and outbox; the first one gets focus.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  // One window is the whole app, on macOS too: closing it means "done for the day".
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, fatal);
}

async function start(): Promise<void> {
  const csp = buildCsp({
    serverUrl: server.url,
    ...(devServerUrl !== undefined ? { devServerUrl } : {}),
  });
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: join(import.meta.dirname, '../renderer'), csp }),
  );
  const ses = session.defaultSession;
  if (devServerUrl !== undefined) {
    ses.webRequest.onHeadersReceived(
      { urls: [`${new URL(devServerUrl).origin}/*`] },
      (details, callback) =>
        callback({
          responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
        }),
    );
  }
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(mayGrantPermission(permission, details.requestingUrl, appUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    mayGrantPermission(permission, requestingOrigin, appUrl),
  );
  ses.setDevicePermissionHandler(() => false);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged }),
    ),
  );
  registerIpc();
  await createMainWindow();
}

function registerIpc(): void {
  const trusted = (frameUrl: string | null): boolean => isTrustedSender(frameUrl, appUrl);
  const appInfo: AppInfo = {
    name: 'OrderLine',
    version,
    mode: 'desktop',
    serverUrl: server.url,
    systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    platform: process.platform,
    electronVersion: process.versions.electron,
  };
  const renderPdf = createPdfRenderer();

  ipcMain.handle(
    IPC_CHANNELS.getAppInfo,
    guardIpc((args) => handleGetAppInfo(args, appInfo), trusted, log),
  );
  ipcMain.handle(
    IPC_CHANNELS.printToPdf,
    guardIpc((args) => handlePrintToPdf(args, { renderPdf }), trusted, log),
  );
  ipcMain.handle(IPC_CHANNELS.saveFile, (event, ...args) => {
    const saveFile = guardIpc(
      async (checkedArgs) => {
        // The dialog is modal to the window that asked, so it cannot get lost behind it.
        const window = BrowserWindow.fromWebContents(event.sender);
        if (window === null) return err('no-window');
        return handleSaveFile(checkedArgs, {
          showSaveDialog: (request) => dialog.showSaveDialog(window, request),
          writeFile: (path, data) => writeFile(path, data),
          defaultDir: app.getPath('downloads'),
        });
      },
      trusted,
      log,
    );
    return saveFile(event, ...args);
  });
}

async function createMainWindow(): Promise<void> {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const primary = screen.getPrimaryDisplay().workArea;
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = fitToDisplays(await loadWindowState(stateFile), workAreas, primary);

  const window = new BrowserWindow(
    buildMainWindowOptions({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      bounds: state,
      isPackaged: app.isPackaged,
    }),
  );
  mainWindow = window;
  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      saveWindowStateSync(stateFile, {
        ...window.getNormalBounds(),
        isMaximized: window.isMaximized(),
      });
    } catch (error) {
      log(`could not save the window state: ${String(error)}`);
    }
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  window.webContents.on('did-fail-load', (_event, code, description, url) =>
    log(`failed to load ${url}: ${description} (${code})`),
  );
  await window.loadURL(appUrl);
}

/** Applied to every web contents: the main window, the print window, anything future. */
function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenAction(url, navigation) === 'open-external') {
      void shell.openExternal(url);
    } else {
      log(`blocked window.open(${JSON.stringify(url)})`);
    }
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (mayNavigate(event.url, navigation)) return;
    event.preventDefault();
    // A plain link to a carrier's tracking page: show it in the browser, not in the app.
    if (windowOpenAction(event.url, navigation) === 'open-external') {
      void shell.openExternal(event.url);
    } else {
      log(`blocked navigation to ${JSON.stringify(event.url)}`);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !mayNavigate(event.url, navigation)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!mayNavigate(event.url, navigation)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function readOptional(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[main] fatal: ${message}`);
  dialog.showErrorBox('OrderLine could not start', message);
  app.exit(1);
}
