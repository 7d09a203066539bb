import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * Every error answer is `{ code, message }` (plus `issues` for invalid input), whoever raises
 * it: a route, Fastify's body parsing, its router, or Node's HTTP parser. Fastify's own shape
 * (`{ error, code: 'FST_…', message, statusCode }`) must never reach a client.
 */

function expectApiError(body: unknown, code: string, label: string): void {
  expect(body, label).toMatchObject({ code });
  const keys = Object.keys(body as object).sort();
  expect(keys, label).toEqual(
    keys.includes('issues') ? ['code', 'issues', 'message'] : ['code', 'message'],
  );
  expect(typeof (body as { message: unknown }).message, label).toBe('string');
  expect(JSON.stringify(body), label).not.toMatch(/FST_|statusCode/);
}

/** Writes raw bytes to the server, for requests fetch refuses to send. */
async function rawRequest(url: string, text: string): Promise<{ status: number; body: unknown }> {
  const { hostname, port } = new URL(url);
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(data));
    socket.on('error', (error) => (data ? resolve(data) : reject(error)));
  });
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  expect(head).toMatch(/content-type: application\/json/i);
  return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), body: JSON.parse(body) };
}

describe(`error bodies (${testEngine()})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('a URL that does not decode: 400 invalid-input', async () => {
    for (const path of ['/%', '/api/%zz', '/assets/%E0%A4%A.js', '/api/sync/%']) {
      const res = await server.request('GET', path);
      expect(res.status, path).toBe(400);
      expectApiError(res.body, 'invalid-input', path);
    }
  });

  it('an unknown route, API or page, any method: 404 not-found', async () => {
    for (const [method, path] of [
      ['GET', '/api/nope'],
      ['POST', '/api/nope'],
      ['PUT', '/api/auth/login'],
      ['DELETE', '/'],
      ['GET', '/assets/missing.js'],
      ['GET', '/some/page'],
    ] as const) {
      const res = await server.request(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expectApiError(res.body, 'not-found', `${method} ${path}`);
    }
  });

  it('a malformed JSON body: 400 invalid-input', async () => {
    for (const rawBody of ['{"username": ', '[1,', '{"a":1,"__proto__":{"x":1}}', 'nul']) {
      const res = await server.request('POST', '/api/auth/login', { rawBody });
      expect(res.status, rawBody).toBe(400);
      expectApiError(res.body, 'invalid-input', rawBody);
    }
  });

  it('a body over the limit: 413 body-too-large', async () => {
    const res = await server.request('POST', '/api/auth/login', {
      rawBody: `{"username":"${'x'.repeat(server.config.bodyLimitBytes)}"}`,
    });
    expect(res.status).toBe(413);
    expectApiError(res.body, 'body-too-large', 'too large');
  });

  it('a body that is not JSON: 415 unsupported-media-type', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'image/png']) {
      const res = await server.request('POST', '/api/auth/login', {
        rawBody: 'username=a&password=b',
        contentType,
      });
      expect(res.status, contentType).toBe(415);
      expectApiError(res.body, 'unsupported-media-type', contentType);
    }
  });

  it('a field problem: 400 invalid-input with issues', async () => {
    const res = await server.request('POST', '/api/auth/login', { body: { username: 1 } });
    expect(res.status).toBe(400);
    expectApiError(res.body, 'invalid-input', 'issues');
  });

  it('a request Node cannot parse, or with headers too large, answered on the socket', async () => {
    const broken = await rawRequest(server.url, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(broken.status).toBe(400);
    expectApiError(broken.body, 'invalid-input', 'broken header');

    const huge = await rawRequest(
      server.url,
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(huge.status).toBe(431);
    expectApiError(huge.body, 'invalid-input', 'headers too large');
  });
});
