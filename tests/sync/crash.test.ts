import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-shared/ids';
import { openUserDb, type UserDb } from '../../src-renderer/db/user-db';
import { createHttpTransport } from '../../src-renderer/sync/http-transport';
import { SyncEngine } from '../../src-renderer/sync/sync-engine';
import { verifyAudit } from '../../src-server/audit/audit-log';
import { openDatabase } from '../../src-server/db/database';
import { rng } from './harness';

/**
 * The crash test of issue 4: a real server process is killed with SIGKILL in the middle of
 * pushes, again and again, and started again on the same SQLite file. Afterwards every action
 * the client queued was applied exactly once — none lost, none doubled — and the audit chain
 * is whole.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const KILLS = Number(process.env.CRASH_KILLS ?? 8);
const ORDERS = 240;

let dataDir: string;
let port: number;
let child: ChildProcess | null = null;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ORDERLINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  };
  delete env.DATABASE_URL;
  child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not start');
}

async function kill(): Promise<void> {
  const c = child;
  child = null;
  if (!c || c.exitCode !== null) return;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orderline-crash-'));
  port = await freePort();
  await startServer();
}, 60_000);

afterAll(async () => {
  await kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('server killed with SIGKILL mid-push', () => {
  it(`loses and doubles nothing over ${KILLS} kills`, async () => {
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'order-desk', password: 'orderline-demo' }),
    });
    expect(login.status).toBe(200);
    const { token, user } = (await login.json()) as { token: string; user: { id: string } };
    const clientId = uuidv7();
    const reg = await fetch(`${base}/api/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId, deviceName: 'crash-pc' }),
    });
    expect(reg.status).toBe(204);

    const db: UserDb = await openUserDb(user.id, { indexedDB: new IDBFactory(), IDBKeyRange });
    const engine = new SyncEngine(
      db,
      createHttpTransport({ serverUrl: base, getToken: () => token }),
      { userId: user.id, role: 'order-desk', clientId },
    );
    const queued: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const r = await engine.mutate('order.create', {
        id: uuidv7(),
        customerId: 'c-demo',
        channel: 'phone',
        lines: [{ model: '18650-2600', quantity: i + 1 }],
      });
      if (r.ok) queued.push(r.mutationId);
    }
    expect(queued).toHaveLength(ORDERS);

    const random = rng(42);
    const file = join(dataDir, 'orderline.sqlite');
    const seqAtKill: number[] = [];
    // A fresh server process answers its first pushes slowly (modules load, statements are
    // prepared): a kill that came before anything landed waits longer the next time, so the
    // kills do fall inside pushes on a busy machine too.
    let patience = 0;
    for (let k = 0; k < KILLS; k++) {
      const syncing = engine.sync();
      // Somewhere inside the push: the batch of mutations is being applied one by one.
      await new Promise((r) => setTimeout(r, 5 + patience + Math.floor(random() * 40)));
      await kill();
      await syncing;
      const look = openDatabase({ engine: 'sqlite', file });
      const device = await look
        .selectFrom('devices')
        .select('last_seq')
        .where('client_id', '=', clientId)
        .executeTakeFirstOrThrow();
      if (device.last_seq === (seqAtKill[seqAtKill.length - 1] ?? 0)) patience += 60;
      seqAtKill.push(device.last_seq);
      await look.destroy();
      await startServer();
    }
    // The kills really fell inside pushes: the server had taken some of the batch, not all.
    expect(seqAtKill.some((s) => s > 0 && s < ORDERS)).toBe(true);
    for (let i = 0; i < 5 && (await db.outbox.count()) > 0; i++) await engine.sync();
    await engine.sync();
    expect(await db.outbox.count()).toBe(0);

    await kill();
    const server = openDatabase({ engine: 'sqlite', file: join(dataDir, 'orderline.sqlite') });
    try {
      const rows = await server
        .selectFrom('mutations')
        .select(['mutation_id', 'result'])
        .where('client_id', '=', clientId)
        .execute();
      expect(rows.map((r) => r.mutation_id).sort()).toEqual([...queued].sort());
      expect(
        rows.every((r) => (JSON.parse(r.result) as { status: string }).status === 'applied'),
      ).toBe(true);
      const orders = await server
        .selectFrom('records')
        .select('body')
        .where('kind', '=', 'order')
        .execute();
      expect(orders).toHaveLength(ORDERS);
      const numbers = orders.map((o) => (JSON.parse(o.body) as { number: string }).number).sort();
      expect(new Set(numbers).size).toBe(ORDERS);
      // Gap-free: a number taken by a push that died with the process was rolled back with it.
      expect(numbers[ORDERS - 1]).toMatch(new RegExp(`-${String(ORDERS).padStart(6, '0')}$`));
      expect((await verifyAudit(server)).ok).toBe(true);
      expect(await db.domain('order').count()).toBe(ORDERS);
      expect((await db.domain('order').toArray()).every((o) => o.numberProvisional === false)).toBe(
        true,
      );
    } finally {
      await server.destroy();
      db.close();
      await startServer();
    }
  }, 180_000);
});
