import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Whether `out/` must be rebuilt before `npm start` can use it: a fresh clone has no out/,
 * and after a `git pull` an old out/ would run yesterday's client against today's server.
 */

export interface FreshnessInputs {
  root: string;
  /** Files the build must have produced, relative to root. */
  outputs: readonly string[];
  /** Source folders and files the build reads, relative to root. */
  sources: readonly string[];
}

export type Freshness = { stale: false } | { stale: true; reason: string };

/** What electron-vite reads and writes for this repository. */
export const ELECTRON_VITE_BUILD = {
  outputs: ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'],
  sources: ['src-main', 'src-renderer', 'src-shared', 'electron.vite.config.ts', 'package.json'],
} as const;

export function checkBuildFreshness(inputs: FreshnessInputs): Freshness {
  let oldestOutput = Number.POSITIVE_INFINITY;
  for (const output of inputs.outputs) {
    const mtime = mtimeOf(join(inputs.root, output));
    if (mtime === null) return { stale: true, reason: `${output} is missing` };
    oldestOutput = Math.min(oldestOutput, mtime);
  }
  const newest = newestSource(inputs.root, inputs.sources);
  if (newest !== null && newest.mtime > oldestOutput) {
    return { stale: true, reason: `${newest.path} changed after the last build` };
  }
  return { stale: false };
}

function newestSource(
  root: string,
  sources: readonly string[],
): { path: string; mtime: number } | null {
  let newest: { path: string; mtime: number } | null = null;
  const visit = (path: string): void => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(join(path, entry));
      }
      return;
    }
    // Tests are not part of the build: editing one must not trigger a rebuild.
    if (/\.test\.tsx?$/.test(path)) return;
    if (newest === null || stat.mtimeMs > newest.mtime) {
      newest = { path: relative(root, path), mtime: stat.mtimeMs };
    }
  };
  for (const source of sources) visit(join(root, source));
  return newest;
}

function mtimeOf(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}
