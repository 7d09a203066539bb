import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src-shared/api/auth';
import { testEngine } from '../testing/test-database';
import { databaseSnapshot, startTestServer, type TestServer } from '../testing/test-server';

const WEAK = [
  'password',
  '12345678',
  ' '.repeat(8),
  'orderline1',
  'orderline-demo',
  'Password123!',
];
const GOOD = [
  'forklift-in-bay-3',
  'night shift at line 3',
  'x7#Qm2!vLp9z',
  '电池包装线三号夜班组长',
];

describe(`password policy on the admin routes (${testEngine()})`, () => {
  let server: TestServer;
  let admin: string;
  let target: User;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.tokenFor('admin');
    target = await server.createUser('wang.fang', 'warehouse', { displayName: 'Wang Fang' });
  });
  afterAll(() => server?.close());

  const create = (username: string, password: string) =>
    server.request<User>('POST', '/api/admin/users', {
      token: admin,
      body: { username, displayName: '新用户', role: 'finance', password },
    });
  const reset = (password: string) =>
    server.request('POST', `/api/admin/users/${target.id}/password`, {
      token: admin,
      body: { password },
    });

  it('refuses weak passwords at create and reset with 400 weak-password, changing nothing', async () => {
    const before = await databaseSnapshot(server.db);
    for (const password of WEAK) {
      for (const res of [await create('new.user', password), await reset(password)]) {
        expect(res.status, JSON.stringify(password)).toBe(400);
        expect(res.body).toMatchObject({
          code: 'weak-password',
          message: expect.stringMatching(/^The password (needs at least 10|is too easy)/),
          issues: [{ path: 'password', message: expect.any(String) }],
        });
      }
    }
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  it("refuses the user's own name as the password", async () => {
    const res = await create('li.na', 'li.na-2026');
    expect(res.body).toMatchObject({ code: 'weak-password' });
    expect((await reset('Wang Fang 2026')).body).toMatchObject({ code: 'weak-password' });
    expect((await reset('wang.fang2024')).body).toMatchObject({ code: 'weak-password' });
  });

  it('accepts strong passwords at create and reset, and they sign in', async () => {
    for (const [i, password] of GOOD.entries()) {
      const created = await create(`good.${i}`, password);
      expect(created.status, password).toBe(201);
      await expect(server.login(`good.${i}`, password)).resolves.toBeDefined();
      expect((await reset(password)).status, password).toBe(204);
      await expect(server.login('wang.fang', password)).resolves.toBeDefined();
    }
  });

  it('still answers a missing password as invalid-input', async () => {
    const res = await reset('');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid-input', issues: [{ path: 'password' }] });
  });
});
