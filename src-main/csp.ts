import { toWebSocketOrigin } from './server-url';

export interface CspInputs {
  /** Canonical server URL from `normalizeServerUrl`. */
  serverUrl: string;
  /**
   * The electron-vite dev server (`ELECTRON_RENDERER_URL`), only in development: its React
   * Refresh preamble is an inline script and HMR talks over a WebSocket.
   */
  devServerUrl?: string;
}

/**
 * The Content-Security-Policy of the app's pages. The renderer holds the factory's offline
 * data and a session token, so an injected script must not be able to run or to send
 * anything anywhere but the app and the one configured server.
 */
export function buildCsp({ serverUrl, devServerUrl }: CspInputs): string {
  const server = new URL(serverUrl);
  const scriptSrc = ["'self'"];
  const connectSrc = ["'self'", server.origin, toWebSocketOrigin(serverUrl)];
  if (devServerUrl !== undefined) {
    const dev = new URL(devServerUrl);
    scriptSrc.push("'unsafe-inline'");
    connectSrc.push(dev.origin, toWebSocketOrigin(dev.origin));
  }
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', scriptSrc],
    // Ant Design's CSS-in-JS inserts <style> elements at runtime.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // data:/blob: for generated barcodes, QR codes and previews of PDFs made in the page.
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['connect-src', unique(connectSrc)],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    // The app is a single-page app: a real form submission would navigate away from it.
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
