import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBuildFreshness } from './build-freshness';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function repo(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'orderline-freshness-'));
  dirs.push(root);
  for (const [path, minutesAgo] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, path);
    const time = new Date(Date.now() - minutesAgo * 60_000);
    utimesSync(file, time, time);
  }
  return root;
}

const build = {
  outputs: ['out/main/index.js', 'out/renderer/index.html'],
  sources: ['src-main', 'src-renderer'],
};

describe('checkBuildFreshness', () => {
  it('wants a build when out/ is missing (fresh clone)', () => {
    const root = repo({ 'src-main/index.ts': 10 });
    expect(checkBuildFreshness({ root, ...build })).toEqual({
      stale: true,
      reason: 'out/main/index.js is missing',
    });
  });

  it('is fresh when every output is newer than every source', () => {
    const root = repo({
      'src-main/index.ts': 10,
      'src-renderer/app/main.tsx': 9,
      'out/main/index.js': 5,
      'out/renderer/index.html': 5,
    });
    expect(checkBuildFreshness({ root, ...build })).toEqual({ stale: false });
  });

  it('names the source that changed after the build', () => {
    const root = repo({
      'src-main/index.ts': 10,
      'src-renderer/features/orders/list.tsx': 1,
      'out/main/index.js': 5,
      'out/renderer/index.html': 5,
    });
    expect(checkBuildFreshness({ root, ...build })).toEqual({
      stale: true,
      reason: 'src-renderer/features/orders/list.tsx changed after the last build',
    });
  });

  it('compares against the oldest output, so a half-finished build counts as stale', () => {
    const root = repo({
      'src-main/index.ts': 10,
      'out/main/index.js': 20,
      'out/renderer/index.html': 1,
    });
    expect(checkBuildFreshness({ root, ...build }).stale).toBe(true);
  });

  it('ignores test files', () => {
    const root = repo({
      'src-main/index.ts': 10,
      'src-main/csp.test.ts': 1,
      'out/main/index.js': 5,
      'out/renderer/index.html': 5,
    });
    expect(checkBuildFreshness({ root, ...build })).toEqual({ stale: false });
  });
});
