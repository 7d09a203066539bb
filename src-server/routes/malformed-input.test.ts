import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { pullRequest, pushRequest } from '../../src-shared/sync/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  createUserRequest,
  loginRequest,
  logoutRequest,
  registerDeviceRequest,
  resetPasswordRequest,
  setDisabledRequest,
} from '../../src-shared/api/auth';
import { retryMailRequest } from '../../src-shared/api/mail';
import {
  bindPortalKeyRequest,
  createPortalKeyRequest,
  portalOrderRequest,
  revokePortalKeyRequest,
} from '../../src-shared/api/portal';
import { createPortalKey } from '../portal/portal-keys';
import { testEngine } from '../testing/test-database';
import { databaseSnapshot, startTestServer, type TestServer } from '../testing/test-server';

/**
 * Property: whatever malformed body reaches a write route, the answer is a 4xx ApiError and
 * the database does not change. 1000 bodies per route; the seed fast-check prints on failure
 * replays the exact sequence.
 */

interface WriteRoute {
  name: string;
  path: () => string;
  token: () => string | undefined;
  /** The schema the route validates with: a generated body it accepts is not malformed. */
  schema: z.ZodType;
  /** A body the route accepts, as the starting point of the mutations. */
  valid: Record<string, unknown>;
  /** Credentials other than a session, e.g. a portal's API key. */
  headers?: () => Record<string, string>;
}

interface Case {
  kind: string;
  contentType: string;
  body: string | Uint8Array;
}

const MAX_BODY = 1024 * 1024;

const jsonJunk = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

const json =
  (kind: string) =>
  (value: unknown): Case => ({
    kind,
    contentType: 'application/json',
    body: JSON.stringify(value),
  });

function malformedBodies(route: WriteRoute): fc.Arbitrary<Case> {
  const keys = Object.keys(route.valid);
  const stringKeys = keys.filter((k) => typeof route.valid[k] === 'string');
  const field = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('field');

  const wrongType = fc
    .record({ key: field, value: jsonJunk })
    .map(({ key, value }) => json('wrong type')({ ...route.valid, [key]: value }));
  const missing =
    keys.length > 0
      ? fc
          .subarray(keys, { minLength: 1 })
          .map((drop) =>
            json('missing field')(
              Object.fromEntries(Object.entries(route.valid).filter(([k]) => !drop.includes(k))),
            ),
          )
      : wrongType;
  const extra = fc
    .record({
      key: fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !keys.includes(k)),
      value: fc.jsonValue({ maxDepth: 2 }),
    })
    .map(({ key, value }) => json('unknown field')({ ...route.valid, [key]: value }));
  const oversizedString = fc
    .record({
      key: stringKeys.length > 0 ? fc.constantFrom(...stringKeys) : fc.constant('padding'),
      length: fc.integer({ min: 201, max: 50_000 }),
    })
    .map(({ key, length }) =>
      json('oversized string')({ ...route.valid, [key]: 'x'.repeat(length) }),
    );
  const wholeBody = jsonJunk.map(json('not an object of the right shape'));
  const notJson = fc.string({ maxLength: 200 }).map((body): Case => ({
    kind: 'not JSON',
    contentType: 'application/json',
    body,
  }));
  const bytes = fc.uint8Array({ maxLength: 200 }).map((body): Case => ({
    kind: 'random bytes',
    contentType: 'application/json',
    body,
  }));
  const deep = fc.integer({ min: 100, max: 5_000 }).map((n) => ({
    kind: 'deeply nested',
    contentType: 'application/json',
    body: '['.repeat(n) + ']'.repeat(n),
  }));
  const wrongMediaType = fc
    .constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/octet-stream',
    )
    .map((contentType): Case => ({
      kind: 'wrong media type',
      contentType,
      body: JSON.stringify(route.valid),
    }));
  const oversizedBody = fc
    .integer({ min: 1, max: 64 * 1024 })
    .map((extraBytes) =>
      json('body over the limit')({ ...route.valid, padding: 'x'.repeat(MAX_BODY + extraBytes) }),
    );

  return fc
    .oneof(
      { arbitrary: wrongType, weight: 4 },
      { arbitrary: missing, weight: 3 },
      { arbitrary: extra, weight: 3 },
      { arbitrary: oversizedString, weight: 2 },
      { arbitrary: wholeBody, weight: 3 },
      { arbitrary: notJson, weight: 3 },
      { arbitrary: bytes, weight: 1 },
      { arbitrary: deep, weight: 1 },
      { arbitrary: wrongMediaType, weight: 2 },
      { arbitrary: oversizedBody, weight: 1 },
    )
    .filter((c) => !acceptable(route, c));
}

