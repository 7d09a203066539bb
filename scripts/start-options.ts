/** Command line and environment of `npm start`, parsed without side effects so it is tested. */

export const DEFAULT_PORT = 7420;

export interface StartOptions {
  /** Serve the client for a browser even where Electron could open a window. */
  noDesktop: boolean;
  /** Pass the server's log through raw instead of condensed. */
  verbose: boolean;
  help: boolean;
  port: number;
  /** How long the server may take to answer /api/health (first run compiles TypeScript). */
  healthTimeoutMs: number;
  /** The server's entry file, relative to the repository; overridable to test the launcher. */
  serverEntry: string;
}

export type ParsedStartOptions = { ok: true; options: StartOptions } | { ok: false; error: string };

export const START_USAGE = `Usage: npm start [-- [--no-desktop] [--verbose]]

Builds the app if out/ is missing or older than the sources, starts the central server
(PORT, default ${DEFAULT_PORT}; data in ORDERLINE_DATA_DIR, default ./data) and opens the
desktop window, or, where Electron cannot run, serves the same client for a browser.

  --no-desktop   do not open the desktop window; serve the client for a browser only
  --verbose      show the server's raw JSON log, every request included
  --help         show this text

Environment: PORT, ORDERLINE_DATA_DIR, DATABASE_URL (passed to the server),
ORDERLINE_START_TIMEOUT_MS (how long to wait for the server, default 60000),
ORDERLINE_SERVER_ENTRY (server entry file, default src-server/main.ts).`;

export function parseStartOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ParsedStartOptions {
  let noDesktop = false;
  let verbose = false;
  let help = false;
  for (const arg of argv) {
    if (arg === '--no-desktop') noDesktop = true;
    else if (arg === '--verbose') verbose = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else return { ok: false, error: `unknown option ${JSON.stringify(arg)}` };
  }

  let port = DEFAULT_PORT;
  if (env.PORT !== undefined && env.PORT !== '') {
    port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65_535) {
      return { ok: false, error: `PORT=${env.PORT} is not a port number (1-65535)` };
    }
  }

  let healthTimeoutMs = 60_000;
  const timeout = env.ORDERLINE_START_TIMEOUT_MS;
  if (timeout !== undefined && timeout !== '') {
    healthTimeoutMs = Number(timeout);
    if (!Number.isFinite(healthTimeoutMs) || healthTimeoutMs <= 0) {
      return { ok: false, error: `ORDERLINE_START_TIMEOUT_MS=${timeout} is not a positive number` };
    }
  }
  const serverEntry = env.ORDERLINE_SERVER_ENTRY || 'src-server/main.ts';
  return { ok: true, options: { noDesktop, verbose, help, port, healthTimeoutMs, serverEntry } };
}
