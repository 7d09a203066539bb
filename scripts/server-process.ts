import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/**
 * Running the central server as a child of `npm start`: spawn it, pass its log through,
 * keep the last lines for when it dies, wait for /api/health, and stop it (with everything
 * it started) when the launcher ends.
 */

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  /** The last lines the server wrote, for the message when it dies. */
  tail(): string[];
  /** Resolves when the process has exited, whatever the reason. */
  exited: Promise<ServerExit>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`. Safe to call more than once. */
  stop(graceMs?: number): Promise<void>;
  /** Sends a signal now, synchronously (for `process.on('exit')`, where nothing async runs). */
  kill(signal: NodeJS.Signals): void;
}

export interface StartServerOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  tailLines?: number;
}

export function startServerProcess(options: StartServerOptions): ServerProcess {
  const tailLimit = options.tailLines ?? 40;
  const lines: string[] = [];
  // Its own process group on POSIX: Ctrl+C in the terminal then reaches only the launcher,
  // which stops the server once, instead of the server getting the signal twice.
  const detached = process.platform !== 'win32';
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let exitedFlag = false;
  const exited = new Promise<ServerExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      lines.push(`could not start: ${error.message}`);
      exitedFlag = true;
      resolve({ code: null, signal: null });
    });
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    const source = child[stream];
    if (source === null) continue;
    createInterface({ input: source }).on('line', (line) => {
      lines.push(line);
      if (lines.length > tailLimit) lines.shift();
      options.onLine?.(line, stream);
    });
  }

  let stopping: Promise<void> | null = null;
  const signal = (name: NodeJS.Signals): void => {
    if (exitedFlag || child.pid === undefined) return;
    try {
      if (detached) process.kill(-child.pid, name);
      else child.kill(name);
    } catch {
      // Already gone between the check and the kill.
    }
  };

  return {
    child,
    tail: () => [...lines],
    exited,
    hasExited: () => exitedFlag,
    kill: signal,
    stop(graceMs = 5_000) {
      stopping ??= (async () => {
        if (exitedFlag) return;
        signal('SIGTERM');
        const timer = setTimeout(() => signal('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

export type HealthOutcome =
  { ok: true } | ({ ok: false; reason: 'exited' } & ServerExit) | { ok: false; reason: 'timeout' };

/** Polls `url` until it answers 2xx, the process exits, or `timeoutMs` passes. */
export async function waitForHealthy(options: {
  url: string;
  server: ServerProcess;
  timeoutMs: number;
  intervalMs?: number;
}): Promise<HealthOutcome> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 250;
  const state: { exit: ServerExit | null } = { exit: null };
  void options.server.exited.then((exit) => {
    state.exit = exit;
  });
  for (;;) {
    if (state.exit !== null) return { ok: false, reason: 'exited', ...state.exit };
    const left = deadline - Date.now();
    if (left <= 0) return { ok: false, reason: 'timeout' };
    if (await answersOk(options.url, Math.min(2_000, left))) return { ok: true };
    await sleep(Math.min(interval, Math.max(0, deadline - Date.now())));
  }
}

export async function answersOk(url: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Whether nothing listens on `port`. Listening on the unspecified address catches a server
 * bound to 0.0.0.0, ::, or (on Linux and Windows, through the dual-stack socket) 127.0.0.1.
 */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', () => resolve(false));
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
