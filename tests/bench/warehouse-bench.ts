import { randomUUID } from 'node:crypto';
import { uuidv7 } from '../../src-shared/ids';
import type { PushResponse } from '../../src-shared/sync/protocol';
import { nextVersion, putRecord } from '../../src-server/db/sync-store';
import { DEMO_PASSWORD } from '../../src-server/demo-data';
import { DEMO_CARRIERS } from '../../src-server/demo-warehouse';
import { seedDemoData } from '../../src-server/seed';
import { startTestServer } from '../../src-server/testing/test-server';
import { fmt, withTeardown, type BenchModule, type BenchRow } from './bench-kit';

/**
 * The warehouse benchmark of issue 8, on the real server (embedded SQLite, WAL,
 * synchronous=FULL) through the real push path: 5,000 cartons scanned one push each into one
 * shipment (each scan checked, stored and committed before the answer), then the 5,000-carton
 * shipment confirmed in one push. Targets: scan p95 under 20 ms, confirm under 2 s. Then
 * cartons packed one push each into a batch that has 500 cartons (a large cell batch: 100,000
 * cells at 200 a carton) and into the 5,000-carton one: every pack sums what its batch already
 * has packed (issue 12), so its time grows with the batch. Target at 500: under 20 ms.
 */

export const SCAN_TARGET_MS = 20;
export const CONFIRM_TARGET_MS = 2000;
/** Packing is a station action like a scan: the same answer time. */
export const PACK_TARGET_MS = 20;
const PACKS = 100;
const SMALL_BATCH_CARTONS = 500;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
const round = (n: number) => Math.round(n * 100) / 100;

