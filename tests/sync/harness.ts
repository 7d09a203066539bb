import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { uuidv7 } from '../../src-shared/ids';
import type { Role } from '../../src-shared/roles';
import { openUserDb, type UserDb } from '../../src-renderer/db/user-db';
import { createHttpTransport } from '../../src-renderer/sync/http-transport';
import { SyncEngine } from '../../src-renderer/sync/sync-engine';
import { buildServer } from '../../src-server/app';
import { loadConfig, type Config } from '../../src-server/config';
import { openDatabase, type Db } from '../../src-server/db/database';
import { migrateToLatest } from '../../src-server/db/migrate';
import { nextVersion, putRecord } from '../../src-server/db/sync-store';
import { createTestDatabase } from '../../src-server/testing/test-database';
import { startTestServer } from '../../src-server/testing/test-server';

/**
 * The pieces of the sync simulation: a server on a SQLite file that can be stopped and started
 * again on the same file, clients made of the real engine on their own (fake) IndexedDB, and a
 * network between them that drops, duplicates, delays and reorders requests and loses answers
 * after the server committed. Everything random comes from one seeded generator, so a failing
 * seed replays.
 */

/** mulberry32: a tiny seeded PRNG; fast-check's generators are for properties, not for this. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

export interface SimUser {
  name: string;
  role: Role;
  userId: string;
  clientId: string;
  token: string;
}

export interface Template {
  dir: string;
  file: string;
  users: SimUser[];
  cleanup(): void;
}

/**
 * Builds, once per test file, a migrated SQLite database with the simulation's users signed in
 * and their devices registered; each seed starts from a copy, which spares the scrypt work.
 */
export async function buildTemplate(
  roles: { name: string; role: Role }[],
  /** Records every seed starts with (the production lines batches are planned on). */
  records: readonly { kind: string; body: { id: string } }[] = [],
): Promise<Template> {
  // SQLite whatever TEST_DATABASE_URL says: each seed starts from a copy of this file.
  const server = await startTestServer({ database: await createTestDatabase(null) });
  await server.db.transaction().execute(async (trx) => {
    const version = await nextVersion(trx);
    for (const { kind, body } of records) {
      await putRecord(trx, { kind, id: body.id, body, updatedBy: null }, version);
    }
  });
  const users: SimUser[] = [];
  for (const { name, role } of roles) {
    const user = await server.createUser(name, role);
    const { token } = await server.login(name);
    const clientId = uuidv7();
    const res = await server.request('POST', '/api/devices', {
      token,
      body: { clientId, deviceName: `${name}-pc` },
    });
    if (res.status !== 204) throw new Error(`device ${name}: ${res.status}`);
    users.push({ name, role, userId: user.id, clientId, token });
  }
  await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(server.db);
  const dir = mkdtempSync(join(tmpdir(), 'orderline-sim-template-'));
  const file = join(dir, 'template.sqlite');
  const source = server.config.database;
  if (source.engine !== 'sqlite') throw new Error('unreachable');
  copyFileSync(source.file, file);
  await server.close();
  return { dir, file, users, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export class SimServer {
  app: FastifyInstance | null = null;
  url = '';
  readonly db: Db;
  private readonly config: Config;

  constructor(readonly dir: string) {
    this.config = {
      ...loadConfig({ env: {}, argv: [] }),
      dataDir: dir,
      database: { engine: 'sqlite', file: join(dir, 'orderline.sqlite') },
      clientDir: join(dir, 'no-client'),
      logLevel: 'silent',
    };
    // The harness's own connection, to inspect the store; the server opens its own.
    this.db = openDatabase(this.config.database);
  }

  static async fromTemplate(template: Template): Promise<SimServer> {
    const dir = mkdtempSync(join(tmpdir(), 'orderline-sim-'));
    copyFileSync(template.file, join(dir, 'orderline.sqlite'));
    const server = new SimServer(dir);
    await migrateToLatest(server.db);
    await server.start();
    return server;
  }

  async start(): Promise<void> {
    const app = buildServer(this.config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    this.url = `http://127.0.0.1:${address.port}`;
    this.app = app;
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = null;
    this.url = '';
    await app?.close();
  }

  get up(): boolean {
    return this.app !== null;
  }

  async destroy(): Promise<void> {
    await this.stop();
    await this.db.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Faults {
  dropRequest: number;
  dropResponse: number;
  duplicate: number;
  maxDelayMs: number;
}

export const NO_FAULTS: Faults = { dropRequest: 0, dropResponse: 0, duplicate: 0, maxDelayMs: 0 };

/**
 * A fetch that goes to whichever server instance is up now, through a bad network. Late
 * duplicates keep travelling after their original was answered, so the server also sees an
 * old request arrive after newer ones.
 */
export class Network {
  faults: Faults = NO_FAULTS;
  private readonly stray = new Set<Promise<unknown>>();

  constructor(
    private readonly random: () => number,
    private readonly server: SimServer,
  ) {}

  private delay(): Promise<void> {
    const ms = Math.floor(this.random() * (this.faults.maxDelayMs + 1));
    return new Promise((r) => setTimeout(r, ms));
  }

  fetch: typeof fetch = async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    await this.delay();
    if (!this.server.up || this.random() < this.faults.dropRequest) {
      throw new TypeError('fetch failed (request lost)');
    }
    const target = `${this.server.url}${path}`;
    if (this.random() < this.faults.duplicate) {
      const copy = this.delay()
        .then(() => (this.server.up ? fetch(`${this.server.url}${path}`, init) : undefined))
        .then((r) => r?.text())
        .catch(() => undefined);
      this.stray.add(copy);
      void copy.finally(() => this.stray.delete(copy));
    }
    const response = await fetch(target, init);
    if (this.random() < this.faults.dropResponse) {
      await response.text(); // the server finished and committed; the answer is lost
      throw new TypeError('fetch failed (response lost)');
    }
    return response;
  };

  async quiesce(): Promise<void> {
    while (this.stray.size > 0) await Promise.all([...this.stray]);
  }
}

export class SimClient {
  engine: SyncEngine;
  readonly queued: string[] = [];

  private constructor(
    readonly user: SimUser,
    readonly db: UserDb,
    private readonly network: Network,
  ) {
    this.engine = this.makeEngine();
  }

  static async create(user: SimUser, network: Network): Promise<SimClient> {
    const db = await openUserDb(user.userId, { indexedDB: new IDBFactory(), IDBKeyRange });
    return new SimClient(user, db, network);
  }

  private makeEngine(): SyncEngine {
    const transport = createHttpTransport({
      serverUrl: 'http://sim.invalid',
      getToken: () => this.user.token,
      fetch: this.network.fetch,
    });
    return new SyncEngine(this.db, transport, {
      userId: this.user.userId,
      role: this.user.role,
      clientId: this.user.clientId,
    });
  }

  /** The PC crashed and the app started again: everything in memory is gone, the disk stays. */
  async restart(): Promise<void> {
    await this.engine.whenIdle();
    this.engine = this.makeEngine();
  }

  /** The workload picks names and arguments at random: the mutation's schema judges them. */
  async mutate(name: string, args: unknown): Promise<boolean> {
    const result = await this.engine.mutateAny(name, args);
    if (result.ok) this.queued.push(result.mutationId);
    return result.ok;
  }
}
