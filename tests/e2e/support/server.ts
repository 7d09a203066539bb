import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from '@playwright/test';

/**
 * A real OrderLine server for end-to-end tests: `node --import tsx src-server/main.ts` on a
 * free port, with an empty data folder of its own (so it seeds the demo users), serving the
 * renderer build from out/renderer. Each test FILE gets its own server and folder through
 * `useServer()`; nothing is shared between files.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const RENDERER_INDEX = join(ROOT, 'out/renderer/index.html');
export const DEMO_PASSWORD = 'orderline-demo';

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
}

/** Extra environment for the server, e.g. SMTP_URL pointing at a receiver the test started. */
export interface ServerOptions {
  env?: Record<string, string>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(RENDERER_INDEX)) {
    throw new Error(`${RENDERER_INDEX} is missing: run npm run build first`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'orderline-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ORDERLINE_DATA_DIR: dataDir,
    ORDERLINE_CLIENT_DIR: join(ROOT, 'out/renderer'),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  // Always the embedded SQLite in the fresh folder, even where a PostgreSQL URL is set.
  delete env.DATABASE_URL;

  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`the server exited before it was healthy:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, dataDir, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server did not answer /api/health within 60 s:\n${output}`);
}

/**
 * Call at the top of a spec file: starts this file's server before its first test and stops
 * it (and removes its data folder) after its last. Read `.url` inside tests.
 */
export function useServer(options: () => ServerOptions = () => ({})): {
  readonly url: string;
  readonly dataDir: string;
} {
  let server: RunningServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    // Read when the server starts, so an earlier beforeAll (an SMTP receiver) can fill it in.
    server = await startServer(options());
  });
  test.afterAll(async () => {
    await server?.stop();
    server = undefined;
  });
  return {
    get url() {
      if (!server) throw new Error('useServer(): the server is not running (beforeAll failed?)');
      return server.url;
    },
    get dataDir() {
      if (!server) throw new Error('useServer(): the server is not running (beforeAll failed?)');
      return server.dataDir;
    },
  };
}
