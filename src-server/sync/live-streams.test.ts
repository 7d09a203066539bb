import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../src-shared/api/auth';
import { testEngine } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

/**
 * The live event stream outlives the request that opened it: it is capped per user and per
 * session, and ended within seconds once its session no longer holds.
 */

const RECHECK_MS = 200;
/** "Within a few seconds": ten recheck rounds, far below the 5 s default. */
const ENDS_WITHIN_MS = 3000;

interface OpenStream {
  status: number;
  headers: Headers;
  body: unknown;
  /** Everything received so far. */
  text: () => string;
  /** Resolves with the text once the server ends the stream; rejects after `ms`. */
  ended: (ms?: number) => Promise<string>;
  close: () => void;
}

async function openStream(server: TestServer, token: string): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/api/sync/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    return {
      status: response.status,
      headers: response.headers,
      body: await response.json(),
      text: () => '',
      ended: () => Promise.resolve(''),
      close: () => undefined,
    };
  }
  let text = '';
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const done = (async () => {
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) return text;
      text += value;
    }
  })();
  done.catch(() => undefined); // an abort by the test itself
  return {
    status: response.status,
    headers: response.headers,
    body: undefined,
    text: () => text,
    ended: (ms = ENDS_WITHIN_MS) =>
      Promise.race([
        done,
        new Promise<string>((_, reject) =>
          setTimeout(() => reject(new Error(`stream still open after ${ms} ms: ${text}`)), ms),
        ),
      ]),
    close: () => controller.abort(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Until the server has seen the aborted sockets close. */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(25);
  }
}

describe(`live event streams (${testEngine()})`, () => {
  let server: TestServer;
  let adminToken: string;
  let userCount = 0;
  const open: OpenStream[] = [];

  const stream = async (token: string) => {
    const s = await openStream(server, token);
    open.push(s);
    return s;
  };
  /** A fresh user, so that each test starts below the caps. */
  const newUser = async () => {
    userCount += 1;
    const user = await server.createUser(`stream.user${userCount}`, 'order-desk');
    return { user, session: () => server.login(user.username).then((r) => r.token) };
  };

  beforeAll(async () => {
    server = await startTestServer({
      config: { liveStreams: { perUser: 3, perSession: 2, recheckMs: RECHECK_MS } },
    });
    adminToken = await server.tokenFor('admin');
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await server?.close();
  });

  it('caps the streams of one session, and frees a place when one closes', async () => {
    const { session } = await newUser();
    const token = await session();
    const first = await stream(token);
    const second = await stream(token);
    expect([first.status, second.status]).toEqual([200, 200]);

    const third = await stream(token);
    expect(third.status).toBe(429);
    expect(third.body).toEqual({
      code: 'too-many-streams',
      message: expect.stringContaining('2 live streams') as string,
    } satisfies ApiError);
    expect(third.headers.get('retry-after')).toBe('30');

    first.close();
    await eventually(async () => {
      const again = await stream(token);
      if (again.status === 200) return true;
      expect(again.status).toBe(429);
      return false;
    });
  });

  it('caps the streams of one user across sessions; other users are not affected', async () => {
    const { session } = await newUser();
    const [a, b, c] = [await session(), await session(), await session()];
    expect((await stream(a)).status).toBe(200);
    expect((await stream(a)).status).toBe(200);
    expect((await stream(b)).status).toBe(200);
    // Session c has none open, but the user has 3.
    const refused = await stream(c);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'too-many-streams' });
    expect((refused.body as ApiError).message).toContain('3 live streams');

    const other = await newUser();
    expect((await stream(await other.session())).status).toBe(200);
  });

  it('ends the stream within seconds of sign-out, telling the client why', async () => {
    const { session } = await newUser();
    const token = await session();
    const live = await stream(token);
    expect(live.status).toBe(200);
    const out = await server.request('POST', '/api/auth/logout', { token });
    expect(out.status).toBe(204);
    const text = await live.ended();
    expect(text).toContain('event: end\ndata: {"code":"unauthenticated"}');
    // The session's places are free again, and it is refused as any request would be.
    const again = await stream(token);
    expect(again.status).toBe(401);
  });

  it('ends the stream when the user is disabled, even by the flag alone', async () => {
    const viaAdmin = await newUser();
    const live = await stream(await viaAdmin.session());
    const disabled = await server.request('POST', `/api/admin/users/${viaAdmin.user.id}/disabled`, {
      token: adminToken,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(await live.ended()).toMatch(
      /event: end\ndata: \{"code":"(unauthenticated|user-disabled)"\}/,
    );

    // Set in the database by hand, sessions not revoked: still ended, as requests are refused.
    const byHand = await newUser();
    const second = await stream(await byHand.session());
    await server.db
      .updateTable('users')
      .set({ disabled: 1 })
      .where('id', '=', byHand.user.id)
      .execute();
    expect(await second.ended()).toContain('data: {"code":"user-disabled"}');
  });

  it('ends the stream when an admin resets the password', async () => {
    const { user, session } = await newUser();
    const live = await stream(await session());
    const reset = await server.request('POST', `/api/admin/users/${user.id}/password`, {
      token: adminToken,
      body: { password: 'Lantern-Harbor-Quietly-Glows-1987' },
    });
    expect(reset.status).toBe(204);
    expect(await live.ended()).toContain('event: end');
  });

  it('ends the stream when the session expires', async () => {
    const { user, session } = await newUser();
    const live = await stream(await session());
    await server.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', user.id)
      .execute();
    expect(await live.ended()).toContain('data: {"code":"session-expired"}');
  });

  it('keeps a valid stream open and poked across many rechecks', async () => {
    const { session } = await newUser();
    const live = await stream(await session());
    await sleep(RECHECK_MS * 5);
    server.app.pokeClients();
    await eventually(async () => live.text().includes('event: poke'));
    expect(live.text()).not.toContain('event: end');
  });

  it('answers HEAD at once with the stream headers and no body, holding nothing open', async () => {
    const { session } = await newUser();
    const token = await session();
    // Even at the session's cap: a probe takes no place.
    await stream(token);
    await stream(token);
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      const res = await server.request('HEAD', '/api/sync/events', { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      expect(res.body).toBeUndefined();
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect((await server.request('HEAD', '/api/sync/events')).status).toBe(401);
  });
});

describe(`live event streams, checked before each poke (${testEngine()})`, () => {
  let server: TestServer;
  beforeAll(async () => {
    // A recheck timer far too slow to matter: what ends the stream here is the poke.
    server = await startTestServer({
      config: { liveStreams: { perUser: 20, perSession: 4, recheckMs: 600_000 } },
    });
  });
  afterAll(() => server?.close());

  it('ends a stream whose session ended instead of poking it', async () => {
    await server.createUser('poke.user', 'order-desk');
    const { token } = await server.login('poke.user');
    const kept = await server.login('poke.user');
    const live = await openStream(server, token);
    const other = await openStream(server, kept.token);
    await server.request('POST', '/api/auth/logout', { token });
    server.app.pokeClients();
    const text = await live.ended();
    expect(text).toContain('event: end');
    expect(text).not.toContain('event: poke');
    await eventually(async () => other.text().includes('event: poke'));
    other.close();
  });
});
