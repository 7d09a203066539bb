import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requireClient } from '../auth/devices';
import { hashToken } from '../auth/tokens';
import { parseInput } from '../http/errors';
import { testEngine } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';

describe(`device registration and clientId ownership (${testEngine()})`, () => {
  let server: TestServer;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    server = await startTestServer({
      plugins: [
        // Stands in for a sync route: it calls requireClient exactly as push and pull will.
        (app) => {
          app.post('/api/test/sync-probe', { config: { access: 'session' } }, async (request) => {
            const { clientId } = parseInput(
              z.object({ clientId: z.uuid() }).strict(),
              request.body,
            );
            const device = await requireClient(request, clientId);
            return { clientId: device.client_id, lastSeq: device.last_seq };
          });
        },
      ],
    });
    await server.createUser('alice', 'quality');
    await server.createUser('bob', 'warehouse');
    alice = (await server.login('alice')).token;
    bob = (await server.login('bob')).token;
  });
  afterAll(() => server?.close());

  const register = (token: string, clientId: string, deviceName = 'QC-PC-03') =>
    server.request('POST', '/api/devices', { token, body: { clientId, deviceName } });
  const device = (clientId: string) =>
    server.db
      .selectFrom('devices')
      .selectAll()
      .where('client_id', '=', clientId)
      .executeTakeFirst();

  it('binds a new clientId to the signed-in user, audited, and to the session', async () => {
    const clientId = randomUUID();
    const res = await register(alice, clientId);
    expect(res.status).toBe(204);
    const row = await device(clientId);
    expect(row).toMatchObject({ device_name: 'QC-PC-03', last_seq: 0 });
    const audit = await server.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'device.registered')
      .where('client_id', '=', clientId)
      .execute();
    expect(audit).toHaveLength(1);
    const session = await server.db
      .selectFrom('sessions')
      .select('client_id')
      .where('token_hash', '=', hashToken(alice))
      .executeTakeFirstOrThrow();
    expect(session.client_id).toBe(clientId);
  });

  it('lets the same user register again, updating last seen and the name', async () => {
    const clientId = randomUUID();
    await register(alice, clientId);
    const first = await device(clientId);
    await new Promise((r) => setTimeout(r, 5));
    expect((await register(alice, clientId, 'QC-PC-03 (line 2)')).status).toBe(204);
    const second = await device(clientId);
    expect(second!.last_seen_at > first!.last_seen_at).toBe(true);
    expect(second!.device_name).toBe('QC-PC-03 (line 2)');
    expect(second!.registered_at).toBe(first!.registered_at);
  });

  it("refuses another user's clientId with 409 client-id-taken and leaves it bound", async () => {
    const clientId = randomUUID();
    await register(alice, clientId);
    const res = await register(bob, clientId, 'WH-SCANNER');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'client-id-taken' });
    const row = await device(clientId);
    expect(row?.device_name).toBe('QC-PC-03');
    const users = await server.db.selectFrom('users').select(['id', 'username']).execute();
    expect(users.find((u) => u.id === row?.user_id)?.username).toBe('alice');
  });

  it("refuses use of another user's clientId with 403, and of an unregistered one", async () => {
    const clientId = randomUUID();
    await register(alice, clientId);

    const own = await server.request('POST', '/api/test/sync-probe', {
      token: alice,
      body: { clientId },
    });
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ clientId, lastSeq: 0 });

    const spoofed = await server.request('POST', '/api/test/sync-probe', {
      token: bob,
      body: { clientId },
    });
    expect(spoofed.status).toBe(403);
    expect(spoofed.body).toMatchObject({ code: 'forbidden' });

    const unknown = await server.request('POST', '/api/test/sync-probe', {
      token: bob,
      body: { clientId: randomUUID() },
    });
    expect(unknown.status).toBe(403);
    expect(unknown.body).toMatchObject({ code: 'unknown-client' });
  });

  it('gives a clientId to exactly one of two users registering it at once', async () => {
    const clientId = randomUUID();
    const answers = await Promise.all([register(alice, clientId), register(bob, clientId)]);
    expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
  });

  it('validates the body', async () => {
    for (const body of [
      { clientId: 'pc-1', deviceName: 'x' },
      { clientId: randomUUID(), deviceName: '' },
      { clientId: randomUUID(), deviceName: 'x', userId: 'someone-else' },
    ]) {
      const res = await server.request('POST', '/api/devices', { token: alice, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid-input' });
    }
  });
});
