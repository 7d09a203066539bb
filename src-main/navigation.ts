/**
 * Decisions about where the app's web contents may go. Pure functions over URL strings, so
 * the rules are tested without Electron; `index.ts` applies them to every web contents.
 */

export interface NavigationContext {
  /** Base URL the app is served from: `app://orderline/` or the dev server. */
  appUrl: string;
  /** Canonical central server URL. */
  serverUrl: string;
}

/**
 * - `app`: a page of the app itself; navigation may proceed.
 * - `external`: not ours, but safe to hand to the system browser or mail client.
 * - `forbidden`: file:, javascript:, custom schemes, plain http to strangers and anything
 *   unparsable. Never opened anywhere.
 */
export type UrlKind = 'app' | 'external' | 'forbidden';

export function classifyUrl(target: string, ctx: NavigationContext): UrlKind {
  const url = parse(target);
  if (url === null) return 'forbidden';
  if (isSameApp(url, ctx.appUrl)) return 'app';
  if (url.protocol === 'https:' && url.username === '' && url.password === '') return 'external';
  if (url.protocol === 'mailto:') return 'external';
  // Plain http only to the configured server (a LAN server without TLS, e.g. its portal page).
  if (url.protocol === 'http:' && url.origin === new URL(ctx.serverUrl).origin) return 'external';
  return 'forbidden';
}

/** `will-navigate` / `will-redirect`: the window only ever shows the app. */
export function mayNavigate(target: string, ctx: NavigationContext): boolean {
  return classifyUrl(target, ctx) === 'app';
}

/**
 * `window.open` and target=_blank never create a second app window (one window per app,
 * no unreviewed popups); what is external goes to the system's handler instead.
 */
export function windowOpenAction(target: string, ctx: NavigationContext): 'open-external' | 'deny' {
  return classifyUrl(target, ctx) === 'external' ? 'open-external' : 'deny';
}

/**
 * An IPC call is trusted only from a frame showing the app itself; a frame that somehow
 * ended up elsewhere (or is gone: null) must not reach the file system or the printer.
 */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  if (frameUrl === null || frameUrl === undefined) return false;
  const url = parse(frameUrl);
  return url !== null && isSameApp(url, appUrl);
}

/**
 * Permissions the app may have: notifications (new online orders raise an alert on every
 * order-desk PC), writing to the clipboard (copy an order number), and Chromium's Local
 * Network Access permissions, because the central server is usually on the LAN or on this
 * very PC (`npm start`) and the app page itself has no IP address space; the CSP's
 * connect-src already confines those connections to the configured server. Camera,
 * microphone, geolocation, USB/HID/serial and the rest are refused: barcode scanners are
 * keyboard wedges and need none of them.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'notifications',
  'clipboard-sanitized-write',
  'local-network-access',
  'local-network',
  'loopback-network',
]);

export function mayGrantPermission(
  permission: string,
  requestingUrl: string | null | undefined,
  appUrl: string,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedSender(requestingUrl, appUrl);
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

// Node and Chromium give custom schemes an opaque origin ("null"), so compare scheme and
// host (with port) instead of `origin`.
function isSameApp(url: URL, appUrl: string): boolean {
  const app = new URL(appUrl);
  return url.protocol === app.protocol && url.host === app.host && url.host !== '';
}
