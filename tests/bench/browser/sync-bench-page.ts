import Dexie from 'dexie';
import { uuidv7 } from '../../../src-shared/ids';
import type { Role } from '../../../src-shared/roles';
import type { StoredRecord } from '../../../src-shared/sync/mutation';
import {
  CLIENT_SCHEMA_VERSION,
  type PullRequest,
  type PullResponse,
} from '../../../src-shared/sync/protocol';
import { openUserDb, UserDb, userDbName } from '../../../src-renderer/db/user-db';
import { createHttpTransport } from '../../../src-renderer/sync/http-transport';
import {
  pullPageSize,
  SyncEngine,
  type SyncTransport,
} from '../../../src-renderer/sync/sync-engine';

/**
 * The browser half of the sync benchmark (tests/bench/sync-bench.ts): the real UserDb,
 * SyncEngine and HTTP transport on Chromium's real IndexedDB, served same-origin with the API
 * by the bench server and driven through `window.bench` by Playwright.
 */

export interface BenchClient {
  /** The bench server, which also serves this page: same origin, no CORS. */
  serverUrl: string;
  userId: string;
  role: Role;
  clientId: string;
  token: string;
}

/** Wall time spent inside the transport, so a run can tell network + parsing from Dexie. */
interface TransportClock {
  pushMs: number;
  pullMs: number;
  pushes: number;
  pulls: number;
}

export interface PullOutcome {
  ms: number;
  stored: number;
  pages: number;
  pageSize: number;
  /**
   * Time inside transport.pull (HTTP, JSON and response validation), summed; the engine asks
   * for the next page while applying one, so it overlaps applyMs.
   */
  transportMs: number;
  /** Time inside SyncEngine.applyPage: the Dexie transactions. */
  applyMs: number;
}

export interface RawBulkPutOutcome {
  ms: number;
  stored: number;
  chunkSize: number;
  chunks: number;
}

export interface PushOutcome {
  queued: number;
  queueMs: number;
  syncMs: number;
  /** Of syncMs: time inside transport.push (the server applying the mutations). */
  pushMs: number;
  pushes: number;
  /** Of syncMs: time inside transport.pull (the acknowledgements and server rows coming back). */
  pullMs: number;
  pulls: number;
  outboxLeft: number;
  rejections: number;
  error: string | null;
}

export interface BenchApi {
  /** A fresh client's first sync: everything the server has for this user. */
  pull(client: BenchClient): Promise<PullOutcome>;
  /** Loads the server's rows into page memory (untimed), for `rawBulkPut`. */
  loadRows(client: BenchClient): Promise<number>;
  /** The ceiling: the loaded rows, bulkPut into a fresh UserDb, one transaction per chunk. */
  rawBulkPut(): Promise<RawBulkPutOutcome>;
  /** Queues `count` orders offline on the client `pull` left, then syncs until acknowledged. */
  push(client: BenchClient, count: number): Promise<PushOutcome>;
}

/** The page's global, as both the page and the Node side (page.evaluate) see it. */
export type BenchWindow = typeof globalThis & { bench: BenchApi };

function timedTransport(inner: SyncTransport, clock: TransportClock): SyncTransport {
  return {
    async push(request) {
      const t0 = performance.now();
      try {
        return await inner.push(request);
      } finally {
        clock.pushMs += performance.now() - t0;
        clock.pushes += 1;
      }
    },
    async pull(request) {
      const t0 = performance.now();
      try {
        return await inner.pull(request);
      } finally {
        clock.pullMs += performance.now() - t0;
        clock.pulls += 1;
      }
    },
  };
}

function engineFor(db: UserDb, client: BenchClient, clock: TransportClock): SyncEngine {
  const transport = createHttpTransport({
    serverUrl: client.serverUrl,
    getToken: () => client.token,
  });
  return new SyncEngine(db, timedTransport(transport, clock), {
    userId: client.userId,
    role: client.role,
    clientId: client.clientId,
  });
}

const newClock = (): TransportClock => ({ pushMs: 0, pullMs: 0, pushes: 0, pulls: 0 });

let loaded: StoredRecord[] = [];

