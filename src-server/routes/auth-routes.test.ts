import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, User } from '../../src-shared/api/auth';
import { hashToken } from '../auth/tokens';
import { testEngine } from '../testing/test-database';
import { TEST_PASSWORD, startTestServer, type TestServer } from '../testing/test-server';

describe(`sign-in and sessions (${testEngine()})`, () => {
  let server: TestServer;
  let adminToken: string;

  beforeAll(async () => {
    server = await startTestServer();
    adminToken = await server.tokenFor('admin');
  });
  afterAll(() => server?.close());

  const countSessions = async (userId: string) =>
    (
      await server.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).n;

  it('signs in, answers /me, and stores only the hash of the token', async () => {
    const user = await server.createUser('ines', 'quality', { displayName: '赵丽' });
    const res = await server.request<LoginResponse>('POST', '/api/auth/login', {
      body: { username: 'ines', password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual(user);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ttlMs = Date.parse(res.body.expiresAt) - Date.now();
    expect(ttlMs).toBeGreaterThan(11.9 * 3_600_000);
    expect(ttlMs).toBeLessThanOrEqual(12 * 3_600_000);

    const me = await server.request<User>('GET', '/api/auth/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(user);

    const rows = await server.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toEqual([{ token_hash: hashToken(res.body.token) }]);
  });

  it('accepts the username in any case', async () => {
    await server.createUser('wendy', 'warehouse');
    await expect(server.login('  Wendy ')).resolves.toMatchObject({ user: { username: 'wendy' } });
  });

  it('refuses a wrong password with 401 invalid-credentials and makes no session', async () => {
    const user = await server.createUser('paul', 'planning');
    const before = await countSessions(user.id);
    const res = await server.request('POST', '/api/auth/login', {
      body: { username: 'paul', password: 'not the password' },
    });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'invalid-credentials' });
    expect(await countSessions(user.id)).toBe(before);
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await server.request('POST', '/api/auth/login', {
      body: { username: 'nobody-here', password: 'whatever1' },
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      code: 'invalid-credentials',
      message: 'Wrong username or password.',
    });
  });

  it('refuses requests without a valid bearer token', async () => {
    for (const authorization of [
      undefined,
      'Bearer',
      'Basic abc',
      'Bearer not-a-token',
      `Bearer ${'A'.repeat(43)}`,
    ]) {
      const res = await server.request('GET', '/api/auth/me', {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.body).toMatchObject({ code: 'unauthenticated' });
    }
  });

  it('refuses an expired session with 401 session-expired', async () => {
    await server.createUser('erin', 'finance');
    const { token } = await server.login('erin');
    await server.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', hashToken(token))
      .execute();
    const res = await server.request('GET', '/api/auth/me', { token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'session-expired' });
  });

  it('ends the session at sign-out', async () => {
    await server.createUser('lou', 'sales');
    const { token } = await server.login('lou');
    const other = await server.login('lou');

    const out = await server.request('POST', '/api/auth/logout', { token });
    expect(out.status).toBe(204);
    const after = await server.request('GET', '/api/auth/me', { token });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'unauthenticated' });
    const again = await server.request('POST', '/api/auth/logout', { token });
    expect(again.status).toBe(401);
    // Only that session: the same user on another PC stays signed in.
    expect((await server.request('GET', '/api/auth/me', { token: other.token })).status).toBe(200);
  });

  it('takes sign-out with an empty JSON body but refuses one with content', async () => {
    await server.createUser('lea', 'sales');
    const { token } = await server.login('lea');
    const refused = await server.request('POST', '/api/auth/logout', {
      token,
      body: { everywhere: true },
    });
    expect(refused.status).toBe(400);
    expect((await server.request('GET', '/api/auth/me', { token })).status).toBe(200);
    const out = await server.request('POST', '/api/auth/logout', { token, rawBody: '' });
    expect(out.status).toBe(204);
  });

  it('locks out a disabled user: their open sessions stop working, no sign-in', async () => {
    const user = await server.createUser('dora', 'production');
    const { token } = await server.login('dora');

    const disable = await server.request<User>('POST', `/api/admin/users/${user.id}/disabled`, {
      token: adminToken,
      body: { disabled: true },
    });
    expect(disable.status).toBe(200);
    expect(disable.body.disabled).toBe(true);

    const me = await server.request('GET', '/api/auth/me', { token });
    expect(me.status).toBe(401);
    // Even the right password gets the answer of a wrong one: "disabled" would confirm both
    // that the account exists and that the password was right (login-hardening.test.ts).
    const login = await server.request('POST', '/api/auth/login', {
      body: { username: 'dora', password: TEST_PASSWORD },
    });
    expect(login.status).toBe(401);
    expect(login.body).toEqual({
      code: 'invalid-credentials',
      message: 'Wrong username or password.',
    });

    await server.request('POST', `/api/admin/users/${user.id}/disabled`, {
      token: adminToken,
      body: { disabled: false },
    });
    await expect(server.login('dora')).resolves.toBeDefined();
  });

  it('refuses the sessions of a user disabled directly in the database', async () => {
    const user = await server.createUser('dirk', 'procurement');
    const { token } = await server.login('dirk');
    await server.db.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute();
    const res = await server.request('GET', '/api/auth/me', { token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'user-disabled' });
  });

  it('signs a user out everywhere when an admin resets the password', async () => {
    const user = await server.createUser('rita', 'after-sales');
    const { token } = await server.login('rita');
    const reset = await server.request('POST', `/api/admin/users/${user.id}/password`, {
      token: adminToken,
      body: { password: 'a brand new passphrase' },
    });
    expect(reset.status).toBe(204);
    expect((await server.request('GET', '/api/auth/me', { token })).status).toBe(401);
    await expect(server.login('rita')).rejects.toThrow(/401/);
    await expect(server.login('rita', 'a brand new passphrase')).resolves.toBeDefined();
  });

  it('does not let an admin disable their own account', async () => {
    const me = await server.request<User>('GET', '/api/auth/me', { token: adminToken });
    const res = await server.request('POST', `/api/admin/users/${me.body.id}/disabled`, {
      token: adminToken,
      body: { disabled: true },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'cannot-disable-self' });
  });

  it('refuses a taken username and answers 404 for an unknown user id', async () => {
    const body = {
      username: 'ines',
      displayName: 'X',
      role: 'sales',
      password: 'long enough, surely',
    };
    const taken = await server.request('POST', '/api/admin/users', { token: adminToken, body });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'username-taken' });
    const missing = await server.request(
      'POST',
      '/api/admin/users/00000000-0000-4000-8000-000000000000/disabled',
      { token: adminToken, body: { disabled: true } },
    );
    expect(missing.status).toBe(404);
  });
});
