/**
 * `npm test`: every suite CI runs, in order — build, unit, server on SQLite, server on
 * PostgreSQL, end-to-end in Chromium — then one line `total: N passed, N failed`. Suites run
 * even after an earlier one failed, so one run shows everything that is broken.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { summarisePlaywright, summariseVitest, type SuiteSummary } from './test-summary';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const summaries: SuiteSummary[] = [];

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return r.status ?? 1;
}

function vitest(label: string, project: string, file: string, env: NodeJS.ProcessEnv = {}): void {
  const out = join(results, file);
  const status = run(
    label,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    env,
  );
  summaries.push(readSummary(label, out, status, summariseVitest));
}

function readSummary(
  label: string,
  file: string,
  status: number,
  parse: (json: unknown) => Omit<SuiteSummary, 'label'>,
): SuiteSummary {
  if (!existsSync(file)) return { label, passed: 0, failed: 1, skipped: 0 };
  const s = { label, ...parse(JSON.parse(readFileSync(file, 'utf8'))) };
  // A runner that crashed after writing partial results still counts as a failure.
  if (status !== 0 && s.failed === 0) s.failed = 1;
  return s;
}

async function postgresReachable(url: string): Promise<boolean> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const buildStatus = run('build', 'npx', ['electron-vite', 'build']);
summaries.push({
  label: 'build',
  passed: buildStatus === 0 ? 1 : 0,
  failed: buildStatus === 0 ? 0 : 1,
  skipped: 0,
});

vitest('unit', 'unit', 'unit.json');
vitest('server (SQLite)', 'server', 'server-sqlite.json', { TEST_DATABASE_URL: '' });

const pgUrl = process.env.TEST_DATABASE_URL || DEFAULT_PG;
if (await postgresReachable(pgUrl)) {
  vitest('server (PostgreSQL)', 'server', 'server-postgres.json', { TEST_DATABASE_URL: pgUrl });
} else if (process.env.CI) {
  console.log(`PostgreSQL is not reachable at ${pgUrl}: CI must run the server suite on it.`);
  summaries.push({ label: 'server (PostgreSQL)', passed: 0, failed: 1, skipped: 0 });
} else {
  console.log(
    `[skip] server suite on PostgreSQL: nothing answers at ${pgUrl} (set TEST_DATABASE_URL)`,
  );
}

const e2eOut = join(results, 'e2e.json');
const e2eStatus = run(
  'end-to-end (Chromium)',
  'npx',
  ['playwright', 'test', '--reporter=list,json'],
  {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eOut,
  },
);
summaries.push(readSummary('end-to-end', e2eOut, e2eStatus, summarisePlaywright));

console.log('');
for (const s of summaries) {
  console.log(`${s.label.padEnd(22)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
}
const passed = summaries.reduce((n, s) => n + s.passed, 0);
const failed = summaries.reduce((n, s) => n + s.failed, 0);
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
