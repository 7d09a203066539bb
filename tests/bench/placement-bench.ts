import { uuidv7 } from '../../src-shared/ids';
import type { BatchRecord } from '../../src-shared/planning/batch-mutations';
import { DAY, HOUR } from '../../src-shared/planning/line-calendar';
import { MAX_BATCH_DAYS } from '../../src-shared/planning/plan-authority';
import { lineResourceOf, rateFor, scheduleEnd } from '../../src-shared/planning/schedule-rules';
import { nextVersion, putRecord } from '../../src-server/db/sync-store';
import { DEMO_PRODUCTION_LINES, DEMO_PRODUCTS } from '../../src-server/demo-data';
import { seedDemoData } from '../../src-server/seed';
import { signInPc } from '../../src-server/testing/sync-pc';
import { createTestDatabase } from '../../src-server/testing/test-database';
import { startTestServer } from '../../src-server/testing/test-server';
import type { Teardown } from './bench-kit';

/**
 * The server's placement check (issue 12) on a full plan: a real test server on SQLite with
 * 60,000 batches on the five demo lines, and one planner pushing batch.move after batch.move,
 * each onto an hour already taken (so the check finds a clash, names it on the neighbour and
 * leaves a notice: the most a move writes). Timed from the push to its answer, which comes
 * after the commit; the batches are written straight into the store (with their index rows),
 * not through 60,000 pushes. The same number of batch.release pushes (one read, one write, no
 * placement check) on the same server is the baseline: what any push costs here.
 */

export const PLACEMENT_TARGET_MS = 50;
const BATCHES = 60_000;
const MOVES = 40;
/** Start of the seeded plan (a Monday, plant time). */
const FROM = Date.parse('2026-01-05T06:00:00+08:00');

export interface PlacementBenchResult {
  batches: number;
  lines: number;
  /** First and last start of the seeded plan. */
  span: { from: string; to: string };
  seedMs: number;
  pushes: number;
  pushP50Ms: number;
  pushP95Ms: number;
  pushMaxMs: number;
  /** batch.release pushes on the same server: the cost of a push without the check. */
  baselineP50Ms: number;
  baselineP95Ms: number;
  /** Median number of batches in a move's `[lineId+start]` scan window. */
  scannedP50: number;
  target: string;
  met: boolean;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export async function runPlacementBench(
  teardown: Teardown,
  log: (line: string) => void,
): Promise<PlacementBenchResult> {
  const server = await startTestServer({ database: await createTestDatabase(null) });
  teardown.defer('stop placement server', () => server.close());
  await seedDemoData(server.db);

  // Each line gets its share, one hour of work each with half an hour between, laid over its
  // calendar from January 2026: about two years of a busy plan.
  const lines = DEMO_PRODUCTION_LINES.map((raw) => {
    const line = lineResourceOf({ ...raw });
    const family = raw.rates[0]!.family;
    const product = DEMO_PRODUCTS.find((p) => p.format === family)!;
    const quantity = Math.max(1, Math.floor(rateFor(line, family)! * line.plannedOee));
    return { raw, line, family, model: product.code, quantity };
  });
  const byLine = new Map<string, BatchRecord[]>();
  let last = FROM;
  const t0 = performance.now();
  await server.db.transaction().execute(async (trx) => {
    const version = await nextVersion(trx);
    let n = 0;
    for (const [i, l] of lines.entries()) {
      const share = Math.floor(BATCHES / lines.length) + (i < BATCHES % lines.length ? 1 : 0);
      const list: BatchRecord[] = [];
      let cursor = FROM;
      for (let k = 0; k < share; k++) {
        const end = scheduleEnd(l.line, l.family, l.quantity, cursor)!;
        n += 1;
        const body: BatchRecord = {
          id: uuidv7(),
          number: `BT-B-${String(n).padStart(6, '0')}`,
          numberProvisional: false,
          model: l.model,
          family: l.family,
          quantity: l.quantity,
          lineId: l.raw.id,
          start: new Date(cursor).toISOString(),
          end: new Date(end).toISOString(),
          sequence: 0,
          state: 'planned',
        };
        list.push(body);
        await putRecord(trx, { kind: 'batch', id: body.id, body, updatedBy: 'bench' }, version);
        cursor = end + HOUR / 2;
      }
      last = Math.max(last, cursor);
      byLine.set(l.raw.id, list);
    }
  });
  const seedMs = performance.now() - t0;
  log(`seeded ${BATCHES.toLocaleString('en-US')} batches in ${Math.round(seedMs)} ms`);

  const planner = await signInPc(server, 'planning');
  const pulled = await planner.pullAll();
  const times: number[] = [];
  const scanned: number[] = [];
  for (let m = 0; m < MOVES; m++) {
    const l = lines[m % lines.length]!;
    const list = byLine.get(l.raw.id)!;
    // Batches from the middle of the plan: a move onto the start of the batch three later.
    const k = Math.floor(list.length / 2) + m * 7;
    const moving = list[k]!;
    const onto = list[k + 3]!;
    const window = list.filter(
      (b) =>
        Date.parse(b.start) >= Date.parse(onto.start) - MAX_BATCH_DAYS * DAY - 14 * HOUR &&
        Date.parse(b.start) <= Date.parse(onto.start) + 14 * HOUR + 2 * HOUR,
    );
    scanned.push(window.length);
    const started = performance.now();
    const result = await planner.push('batch.move', {
      batchId: moving.id,
      baseVersion: pulled.get(`batch/${moving.id}`)?.version ?? 0,
      start: onto.start,
      warnings: [],
    });
    times.push(performance.now() - started);
    if (result.status !== 'applied') {
      throw new Error(`placement bench: batch.move refused: ${JSON.stringify(result)}`);
    }
  }
  const baseline: number[] = [];
  for (let m = 0; m < MOVES; m++) {
    const list = byLine.get(lines[m % lines.length]!.raw.id)!;
    const started = performance.now();
    const result = await planner.push('batch.release', { batchId: list[100 + m]!.id });
    baseline.push(performance.now() - started);
    if (result.status !== 'applied') {
      throw new Error(`placement bench: batch.release refused: ${JSON.stringify(result)}`);
    }
  }
  // The check really ran: the moved batch is warned of the one it landed on, which names it.
  const after = await planner.pullAll();
  const l0 = byLine.get(lines[0]!.raw.id)!;
  const k0 = Math.floor(l0.length / 2);
  const moved = after.get(`batch/${l0[k0]!.id}`)?.body as BatchRecord | undefined;
  if (!moved?.warnings?.some((w) => w.params.with === l0[k0 + 3]!.number)) {
    throw new Error('placement bench: the moved batch carries no clash warning');
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  const p95 = round(percentile(times, 95));
  return {
    batches: BATCHES,
    lines: lines.length,
    span: { from: new Date(FROM).toISOString(), to: new Date(last).toISOString() },
    seedMs: Math.round(seedMs),
    pushes: MOVES,
    pushP50Ms: round(percentile(times, 50)),
    pushP95Ms: p95,
    pushMaxMs: round(Math.max(...times)),
    baselineP50Ms: round(percentile(baseline, 50)),
    baselineP95Ms: round(percentile(baseline, 95)),
    scannedP50: percentile(scanned, 50),
    target: `< ${PLACEMENT_TARGET_MS} ms`,
    met: p95 < PLACEMENT_TARGET_MS,
  };
}
