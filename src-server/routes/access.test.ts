import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src-shared/api/auth';
import { canDo, type Action } from '../../src-shared/permissions';
import { ROLES } from '../../src-shared/roles';
import type { ApiRoute } from '../auth/access';
import { testEngine } from '../testing/test-database';
import { databaseSnapshot, startTestServer, type TestServer } from '../testing/test-server';

/**
 * Every API route against every role, generated from the route table and the permission
 * matrix: a route added later (the sync engine's too) is covered without touching this file.
 */
describe(`access control on every route (${testEngine()})`, () => {
  let server: TestServer;
  let routes: readonly ApiRoute[];
  let victim: User;

  beforeAll(async () => {
    server = await startTestServer();
    routes = server.app.apiRoutes;
    victim = await server.createUser('victim', 'sales');
  });
  afterAll(() => server?.close());

  const pathOf = (route: ApiRoute) => route.url.replace(/:[A-Za-z]+/g, victim.id);

  it('knows the built-in routes and what each needs', () => {
    const table = Object.fromEntries(routes.map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(table).toMatchObject({
      'GET /api/health': 'public',
      'POST /api/auth/login': 'public',
      'POST /api/auth/logout': 'session',
      'GET /api/auth/me': 'session',
      'POST /api/devices': 'session',
      'GET /api/admin/users': 'user.manage',
      'POST /api/admin/users': 'user.manage',
      'POST /api/admin/users/:id/password': 'user.manage',
      'POST /api/admin/users/:id/disabled': 'user.manage',
      'GET /api/admin/portal-keys': 'user.manage',
      'POST /api/admin/portal-keys': 'user.manage',
      'POST /api/admin/portal-keys/:id/revoke': 'user.manage',
      'POST /api/admin/portal-keys/:id/customers': 'user.manage',
      'GET /api/admin/audit/verify': 'audit.verify',
      'GET /api/mail': 'mail.manage',
      'POST /api/mail/:id/retry': 'mail.manage',
    });
  });

  it('answers 401 on every non-public route without a session, and changes nothing', async () => {
    const before = await databaseSnapshot(server.db);
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const res = await server.request(route.method, pathOf(route), {
        body: route.method === 'GET' ? undefined : {},
      });
      expect(res.status, `${route.method} ${route.url}`).toBe(401);
      expect(res.body).toMatchObject({ code: 'unauthenticated' });
    }
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  for (const role of ROLES) {
    it(`${role}: refused (403 forbidden, no data, no change) what the matrix denies`, async () => {
      const token = await server.tokenFor(role);
      const before = await databaseSnapshot(server.db);
      const actionRoutes = routes.filter(
        (r): r is ApiRoute & { access: Action } => r.access !== 'public' && r.access !== 'session',
      );
      for (const route of actionRoutes.filter((r) => !canDo(role, r.access))) {
        const res = await server.request(route.method, pathOf(route), {
          token,
          // A valid body: the refusal must come from the role, not from validation.
          body:
            route.method === 'GET'
              ? undefined
              : {
                  username: `new-${role}`,
                  displayName: 'X',
                  role: 'admin',
                  password: 'p'.repeat(12),
                  disabled: true,
                  name: `new-portal-${role}`,
                },
        });
        expect(res.status, `${role} ${route.method} ${route.url}`).toBe(403);
        expect(res.body).toEqual({ code: 'forbidden', message: expect.any(String) });
      }
      expect(await databaseSnapshot(server.db)).toEqual(before);

      // And what the matrix allows gets through (a read, so nothing changes).
      for (const path of ['/api/admin/users', '/api/admin/audit/verify']) {
        const route = actionRoutes.find((r) => r.method === 'GET' && r.url === path)!;
        const res = await server.request('GET', path, { token });
        expect(res.status, `${role} GET ${path}`).toBe(canDo(role, route.access) ? 200 : 403);
      }
    });
  }

  it('has no department role able to create users or portal keys through the API', async () => {
    const users = await server.db.selectFrom('users').select('username').execute();
    expect(users.map((u) => u.username).filter((u) => u.startsWith('new-'))).toEqual([]);
    expect(await server.db.selectFrom('portal_keys').select('name').execute()).toEqual([]);
  });
});
