import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import type { RenderPdf } from './ipc-handlers';
import { buildPrintWindowOptions } from './window-options';

const PRINT_PARTITION = 'orderline-print';
const LOAD_TIMEOUT_MS = 30_000;

/**
 * printToPdf's Electron half: the HTML goes to a temporary file (a data: URL is capped at
 * 2 MB by Chromium, and a packing list with embedded logos can be larger), is loaded in a
 * hidden window with JavaScript off, and printed. The window's session is separate from the
 * app's and lets nothing load but the document being printed, so the HTML cannot fetch from
 * the network or read other local files; images must be embedded as data: URLs.
 */
export function createPdfRenderer(): RenderPdf {
  const allowed = new Set<string>();
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(allowed.has(details.url) || details.url.startsWith('data:')) });
  });
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);

  return async (html, options) => {
    const dir = await mkdtemp(join(tmpdir(), 'orderline-print-'));
    const file = join(dir, 'document.html');
    const url = pathToFileURL(file).href;
    const window = new BrowserWindow(buildPrintWindowOptions(PRINT_PARTITION));
    // The document has no business going anywhere (e.g. <meta http-equiv="refresh">).
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    allowed.add(url);
    try {
      await writeFile(file, html, 'utf8');
      await withTimeout(window.loadURL(url), LOAD_TIMEOUT_MS, 'the document did not load');
      return await window.webContents.printToPDF({
        pageSize: options.pageSize,
        landscape: options.landscape,
        // Labels and packing lists use filled bars and table shading.
        printBackground: true,
      });
    } finally {
      allowed.delete(url);
      window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
