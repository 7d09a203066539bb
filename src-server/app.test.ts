import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageVersion } from './paths';
import { buildServer } from './app';
import { testEngine } from './testing/test-database';
import { startTestServer, type TestServer } from './testing/test-server';

describe(`server basics (${testEngine()})`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      plugins: [
        (app) => {
          app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
            throw new Error('secret detail at /srv/orderline/db.ts:42');
          });
        },
      ],
    });
  });
  afterAll(() => server?.close());

  it('answers health with the version and the engine', async () => {
    const res = await server.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, version: packageVersion(), database: server.engine });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers unknown API routes with a JSON not-found', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['POST', '/api/nope'],
      ['DELETE', '/api/auth/login'],
    ] as const) {
      const res = await server.request(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toMatchObject({ code: 'not-found' });
    }
  });

  it('refuses a body over the limit with 413 body-too-large', async () => {
    const res = await server.request('POST', '/api/auth/login', {
      rawBody: JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'body-too-large' });
  });

  it('refuses malformed JSON and other media types', async () => {
    const bad = await server.request('POST', '/api/auth/login', { rawBody: '{"username": ' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid-input' });

    const proto = await server.request('POST', '/api/auth/login', {
      rawBody: '{"username":"a","password":"b","__proto__":{"admin":true}}',
    });
    expect(proto.status).toBe(400);
    expect(proto.body).toMatchObject({ code: 'invalid-input' });

    const form = await server.request('POST', '/api/auth/login', {
      rawBody: 'username=a&password=b',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({ code: 'unsupported-media-type' });
  });

  it('lists field problems of invalid input, refusing unknown fields', async () => {
    const res = await server.request('POST', '/api/auth/login', {
      body: { username: 42, password: 'x', remember: true },
    });
    expect(res.status).toBe(400);
    const body = res.body as { code: string; issues: { path: string; message: string }[] };
    expect(body.code).toBe('invalid-input');
    expect(body.issues.map((i) => i.path).sort()).toEqual(['', 'username']);
  });

  it('never sends a stack trace or internal message', async () => {
    const res = await server.request('GET', '/api/test/boom');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'internal', message: 'Internal server error.' });
  });

  it('lets the desktop app (app://orderline) call the API cross-origin, and no one else', async () => {
    const preflight = await server.request('OPTIONS', '/api/auth/login', {
      headers: {
        origin: 'app://orderline',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('app://orderline');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const me = await server.request('GET', '/api/auth/me', {
      headers: { origin: 'app://orderline' },
    });
    expect(me.status).toBe(401);
    expect(me.headers.get('access-control-allow-origin')).toBe('app://orderline');

    const evil = await server.request('OPTIONS', '/api/auth/login', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.status).toBe(404);
  });

  it('says how to build the client when there is no build', async () => {
    const res = await server.request('GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.body).toContain('npm run build');
  });
});

describe('web mode with a client build', () => {
  let server: TestServer;

  let clientDir: string;

  beforeAll(async () => {
    clientDir = mkdtempSync(join(tmpdir(), 'orderline-client-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>OrderLine</title>');
    writeFileSync(join(clientDir, 'assets', 'app-1234.js'), 'console.log(1)');
    server = await startTestServer({ config: { clientDir } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client routes', async () => {
    for (const path of ['/', '/quality', '/planning/board?day=2026-03-01']) {
      const res = await server.request('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.body, path).toContain('<title>OrderLine</title>');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('serves assets, and a JSON 404 for missing files and API paths', async () => {
    expect((await server.request('GET', '/assets/app-1234.js')).body).toBe('console.log(1)');
    for (const path of ['/assets/missing.js', '/api/missing']) {
      const res = await server.request('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toMatchObject({ code: 'not-found' });
    }
  });
});

describe('route registration', () => {
  it('refuses to start with an API route that declares no access', async () => {
    const server = await startTestServer();
    try {
      const app = buildServer(server.config, {
        db: server.db,
        plugins: [
          (instance) => {
            instance.get('/api/forgotten', async () => ({ secret: true }));
          },
        ],
      });
      await expect(app.ready()).rejects.toThrow(/forgotten.*config\.access/);
      await app.close().catch(() => undefined);
    } finally {
      await server.close();
    }
  });
});
