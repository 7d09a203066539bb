import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../support/chromium';
import Fastify from 'fastify';
import { build } from 'vite';
import { fmt, ratio, withTeardown, type BenchModule, type BenchRow } from './bench-kit';

/**
 * Issue 5's order-list benchmark: the list's real queries (src-renderer/features/orders/
 * order-query.ts) on the real Dexie schema in Chromium's IndexedDB, with 100,000 orders and
 * with 1,000, over a mix of the filters people use (state, customer, model, channel, a month,
 * a number, a customer name, another sort). One sample is one filter answered: the first
 * screen of rows (60, the list's PAGE), which is what a keystroke waits for; the total is counted after and
 * reported on its own.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE_DIR = join(ROOT, 'tests/bench/orders-page');

export const FILTER_TARGET_MS = 100;
export const SCALING_TARGET = 3;

interface Sample {
  filter: string;
  ms: number;
  rows: number;
  plan: string;
}

interface BenchWindow {
  ordersBench: {
    seed(name: string, count: number): Promise<{ ms: number; stored: number }>;
    run(name: string, rounds: number): Promise<{ filter: Sample[]; count: Sample[] }>;
  };
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function perFilter(
  samples: Sample[],
): Record<string, { p95Ms: number; rows: number; plan: string }> {
  const out: Record<string, { p95Ms: number; rows: number; plan: string }> = {};
  for (const name of new Set(samples.map((s) => s.filter))) {
    const mine = samples.filter((s) => s.filter === name);
    out[name] = {
      p95Ms: round1(p95(mine.map((s) => s.ms))),
      rows: mine[0]!.rows,
      plan: mine[0]!.plan,
    };
  }
  return out;
}

export const ordersBench: BenchModule = {
  name: 'orders',
  async run(log) {
    return withTeardown(async (teardown) => {
      const outDir = mkdtempSync(join(tmpdir(), 'orderline-orders-bench-'));
      teardown.defer('remove page build', () => rmSync(outDir, { recursive: true, force: true }));
      log('building the bench page');
      await build({
        configFile: false,
        envDir: false,
        root: PAGE_DIR,
        base: '/',
        publicDir: false,
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, reportCompressedSize: false },
      });
      const app = Fastify({ logger: false });
      await app.register(fastifyStatic, { root: outDir });
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      teardown.defer('stop page server', () => app.close());

      log('launching Chromium');
      const browser = await chromium.launch({
        ...CHROMIUM_LAUNCH,
        args: [...CHROMIUM_LAUNCH.args],
      });
      teardown.defer('close browser', () => browser.close());
      const page = await browser.newPage();
      await page.goto(`${url}/`);
      await page.waitForFunction(() => 'ordersBench' in globalThis);

      const sizes = [
        { name: 'small', count: 1_000, rounds: 20 },
        { name: 'large', count: 100_000, rounds: 20 },
      ];
      const results: Record<string, { seedMs: number; filter: Sample[]; count: Sample[] }> = {};
      for (const size of sizes) {
        log(`seeding ${fmt.int(size.count)} orders`);
        const seeded = await page.evaluate(
          ([n, c]) => (globalThis as unknown as BenchWindow).ordersBench.seed(n, c),
          [size.name, size.count] as const,
        );
        if (seeded.stored !== size.count)
          throw new Error(`seeded ${seeded.stored} of ${size.count}`);
        log(`filtering ${fmt.int(size.count)} orders, ${size.rounds} rounds`);
        const ran = await page.evaluate(
          ([n, r]) => (globalThis as unknown as BenchWindow).ordersBench.run(n, r),
          [size.name, size.rounds] as const,
        );
        results[size.name] = { seedMs: seeded.ms, ...ran };
      }
      const small = results.small!;
      const large = results.large!;
      const p95Large = round1(p95(large.filter.map((s) => s.ms)));
      const p95Small = round1(p95(small.filter.map((s) => s.ms)));
      const scaling = ratio(p95Large, p95Small);
      const underTarget = p95Large < FILTER_TARGET_MS;
      const scales = scaling <= SCALING_TARGET;

      const result = {
        name: 'orders',
        timestamp: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model ?? '',
          memoryGb: Math.round(totalmem() / 2 ** 30),
          chromium: browser.version(),
        },
        list: {
          filterP95Ms: p95Large,
          filterP95Ms_1k: p95Small,
          ratio: scaling,
          countP95Ms: round1(p95(large.count.map((s) => s.ms))),
          countP95Ms_1k: round1(p95(small.count.map((s) => s.ms))),
          rowsPerScreen: 60,
          samples: large.filter.length,
          seedMs: Math.round(large.seedMs),
          target: `filterP95Ms < ${FILTER_TARGET_MS} and <= ${SCALING_TARGET} × filterP95Ms_1k`,
          met: underTarget && scales,
          byFilter: perFilter(large.filter),
          byFilter_1k: perFilter(small.filter),
        },
      };
      const rows: BenchRow[] = [
        {
          group: 'order list',
          metric: 'filter p95, 100,000 orders',
          value: fmt.ms(p95Large),
          target: `< ${FILTER_TARGET_MS} ms`,
          met: underTarget,
        },
        { group: 'order list', metric: 'filter p95, 1,000 orders', value: fmt.ms(p95Small) },
        {
          group: 'order list',
          metric: '100k / 1k',
          value: String(scaling),
          target: `<= ${SCALING_TARGET}`,
          met: scales,
        },
        {
          group: 'order list',
          metric: 'count p95, 100,000 orders (after the rows)',
          value: fmt.ms(result.list.countP95Ms),
        },
        ...Object.entries(result.list.byFilter).map(([name, f]) => ({
          group: 'by filter (100k)',
          metric: `${name} [${f.plan}]`,
          value: `${f.p95Ms} ms`,
        })),
      ];
      return { result, rows };
    });
  },
};
