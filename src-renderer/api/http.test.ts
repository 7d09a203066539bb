import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createApiFetch } from './http';

vi.mock('./app-info', () => ({ serverUrl: async () => 'http://unused' }));

type FetchArgs = Parameters<typeof globalThis.fetch>;

function client(respond: (url: string, init: RequestInit) => Promise<Response> | Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (...[input, init]: FetchArgs) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return respond(url, init ?? {});
  });
  return { api: createApiFetch({ baseUrl: () => 'http://server:7420', fetch }), calls };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('apiFetch', () => {
  it('sends JSON with the bearer token and answers the value', async () => {
    const { api, calls } = client(() => json(200, { hello: 'world' }));
    const r = await api('/api/thing', { method: 'POST', body: { a: 1 }, token: 'tok' });
    expect(r).toEqual({ ok: true, value: { hello: 'world' }, status: 200 });
    expect(calls[0]?.url).toBe('http://server:7420/api/thing');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"a":1}');
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer tok');
    expect(headers['content-type']).toBe('application/json');
  });

  it('defaults to GET without a body and sends no token when there is none', async () => {
    const { api, calls } = client(() => json(200, []));
    await api('/api/health');
    expect(calls[0]?.init.method).toBe('GET');
    expect((calls[0]?.init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it('answers undefined for 204', async () => {
    const { api } = client(() => new Response(null, { status: 204 }));
    expect(await api('/api/auth/logout', { method: 'POST' })).toEqual({
      ok: true,
      value: undefined,
      status: 204,
    });
  });

  it('tells "server unreachable" apart as network-error with status 0', async () => {
    const { api } = client(() => Promise.reject(new TypeError('Failed to fetch')));
    const r = await api('/api/auth/login', { body: {} });
    expect(r).toMatchObject({ ok: false, error: 'network-error', status: 0 });
  });

  it('treats a timeout as unreachable', async () => {
    const { api } = client(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const r = await api('/api/slow', { timeoutMs: 20 });
    expect(r).toMatchObject({ ok: false, error: 'network-error', status: 0 });
  });

  it('treats a gateway error without an ApiError body as unreachable', async () => {
    const { api } = client(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(await api('/api/x')).toMatchObject({ ok: false, error: 'network-error', status: 502 });
  });

  it('answers the server error code, message and field issues', async () => {
    const { api } = client(() =>
      json(400, {
        code: 'invalid-input',
        message: 'bad body',
        issues: [{ path: 'username', message: 'too short' }],
      }),
    );
    expect(await api('/api/admin/users', { body: {} })).toEqual({
      ok: false,
      error: 'invalid-input',
      message: 'bad body',
      issues: [{ path: 'username', message: 'too short' }],
      status: 400,
    });
  });

  it('keeps 401 invalid-credentials an HTTP error, never network-error', async () => {
    const { api } = client(() => json(401, { code: 'invalid-credentials', message: 'no' }));
    expect(await api('/api/auth/login', { body: {} })).toMatchObject({
      ok: false,
      error: 'invalid-credentials',
      status: 401,
    });
  });

  it('maps unknown codes and non-JSON error bodies from the status', async () => {
    const { api } = client((url) =>
      url.endsWith('/a')
        ? json(403, { code: 'something-new', message: 'x' })
        : new Response('oops', { status: 500 }),
    );
    expect(await api('/a')).toMatchObject({ ok: false, error: 'forbidden', status: 403 });
    expect(await api('/b')).toMatchObject({ ok: false, error: 'internal', status: 500 });
  });

  it('checks the answer against a schema when given', async () => {
    const { api } = client(() => json(200, { n: 'not a number' }));
    const schema = z.object({ n: z.number() });
    expect(await api('/x', { schema })).toMatchObject({ ok: false, error: 'internal' });
    const good = client(() => json(200, { n: 3, extra: true }));
    const r = await good.api('/x', { schema });
    expect(r).toEqual({ ok: true, value: { n: 3 }, status: 200 });
  });

  it('never throws, even when the base URL cannot be found', async () => {
    const api = createApiFetch({
      baseUrl: () => Promise.reject(new Error('no app info')),
      fetch: vi.fn(),
    });
    expect(await api('/x')).toMatchObject({ ok: false, error: 'network-error' });
  });
});
