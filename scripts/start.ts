import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBuildFreshness, ELECTRON_VITE_BUILD } from './build-freshness';
import { findElectronBinary } from './electron-binary';
import { formatServerLine } from './server-log';
import {
  answersOk,
  isPortFree,
  startServerProcess,
  waitForHealthy,
  type ServerProcess,
} from './server-process';
import { parseStartOptions, START_USAGE, type StartOptions } from './start-options';

/**
 * `npm start`: from a fresh clone to a running OrderLine in one command. Builds if needed,
 * starts the central server, then opens the desktop window, or says plainly why it cannot
 * and keeps serving the same client for a browser.
 */

const root = resolve(import.meta.dirname, '..');
const say = (message: string): void => console.log(`[start] ${message}`);
function fail(message: string): never {
  console.error(`[start] ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const parsed = parseStartOptions(process.argv.slice(2), process.env);
  if (!parsed.ok) fail(`${parsed.error}\n\n${START_USAGE}`);
  const { options } = parsed;
  if (options.help) {
    console.log(START_USAGE);
    return;
  }

  await buildIfNeeded();
  const server = await startServer(options);
  const url = `http://localhost:${options.port}/`;

  if (options.noDesktop) {
    await serveForBrowser(server, url, 'Started with --no-desktop, so no desktop window opens.');
    return;
  }
  const desktop = checkDesktop();
  if (desktop.found) runDesktop(server, desktop.path, url);
  else await serveForBrowser(server, url, `${desktop.reason}, so the desktop window cannot open.`);
}

async function buildIfNeeded(): Promise<void> {
  const freshness = checkBuildFreshness({ root, ...ELECTRON_VITE_BUILD });
  if (!freshness.stale) {
    say('out/ is up to date with the sources; not rebuilding.');
    return;
  }
  say(`Building the app with electron-vite (${freshness.reason})...`);
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const code = await new Promise<number | null>((resolveExit) => {
    const child = spawn(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
    child.once('exit', (exitCode) => resolveExit(exitCode));
    child.once('error', () => resolveExit(null));
  });
  if (code !== 0) {
    fail('The build failed (see above). Fix it, or run `npm run build` to see the errors again.');
  }
  say('Build done.');
}

async function startServer(options: StartOptions): Promise<ServerProcess> {
  const entry = resolve(root, options.serverEntry);
  if (!existsSync(entry)) fail(`The server entry ${options.serverEntry} does not exist.`);

  if (!(await isPortFree(options.port))) {
    const health = `http://localhost:${options.port}/api/health`;
    const who = (await answersOk(health))
      ? 'An OrderLine server is already running there (its /api/health answers)'
      : 'Another program is listening there';
    fail(
      `Port ${options.port} is already in use. ${who}. Stop it, or start on another port, ` +
        `e.g. PORT=${options.port + 1} npm start`,
    );
  }

  say(`Starting the central server (${options.serverEntry}) on port ${options.port}...`);
  const server = startServerProcess({
    command: process.execPath,
    args: ['--import', 'tsx', entry],
    cwd: root,
    env: { ...process.env, PORT: String(options.port) },
    onLine: (line, stream) => {
      const shown = formatServerLine(line, options.verbose);
      if (shown !== null) (stream === 'stderr' ? console.error : console.log)(`[server] ${shown}`);
    },
  });
  // From here on, Ctrl+C and SIGTERM must take the server down with the launcher, and so
  // must any other way out (a failure below, an uncaught error): the server runs in its own
  // process group and would otherwise keep the port after the launcher is gone.
  forwardSignals(server, () => []);
  process.on('exit', () => server.kill('SIGTERM'));

  const outcome = await waitForHealthy({
    url: `http://localhost:${options.port}/api/health`,
    server,
    timeoutMs: options.healthTimeoutMs,
  });
  if (!outcome.ok) {
    if (outcome.reason === 'timeout') {
      await server.stop();
      fail(
        `The server did not answer http://localhost:${options.port}/api/health within ` +
          `${options.healthTimeoutMs / 1000} s; stopped it. Its last output:\n${indent(server.tail())}`,
      );
    } else {
      const how = outcome.signal !== null ? `signal ${outcome.signal}` : `code ${outcome.code}`;
      const inUse = server.tail().some((line) => line.includes('EADDRINUSE'));
      fail(
        `The server exited (${how}) before it was ready.` +
          (inUse
            ? ` Port ${options.port} is in use; try PORT=${options.port + 1} npm start.`
            : '') +
          ` Its last output:\n${indent(server.tail())}`,
      );
    }
  }
  say(`The server is ready on http://localhost:${options.port} (data in ${dataDir()}).`);
  return server;
}

type DesktopCheck = { found: true; path: string } | { found: false; reason: string };

function checkDesktop(): DesktopCheck {
  const binary = findElectronBinary();
  if (!binary.found) {
    return {
      found: false,
      reason: `The Electron binary is not installed on this machine (${binary.reason})`,
    };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return {
      found: false,
      reason: 'There is no graphical display here (DISPLAY and WAYLAND_DISPLAY are unset)',
    };
  }
  return binary;
}

async function serveForBrowser(server: ServerProcess, url: string, why: string): Promise<void> {
  mode = 'browser';
  await checkClientServed(url);
  console.log(`\n${why} The same client runs in a browser: ${url} — press Ctrl+C to stop.\n`);
  void server.exited.then(({ code, signal }) => {
    if (stopping || mode !== 'browser') return;
    const how = signal !== null ? `signal ${signal}` : `code ${code}`;
    fail(`The server stopped unexpectedly (${how}). Its last output:\n${indent(server.tail())}`);
  });
}

function runDesktop(server: ServerProcess, binary: string, url: string): void {
  mode = 'desktop';
  say(`Opening the desktop window (${binary})...`);
  const env: NodeJS.ProcessEnv = { ...process.env, ORDERLINE_SERVER_URL: url.replace(/\/$/, '') };
  // Inherited from some tool, it would make Electron behave as plain Node and show nothing.
  delete env.ELECTRON_RUN_AS_NODE;
  const startedAt = Date.now();
  const electron = spawn(binary, [join(root, 'out', 'main', 'index.js')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  forwardSignals(server, () => [electron]);

  const onGone = (code: number | null, detail: string): void => {
    if (stopping) return;
    // Dying within seconds means it never really ran (missing system libraries, no GPU
    // access, a sandbox the kernel refuses): keep the server and point to the browser.
    if (Date.now() - startedAt < 10_000 && code !== 0) {
      void serveForBrowser(
        server,
        url,
        `Electron exited right after starting (${detail}), so the desktop window cannot open.`,
      );
      return;
    }
    say('The desktop window was closed; stopping the server...');
    void shutdown(server, [], code ?? 0);
  };
  electron.once('exit', (code, signal) =>
    onGone(code, signal !== null ? `signal ${signal}` : `code ${code}`),
  );
  electron.once('error', (error) => onGone(null, error.message));
  void server.exited.then(() => {
    if (stopping || mode !== 'desktop') return;
    // The client is offline-first: the operator keeps working, sync resumes with a server.
    say(
      `The server stopped unexpectedly; the app keeps working offline. Its last output:\n` +
        indent(server.tail()),
    );
  });
}

let stopping = false;
let mode: 'starting' | 'desktop' | 'browser' = 'starting';

function forwardSignals(server: ServerProcess, others: () => ChildProcess[]): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (stopping) return;
      say(`${signal} received; stopping...`);
      void shutdown(server, others(), signal === 'SIGINT' ? 130 : 143);
    });
  }
}

async function shutdown(
  server: ServerProcess,
  others: ChildProcess[],
  code: number,
): Promise<void> {
  stopping = true;
  for (const child of others) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }
  await server.stop();
  say('Stopped.');
  process.exit(code);
}

async function checkClientServed(url: string): Promise<void> {
  if (!(await answersOk(url))) {
    say(
      `Warning: ${url} does not answer 200: the server does not serve the client build ` +
        `(out/renderer) yet, so a browser will not show the app.`,
    );
  }
}

function dataDir(): string {
  return process.env.DATABASE_URL
    ? 'the database at DATABASE_URL'
    : resolve(root, process.env.ORDERLINE_DATA_DIR ?? 'data');
}

function indent(lines: string[]): string {
  return lines.length === 0 ? '  (no output)' : lines.map((line) => `  ${line}`).join('\n');
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
