import {
  saveFileArgs,
  type AppInfo,
  type DesktopApi,
  type IpcError,
  type SaveFileArgs,
} from '../../src-shared/ipc-api';
import { err, ok, type Result } from '../../src-shared/result';
import { version } from '../../package.json';

/**
 * The renderer's one way to reach the desktop shell. Inside Electron it is the preload's
 * `window.orderline`; in a plain browser (web mode, tablets, the Playwright suite) the same
 * interface is backed by what a browser can do, so screens never branch on where they run.
 * This folder is bundled for the browser: no Node or Electron imports here.
 */
export function getDesktopApi(): DesktopApi {
  return window.orderline ?? webDesktopApi;
}

/** True inside the Electron shell. */
export function isDesktop(): boolean {
  return window.orderline !== undefined;
}

export const webDesktopApi: DesktopApi = {
  async getAppInfo(): Promise<Result<AppInfo, IpcError>> {
    return ok({
      name: 'OrderLine',
      version,
      mode: 'web',
      // In web mode the central server serves the client, so it is wherever we came from.
      serverUrl: window.location.origin,
      systemLocale: navigator.language || 'en',
      platform: 'web',
    });
  },

  async printToPdf() {
    // A browser cannot render HTML to PDF bytes silently; the screen offers window.print().
    return err('unsupported-in-web');
  },

  async saveFile(args: SaveFileArgs) {
    // Same checks as the desktop handler, so a bug shows up in the browser tests too.
    const parsed = saveFileArgs.safeParse(args);
    if (!parsed.success) return err('invalid-input');
    const { suggestedName, data, encoding } = parsed.data;
    let blob: Blob;
    try {
      blob = new Blob([encoding === 'base64' ? decodeBase64(data) : data], {
        type: 'application/octet-stream',
      });
    } catch {
      return err('invalid-input', 'data is not valid base64');
    }
    const url = URL.createObjectURL(blob);
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
    } finally {
      // Revoked on the next turn: revoking synchronously can cancel the download in Chromium.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    }
    // The browser decides the folder and never tells the page: the name is all we know.
    return ok({ path: suggestedName });
  },
};

function decodeBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
