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
  const listen =
    options.live ??
    ((signal: AbortSignal, poke: () => void) =>
      listenForPokes(options.serverUrl, options.getToken, signal, poke));
  void listen(live.signal, now);
  schedule(0);

  return () => {
    stopped = true;
    engine.onQueued = null;
    events.removeEventListener('online', now);
    live.abort();
    if (timer) clearTimeout(timer);
  };
}

export interface ListenOptions {
  /** First wait before reconnecting; it doubles on every failure. */
  firstDelayMs?: number;
  /** The longest wait, and how long a stream must stay open to count as healthy. */
  maxDelayMs?: number;
  /** The browser's fetch; tests play the server with their own. */
  fetch?: typeof fetch;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

/**
 * The server's event stream, read with fetch so the session token travels in a header rather
 * than in a URL that proxies log. Reconnects with backoff; each reconnect syncs, because pokes
 * sent while disconnected were missed.
 *
 * The backoff restarts only after a stream stayed open a while: a server that accepts and
 * drops at once must not be reconnected to every second. When the server ends the stream
 * because the session ended (`event: end`), or refuses it (401/403: signed out, expired,
 * disabled; 429: too many streams), retrying soon cannot help, so the next try waits the
 * longest; the sync itself reports the session problem to the user.
 */
export async function listenForPokes(
  serverUrl: string,
  getToken: () => string | null,
  signal: AbortSignal,
  poke: () => void,
  {
    firstDelayMs = 1000,
    maxDelayMs = 30_000,
    fetch = (input, init) => globalThis.fetch(input, init),
  }: ListenOptions = {},
): Promise<void> {
  let delay = firstDelayMs;
  while (!signal.aborted) {
    let wait: number | null = null;
    try {
      const token = getToken();
      const response = await fetch(`${serverUrl.replace(/\/+$/, '')}/api/sync/events`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal,
      });
      if (response.ok && response.body) {
        const opened = Date.now();
        poke();
        const ended = await readPokes(response.body, poke);
        if (ended) wait = maxDelayMs;
        else if (Date.now() - opened >= maxDelayMs) delay = firstDelayMs;
      } else {
        await response.body?.cancel();
        if ([401, 403, 429].includes(response.status)) {
          const retryAfter = Number(response.headers.get('retry-after')) * 1000;
          wait = Math.max(maxDelayMs, Number.isFinite(retryAfter) ? retryAfter : 0);
        }
      }
    } catch {
      // offline or aborted: wait and try again below
    }
    if (signal.aborted) return;
    // Jitter, so that the PCs of a factory do not all come back in the same second.
    const ms = wait ?? delay / 2 + Math.random() * (delay / 2);
    await sleep(ms, signal);
    delay = Math.min(maxDelayMs, delay * 2);
  }
}

/** Reads the stream until it closes; true when the server said it ended it on purpose. */
async function readPokes(body: NonNullable<Response['body']>, poke: () => void): Promise<boolean> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (/^event: end$/m.test(event)) {
        await reader.cancel();
        return true;
      }
      if (/^event: poke$/m.test(event)) poke();
    }
  }
}
