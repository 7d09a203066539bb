/**
 * Makes the server's JSON log lines readable in the terminal of `npm start`. The server logs
 * one JSON object per line (pino: level, time, msg, ...); an operator starting the app wants
 * the messages, not every health check and asset request, so routine request lines are
 * dropped unless they failed. Anything that is not such JSON is shown as it is.
 */

const LEVELS: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

const PLUMBING = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'reqId',
  'req',
  'res',
  'responseTime',
]);

export function formatServerLine(line: string, verbose = false): string | null {
  if (verbose) return line;
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return line;
  const record = entry as Record<string, unknown>;
  const level = typeof record.level === 'number' ? record.level : 30;
  const status = statusOf(record.res);
  if ((record.req !== undefined || record.res !== undefined) && level < 40) {
    if (status === null || status < 500) return null;
  }
  const name = LEVELS[level] ?? String(level);
  const details = Object.entries(record)
    .filter(([key]) => !PLUMBING.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const message = typeof record.msg === 'string' ? record.msg : '';
  return [name === 'info' ? '' : `${name.toUpperCase()}:`, message, ...details]
    .filter((part) => part !== '')
    .join(' ');
}

function statusOf(res: unknown): number | null {
  if (typeof res !== 'object' || res === null) return null;
  const code = (res as Record<string, unknown>).statusCode;
  return typeof code === 'number' ? code : null;
}
