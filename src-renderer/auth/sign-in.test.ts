import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoginResponse } from '../../src-shared/api/auth';
import { isUuidv7 } from '../../src-shared/ids';
import type { ApiFetch, ApiRequest, ApiResult } from '../api/http';
import { MetaDb } from '../db/meta-db';
import { SessionStore } from './session-store';
import { isTokenExpired, signIn, type SignInDeps } from './sign-in';

vi.mock('../api/app-info', () => ({ serverUrl: async () => 'http://unused' }));

const PASSWORD = 'orderline-demo';

/** A pretend server: one user, switchable between reachable and not. */
function fakeServer() {
  const state = {
    reachable: true,
    password: PASSWORD,
    disabled: false,
    userId: '0195e4b2-1111-7000-8000-000000000001',
    takenClientIds: new Set<string>(),
    devices: [] as { clientId: string; deviceName: string; token: string }[],
    logouts: [] as string[],
    tokenCounter: 0,
  };
  const api = vi.fn(async (path: string, req: ApiRequest<unknown> = {}) => {
    const fail = (status: number, error: string): ApiResult<unknown> =>
      ({ ok: false, error, message: error, status }) as ApiResult<unknown>;
    if (!state.reachable) return { ok: false, error: 'network-error', message: 'x', status: 0 };
    const body = req.body as Record<string, string>;
    if (path === '/api/auth/login') {
      if (body.username !== 'quality' || body.password !== state.password)
        return fail(401, 'invalid-credentials');
      if (state.disabled) return fail(403, 'user-disabled');
      const answer: LoginResponse = {
        token: `token-${++state.tokenCounter}`,
        expiresAt: '2099-01-01T00:00:00.000Z',
        user: {
          id: state.userId,
          username: 'quality',
          displayName: 'Li Wei',
          role: 'quality',
          disabled: false,
        },
      };
      return { ok: true, value: req.schema ? req.schema.parse(answer) : answer, status: 200 };
    }
    if (path === '/api/devices') {
      if (state.takenClientIds.has(body.clientId!)) return fail(409, 'client-id-taken');
      state.devices.push({
        clientId: body.clientId!,
        deviceName: body.deviceName!,
        token: req.token ?? '',
      });
      return { ok: true, value: undefined, status: 204 };
    }
    if (path === '/api/auth/logout') {
      state.logouts.push(req.token ?? '');
      return { ok: true, value: undefined, status: 204 };
    }
    return fail(404, 'not-found');
  });
  return { state, api: api as unknown as ApiFetch };
}

const dbs: MetaDb[] = [];
let n = 0;
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function setup() {
  const server = fakeServer();
  const db = new MetaDb(`sign-in-test-${n++}`);
  dbs.push(db);
  const deps: SignInDeps = {
    api: server.api,
    db,
    deviceName: async () => 'Workshop PC 3',
    now: () => new Date('2026-03-05T06:00:00Z'),
  };
  return { ...server, db, deps };
}

describe('online sign-in', () => {
  it('signs in, caches a verifier and encrypted token, never the password', async () => {
    const { deps, db, state } = setup();
    const r = await signIn(deps, '  Quality ', PASSWORD);
    expect(r).toMatchObject({
      ok: true,
      session: { mode: 'online', token: 'token-1', user: { username: 'quality', role: 'quality' } },
    });
    const known = await db.findKnownUser('quality');
    expect(known).toMatchObject({
      userId: state.userId,
      displayName: 'Li Wei',
      tokenExpiresAt: '2099-01-01T00:00:00.000Z',
      lastOnlineSignInAt: '2026-03-05T06:00:00.000Z',
    });
    const stored = JSON.stringify(known, (_k, v: unknown) =>
      v instanceof Uint8Array ? new TextDecoder().decode(v) : v,
    );
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain('token-1');
  });

  it('registers the device with a UUIDv7 client id and keeps it for the next sign-in', async () => {
    const { deps, db, state } = setup();
    const first = await signIn(deps, 'quality', PASSWORD);
    const second = await signIn(deps, 'quality', PASSWORD);
    if (!first.ok || !second.ok) throw new Error('sign-in failed');
    expect(isUuidv7(first.session.clientId)).toBe(true);
    expect(second.session.clientId).toBe(first.session.clientId);
    expect(state.devices.map((d) => d.clientId)).toEqual([
      first.session.clientId,
      first.session.clientId,
    ]);
    expect(state.devices[0]).toMatchObject({ deviceName: 'Workshop PC 3', token: 'token-1' });
    expect((await db.findKnownUser('quality'))?.clientId).toBe(first.session.clientId);
  });

  it("takes a fresh client id when the server says it is another user's", async () => {
    const { deps, db, state } = setup();
    const first = await signIn(deps, 'quality', PASSWORD);
    if (!first.ok) throw new Error('sign-in failed');
    state.takenClientIds.add(first.session.clientId);
    const second = await signIn(deps, 'quality', PASSWORD);
    if (!second.ok) throw new Error('sign-in failed');
    expect(second.session.clientId).not.toBe(first.session.clientId);
    expect((await db.findKnownUser('quality'))?.clientId).toBe(second.session.clientId);
  });

  it('replaces a cached user of the same name whose server id changed', async () => {
    const { deps, db, state } = setup();
    await signIn(deps, 'quality', PASSWORD);
    state.userId = '0195e4b2-9999-7000-8000-000000000009';
    await signIn(deps, 'quality', PASSWORD);
    expect(await db.knownUsers.count()).toBe(1);
    expect((await db.findKnownUser('quality'))?.userId).toBe(state.userId);
  });
});