async function pull(client: BenchClient): Promise<PullOutcome> {
  await Dexie.delete(userDbName(client.userId));
  const db = await openUserDb(client.userId);
  try {
    const clock = newClock();
    const engine = engineFor(db, client, clock);
    await engine.prepare(); // what the app does when it opens a user's database
    let applyMs = 0;
    const applyPage = engine.applyPage.bind(engine);
    engine.applyPage = async (page) => {
      const a0 = performance.now();
      try {
        await applyPage(page);
      } finally {
        applyMs += performance.now() - a0;
      }
    };
    const t0 = performance.now();
    await engine.sync();
    const ms = performance.now() - t0;
    const status = engine.getStatus();
    if (status.error) throw new Error(`pull failed: ${status.error}`);
    return {
      ms,
      stored: await db.domain('order').count(),
      pages: clock.pulls,
      pageSize: pullPageSize(0),
      transportMs: clock.pullMs,
      applyMs,
    };
  } finally {
    db.close();
  }
}

async function loadRows(client: BenchClient): Promise<number> {
  const rows: StoredRecord[] = [];
  let cursor = 0;
  let epoch: string | null = null;
  for (;;) {
    const request: PullRequest = {
      clientId: client.clientId,
      schemaVersion: CLIENT_SCHEMA_VERSION,
      cursor,
      epoch,
      ackedSeq: 0,
      limit: pullPageSize(cursor),
    };
    const response = await fetch(`${client.serverUrl}/api/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.token}` },
      body: JSON.stringify(request),
    });
    if (!response.ok) throw new Error(`pull: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as PullResponse;
    for (const c of page.changes) {
      if (c.kind === 'order' && c.body) rows.push({ ...c.body, id: c.id, _v: c.version });
    }
    cursor = page.cursor;
    epoch = page.epoch;
    if (!page.hasMore) break;
  }
  loaded = rows;
  return rows.length;
}

async function rawBulkPut(): Promise<RawBulkPutOutcome> {
  const name = 'orderline-bench-raw';
  await Dexie.delete(name);
  // The same class as a user's database: same tables, indexes and strict durability.
  const db = new UserDb(name);
  await db.open();
  try {
    const table = db.domain('order');
    const chunkSize = pullPageSize(0);
    let chunks = 0;
    const t0 = performance.now();
    for (let i = 0; i < loaded.length; i += chunkSize) {
      const chunk = loaded.slice(i, i + chunkSize);
      await db.transaction('rw', table, () => table.bulkPut(chunk));
      chunks += 1;
    }
    const ms = performance.now() - t0;
    return { ms, stored: await table.count(), chunkSize, chunks };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}

async function push(client: BenchClient, count: number): Promise<PushOutcome> {
  const db = await openUserDb(client.userId);
  try {
    const clock = newClock();
    const engine = engineFor(db, client, clock);
    await engine.prepare();
    // Offline: nothing calls sync() while the actions are queued.
    const t0 = performance.now();
    let queued = 0;
    for (let i = 0; i < count; i++) {
      const result = await engine.mutate('order.create', {
        id: uuidv7(),
        customerId: `CUST-${String(i % 500).padStart(4, '0')}`,
        channel: 'phone',
        lines: [
          { model: '18650-2600', spec: 'NMC, 2600 mAh, 3.6 V', quantity: 1000 + (i % 97) },
          { model: '21700-5000', quantity: 500 + (i % 13) },
        ],
        requestedDate: '2026-09-30',
        notes: 'Bench order queued offline on a workshop PC; pack per customer spec.',
      });
      if (!result.ok) throw new Error(`mutate refused: ${result.error}`);
      queued += 1;
    }
    const t1 = performance.now();
    await engine.sync();
    const t2 = performance.now();
    const status = engine.getStatus();
    return {
      queued,
      queueMs: t1 - t0,
      syncMs: t2 - t1,
      pushMs: clock.pushMs,
      pushes: clock.pushes,
      pullMs: clock.pullMs,
      pulls: clock.pulls,
      outboxLeft: await db.outbox.count(),
      rejections: await db.rejections.count(),
      error: status.error,
    };
  } finally {
    db.close();
  }
}

(globalThis as BenchWindow).bench = { pull, loadRows, rawBulkPut, push };
