/** Counts from the runners' JSON reports, for the one closing line CI reads. */

export interface SuiteSummary {
  label: string;
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestJson {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
}

export function summariseVitest(json: unknown): Omit<SuiteSummary, 'label'> {
  const j = json as VitestJson;
  return {
    passed: j.numPassedTests ?? 0,
    // A file that fails to load has no failed test, but it failed.
    failed: Math.max(j.numFailedTests ?? 0, j.numFailedTestSuites ?? 0),
    skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
  };
}

interface PlaywrightJson {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: unknown[];
}

export function summarisePlaywright(json: unknown): Omit<SuiteSummary, 'label'> {
  const s = (json as PlaywrightJson).stats ?? {};
  const errors = (json as PlaywrightJson).errors?.length ?? 0;
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + errors,
    skipped: s.skipped ?? 0,
  };
}
