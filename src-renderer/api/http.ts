import type { z } from 'zod';
import { API_ERROR_CODES, type ApiErrorCode } from '../../src-shared/api/auth';
import { serverUrl } from './app-info';

/**
 * The one way the renderer talks HTTP to the central server. It never throws: every outcome
 * is a value, and "the server could not be reached" (`network-error`, status 0) is kept apart
 * from "the server answered with an error", because only the first may start offline sign-in
 * or make the sync loop back off quietly.
 */

export type ApiFailureCode = ApiErrorCode | 'network-error';

export interface ApiIssue {
  path: string;
  message: string;
}

export interface ApiFailure {
  ok: false;
  error: ApiFailureCode;
  message: string;
  issues?: ApiIssue[];
  /** HTTP status; 0 when no answer came. */
  status: number;
}

export type ApiResult<T> = { ok: true; value: T; status: number } | ApiFailure;

export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Session token, sent as `Authorization: Bearer`. */
  token?: string | null;
  /** When given, the answer is checked against it; a mismatch is an `internal` failure. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
  /** Default 15 s: a half-open connection on a workshop Wi-Fi must not hang the UI. */
  timeoutMs?: number;
}

export type ApiFetch = <T = unknown>(
  path: string,
  request?: ApiRequest<T>,
) => Promise<ApiResult<T>>;

export interface ApiClientOptions {
  /** Origin (plus optional path prefix) of the server, without a trailing slash. */
  baseUrl: () => string | Promise<string>;
  fetch?: typeof globalThis.fetch;
  defaultTimeoutMs?: number;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

// A proxy or load balancer answering for a server that is down: as good as unreachable.
const GATEWAY_STATUSES = new Set([502, 503, 504]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseIssues(value: unknown): ApiIssue[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter(isRecord)
    .map((i) => ({ path: String(i.path ?? ''), message: String(i.message ?? '') }));
}

function fallbackCode(status: number): ApiErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 413) return 'body-too-large';
  if (status === 415) return 'unsupported-media-type';
  if (status === 429) return 'rate-limited';
  if (status === 400 || status === 422) return 'invalid-input';
  return 'internal';
}

async function readBody(response: Response): Promise<{ json: unknown; parsed: boolean }> {
  const text = await response.text();
  if (text === '') return { json: undefined, parsed: true };
  try {
    return { json: JSON.parse(text), parsed: true };
  } catch {
    return { json: text, parsed: false };
  }
}

export function createApiFetch(options: ApiClientOptions): ApiFetch {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const defaultTimeout = options.defaultTimeoutMs ?? 15_000;

  return async function apiFetch<T>(path: string, request: ApiRequest<T> = {}) {
    const method = request.method ?? (request.body === undefined ? 'GET' : 'POST');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.token) headers.authorization = `Bearer ${request.token}`;

    const timeout = AbortSignal.timeout(request.timeoutMs ?? defaultTimeout);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;

    let response: Response;
    let body: { json: unknown; parsed: boolean };
    try {
      const base = await options.baseUrl();
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        // The token travels in the header; cookies would leak between users of one browser.
        credentials: 'omit',
      });
      body = await readBody(response);
    } catch (e) {
      // fetch rejects only when no HTTP answer arrived: offline, DNS, refused, reset, timeout.
      return {
        ok: false,
        error: 'network-error',
        message: e instanceof Error ? e.message : String(e),
        status: 0,
      };
    }

    if (response.ok) {
      if (!request.schema) return { ok: true, value: body.json as T, status: response.status };
      const checked = request.schema.safeParse(body.json);
      if (checked.success) return { ok: true, value: checked.data, status: response.status };
      return {
        ok: false,
        error: 'internal',
        message: `unexpected answer from ${path}: ${checked.error.message}`,
        status: response.status,
      };
    }

    const apiError = body.parsed && isRecord(body.json) ? body.json : undefined;
    const code = typeof apiError?.code === 'string' ? apiError.code : undefined;
    if (!code && GATEWAY_STATUSES.has(response.status)) {
      return {
        ok: false,
        error: 'network-error',
        message: `gateway answered ${response.status}`,
        status: response.status,
      };
    }
    const failure: ApiFailure = {
      ok: false,
      // An unknown code from a newer server is still an error; show it as a generic one.
      error: code && KNOWN_CODES.has(code) ? (code as ApiErrorCode) : fallbackCode(response.status),
      message: typeof apiError?.message === 'string' ? apiError.message : `HTTP ${response.status}`,
      status: response.status,
    };
    const issues = parseIssues(apiError?.issues);
    if (issues) failure.issues = issues;
    return failure;
  };
}

/** Talks to the configured server (desktop) or to the origin that served the page (web). */
export const apiFetch: ApiFetch = createApiFetch({ baseUrl: serverUrl });
