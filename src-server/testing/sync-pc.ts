import { randomUUID } from 'node:crypto';
import { uuidv7 } from '../../src-shared/ids';
import type { Role } from '../../src-shared/roles';
import {
  CLIENT_SCHEMA_VERSION,
  type MutationResult,
  type PullResponse,
  type PushResponse,
  type RecordChange,
} from '../../src-shared/sync/protocol';
import { DEMO_PASSWORD } from '../demo-data';
import type { TestServer } from './test-server';

/**
 * A PC signed in as one of the demo users (username = role, seeded by seedDemoData) with a
 * registered client id, pushing mutations one by one and pulling everything over real HTTP,
 * for server suites that check what the server decides.
 */
export interface SyncPc {
  role: Role;
  token: string;
  clientId: string;
  push(name: string, args: unknown): Promise<MutationResult>;
  /** Every record the role can read, by `kind/id`. */
  pullAll(): Promise<Map<string, RecordChange>>;
}

/**
 * `as`: another user of that role than the demo one (say a second planner made with
 * `server.createUser`), signed in with their own password.
 */
export async function signInPc(
  server: TestServer,
  role: Role,
  as?: { username: string; password: string },
): Promise<SyncPc> {
  const token = (await server.login(as?.username ?? role, as?.password ?? DEMO_PASSWORD)).token;
  const clientId = randomUUID();
  const res = await server.request('POST', '/api/devices', {
    token,
    body: { clientId, deviceName: `${as?.username ?? role}-pc` },
  });
  if (res.status !== 204) throw new Error(`device registration: ${res.status}`);
  let seq = 0;
  return {
    role,
    token,
    clientId,
    async push(name, args) {
      const pushed = await server.request<PushResponse>('POST', '/api/sync/push', {
        token,
        body: {
          clientId,
          schemaVersion: CLIENT_SCHEMA_VERSION,
          mutations: [
            { seq: ++seq, mutationId: uuidv7(), name, args, clientTime: new Date().toISOString() },
          ],
        },
      });
      if (pushed.status !== 200) throw new Error(`push ${name}: ${pushed.status}`);
      return pushed.body.results[0]!;
    },
    async pullAll() {
      const out = new Map<string, RecordChange>();
      let cursor = 0;
      let epoch: string | null = null;
      for (;;) {
        const pulled: { status: number; body: PullResponse } = await server.request<PullResponse>(
          'POST',
          '/api/sync/pull',
          {
            token,
            body: {
              clientId,
              schemaVersion: CLIENT_SCHEMA_VERSION,
              cursor,
              epoch,
              ackedSeq: 0,
              limit: 10_000,
            },
          },
        );
        if (pulled.status !== 200) throw new Error(`pull: ${pulled.status}`);
        for (const c of pulled.body.changes) out.set(`${c.kind}/${c.id}`, c);
        cursor = pulled.body.cursor;
        epoch = pulled.body.epoch;
        if (!pulled.body.hasMore) return out;
      }
    },
  };
}
