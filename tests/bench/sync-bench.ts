import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../support/chromium';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { build } from 'vite';
import { uuidv7 } from '../../src-shared/ids';
import type { Role } from '../../src-shared/roles';
import {
  CLIENT_SCHEMA_VERSION,
  type PushRequest,
  type PushResponse,
} from '../../src-shared/sync/protocol';
import type { Db, Engine } from '../../src-server/db/database';
import { createTestDatabase } from '../../src-server/testing/test-database';
import { startTestServer, type TestServer } from '../../src-server/testing/test-server';
import {
  fmt,
  perSecond,
  ratio,
  withTeardown,
  type BenchModule,
  type BenchRow,
  type Teardown,
} from './bench-kit';
import type {
  BenchClient,
  BenchWindow,
  PullOutcome,
  RawBulkPutOutcome,
} from './browser/sync-bench-page';

/**
 * The sync benchmark of issue 4, measured in one run on this machine:
 * - initial pull: a fresh client (the real SyncEngine on Chromium's IndexedDB) takes 100,000
 *   orders from the server, against the ceiling of Dexie bulkPut of the same rows, same
 *   chunks, same schema and durability;
 * - push: 10,000 orders queued offline in the browser, then one sync until acknowledged;
 * - server: 20 clients pushing concurrently over HTTP, against plain single-row insert
 *   transactions at the same concurrency on the same database.
 * The server part also runs on PostgreSQL when BENCH_DATABASE_URL names one.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE_DIR = join(ROOT, 'tests/bench/browser');

export interface SyncBenchOptions {
  records?: number;
  /**
   * Each ceiling and each measured path runs this many times, alternating, and the best run
   * of each counts: the machine is shared (other test runs, the disk), and one slow moment
   * would otherwise decide a ratio.
   */
  rounds?: number;
  browserMutations?: number;
  serverClients?: number;
  serverBatch?: number;
  serverMutations?: number;
  /** PostgreSQL server to run the server part on as well (BENCH_DATABASE_URL). */
  postgresUrl?: string | null;
  log?: (line: string) => void;
}

export const PULL_TARGET = 0.6;
export const SERVER_TARGET = 0.3;

export interface ServerBenchResult {
  engine: Engine;
  clients: number;
  batchSize: number;
  mutations: number;
  pushMs: number;
  pushPerSec: number;
  /** Every round's time; the best one is pushMs. */
  pushSamplesMs: number[];
  rawInserts: number;
  rawInsertMs: number;
  rawInsertSamplesMs: number[];
  rawInsertPerSec: number;
  ratioToRawInsert: number;
  target: string;
  met: boolean;
}

export interface SyncBenchResult {
  name: 'sync';
  timestamp: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    platform: string;
    node: string;
    chromium: string;
    database: Engine;
    /**
     * One-minute load average when the run started and ended: other work on the machine
     * (test suites of others) slows both sides of a ratio, but not always alike.
     */
    loadAverage: { start: number; end: number };
  };
  seed: { records: number; avgBodyBytes: number; seedMs: number };
  rounds: number;
  initialPull: {
    rows: number;
    stored: number;
    ms: number;
    rowsPerSec: number;
    pageSize: number;
    pages: number;
    /** Inside the transport (HTTP, JSON parse, response check), overlapping applyMs. */
    transportMs: number;
    /** Inside SyncEngine.applyPage: the Dexie transactions. */
    applyMs: number;
    samplesMs: number[];
    ratioToRawBulkPut: number;
    target: string;
    met: boolean;
  };
  rawBulkPut: {
    rows: number;
    ms: number;
    rowsPerSec: number;
    chunkSize: number;
    chunks: number;
    samplesMs: number[];
  };
  push: {
    mutations: number;
    queueMs: number;
    queuePerSec: number;
    syncMs: number;
    mutationsPerSec: number;
    /** Of syncMs: inside transport.push (server applying) and transport.pull (the answers). */
    pushHttpMs: number;
    pullHttpMs: number;
  };
  server: ServerBenchResult;
  serverPostgres?: ServerBenchResult;
}

const CHANNELS = ['phone', 'email', 'portal', 'in-person'] as const;
const STATES = ['received', 'under_review', 'reviewed', 'sales_confirmed', 'accepted'] as const;

/**
 * A stored order as order.create writes it once the server numbered it: about 600 bytes of
 * JSON, most of it the UUIDs of the creator and the PC in its history entry.
 */
