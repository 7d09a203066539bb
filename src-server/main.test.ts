import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths';
import { createTestDatabase, testEngine, type TestDatabase } from './testing/test-database';

/** The real entry point as an operator runs it: `npm run server`, then Ctrl+C. */
describe(`server process (${testEngine()})`, () => {
  let database: TestDatabase;
  let child: ChildProcess;
  let logs: { level: number; msg: string }[];
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-server/main.ts', '--port', '0', '--host', '127.0.0.1'],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          ORDERLINE_DATA_DIR: database.dir,
          DATABASE_URL: database.config.engine === 'postgres' ? database.config.url : '',
          ORDERLINE_CLIENT_DIR: `${database.dir}/no-build`,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    logs = [];
    const lines = createInterface({ input: child.stdout! });
    url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as { level: number; msg: string };
        logs.push(entry);
        const match = /^OrderLine server listening on (http:\/\/\S+)$/.exec(entry.msg);
        if (match) resolve(match[1]!);
      });
    });
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await database?.drop();
  });

  it('logs one listening line with the host and the real port, as JSON', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(logs.filter((l) => l.msg.startsWith('OrderLine server listening'))).toHaveLength(1);
  });

  it('answers health', async () => {
    const res = await fetch(`${url}/api/health`);
    expect(await res.json()).toMatchObject({ ok: true, database: database.engine });
  });

  it('seeds the demo users on the first start of an empty embedded database only', async () => {
    const notice = logs.find((l) => l.msg.startsWith('Demo users created:'));
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'quality', password: 'orderline-demo' }),
    });
    if (database.engine === 'sqlite') {
      expect(notice?.msg).toMatch(/password: orderline-demo — change them before production use$/);
      expect(login.status).toBe(200);
    } else {
      expect(notice).toBeUndefined();
      expect(login.status).toBe(401);
    }
  });

  it('shuts down cleanly on SIGTERM', async () => {
    // 'close' rather than 'exit': by then every log line has been read.
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(logs.some((l) => l.msg === 'shutting down')).toBe(true);
  });
});
