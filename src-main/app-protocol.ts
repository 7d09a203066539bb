import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * The `app://orderline/` scheme that serves the built renderer (out/renderer). A real,
 * standard, secure origin instead of file:// gives the page same-origin rules, a stable
 * origin for IndexedDB (the offline data lives there, so it must not move if the install
 * folder does), and a place to attach the CSP header.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'orderline';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that a request URL names, or null when the URL is not ours or
 * would leave the root. URL parsing already folds literal `..` segments, but percent-encoded
 * separators (`..%2f`) only become separators after decoding, so the decoded path is resolved
 * and checked against the root again.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}

export interface AppProtocolOptions {
  rootDir: string;
  csp: string;
  /** Injected for tests; Electron's patched fs also reads from inside app.asar. */
  readFileImpl?: (path: string) => Promise<Uint8Array>;
}

/** A `protocol.handle` handler: Request in, Response out (no Electron types needed). */
export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const read = options.readFileImpl ?? ((path: string) => readFile(path));
  const securityHeaders = {
    'Content-Security-Policy': options.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  const notFound = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...securityHeaders, 'Content-Type': 'text/plain' } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return notFound(405, 'method not allowed');
    const file = resolveAppFile(options.rootDir, request.url);
    if (file === null) return notFound(404, 'not found');
    let body: Uint8Array;
    let served = file;
    try {
      body = await read(file);
    } catch {
      // Client-side routes (/orders/123) have no file: hand them the app's entry page.
      // A missing asset (with an extension) stays a 404, so a broken build is visible.
      if (extname(file) !== '') return notFound(404, 'not found');
      served = resolveAppFile(options.rootDir, APP_URL) ?? file;
      try {
        body = await read(served);
      } catch {
        return notFound(404, 'not found');
      }
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': contentTypeFor(served) },
    });
  };
}
