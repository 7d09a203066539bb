/** What the quality bench page exposes to the Node side (tests/bench/quality-bench.ts). */

export interface EntryOutcome {
  entries: number;
  samplesMs: number[];
  judgeMs: number[];
}

export interface ChartOutcome {
  readings: number;
  queryMs: number;
  seriesMs: number;
  renderMs: number;
  totalMs: number;
  points: number;
}

export interface QualityBenchApi {
  seed(results: number): Promise<{ stored: number; ms: number }>;
  entry(count: number): Promise<EntryOutcome>;
  chart(readings: number): Promise<ChartOutcome>;
}

export type QualityBenchWindow = typeof globalThis & { qualityBench: QualityBenchApi };