function orderBody(i: number, userId: string, clientId: string): Record<string, unknown> {
  const at = new Date(Date.UTC(2026, 0, 5) + i * 60_000).toISOString();
  return {
    id: uuidv7(Date.UTC(2026, 0, 5) + i * 60_000),
    number: `SO-2026-${String(i + 1).padStart(6, '0')}`,
    numberProvisional: false,
    customerId: `CUST-${String(i % 500).padStart(4, '0')}`,
    channel: CHANNELS[i % CHANNELS.length],
    state: STATES[i % STATES.length],
    lines: [{ model: '18650-2600', spec: 'NMC 2600 mAh', quantity: 1000 + (i % 997) }],
    models: ['18650-2600'],
    requestedDate: '2026-09-30',
    history: [
      { from: null, to: 'received', by: userId, byName: 'Li Na', clientId, clientTime: at, at },
    ],
    createdBy: userId,
    createdAt: at,
  };
}

/** Writes `count` orders straight into `records`, versions 1..count, in big transactions. */
async function seedRecords(db: Db, count: number, userId: string, clientId: string) {
  const CHUNK = 20_000;
  const ROWS_PER_INSERT = 500;
  let bytes = 0;
  for (let start = 0; start < count; start += CHUNK) {
    await db.transaction().execute(async (trx) => {
      const end = Math.min(count, start + CHUNK);
      for (let i = start; i < end; i += ROWS_PER_INSERT) {
        const rows = [];
        for (let j = i; j < Math.min(end, i + ROWS_PER_INSERT); j++) {
          const body = orderBody(j, userId, clientId);
          const text = JSON.stringify(body);
          bytes += text.length;
          rows.push({
            kind: 'order',
            id: body.id as string,
            version: j + 1,
            body: text,
            deleted: 0,
            updated_by: userId,
            updated_at: body.createdAt as string,
            audience: null,
          });
        }
        await trx.insertInto('records').values(rows).execute();
      }
    });
  }
  await db.updateTable('sync_state').set({ version: count }).where('id', '=', 1).execute();
  return { avgBodyBytes: Math.round(bytes / count) };
}

async function registerDevice(server: TestServer, token: string, name: string): Promise<string> {
  const clientId = uuidv7();
  const res = await server.request('POST', '/api/devices', {
    token,
    body: { clientId, deviceName: name },
  });
  if (res.status !== 204) throw new Error(`register ${name}: ${res.status}`);
  return clientId;
}

async function signIn(server: TestServer, username: string, role: Role) {
  const user = await server.createUser(username, role);
  const { token } = await server.login(username);
  return { userId: user.id, token };
}

function orderArgs(i: number) {
  return {
    id: uuidv7(),
    customerId: `CUST-${String(i % 500).padStart(4, '0')}`,
    channel: CHANNELS[i % CHANNELS.length],
    lines: [
      { model: '18650-2600', spec: 'NMC, 2600 mAh, 3.6 V', quantity: 1000 + (i % 97) },
      { model: '21700-5000', quantity: 500 + (i % 13) },
    ],
    requestedDate: '2026-09-30',
    notes: 'Bench order pushed by one of twenty PCs; pack per customer spec.',
  };
}

/** One client's push bodies, built before the clock starts: the server is what is measured. */
function pushBodies(clientId: string, mutations: number, batch: number, offset: number) {
  const bodies: string[] = [];
  for (let seq = 1; seq <= mutations; seq += batch) {
    const request: PushRequest = {
      clientId,
      schemaVersion: CLIENT_SCHEMA_VERSION,
      mutations: [],
    };
    for (let s = seq; s < Math.min(mutations + 1, seq + batch); s++) {
      request.mutations.push({
        seq: s,
        mutationId: uuidv7(),
        name: 'order.create',
        args: orderArgs(offset + s),
        clientTime: new Date().toISOString(),
      });
    }
    bodies.push(JSON.stringify(request));
  }
  return bodies;
}

async function postPush(url: string, token: string, body: string): Promise<PushResponse> {
  const res = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const json = (await res.json()) as PushResponse;
  if (res.status !== 200) throw new Error(`push: ${res.status} ${JSON.stringify(json)}`);
  if (json.stopped) throw new Error(`push stopped: ${json.stopped}`);
  const refused = json.results.find((r) => r.status !== 'applied');
  if (refused) throw new Error(`push refused: ${JSON.stringify(refused)}`);
  return json;
}

