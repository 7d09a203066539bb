import { describe, expect, it } from 'vitest';
import { summarisePlaywright, summariseVitest } from './test-summary';

describe('test summary', () => {
  it('counts a vitest report, a file that failed to load as a failure', () => {
    expect(summariseVitest({ numPassedTests: 7, numFailedTests: 0, numPendingTests: 1 })).toEqual({
      passed: 7,
      failed: 0,
      skipped: 1,
    });
    expect(
      summariseVitest({ numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 1 }).failed,
    ).toBe(1);
  });

  it('counts a Playwright report, flaky as passed and global errors as failed', () => {
    expect(
      summarisePlaywright({
        stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 2 },
        errors: [{}],
      }),
    ).toEqual({ passed: 5, failed: 2, skipped: 2 });
  });
});
