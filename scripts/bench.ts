import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatTable, teardownAll, type BenchModule } from '../tests/bench/bench-kit';
import { boardBench } from '../tests/bench/board-bench';
import { ordersBench } from '../tests/bench/orders-bench';
import { qualityBench } from '../tests/bench/quality-bench';
import { syncBench } from '../tests/bench/sync-bench';
import { warehouseBench } from '../tests/bench/warehouse-bench';

/**
 * `npm run bench [-- name ...]`: runs the benchmark modules one after the other (they share
 * the machine's cores, so never in parallel), writes each one's figures to
 * bench-results/<name>.json and prints its table. A missed target is reported, not fatal; a
 * correctness problem (wrong row count, a refused mutation) fails the run.
 *
 * Adding a benchmark: one more entry in BENCHES.
 */
const BENCHES: BenchModule[] = [syncBench, boardBench, qualityBench, warehouseBench, ordersBench];

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'bench-results');

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !BENCHES.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(
    `unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`,
  );
  process.exit(2);
}
const selected = wanted.length > 0 ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: shutting down`);
    void teardownAll().finally(() => process.exit(130));
  });
}

mkdirSync(OUT_DIR, { recursive: true });
let failed = 0;
for (const bench of selected) {
  const started = performance.now();
  const log = (line: string) => {
    const s = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
    console.error(`[${bench.name} ${s}s] ${line}`);
  };
  try {
    const { result, rows } = await bench.run(log);
    const file = join(OUT_DIR, `${bench.name}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n${formatTable(`bench: ${bench.name}`, rows)}\n`);
    console.log(`written: ${file}`);
    const missed = rows.filter((r) => r.met === false);
    if (missed.length > 0) {
      console.log(`targets missed: ${missed.map((r) => `${r.group} ${r.metric}`).join('; ')}`);
    }
  } catch (error) {
    failed += 1;
    console.error(
      `\nbench ${bench.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
}
process.exitCode = failed > 0 ? 1 : 0;