export async function runWarehouseBench(cartons: number, log: (line: string) => void) {
  return withTeardown(async (teardown) => {
    const server = await startTestServer();
    teardown.defer('stop server', () => server.close());
    await seedDemoData(server.db);
    const token = (await server.login('warehouse', DEMO_PASSWORD)).token;
    const clientId = randomUUID();
    const reg = await server.request('POST', '/api/devices', {
      token,
      body: { clientId, deviceName: 'WH-BENCH' },
    });
    if (reg.status !== 204) throw new Error(`device registration: ${reg.status}`);
    let seq = 0;
    const push = async (name: string, args: unknown) => {
      const res = await server.request<PushResponse>('POST', '/api/sync/push', {
        token,
        body: {
          clientId,
          schemaVersion: 2,
          mutations: [
            { seq: ++seq, mutationId: uuidv7(), name, args, clientTime: new Date().toISOString() },
          ],
        },
      });
      const result = res.body.results[0];
      if (res.status !== 200 || result?.status !== 'applied') {
        throw new Error(`${name} not applied: ${JSON.stringify(res.body)}`);
      }
    };

    log(`packing ${fmt.int(cartons)} cartons (untimed, written directly)`);
    const orderId = uuidv7();
    const model = 'CELL-18650-NMC-2600';
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      const put = (kind: string, body: { id: string; [field: string]: unknown }) =>
        putRecord(trx, { kind, id: body.id, body, updatedBy: 'bench' }, version);
      await put('order', {
        id: orderId,
        number: 'SO-BENCH-1',
        customerId: 'none',
        state: 'ready_to_ship',
        lines: [{ model, quantity: cartons * 100 }],
        history: [],
      });
      const batch = async (id: string, packed: number, prefix: string) => {
        await put('batch', {
          id,
          number: id.toUpperCase(),
          model,
          quantity: packed * 100,
          orderId,
          // Completed with its output reported: what packing is allowed against.
          state: 'done',
          good: (packed + PACKS) * 100,
          doneAt: new Date().toISOString(),
          quality: {
            lots: [{ id: 'l', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
            ncrs: [],
          },
        });
        for (let i = 0; i < packed; i++) {
          const code = `${prefix}${String(i).padStart(6, '0')}`;
          await put('carton', {
            id: code,
            code,
            kind: 'carton',
            batchId: id,
            orderId,
            model,
            quantity: 100,
            packedBy: 'bench',
            packedAt: new Date().toISOString(),
          });
        }
      };
      await batch('bench-batch', cartons, 'BENCH-');
      await batch('bench-batch-small', SMALL_BATCH_CARTONS, 'BENCH-S-');
    });
    const shipmentId = uuidv7();
    await push('shipment.create', {
      id: shipmentId,
      orderId,
      lines: [{ model, quantity: cartons * 100 }],
      mode: 'road',
    });

    log(`scanning ${fmt.int(cartons)} cartons, one push each`);
    const times: number[] = [];
    for (let i = 0; i < cartons; i++) {
      const code = `BENCH-${String(i).padStart(6, '0')}`;
      const t = performance.now();
      await push('shipment.scan', { scanId: uuidv7(), shipmentId, code });
      times.push(performance.now() - t);
      if ((i + 1) % 1000 === 0) log(`  ${fmt.int(i + 1)} scanned`);
    }
    log('confirming the shipment');
    // A listed carrier that takes any number: a name typed by hand needs the plant's consent.
    const carrier = DEMO_CARRIERS.find((c) => c.name.includes('Deppon'))!;
    const t = performance.now();
    await push('shipment.confirm', {
      shipmentId,
      carrier: carrier.name,
      carrierId: carrier.id,
      trackingNumber: 'BENCH-1',
    });
    const confirmMs = round(performance.now() - t);
    const p95 = round(percentile(times, 95));

    const timePacks = async (batchId: string, prefix: string) => {
      const packTimes: number[] = [];
      for (let i = 0; i < PACKS; i++) {
        const code = `${prefix}${String(i).padStart(4, '0')}`;
        const tp = performance.now();
        await push('carton.pack', { code, batchId, quantity: 100 });
        packTimes.push(performance.now() - tp);
      }
      return { p50Ms: round(percentile(packTimes, 50)), p95Ms: round(percentile(packTimes, 95)) };
    };
    log(`packing ${PACKS} cartons into a batch of ${SMALL_BATCH_CARTONS}, one push each`);
    const packSmall = await timePacks('bench-batch-small', 'BENCH-SP');
    log(`packing ${PACKS} cartons into the batch of ${fmt.int(cartons)}, one push each`);
    const packLarge = await timePacks('bench-batch', 'BENCH-P');
    return {
      engine: server.engine,
      cartons,
      scan: {
        p50Ms: round(percentile(times, 50)),
        p95Ms: p95,
        maxMs: round(Math.max(...times)),
        lastThousandP95Ms: round(percentile(times.slice(-1000), 95)),
        target: `< ${SCAN_TARGET_MS} ms`,
        met: p95 < SCAN_TARGET_MS,
      },
      confirm: {
        ms: confirmMs,
        target: `< ${CONFIRM_TARGET_MS} ms`,
        met: confirmMs < CONFIRM_TARGET_MS,
      },
      pack: {
        cartonsInBatch: SMALL_BATCH_CARTONS,
        ...packSmall,
        target: `< ${PACK_TARGET_MS} ms`,
        met: packSmall.p95Ms < PACK_TARGET_MS,
        large: { cartonsInBatch: cartons, ...packLarge },
      },
    };
  });
}

export const warehouseBench: BenchModule = {
  name: 'warehouse',
  async run(log) {
    const result = await runWarehouseBench(
      Number(process.env.WAREHOUSE_BENCH_CARTONS ?? 5000),
      log,
    );
    const rows: BenchRow[] = [
      { group: 'scan', metric: 'cartons in one shipment', value: fmt.int(result.cartons) },
      { group: 'scan', metric: 'p50 push per scan', value: `${result.scan.p50Ms} ms` },
      {
        group: 'scan',
        metric: 'p95 push per scan',
        value: `${result.scan.p95Ms} ms`,
        target: result.scan.target,
        met: result.scan.met,
      },
      {
        group: 'scan',
        metric: 'p95 of the last 1,000',
        value: `${result.scan.lastThousandP95Ms} ms`,
      },
      {
        group: 'confirm',
        metric: `confirm ${fmt.int(result.cartons)} cartons`,
        value: `${result.confirm.ms} ms`,
        target: result.confirm.target,
        met: result.confirm.met,
      },
      {
        group: 'pack',
        metric: `p95 push per pack, ${fmt.int(result.pack.cartonsInBatch)} cartons in the batch`,
        value: `${result.pack.p95Ms} ms`,
        target: result.pack.target,
        met: result.pack.met,
      },
      {
        group: 'pack',
        metric: `p95 push per pack, ${fmt.int(result.pack.large.cartonsInBatch)} cartons in the batch`,
        value: `${result.pack.large.p95Ms} ms`,
      },
    ];
    return { result, rows };
  },
};
