/**
 * What every benchmark module shares with the orchestrator (scripts/bench.ts): the module
 * shape, the table rows it reports, progress lines, and a teardown list that runs on success,
 * on error and on Ctrl-C alike, so no browser, server or temp folder outlives a run.
 */

export interface BenchRow {
  /** Section of the table, e.g. 'initial pull'. */
  group: string;
  metric: string;
  value: string;
  /** The target from the issue, when there is one, e.g. '>= 0.6'. */
  target?: string;
  met?: boolean;
}

export interface BenchOutcome {
  /** Written as is to bench-results/<name>.json. */
  result: object;
  rows: BenchRow[];
}

export interface BenchModule {
  /** File name of the results (bench-results/<name>.json) and what `npm run bench -- <name>` picks. */
  name: string;
  /** Throws on a correctness problem (wrong row count, refused mutation): the run fails. */
  run(log: (line: string) => void): Promise<BenchOutcome>;
}

type Step = { label: string; fn: () => unknown };

/** Teardown steps, run last-in first-out; a failing step is reported and the rest still run. */
export class Teardown {
  private steps: Step[] = [];

  defer(label: string, fn: () => unknown): void {
    this.steps.push({ label, fn });
  }

  async run(): Promise<void> {
    const steps = this.steps.reverse();
    this.steps = [];
    for (const { label, fn } of steps) {
      try {
        await fn();
      } catch (error) {
        console.error(`teardown: ${label} failed: ${String(error)}`);
      }
    }
  }
}

const active = new Set<Teardown>();

/** Runs `fn` with a teardown list that is run when it ends, however it ends. */
export async function withTeardown<T>(fn: (teardown: Teardown) => Promise<T>): Promise<T> {
  const teardown = new Teardown();
  active.add(teardown);
  try {
    return await fn(teardown);
  } finally {
    await teardown.run();
    active.delete(teardown);
  }
}

/** For a signal handler: tears down whatever is still running. */
export async function teardownAll(): Promise<void> {
  for (const teardown of [...active]) await teardown.run();
  active.clear();
}

export function perSecond(count: number, ms: number): number {
  return ms > 0 ? Math.round((count * 1000) / ms) : 0;
}

export function ratio(value: number, ceiling: number): number {
  return ceiling > 0 ? Math.round((value / ceiling) * 1000) / 1000 : 0;
}

export const fmt = {
  int: (n: number) => Math.round(n).toLocaleString('en-US'),
  ms: (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`,
  rate: (n: number, unit: string) => `${Math.round(n).toLocaleString('en-US')} ${unit}/s`,
};

/** A plain-text table of rows, grouped, with the target and whether it was met. */
export function formatTable(title: string, rows: BenchRow[]): string {
  const header = ['', 'metric', 'value', 'target', 'met'];
  const body = rows.map((r, i) => [
    i === 0 || rows[i - 1]?.group !== r.group ? r.group : '',
    r.metric,
    r.value,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [title, line(header), rule, ...body.map(line)].join('\n');
}
