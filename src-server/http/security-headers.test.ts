import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

/** Every answer a browser may render carries the headers that limit what the page may do. */

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '').split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function expectBaseHeaders(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-frame-options')).toBe('DENY');
  // Plain HTTP from a client that is not a trusted proxy: no HSTS.
  expect(headers.get('strict-transport-security')).toBeNull();
}

function expectClientCsp(headers: Headers): void {
  const d = directives(headers.get('content-security-policy'));
  expect(d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('script-src')).toEqual(["'self'"]);
  expect(d.get('connect-src')).toEqual(["'self'"]);
  expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(headers.get('content-security-policy')).not.toMatch(/unsafe-eval|\*/);
}

describe(`security headers (${testEngine()})`, () => {
  let server: TestServer;
  let proxied: TestServer;
  let clientDir: string;

  beforeAll(async () => {
    clientDir = await mkdtemp(join(tmpdir(), 'orderline-client-'));
    await mkdir(join(clientDir, 'assets'));
    await writeFile(
      join(clientDir, 'index.html'),
      '<!doctype html><title>OrderLine</title><script type="module" src="/assets/app-1a2b.js"></script>',
    );
    await writeFile(join(clientDir, 'assets', 'app-1a2b.js'), 'console.log("app");\n');
    server = await startTestServer({ config: { clientDir } });
    proxied = await startTestServer({ shareWith: server, config: { clientDir, trustProxy: true } });
  });
  afterAll(async () => {
    await proxied?.close();
    await server?.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  it('on the client page at /', async () => {
    const res = await server.request('GET', '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>OrderLine</title>');
    expectBaseHeaders(res.headers);
    expectClientCsp(res.headers);
  });

  it('on a built asset', async () => {
    const res = await server.request('GET', '/assets/app-1a2b.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expectBaseHeaders(res.headers);
    expectClientCsp(res.headers);
  });

  it('on a client route answered with index.html (the SPA fallback)', async () => {
    const res = await server.request('GET', '/quality/lots');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>OrderLine</title>');
    expectBaseHeaders(res.headers);
    expectClientCsp(res.headers);
  });

  it('on a 404 of a missing asset and of an unknown API route', async () => {
    const asset = await server.request('GET', '/assets/missing-0000.js');
    expect(asset.status).toBe(404);
    expectBaseHeaders(asset.headers);
    expectClientCsp(asset.headers);

    const api = await server.request('GET', '/api/no-such-route');
    expect(api.status).toBe(404);
    expectBaseHeaders(api.headers);
    // JSON opened in a tab may load nothing at all.
    const d = directives(api.headers.get('content-security-policy'));
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('on an error the router raises before any route (a URL that does not decode)', async () => {
    const res = await server.request('GET', '/%');
    expect(res.status).toBe(400);
    expectBaseHeaders(res.headers);
    expectClientCsp(res.headers);
  });

  it('on API answers and on the live event stream', async () => {
    const login = await server.request('POST', '/api/auth/login', {
      body: { username: 'x', password: 'y' },
    });
    expectBaseHeaders(login.headers);
    await server.createUser('headers.user', 'order-desk');
    const { token } = await server.login('headers.user');
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/sync/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expectBaseHeaders(stream.headers);
    controller.abort();
  });

  it('on the portal page, which keeps its own stricter CSP: only its own inline code', async () => {
    const res = await server.request('GET', '/portal/');
    expect(res.status).toBe(200);
    expectBaseHeaders(res.headers);
    const d = directives(res.headers.get('content-security-policy'));
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    for (const directive of ['script-src', 'style-src']) {
      expect(d.get(directive), directive).toHaveLength(1);
      expect(d.get(directive)?.[0], directive).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    }
  });

  it('sends HSTS when a trusted proxy says the request came over TLS, and only then', async () => {
    const overTls = { headers: { 'x-forwarded-proto': 'https' } };
    for (const path of ['/', '/assets/app-1a2b.js', '/api/no-such-route']) {
      const res = await proxied.request('GET', path, overTls);
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
    }
    const plain = await proxied.request('GET', '/', { headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    // Without ORDERLINE_TRUST_PROXY anyone could send the header: it is not believed.
    const untrusted = await server.request('GET', '/', overTls);
    expect(untrusted.headers.get('strict-transport-security')).toBeNull();
  });
});
