import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPortFree, startServerProcess, waitForHealthy } from './server-process';

/**
 * Real child processes running a stand-in server written to a temp folder: the launcher's
 * process handling is tested without depending on the real server's start-up time.
 */
let dir: string;
const STAND_IN = `
import { createServer } from 'node:http';
const mode = process.env.STAND_IN_MODE;
if (mode === 'crash') { console.error('Error: listen EADDRINUSE: address already in use'); process.exit(3); }
const delay = Number(process.env.STAND_IN_DELAY_MS ?? 0);
setTimeout(() => {
  const server = createServer((req, res) => {
    if (req.url === '/api/health' && mode !== 'never-healthy') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    } else { res.writeHead(503).end(); }
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ msg: 'listening' })));
  process.on('SIGTERM', () => { console.log('stopping'); server.close(() => process.exit(0)); });
}, delay);
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orderline-stand-in-'));
  writeFileSync(join(dir, 'server.mjs'), STAND_IN);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function start(port: number, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const server = startServerProcess({
    command: process.execPath,
    args: [join(dir, 'server.mjs')],
    cwd: dir,
    env: { ...process.env, PORT: String(port), ...env },
    onLine: (line) => lines.push(line),
  });
  return { server, lines };
}

describe('server process (stand-in server in a child process)', () => {
  it('waits until /api/health answers, passes the log through, and stops on SIGTERM', async () => {
    const port = await freePort();
    const { server, lines } = start(port, { STAND_IN_DELAY_MS: '300' });
    const outcome = await waitForHealthy({
      url: `http://127.0.0.1:${port}/api/health`,
      server,
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    expect(outcome).toEqual({ ok: true });
    expect(lines).toContain('{"msg":"listening"}');
    expect(await isPortFree(port)).toBe(false);
    await server.stop();
    expect(server.hasExited()).toBe(true);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.tail()).toContain('stopping');
  });

  it('reports a server that dies before it is ready, with its last output', async () => {
    const { server } = start(await freePort(), { STAND_IN_MODE: 'crash' });
    const outcome = await waitForHealthy({
      url: 'http://127.0.0.1:9/api/health',
      server,
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    expect(outcome).toEqual({ ok: false, reason: 'exited', code: 3, signal: null });
    expect(server.tail().join('\n')).toContain('EADDRINUSE');
  });

  it('times out on a server that never becomes healthy, and stop() still ends it', async () => {
    const port = await freePort();
    const { server } = start(port, { STAND_IN_MODE: 'never-healthy' });
    const outcome = await waitForHealthy({
      url: `http://127.0.0.1:${port}/api/health`,
      server,
      timeoutMs: 1_000,
      intervalMs: 50,
    });
    expect(outcome).toEqual({ ok: false, reason: 'timeout' });
    await server.stop(2_000);
    expect(server.hasExited()).toBe(true);
  });

  it('reports a command that cannot start', async () => {
    const server = startServerProcess({
      command: join(dir, 'no-such-binary'),
      args: [],
      cwd: dir,
      env: process.env,
    });
    const outcome = await waitForHealthy({
      url: 'http://127.0.0.1:9/',
      server,
      timeoutMs: 5_000,
      intervalMs: 50,
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'exited' });
    expect(server.tail().join('\n')).toContain('ENOENT');
  });
});

describe('isPortFree', () => {
  it('sees a port taken on the loopback address and a free one', async () => {
    const port = await freePort();
    expect(await isPortFree(port)).toBe(true);
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('sees a port taken on all interfaces', async () => {
    const port = await freePort();
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '0.0.0.0', resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });
});
