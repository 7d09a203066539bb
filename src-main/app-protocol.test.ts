import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, createAppProtocolHandler, resolveAppFile } from './app-protocol';

const root = '/opt/orderline/out/renderer';

describe('resolveAppFile', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppFile(root, 'app://orderline/')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, 'app://orderline/assets/index-abc.js')).toBe(
      `${root}/assets/index-abc.js`,
    );
    expect(resolveAppFile(root, 'app://orderline/assets/%E6%A0%87%E7%AD%BE.svg?v=1#x')).toBe(
      `${root}/assets/标签.svg`,
    );
  });

  it('keeps literal dot segments inside the root (URL parsing folds them)', () => {
    expect(resolveAppFile(root, 'app://orderline/../../../etc/passwd')).toBe(`${root}/etc/passwd`);
    expect(resolveAppFile(root, 'app://orderline/%2e%2e/%2e%2e/etc/passwd')).toBe(
      `${root}/etc/passwd`,
    );
  });

  it.each([
    'app://orderline/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://orderline/..%2f..%2f..%2fetc%2fpasswd',
    'app://orderline/..%5c..%5cwindows%5cwin.ini',
    'app://orderline/index.html%00.png',
    'app://orderline/%E0%A4%A',
  ])('refuses the encoded traversal or malformed path %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///opt/orderline/out/renderer/index.html')).toBeNull();
    expect(resolveAppFile(root, 'not a url')).toBeNull();
  });

  it('knows the content types a Vite build emits', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/a.unknown')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler (real files in a temp folder, no Electron)', () => {
  let dir: string;
  const csp = "default-src 'self'";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orderline-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<title>OrderLine</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const handler = () => createAppProtocolHandler({ rootDir: join(dir, 'renderer'), csp });

  it('serves the entry page with the CSP and nosniff headers', async () => {
    const response = await handler()(new Request('app://orderline/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<title>OrderLine</title>');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves assets with their content type', async () => {
    const response = await handler()(new Request('app://orderline/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers client-side routes with the entry page, missing assets with 404', async () => {
    const route = await handler()(new Request('app://orderline/orders/SO-2026-000123'));
    expect(await route.text()).toBe('<title>OrderLine</title>');
    const missing = await handler()(new Request('app://orderline/assets/missing.js'));
    expect(missing.status).toBe(404);
  });

  it('does not serve files outside the root', async () => {
    const response = await handler()(new Request('app://orderline/..%2fsecret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the root');
    expect(response.headers.get('content-security-policy')).toBe(csp);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler()(
      new Request('app://orderline/', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});