/** Whether the route would take the body as valid: such a case is not malformed, skip it. */
function acceptable(route: WriteRoute, c: Case): boolean {
  if (c.contentType !== 'application/json') return false;
  const text = typeof c.body === 'string' ? c.body : new TextDecoder().decode(c.body);
  if (text.length > MAX_BODY) return false;
  if (text.trim() === '') return route.schema.safeParse(undefined).success;
  try {
    return route.schema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

const EXPECTED: Record<number, string> = {
  400: 'invalid-input',
  413: 'body-too-large',
  415: 'unsupported-media-type',
};

describe(`malformed bodies on every write route (${testEngine()})`, () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let targetId: string;
  let portalKey = '';

  beforeAll(async () => {
    server = await startTestServer();
    await server.createUser('fuzz-user', 'quality');
    targetId = (await server.createUser('fuzz-target', 'sales')).id;
    for (const name of ['logout', 'devices'])
      tokens[name] = (await server.login('fuzz-user')).token;
    tokens.admin = await server.tokenFor('admin');
    portalKey = (await createPortalKey(server.db, 'fuzz-portal', { userId: null, clientId: null }))
      .key;
  });
  afterAll(() => server?.close());

  const ROUTES: WriteRoute[] = [
    {
      name: 'POST /api/auth/login',
      path: () => '/api/auth/login',
      token: () => undefined,
      schema: loginRequest,
      valid: { username: 'fuzz-user', password: 'a wrong password' },
    },
    {
      name: 'POST /api/auth/logout',
      path: () => '/api/auth/logout',
      token: () => tokens.logout,
      schema: logoutRequest,
      valid: {},
    },
    {
      name: 'POST /api/devices',
      path: () => '/api/devices',
      token: () => tokens.devices,
      schema: registerDeviceRequest,
      valid: { clientId: randomUUID(), deviceName: 'QC-PC-01' },
    },
    {
      name: 'POST /api/admin/users',
      path: () => '/api/admin/users',
      token: () => tokens.admin,
      schema: createUserRequest,
      valid: {
        username: 'new-user',
        displayName: '新用户',
        role: 'finance',
        password: 'long enough',
      },
    },
    {
      name: 'POST /api/admin/users/:id/password',
      path: () => `/api/admin/users/${targetId}/password`,
      token: () => tokens.admin,
      schema: resetPasswordRequest,
      valid: { password: 'another long one' },
    },
    {
      name: 'POST /api/admin/users/:id/disabled',
      path: () => `/api/admin/users/${targetId}/disabled`,
      token: () => tokens.admin,
      schema: setDisabledRequest,
      valid: { disabled: true },
    },
    {
      name: 'POST /api/sync/push',
      path: () => '/api/sync/push',
      token: () => tokens.devices,
      schema: pushRequest,
      valid: {
        clientId: randomUUID(),
        schemaVersion: 1,
        mutations: [
          {
            seq: 1,
            mutationId: randomUUID(),
            name: 'inspection.record',
            args: {},
            clientTime: '2026-11-27T08:00:00.000Z',
          },
        ],
      },
    },
    {
      name: 'POST /api/portal/orders',
      path: () => '/api/portal/orders',
      token: () => undefined,
      headers: () => ({ 'x-api-key': portalKey }),
      schema: portalOrderRequest,
      valid: {
        externalRef: 'WEB-1',
        customerCode: 'C-0001',
        contact: { name: '林晓东' },
        lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 10_000 }],
        requestedDate: '2027-03-01',
        deliveryPlace: 'Shenzhen',
      },
    },
    {
      name: 'POST /api/sync/pull',
      path: () => '/api/sync/pull',
      token: () => tokens.devices,
      schema: pullRequest,
      valid: { clientId: randomUUID(), schemaVersion: 1, cursor: 0, epoch: null, ackedSeq: 0 },
    },
    {
      name: 'POST /api/admin/portal-keys',
      path: () => '/api/admin/portal-keys',
      token: () => tokens.admin,
      schema: createPortalKeyRequest,
      valid: { name: 'new-portal' },
    },
    {
      // A key that does not exist: a valid body would answer 404 and change nothing.
      name: 'POST /api/admin/portal-keys/:id/customers',
      path: () => `/api/admin/portal-keys/${targetId}/customers`,
      token: () => tokens.admin,
      schema: bindPortalKeyRequest,
      valid: { customers: ['C-0001'] },
    },
    {
      // A key that does not exist: a valid body would answer 404 and change nothing.
      name: 'POST /api/admin/portal-keys/:id/revoke',
      path: () => `/api/admin/portal-keys/${targetId}/revoke`,
      token: () => tokens.admin,
      schema: revokePortalKeyRequest,
      valid: {},
    },
    {
      // A mail that does not exist: a valid body would answer 404 and change nothing.
      name: 'POST /api/mail/:id/retry',
      path: () => `/api/mail/${targetId}/retry`,
      token: () => tokens.admin,
      schema: retryMailRequest,
      valid: {},
    },
  ];

  it('covers every write route the server has', () => {
    const writes = server.app.apiRoutes
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`);
    expect(ROUTES.map((r) => r.name).sort(), 'add each new write route to ROUTES above').toEqual(
      writes.sort(),
    );
  });

  for (const route of ROUTES) {
    it(`${route.name}: 1000 malformed bodies, each a 4xx ApiError, database unchanged`, async () => {
      const before = await databaseSnapshot(server.db);
      const seen = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(malformedBodies(route), async (c) => {
          seen.set(c.kind, (seen.get(c.kind) ?? 0) + 1);
          const res = await server.request('POST', route.path(), {
            token: route.token(),
            ...(route.headers ? { headers: route.headers() } : {}),
            rawBody: c.body,
            contentType: c.contentType,
          });
          const body = res.body as { code?: unknown; message?: unknown };
          expect(res.status, c.kind).toBeGreaterThanOrEqual(400);
          expect(res.status, c.kind).toBeLessThan(500);
          expect(body.code, `${c.kind}: ${res.status}`).toBe(EXPECTED[res.status]);
          expect(typeof body.message).toBe('string');
        }),
        { numRuns: 1000 },
      );
      expect(await databaseSnapshot(server.db)).toEqual(before);
      // Every kind of malformation was actually tried.
      expect([...seen.keys()].length).toBeGreaterThanOrEqual(9);
    });
  }
});