/**
 * `clients` devices push `mutations` orders in all, in batches, all at once over HTTP; then
 * the ceiling: the same number of single-row insert transactions of a similar body, at the
 * same concurrency, on the same database through the server's own handle. `rounds` times
 * each, alternating, fresh devices every round; the best of each counts.
 */
async function serverBench(
  server: TestServer,
  options: { clients: number; batch: number; mutations: number; rounds: number },
  log: (line: string) => void,
): Promise<ServerBenchResult> {
  const { clients, batch, mutations, rounds } = options;
  const perClient = Math.ceil(mutations / clients);
  const total = clients * perClient;
  const { token } = await signIn(server, `push-bench`, 'order-desk');
  const devices = async (n: number) => {
    const ids: string[] = [];
    for (let c = 0; c < n; c++) ids.push(await registerDevice(server, token, `pc-${c}`));
    return ids;
  };

  await sql`create table bench_raw_insert (id text primary key, body text not null)`.execute(
    server.db,
  );
  try {
    const body = JSON.stringify(orderBody(0, uuidv7(), uuidv7()));
    const insertOne = (id: string) =>
      server.db
        .transaction()
        .execute((trx) =>
          sql`insert into bench_raw_insert (id, body) values (${id}, ${body})`.execute(trx),
        );

    // Warm-up (JIT, statement caches) outside the timing, on a device of its own.
    const [warm] = await devices(1);
    for (const b of pushBodies(warm!, 100, batch, 0)) await postPush(server.url, token, b);
    for (let i = 0; i < 100; i++) await insertOne(uuidv7());

    const pushSamples: number[] = [];
    const rawSamples: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const work = (await devices(clients)).map((id, c) =>
        pushBodies(id, perClient, batch, c * perClient),
      );
      log(`server (${server.engine}) ${round}/${rounds}: ${clients} clients push ${total}`);
      const t0 = performance.now();
      await Promise.all(
        work.map(async (bodies) => {
          for (const b of bodies) await postPush(server.url, token, b);
        }),
      );
      pushSamples.push(performance.now() - t0);

      const ids = Array.from({ length: clients }, () =>
        Array.from({ length: perClient }, () => uuidv7()),
      );
      log(`server (${server.engine}) ${round}/${rounds}: ${clients} workers insert ${total}`);
      const t1 = performance.now();
      await Promise.all(
        ids.map(async (list) => {
          for (const id of list) await insertOne(id);
        }),
      );
      rawSamples.push(performance.now() - t1);
    }

    const pushMs = Math.min(...pushSamples);
    const rawInsertMs = Math.min(...rawSamples);
    const pushPerSec = perSecond(total, pushMs);
    const rawInsertPerSec = perSecond(total, rawInsertMs);
    const ratioToRawInsert = ratio(pushPerSec, rawInsertPerSec);
    return {
      engine: server.engine,
      clients,
      batchSize: batch,
      mutations: total,
      pushMs: Math.round(pushMs),
      pushPerSec,
      pushSamplesMs: pushSamples.map(Math.round),
      rawInserts: total,
      rawInsertMs: Math.round(rawInsertMs),
      rawInsertSamplesMs: rawSamples.map(Math.round),
      rawInsertPerSec,
      ratioToRawInsert,
      target: `>= ${SERVER_TARGET}`,
      met: ratioToRawInsert >= SERVER_TARGET,
    };
  } finally {
    await sql`drop table bench_raw_insert`.execute(server.db);
  }
}

function best<T extends { ms: number }>(runs: T[]): T {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

/** Serves the built bench page at /bench/, same origin as the API. */
function benchPagePlugin(dir: string) {
  return async (app: FastifyInstance) => {
    await app.register(fastifyStatic, { root: dir, prefix: '/bench/', decorateReply: false });
  };
}

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    envDir: false,
    root: PAGE_DIR,
    base: '/bench/',
    publicDir: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
}

async function launchBrowser(teardown: Teardown): Promise<Browser> {
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args] });
  teardown.defer('close browser', () => browser.close());
  return browser;
}

