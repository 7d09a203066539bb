import {
  pullResponse,
  pushResponse,
  type PullRequest,
  type PushRequest,
} from '../../src-shared/sync/protocol';
import type { SyncTransport, TransportError, TransportResult } from './sync-engine';

export interface HttpTransportOptions {
  serverUrl: string;
  getToken: () => string | null;
  /** Injected so the sync simulation can put a faulty network between client and server. */
  fetch?: typeof fetch;
}

const CODE_TO_ERROR: Record<string, TransportError> = {
  'client-outdated': 'client-outdated',
  unauthenticated: 'unauthenticated',
  'session-expired': 'session-expired',
  'unknown-client': 'unknown-client',
  forbidden: 'forbidden',
  'invalid-input': 'invalid-input',
};

/** Push and pull over HTTP; every failure is an answer, never a throw. */
export function createHttpTransport(options: HttpTransportOptions): SyncTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function post<T>(
    path: string,
    body: unknown,
    parse: (v: unknown) => T,
  ): Promise<TransportResult<T>> {
    const token = options.getToken();
    let response: Response;
    try {
      // Concatenated, not resolved: a server behind a proxy path (https://host/orderline) keeps it.
      response = await doFetch(`${options.serverUrl.replace(/\/+$/, '')}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    } catch {
      return { ok: false, error: 'network-error' };
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      // A proxy's HTML error page, or a connection cut mid-answer.
      return { ok: false, error: response.ok ? 'network-error' : 'server-error' };
    }
    if (!response.ok) {
      const code = (json as { code?: string; message?: string } | null)?.code ?? '';
      const message = (json as { message?: string } | null)?.message;
      const error =
        CODE_TO_ERROR[code] ?? (response.status >= 500 ? 'server-error' : 'invalid-input');
      return message === undefined ? { ok: false, error } : { ok: false, error, message };
    }
    try {
      return { ok: true, value: parse(json) };
    } catch {
      return { ok: false, error: 'server-error', message: 'unexpected answer' };
    }
  }

  return {
    push: (request: PushRequest) => post('/api/sync/push', request, (v) => pushResponse.parse(v)),
    pull: (request: PullRequest) => post('/api/sync/pull', request, (v) => pullResponse.parse(v)),
  };
}
