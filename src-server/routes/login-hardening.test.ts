import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordVerificationCount } from '../auth/password';
import { loadConfig, type LoginLimits } from '../config';
import { testEngine } from '../testing/test-database';
import { TEST_PASSWORD, startTestServer, type TestServer } from '../testing/test-server';

const DEFAULTS: LoginLimits = loadConfig({ env: {}, argv: [] }).loginLimits;
const LIMITS: LoginLimits = { ...DEFAULTS, delaySeconds: 15, maxDelaySeconds: 120 };
const CONFIG = { trustProxy: true, loginLimits: LIMITS };

describe(`sign-in under attack (${testEngine()})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    // A first wait longer than any test takes, so a burst cannot outlast it and get more
    // guesses checked; the tests step through the waits by ageing the recorded attempts.
    server = await startTestServer({
      config: CONFIG,
    });
  });
  afterAll(() => server?.close());

  const attempt = (username: string, password: string, ip = '10.1.0.1', target = server) =>
    target.request('POST', '/api/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': ip },
    });

  const attemptsOf = async (username: string) =>
    server.db
      .selectFrom('login_attempts')
      .selectAll()
      .where('username', '=', username)
      .orderBy('attempted_at')
      .execute();

  /** Moves a user's recorded attempts into the past, as if that much time had gone by. */
  async function age(username: string, ms: number) {
    for (const row of await attemptsOf(username)) {
      await server.db
        .updateTable('login_attempts')
        .set({ attempted_at: new Date(Date.parse(row.attempted_at) - ms).toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
  }

  const sessionsOf = (username: string) =>
    server.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('token_hash')
      .where('users.username', '=', username)
      .execute();

  it('checks at most the limit of 100 concurrent wrong passwords for one user', async () => {
    await server.createUser('target', 'finance');
    const before = passwordVerificationCount();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt(i % 2 ? 'TARGET' : 'target', `guess ${i}`)),
    );
    const checked = passwordVerificationCount() - before;

    expect(checked).toBeLessThanOrEqual(DEFAULTS.maxFailuresPerUserIp);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(checked);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - checked);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body).toMatchObject({ code: 'rate-limited' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Refused attempts are not recorded: only those that were checked count.
    expect(await attemptsOf('target')).toHaveLength(checked);
  });

  it('refuses the right password among concurrent wrong ones once the limit is reached', async () => {
    await server.createUser('victim', 'quality');
    const first = await Promise.all(
      Array.from({ length: DEFAULTS.maxFailuresPerUserIp }, (_, i) =>
        attempt('victim', `wrong ${i}`),
      ),
    );
    expect(first.map((a) => a.status)).toEqual(Array(DEFAULTS.maxFailuresPerUserIp).fill(401));

    const before = passwordVerificationCount();
    const mixed = await Promise.all(
      Array.from({ length: 41 }, (_, i) =>
        attempt('victim', i === 20 ? TEST_PASSWORD : `more wrong ${i}`),
      ),
    );
    expect(mixed.map((a) => a.status)).toEqual(Array(41).fill(429));
    expect(passwordVerificationCount() - before).toBe(0);
    expect(await sessionsOf('victim')).toEqual([]);
  });

  it('makes each further attempt wait twice as long, up to the cap, then lets the right one in', async () => {
    await server.createUser('slow', 'sales');
    for (let i = 0; i < DEFAULTS.maxFailuresPerUserIp; i++) {
      expect((await attempt('slow', `wrong ${i}`)).status).toBe(401);
    }
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const refused = await attempt('slow', `still wrong ${i}`);
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      waits.push(wait);
      await age('slow', wait * 1000 + 50);
      expect((await attempt('slow', `still wrong ${i}`)).status).toBe(401);
    }
    expect(waits).toEqual([15, 30, 60, 120, 120]);

    const refused = await attempt('slow', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    await age('slow', 120_050);
    expect((await attempt('slow', TEST_PASSWORD)).status).toBe(200);
    // Forgiven: the next typo from that PC is checked, not delayed.
    expect(await attemptsOf('slow')).toEqual([]);
    expect((await attempt('slow', 'one typo')).status).toBe(401);
  });

  it('forgets failures once they leave the window', async () => {
    await server.createUser('later', 'sales');
    for (let i = 0; i < DEFAULTS.maxFailuresPerUserIp; i++) await attempt('later', `w${i}`);
    expect((await attempt('later', TEST_PASSWORD)).status).toBe(429);
    await age('later', DEFAULTS.windowMinutes * 60_000 + 1000);
    expect((await attempt('later', TEST_PASSWORD)).status).toBe(200);
  });

  it('answers a disabled account exactly like a wrong password, after the same scrypt check', async () => {
    await server.createUser('active', 'production');
    const disabled = await server.createUser('dormant', 'production');
    await server.db
      .updateTable('users')
      .set({ disabled: 1 })
      .where('id', '=', disabled.id)
      .execute();

    const probe = async (username: string, password: string) => {
      const before = passwordVerificationCount();
      const res = await attempt(username, password, '10.1.0.2');
      return { status: res.status, body: res.body, checks: passwordVerificationCount() - before };
    };
    const wrong = await probe('active', 'not the password');
    const expected = {
      status: 401,
      body: { code: 'invalid-credentials', message: 'Wrong username or password.' },
      checks: 1,
    };
    expect(wrong).toEqual(expected);
    expect(await probe('dormant', TEST_PASSWORD)).toEqual(expected);
    expect(await probe('dormant', 'not the password')).toEqual(expected);
    expect(await probe('nobody-at-all', TEST_PASSWORD)).toEqual(expected);
    expect(await sessionsOf('dormant')).toEqual([]);
  });

  it('slows one account from one address without slowing other users behind that address', async () => {
    await server.createUser('hugo', 'finance');
    await server.createUser('ida', 'finance');
    const proxy = '10.2.0.1';
    for (let i = 0; i < DEFAULTS.maxFailuresPerUserIp; i++) {
      expect((await attempt('hugo', `guess ${i}`, proxy)).status).toBe(401);
    }
    // Everything else the attacker sends for hugo waits.
    for (let i = 0; i < 20; i++) expect((await attempt('hugo', 'more', proxy)).status).toBe(429);
    // The colleague at the next PC behind the same proxy signs in at once.
    expect((await attempt('ida', TEST_PASSWORD, proxy)).status).toBe(200);
    // And hugo himself, from his own PC, is not locked out.
    expect((await attempt('hugo', TEST_PASSWORD, '10.2.0.2')).status).toBe(200);
  });

  it('slows an account when the guesses come from many addresses', async () => {
    await server.createUser('spread', 'planning');
    for (let i = 0; i < DEFAULTS.maxFailuresPerUser; i++) {
      expect((await attempt('spread', `guess ${i}`, `10.3.0.${i + 1}`)).status).toBe(401);
    }
    const refused = await attempt('spread', TEST_PASSWORD, '10.3.1.1');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate-limited' });
  });

  it('counts attempts in the database, so a second instance judges by the same counts', async () => {
    const second = await startTestServer({ shareWith: server, config: CONFIG });
    try {
      await server.createUser('gina', 'sales');
      for (let i = 0; i < DEFAULTS.maxFailuresPerUserIp; i++) {
        const res = await attempt('gina', `wrong ${i}`, '10.4.0.1', i % 2 ? second : server);
        expect(res.status).toBe(401);
      }
      expect((await attempt('gina', TEST_PASSWORD, '10.4.0.1', second)).status).toBe(429);
    } finally {
      await second.close();
    }
  });

  // Two instances in one process may not write to one SQLite file at the same moment (see
  // README): real concurrency between instances is shown on PostgreSQL.
  it.runIf(testEngine() === 'postgres')(
    'holds the limit for concurrent guesses spread over two instances',
    async () => {
      const second = await startTestServer({ shareWith: server, config: CONFIG });
      try {
        await server.createUser('twice', 'sales');
        const before = passwordVerificationCount();
        const answers = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            attempt('twice', `guess ${i}`, '10.5.0.1', i % 2 ? second : server),
          ),
        );
        const checked = passwordVerificationCount() - before;
        expect(checked).toBeLessThanOrEqual(DEFAULTS.maxFailuresPerUserIp);
        expect(answers.filter((a) => a.status === 429)).toHaveLength(100 - checked);
      } finally {
        await second.close();
      }
    },
  );
});

describe(`sign-in limit per address (${testEngine()})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      config: { trustProxy: true, loginLimits: { ...DEFAULTS, maxFailuresPerIp: 6 } },
    });
  });
  afterAll(() => server?.close());

  const from = (ip: string, username: string, password: string) =>
    server.request('POST', '/api/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': ip },
    });

  it('slows an address that guesses across many usernames, and only that address', async () => {
    await server.createUser('hugo', 'finance');
    for (let i = 0; i < 6; i++) {
      expect((await from('10.0.0.7', `user${i}`, 'wrong password')).status).toBe(401);
    }
    const refused = await from('10.0.0.7', 'hugo', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate-limited' });
    expect((await from('10.0.0.8', 'hugo', TEST_PASSWORD)).status).toBe(200);
  });
});