async function openBenchPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`bench page: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`bench page: ${message.text()}`);
  });
  await page.goto(`${url}/bench/`);
  await page.waitForFunction(() => 'bench' in globalThis);
  return page;
}

export async function runSyncBench(options: SyncBenchOptions = {}): Promise<SyncBenchResult> {
  const records = options.records ?? 100_000;
  const rounds = options.rounds ?? 2;
  const browserMutations = options.browserMutations ?? 10_000;
  const serverOptions = {
    clients: options.serverClients ?? 20,
    batch: options.serverBatch ?? 50,
    mutations: options.serverMutations ?? 5_000,
    rounds,
  };
  const postgresUrl =
    options.postgresUrl === undefined
      ? process.env.BENCH_DATABASE_URL || null
      : options.postgresUrl;
  const log = options.log ?? ((line: string) => console.error(line));
  const loadAtStart = loadavg()[0] ?? 0;

  return withTeardown(async (teardown) => {
    const pageDir = mkdtempSync(join(tmpdir(), 'orderline-bench-page-'));
    teardown.defer('remove page build', () => rmSync(pageDir, { recursive: true, force: true }));
    log('building the bench page (vite)');
    await buildPage(pageDir);

    const server = await startTestServer({
      database: await createTestDatabase(null),
      plugins: [benchPagePlugin(pageDir)],
    });
    teardown.defer('stop server', () => server.close());

    const { userId, token } = await signIn(server, 'pull-bench', 'order-desk');
    const clientId = await registerDevice(server, token, 'bench-browser');
    const client: BenchClient = {
      serverUrl: server.url,
      userId,
      role: 'order-desk',
      clientId,
      token,
    };

    log(`seeding ${fmt.int(records)} orders into ${server.engine}`);
    const s0 = performance.now();
    const { avgBodyBytes } = await seedRecords(server.db, records, userId, clientId);
    const seedMs = performance.now() - s0;

    log('launching Chromium');
    const browser = await launchBrowser(teardown);
    const page = await openBenchPage(browser, server.url);

    log('loading the same rows into the page for the bulkPut ceiling (untimed)');
    const loaded = await page.evaluate(
      (c) => (globalThis as BenchWindow).bench.loadRows(c),
      client,
    );
    if (loaded !== records) throw new Error(`loaded ${loaded} rows, expected ${records}`);
    const raws: RawBulkPutOutcome[] = [];
    const pulls: PullOutcome[] = [];
    for (let round = 1; round <= rounds; round++) {
      log(`${round}/${rounds}: raw Dexie bulkPut of ${fmt.int(records)} rows`);
      const raw = await page.evaluate(() => (globalThis as BenchWindow).bench.rawBulkPut());
      if (raw.stored !== records) throw new Error(`bulkPut stored ${raw.stored}, not ${records}`);
      raws.push(raw);

      log(`${round}/${rounds}: initial pull of ${fmt.int(records)} rows by a fresh client`);
      const pulled = await page.evaluate((c) => (globalThis as BenchWindow).bench.pull(c), client);
      if (pulled.stored !== records) {
        throw new Error(`initial pull stored ${pulled.stored} orders, expected ${records}`);
      }
      pulls.push(pulled);
    }
    const raw = best(raws);
    const pulled = best(pulls);

    log(`queueing ${fmt.int(browserMutations)} orders offline, then one sync`);
    const pushed = await page.evaluate(([c, n]) => (globalThis as BenchWindow).bench.push(c, n), [
      client,
      browserMutations,
    ] as const);
    if (pushed.error || pushed.outboxLeft !== 0 || pushed.rejections !== 0) {
      throw new Error(`browser push did not settle: ${JSON.stringify(pushed)}`);
    }
    const chromiumVersion = browser.version();
    // The browser competes for the same cores: down before the server part.
    await browser.close();

    const serverResult = await serverBench(server, serverOptions, log);
    let serverPostgres: ServerBenchResult | undefined;
    if (postgresUrl) {
      log('starting a server on PostgreSQL (BENCH_DATABASE_URL)');
      const pgServer = await startTestServer({ database: await createTestDatabase(postgresUrl) });
      teardown.defer('stop PostgreSQL server', () => pgServer.close());
      serverPostgres = await serverBench(pgServer, serverOptions, log);
    }

    const pullRate = perSecond(records, pulled.ms);
    const rawRate = perSecond(records, raw.ms);
    const pullRatio = ratio(pullRate, rawRate);
    return {
      name: 'sync',
      timestamp: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(totalmem() / 2 ** 30),
        platform: `${process.platform} ${process.arch}`,
        node: process.version,
        chromium: chromiumVersion,
        database: server.engine,
        loadAverage: {
          start: Math.round(loadAtStart * 100) / 100,
          end: Math.round((loadavg()[0] ?? 0) * 100) / 100,
        },
      },
      seed: { records, avgBodyBytes, seedMs: Math.round(seedMs) },
      rounds,
      initialPull: {
        rows: records,
        stored: pulled.stored,
        ms: Math.round(pulled.ms),
        rowsPerSec: pullRate,
        pageSize: pulled.pageSize,
        pages: pulled.pages,
        transportMs: Math.round(pulled.transportMs),
        applyMs: Math.round(pulled.applyMs),
        samplesMs: pulls.map((p) => Math.round(p.ms)),
        ratioToRawBulkPut: pullRatio,
        target: `>= ${PULL_TARGET}`,
        met: pullRatio >= PULL_TARGET,
      },
      rawBulkPut: {
        rows: raw.stored,
        ms: Math.round(raw.ms),
        rowsPerSec: rawRate,
        chunkSize: raw.chunkSize,
        chunks: raw.chunks,
        samplesMs: raws.map((r) => Math.round(r.ms)),
      },
      push: {
        mutations: pushed.queued,
        queueMs: Math.round(pushed.queueMs),
        queuePerSec: perSecond(pushed.queued, pushed.queueMs),
        syncMs: Math.round(pushed.syncMs),
        mutationsPerSec: perSecond(pushed.queued, pushed.syncMs),
        pushHttpMs: Math.round(pushed.pushMs),
        pullHttpMs: Math.round(pushed.pullMs),
      },
      server: serverResult,
      ...(serverPostgres ? { serverPostgres } : {}),
    };
  });
}

function serverRows(s: ServerBenchResult): BenchRow[] {
  const group = `server ${s.engine}`;
  return [
    {
      group,
      metric: `push, ${s.clients} clients x ${s.batchSize}/batch`,
      value: fmt.rate(s.pushPerSec, 'mut'),
    },
    {
      group,
      metric: `raw 1-row txns, ${s.clients} workers`,
      value: fmt.rate(s.rawInsertPerSec, 'txn'),
    },
    {
      group,
      metric: 'ratio push / raw insert',
      value: s.ratioToRawInsert.toFixed(3),
      target: s.target,
      met: s.met,
    },
  ];
}

export function syncRows(r: SyncBenchResult): BenchRow[] {
  const p = r.initialPull;
  const n = fmt.int(r.push.mutations);
  return [
    {
      group: 'seed',
      metric: `${fmt.int(r.seed.records)} orders, best of ${r.rounds} runs`,
      value: `${r.seed.avgBodyBytes} B/body`,
    },
    {
      group: 'raw bulkPut',
      metric: `time, chunks of ${fmt.int(r.rawBulkPut.chunkSize)}`,
      value: fmt.ms(r.rawBulkPut.ms),
    },
    { group: 'raw bulkPut', metric: 'rate', value: fmt.rate(r.rawBulkPut.rowsPerSec, 'rows') },
    { group: 'initial pull', metric: 'rows stored', value: fmt.int(p.stored) },
    {
      group: 'initial pull',
      metric: `time, ${p.pages} pages of ${fmt.int(p.pageSize)}`,
      value: fmt.ms(p.ms),
    },
    { group: 'initial pull', metric: 'of which applying (Dexie)', value: fmt.ms(p.applyMs) },
    { group: 'initial pull', metric: 'rate', value: fmt.rate(p.rowsPerSec, 'rows') },
    {
      group: 'initial pull',
      metric: 'ratio pull / raw bulkPut',
      value: p.ratioToRawBulkPut.toFixed(3),
      target: p.target,
      met: p.met,
    },
    { group: 'browser push', metric: `queue ${n} orders offline`, value: fmt.ms(r.push.queueMs) },
    { group: 'browser push', metric: 'sync until outbox empty', value: fmt.ms(r.push.syncMs) },
    { group: 'browser push', metric: 'of which push requests', value: fmt.ms(r.push.pushHttpMs) },
    { group: 'browser push', metric: 'rate', value: fmt.rate(r.push.mutationsPerSec, 'mut') },
    ...serverRows(r.server),
    ...(r.serverPostgres ? serverRows(r.serverPostgres) : []),
    {
      group: 'machine',
      metric: `${r.machine.cpus} cpus, node ${r.machine.node}`,
      value: `chromium ${r.machine.chromium}`,
    },
    {
      group: 'machine',
      metric: 'load average at start / end',
      value: `${r.machine.loadAverage.start} / ${r.machine.loadAverage.end}`,
    },
  ];
}

export const syncBench: BenchModule = {
  name: 'sync',
  async run(log) {
    const result = await runSyncBench({ log });
    return { result, rows: syncRows(result) };
  },
};