describe('offline sign-in', () => {
  it('signs in offline with the cached password when the server is unreachable', async () => {
    const { deps, state } = setup();
    const online = await signIn(deps, 'quality', PASSWORD);
    state.reachable = false;
    const r = await signIn(deps, 'quality', PASSWORD);
    if (!online.ok || !r.ok) throw new Error('sign-in failed');
    expect(r.session).toEqual({ ...online.session, mode: 'offline' });
  });

  it('refuses a wrong password offline', async () => {
    const { deps, state } = setup();
    await signIn(deps, 'quality', PASSWORD);
    state.reachable = false;
    expect(await signIn(deps, 'quality', 'orderline-dem0')).toEqual({
      ok: false,
      error: 'offline-invalid-credentials',
    });
  });

  it('refuses a user who never signed in on this PC', async () => {
    const { deps, state } = setup();
    await signIn(deps, 'quality', PASSWORD);
    state.reachable = false;
    expect(await signIn(deps, 'finance', PASSWORD)).toEqual({
      ok: false,
      error: 'offline-unknown-user',
    });
  });

  it('refuses a cached profile whose role was edited', async () => {
    const { deps, db, state } = setup();
    await signIn(deps, 'quality', PASSWORD);
    await db.knownUsers.update(state.userId, { role: 'admin' });
    state.reachable = false;
    expect(await signIn(deps, 'quality', PASSWORD)).toMatchObject({
      ok: false,
      error: 'offline-invalid-credentials',
    });
  });

  it('does not fall back to the cache when the server refuses the password', async () => {
    const { deps } = setup();
    await signIn(deps, 'quality', PASSWORD);
    expect(await signIn(deps, 'quality', 'wrong-password')).toEqual({
      ok: false,
      error: 'invalid-credentials',
    });
  });

  it('forgets the cached password once the server no longer accepts it (reset)', async () => {
    const { deps, db, state } = setup();
    await signIn(deps, 'quality', PASSWORD);
    state.password = 'a-new-password';
    expect(await signIn(deps, 'quality', PASSWORD)).toMatchObject({
      error: 'invalid-credentials',
    });
    expect((await db.findKnownUser('quality'))?.credential).toBeNull();
    state.reachable = false;
    expect(await signIn(deps, 'quality', PASSWORD)).toMatchObject({
      error: 'offline-unknown-user',
    });
  });

  it('forgets the cached credential of a disabled user', async () => {
    const { deps, db, state } = setup();
    await signIn(deps, 'quality', PASSWORD);
    state.disabled = true;
    expect(await signIn(deps, 'quality', PASSWORD)).toMatchObject({ error: 'user-disabled' });
    expect((await db.findKnownUser('quality'))?.credential).toBeNull();
  });

  it('knows when a token has expired', () => {
    const now = new Date('2026-03-05T06:00:00Z');
    expect(isTokenExpired({ tokenExpiresAt: '2026-03-05T05:59:59Z' }, now)).toBe(true);
    expect(isTokenExpired({ tokenExpiresAt: '2026-03-05T06:00:01Z' }, now)).toBe(false);
    expect(isTokenExpired({ tokenExpiresAt: 'garbage' }, now)).toBe(true);
  });
});

describe('SessionStore', () => {
  it('runs sign-in listeners before publishing, sign-out listeners before clearing', async () => {
    const { deps, state } = setup();
    const store = new SessionStore(deps);
    const seen: string[] = [];
    store.subscribe(() => seen.push(`change:${store.getSnapshot()?.user.username ?? 'none'}`));
    store.onSignedIn((s) => {
      seen.push(`in:${s.user.username}:${store.getSnapshot() === null}`);
    });
    store.onSignedOut((s) => {
      seen.push(`out:${s.user.username}:${store.getSnapshot() !== null}`);
    });
    await store.signIn('quality', PASSWORD);
    expect(store.getSnapshot()?.mode).toBe('online');
    await store.signOut();
    expect(store.getSnapshot()).toBeNull();
    expect(seen).toEqual(['in:quality:true', 'change:quality', 'out:quality:true', 'change:none']);
    expect(state.logouts).toEqual(['token-1']);
  });

  it('does not call logout for an offline session and survives a failing listener', async () => {
    const { deps, state } = setup();
    const warn = vi.fn();
    const store = new SessionStore({ ...deps, warn });
    await store.signIn('quality', PASSWORD);
    await store.signOut();
    state.reachable = false;
    store.onSignedOut(() => {
      throw new Error('sync engine broke');
    });
    const r = await store.signIn('quality', PASSWORD);
    expect(r.ok && r.session.mode).toBe('offline');
    await store.signOut();
    expect(store.getSnapshot()).toBeNull();
    expect(state.logouts).toEqual(['token-1']);
    expect(warn).toHaveBeenCalledWith('session listener failed', expect.any(Error));
  });

  it('leaves no session behind when sign-in fails', async () => {
    const { deps } = setup();
    const store = new SessionStore(deps);
    expect((await store.signIn('quality', 'nope')).ok).toBe(false);
    expect(store.getSnapshot()).toBeNull();
  });
});
