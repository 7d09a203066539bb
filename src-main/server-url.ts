import { z } from 'zod';

/** Where `npm start` runs the central server; a PC without any configuration looks here. */
export const DEFAULT_SERVER_URL = 'http://localhost:7420';

export type ServerUrlSource = 'flag' | 'env' | 'config' | 'default';

export interface ResolvedServerUrl {
  url: string;
  source: ServerUrlSource;
  /** Values that were present but refused, so the shell can log why it fell back. */
  warnings: string[];
}

// The host ends up verbatim in the CSP header: anything outside plain DNS names, IPv4 and
// bracketed IPv6 could smuggle in a ';' or a quote and widen the policy.
const SAFE_HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/**
 * The server URL in its canonical form (origin plus optional path prefix, no trailing slash),
 * or null when it is not something the client may talk to: only http(s), no credentials
 * (they would sit in a config file in clear text), no query or fragment.
 */
export function normalizeServerUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.search !== '' || url.hash !== '') return null;
  if (!SAFE_HOST.test(url.host)) return null;
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** `ws://` or `wss://` origin that matches an http(s) server URL, for the sync event stream. */
export function toWebSocketOrigin(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
}

const configFileSchema = z.looseObject({ serverUrl: z.string().optional() });

export interface ServerUrlInputs {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** Text of `<userData>/config.json`, or null when there is none. */
  configText: string | null;
}

/**
 * Picks the server URL. Precedence: `--server-url=` (one launch, most explicit), then
 * `ORDERLINE_SERVER_URL` (set by `npm start` and by IT deployment scripts), then
 * `<userData>/config.json` (per PC), then the default. A refused value is skipped with a
 * warning rather than stopping the app: the client works offline anyway, and the floor PC
 * must still open.
 */
export function resolveServerUrl(inputs: ServerUrlInputs): ResolvedServerUrl {
  const warnings: string[] = [];
  const candidates: Array<[ServerUrlSource, string | undefined]> = [
    ['flag', readFlag(inputs.argv, '--server-url')],
    ['env', inputs.env.ORDERLINE_SERVER_URL],
    ['config', readConfigServerUrl(inputs.configText, warnings)],
  ];
  for (const [source, raw] of candidates) {
    if (raw === undefined || raw.trim() === '') continue;
    const url = normalizeServerUrl(raw);
    if (url !== null) return { url, source, warnings };
    warnings.push(
      `ignored server URL from ${source}: ${JSON.stringify(raw)} is not an http(s) URL`,
    );
  }
  return { url: DEFAULT_SERVER_URL, source: 'default', warnings };
}

function readFlag(argv: readonly string[], name: string): string | undefined {
  const prefix = `${name}=`;
  // The last occurrence wins, as with most CLIs, so a wrapper script can append an override.
  const hit = [...argv].reverse().find((arg) => arg.startsWith(prefix));
  return hit?.slice(prefix.length);
}

function readConfigServerUrl(text: string | null, warnings: string[]): string | undefined {
  if (text === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    warnings.push('ignored config.json: it is not valid JSON');
    return undefined;
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) {
    warnings.push('ignored config.json: expected an object with an optional "serverUrl" string');
    return undefined;
  }
  return parsed.data.serverUrl;
}
