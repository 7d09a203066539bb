import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from './sync-engine';
import { startSyncRunner } from './sync-runner';

/** The runner's timing decisions, with a stand-in engine that only counts and waits. */

const OK: SyncStatus = {
  online: true,
  pending: 0,
  rejections: 0,
  lastSyncAt: null,
  syncing: false,
  progress: null,
  error: null,
  outdated: false,
};

function fakeEngine(syncMs: number, status: SyncStatus = OK) {
  const engine = {
    calls: 0,
    onQueued: null as (() => void) | null,
    getStatus: () => status,
    sync: async () => {
      engine.calls += 1;
      await new Promise((r) => setTimeout(r, syncMs));
    },
  };
  return engine;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let stop: (() => void) | null = null;
afterEach(() => stop?.());

describe('sync runner', () => {
  it('syncs once more when poked during a sync, instead of waiting for the idle timer', async () => {
    const engine = fakeEngine(40);
    let poke: () => void = () => undefined;
    stop = startSyncRunner(engine, {
      serverUrl: 'http://unused',
      getToken: () => null,
      idleMs: 60_000,
      events: new EventTarget(),
      live: async (_signal, p) => {
        poke = p;
      },
    });
    await sleep(10); // the first sync is running
    expect(engine.calls).toBe(1);
    poke();
    await sleep(120);
    expect(engine.calls).toBe(2);
  });

  it('pushes an action queued during a sync right after it', async () => {
    const engine = fakeEngine(40);
    stop = startSyncRunner(engine, {
      serverUrl: 'http://unused',
      getToken: () => null,
      idleMs: 60_000,
      events: new EventTarget(),
      live: async () => undefined,
    });
    await sleep(10);
    engine.onQueued?.();
    await sleep(150);
    expect(engine.calls).toBe(2);
  });

  it('backs off while the server cannot be reached, and retries at once when the network returns', async () => {
    const engine = fakeEngine(1, { ...OK, online: false, error: 'network-error' });
    const events = new EventTarget();
    stop = startSyncRunner(engine, {
      serverUrl: 'http://unused',
      getToken: () => null,
      events,
      live: async () => undefined,
    });
    await sleep(50);
    expect(engine.calls).toBe(1); // the next try waits at least half a second
    events.dispatchEvent(new Event('online'));
    await sleep(30);
    expect(engine.calls).toBe(2);
  });
});
