import type { SyncEngine } from './sync-engine';

/**
 * Decides when the engine syncs in a running app: right after an action is queued, when the
 * server pokes, when the browser says the network is back, and otherwise on a timer that backs
 * off while the server cannot be reached, so a PC offline for hours neither hammers the network
 * nor waits long once it returns.
 */

export interface RunnerOptions {
  serverUrl: string;
  getToken: () => string | null;
  /** Milliseconds between syncs while all is well. */
  idleMs?: number;
  maxBackoffMs?: number;
  /** Where 'online' events come from; the window in the app. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Listens for the server's pokes; the event stream in the app. */
  live?: (signal: AbortSignal, poke: () => void) => Promise<void>;
}

type RunnerEngine = Pick<SyncEngine, 'sync' | 'getStatus' | 'onQueued'>;

export function startSyncRunner(engine: RunnerEngine, options: RunnerOptions): () => void {
  const idleMs = options.idleMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let running = false;
  // A poke or a queued action that arrives while a sync runs must cause one more round:
  // a timer set then would be replaced by the next idle timer when the round ends.
  let requested = false;
  const live = new AbortController();

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  };

  const run = async () => {
    if (stopped) return;
    if (running) {
      requested = true;
      return;
    }
    running = true;
    try {
      do {
        requested = false;
        await engine.sync();
      } while (requested && !stopped);
    } finally {
      running = false;
    }
    const { error } = engine.getStatus();
    if (error === 'network-error' || error === 'server-error') {
      failures += 1;
      const backoff = Math.min(maxBackoffMs, 1000 * 2 ** Math.min(failures, 10));
      schedule(backoff / 2 + Math.random() * (backoff / 2));
    } else {
      failures = 0;
      schedule(idleMs);
    }
  };

  const request = (ms: number) => {
    requested = true;
    if (!running) schedule(ms);
  };

  const now = () => {
    failures = 0;
    request(0);
  };

  engine.onQueued = () => request(50);
  const events = options.events ?? window;
  events.addEventListener('online', now);
  void (options.live ?? ((signal, poke) => listen(options, signal, poke)))(live.signal, now);
  schedule(0);

  return () => {
    stopped = true;
    engine.onQueued = null;
    events.removeEventListener('online', now);
    live.abort();
    if (timer) clearTimeout(timer);
  };
}

/**
 * The server's event stream, read with fetch so the session token travels in a header rather
 * than in a URL that proxies log. Reconnects with backoff; each reconnect syncs, because pokes
 * sent while disconnected were missed.
 */
async function listen(
  options: RunnerOptions,
  signal: AbortSignal,
  poke: () => void,
): Promise<void> {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const token = options.getToken();
      const response = await fetch(`${options.serverUrl.replace(/\/+$/, '')}/api/sync/events`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal,
      });
      if (response.ok && response.body) {
        delay = 1000;
        poke();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (event.includes('event: poke')) poke();
          }
        }
      }
    } catch {
      // offline or aborted: wait and try again below
    }
    if (signal.aborted) return;
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(30_000, delay * 2);
  }
}
