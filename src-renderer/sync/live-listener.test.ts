import { afterEach, describe, expect, it } from 'vitest';
import { listenForPokes } from './sync-runner';

/**
 * How the client's event-stream listener reconnects, against a stand-in for the server's
 * fetch answers: a stream ended on purpose or refused must not be retried at once, and a
 * server that keeps dropping it must be backed off from, not hammered.
 */

/** What the server sends on one attempt: a stream it writes to, or a refusal. */
interface Stream {
  write(text: string): void;
  end(text?: string): void;
}
type Handler = (stream: Stream, attempt: number, authorization: string | null) => Response | void;

let controller: AbortController | null = null;
afterEach(() => controller?.abort());

function serve(handler: Handler): { fetch: typeof fetch; attempts: number[] } {
  const attempts: number[] = [];
  const encoder = new TextEncoder();
  const fakeFetch = async (_input: RequestInfo | URL, init?: RequestInit) => {
    attempts.push(Date.now());
    let sink: ReadableStreamDefaultController<Uint8Array> | null = null;
    const body = new ReadableStream<Uint8Array>({ start: (c) => void (sink = c) });
    const stream: Stream = {
      write: (text) => sink?.enqueue(encoder.encode(text)),
      end: (text) => {
        if (text) sink?.enqueue(encoder.encode(text));
        sink?.close();
        sink = null;
      },
    };
    init?.signal?.addEventListener('abort', () => sink?.error(new DOMException('aborted')));
    const headers = new Headers(init?.headers);
    const refusal = handler(stream, attempts.length, headers.get('authorization'));
    return refusal ?? new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch: fakeFetch as typeof fetch, attempts };
}

function refuse(status: number, headers: Record<string, string> = {}): Response {
  return new Response('{"code":"x","message":"x"}', {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function listen(
  fetch: typeof globalThis.fetch,
  options: { firstDelayMs: number; maxDelayMs: number },
) {
  controller = new AbortController();
  const pokes = { count: 0 };
  const done = listenForPokes(
    'http://server.test',
    () => 'token-1',
    controller.signal,
    () => (pokes.count += 1),
    { ...options, fetch },
  );
  return { pokes, done };
}

describe('live listener', () => {
  it('syncs on connecting and on every poke, sending the session token', async () => {
    let authorization: string | null = null;
    const { fetch } = serve((stream, _attempt, header) => {
      authorization = header;
      stream.write(': connected\n\nevent: poke\ndata: {}\n\n: keep-alive\n\nevent: po');
      stream.write('ke\ndata: {}\n\n');
    });
    const { pokes } = listen(fetch, { firstDelayMs: 10, maxDelayMs: 1000 });
    await sleep(150);
    expect(authorization).toBe('Bearer token-1');
    expect(pokes.count).toBe(3); // the connect, then two pokes; the keep-alive is no poke
  });

  it('waits the longest after the server ends the stream because the session ended', async () => {
    const { fetch, attempts } = serve((stream) => {
      stream.write(': connected\n\n');
      // The server ends it; the connection may linger, but the event decides.
      stream.write('event: end\ndata: {"code":"unauthenticated"}\n\n');
    });
    listen(fetch, { firstDelayMs: 10, maxDelayMs: 400 });
    await sleep(300);
    expect(attempts).toHaveLength(1);
    await sleep(250);
    expect(attempts).toHaveLength(2);
  });

  it('waits the longest when refused for the session (401), not retrying every second', async () => {
    const { fetch, attempts } = serve(() => refuse(401));
    const { pokes } = listen(fetch, { firstDelayMs: 10, maxDelayMs: 300 });
    await sleep(250);
    expect(attempts).toHaveLength(1);
    expect(pokes.count).toBe(0);
  });

  it('honours Retry-After when refused for too many streams (429)', async () => {
    const { fetch, attempts } = serve(() => refuse(429, { 'retry-after': '1' }));
    listen(fetch, { firstDelayMs: 10, maxDelayMs: 200 });
    await sleep(800);
    expect(attempts).toHaveLength(1);
    await sleep(400);
    expect(attempts).toHaveLength(2);
  });

  it('backs off from a server that drops every stream at once, and starts over after a healthy one', async () => {
    const healthyMs = 250;
    const { fetch, attempts } = serve((stream, attempt) => {
      stream.write(': connected\n\n');
      if (attempt === 5) setTimeout(() => stream.end(), healthyMs + 50);
      else stream.end();
    });
    listen(fetch, { firstDelayMs: 5, maxDelayMs: healthyMs });
    await sleep(150);
    // Without backoff a dropped stream would come back every few milliseconds.
    const early = attempts.length;
    expect(early).toBeGreaterThanOrEqual(3);
    expect(early).toBeLessThanOrEqual(6);
    const gaps = attempts.slice(1, 4).map((t, i) => t - attempts[i]!);
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);

    // The fifth stayed open longer than the longest wait: the next drop is retried soon.
    const until = Date.now() + 2000;
    while (attempts.length < 6 && Date.now() < until) await sleep(10);
    expect(attempts.length).toBeGreaterThanOrEqual(6);
    const fifthClosed = attempts[4]! + healthyMs + 50;
    expect(attempts[5]! - fifthClosed).toBeLessThan(60);
  });

  it('stops at once when aborted, even while waiting to reconnect', async () => {
    const { fetch } = serve(() => refuse(401));
    const { done } = listen(fetch, { firstDelayMs: 10, maxDelayMs: 60_000 });
    await sleep(50);
    const started = Date.now();
    controller!.abort();
    await done;
    expect(Date.now() - started).toBeLessThan(100);
  });
});
