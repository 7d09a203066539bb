import type { MutationArgs } from '../../src-shared/domains';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PullResponse, PushRequest } from '../../src-shared/sync/protocol';
import { UserDb } from '../db/user-db';
import { SyncEngine, type SyncTransport } from './sync-engine';

/**
 * The engine's local half on a real Dexie (fake-indexeddb in Node). Server answers are plain
 * protocol values written out here; the engine against a real server is tests/sync.
 */

const CLIENT = '0192f000-0000-7000-8000-000000000001';
const ORDER = '0192f000-0000-7000-8000-0000000000a1';

let db: UserDb;
let pushed: PushRequest[];
let pages: PullResponse[];

const transport: SyncTransport = {
  push: async (request) => {
    pushed.push(request);
    const last = request.mutations[request.mutations.length - 1];
    return { ok: true, value: { results: [], lastSeq: last?.seq ?? 0 } };
  },
  pull: async () => {
    const page = pages.shift();
    return page ? { ok: true, value: page } : { ok: false, error: 'network-error' };
  },
};

function engine(role: 'order-desk' | 'finance' = 'order-desk'): SyncEngine {
  return new SyncEngine(db, transport, { userId: 'u1', role, clientId: CLIENT });
}

function page(partial: Partial<PullResponse>): PullResponse {
  return {
    epoch: 'e1',
    reset: false,
    changes: [],
    cursor: 1,
    lastAckedSeq: 0,
    rejections: [],
    hasMore: false,
    remaining: 0,
    ...partial,
  };
}

const createArgs: MutationArgs<'order.create'> = {
  id: ORDER,
  customerId: 'c1',
  channel: 'phone',
  lines: [{ model: '18650-2600', quantity: 1000 }],
};

beforeEach(() => {
  db = new UserDb(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  pushed = [];
  pages = [];
});
afterEach(() => db.close());

describe('SyncEngine (local store on fake-indexeddb)', () => {
  it('applies an action locally and queues it in the same transaction', async () => {
    const e = engine();
    const result = await e.mutate('order.create', createArgs);
    expect(result.ok).toBe(true);
    const order = await db.domain('order').get(ORDER);
    expect(order?.state).toBe('received');
    expect(order?.numberProvisional).toBe(true);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.outbox.toArray())[0]?.seq).toBe(1);
  });

  it('refuses at once what the server would refuse, and stores nothing', async () => {
    const e = engine('finance');
    const result = await e.mutate('order.create', createArgs);
    expect(result).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.domain('order').count()).toBe(0);

    const bad = await engine().mutate('order.create', { ...createArgs, lines: [] });
    expect(bad).toMatchObject({ ok: false, error: 'invalid-args' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the outbox until the server acknowledges, then takes the server row', async () => {
    const e = engine();
    await e.mutate('order.create', createArgs);
    pages.push(page({ cursor: 5, lastAckedSeq: 0 }));
    await e.sync();
    expect(pushed).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1); // pushed, not yet acknowledged by a pull

    const serverOrder = {
      ...createArgs,
      number: 'SO-2026-000001',
      numberProvisional: false,
      state: 'received',
      history: [],
    };
    pages.push(
      page({
        cursor: 6,
        lastAckedSeq: 1,
        changes: [{ kind: 'order', id: ORDER, version: 6, body: serverOrder }],
      }),
    );
    await e.sync();
    expect(await db.outbox.count()).toBe(0);
    const order = await db.domain('order').get(ORDER);
    expect(order).toMatchObject({ number: 'SO-2026-000001', _v: 6 });
    expect(await db.shadow.count()).toBe(0);
    expect((await db.syncState())?.cursor).toBe(6);
  });

  it('moves a refused action to the rejections inbox and rolls its effect back', async () => {
    const e = engine();
    await e.mutate('order.create', createArgs);
    pages.push(
      page({
        cursor: 2,
        lastAckedSeq: 1,
        rejections: [{ seq: 1, status: 'rejected', code: 'forbidden', params: {}, version: 2 }],
      }),
    );
    await e.sync();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.domain('order').get(ORDER)).toBeUndefined();
    const rejections = await db.rejections.toArray();
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatchObject({ name: 'order.create', code: 'forbidden' });
    expect(e.getStatus().rejections).toBe(1);
  });

  it('replays pending actions on top of newer server data', async () => {
    const e = engine();
    const base = {
      ...createArgs,
      number: 'SO-2026-000007',
      numberProvisional: false,
      state: 'received',
      history: [],
    };
    pages.push(
      page({ cursor: 3, changes: [{ kind: 'order', id: ORDER, version: 3, body: base }] }),
    );
    await e.sync();
    await e.mutate('order.transition', { orderId: ORDER, to: 'under_review' });
    expect((await db.domain('order').get(ORDER))?.state).toBe('under_review');

    // Someone else's note arrives for the same order; our pending review must survive it.
    pages.push(
      page({
        cursor: 4,
        changes: [{ kind: 'order', id: ORDER, version: 4, body: { ...base, notes: 'call first' } }],
      }),
    );
    await e.sync();
    const order = await db.domain('order').get(ORDER);
    expect(order).toMatchObject({ state: 'under_review', notes: 'call first' });
    expect(await db.outbox.count()).toBe(1);
    const shadow = await db.shadow.get(['order', ORDER]);
    expect(shadow?.body).toMatchObject({ state: 'received', notes: 'call first', _v: 4 });
  });

  it('rebases a chain of pending actions: server rows under them, the last write on top', async () => {
    const e = engine();
    const other = '0192f000-0000-7000-8000-0000000000b2';
    await e.mutate('order.create', createArgs); // seq 1
    await e.mutate('order.transition', { orderId: ORDER, to: 'under_review' }); // seq 2
    await e.mutate('order.create', { ...createArgs, id: other }); // seq 3
    // Many more queued offline: the replay runs long stretches without touching IndexedDB.
    for (let i = 0; i < 300; i++) {
      await e.mutate('order.clarify', {
        id: `0192f000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        orderId: other,
        channel: 'phone',
        question: `question ${i}`,
      });
    }

    // The server took the first create and numbered it; nothing else yet.
    const server = {
      ...createArgs,
      number: 'SO-2026-000042',
      numberProvisional: false,
      state: 'received',
      history: [],
    };
    pages.push(
      page({
        cursor: 5,
        lastAckedSeq: 1,
        changes: [{ kind: 'order', id: ORDER, version: 5, body: server }],
      }),
    );
    await e.sync();
    expect(await db.outbox.count()).toBe(302);
    expect(await db.domain('order').get(ORDER)).toMatchObject({
      state: 'under_review',
      number: 'SO-2026-000042',
      _v: 5,
    });
    expect((await db.shadow.get(['order', ORDER]))?.body).toMatchObject({
      state: 'received',
      _v: 5,
    });
    expect(await db.domain('order').get(other)).toMatchObject({ state: 'received', _v: 0 });
    expect((await db.shadow.get(['order', other]))?.body).toBeNull();
    expect(await db.domain('clarification').count()).toBe(300);
    expect(await db.shadow.count()).toBe(2 + 300);

    // The review is refused: the server's row is all that is left of it.
    pages.push(
      page({
        cursor: 6,
        lastAckedSeq: 2,
        rejections: [{ seq: 2, status: 'rejected', code: 'illegal-transition', version: 6 }],
      }),
    );
    await e.sync();
    expect(await db.domain('order').get(ORDER)).toMatchObject({ state: 'received', _v: 5 });
    expect(await db.shadow.get(['order', ORDER])).toBeUndefined();
    expect(await db.rejections.count()).toBe(1);
    expect(await db.outbox.count()).toBe(301);
  });

  it('asks for the next page while applying one, and drops that answer when the page was stale', async () => {
    const asked: number[] = [];
    const answering = (answer: (cursor: number) => PullResponse) =>
      new SyncEngine(
        db,
        {
          push: transport.push,
          pull: async (request) => {
            asked.push(request.cursor);
            return { ok: true, value: answer(request.cursor) };
          },
        },
        { userId: 'u1', role: 'order-desk', clientId: CLIENT },
      );
    const row = (id: string, version: number) => ({
      kind: 'product',
      id,
      version,
      body: { model: id },
    });

    await answering((cursor) =>
      cursor === 0
        ? page({ cursor: 2, hasMore: true, remaining: 1, changes: [row('a', 2)] })
        : page({ cursor: 3, changes: [row('b', 3)] }),
    ).sync();
    expect(asked).toEqual([0, 2]);
    expect(await db.domain('product').count()).toBe(2);
    expect((await db.syncState())?.cursor).toBe(3);

    // A late answer from before cursor 3 says there is more after 1: applying it changes
    // nothing, so what was asked early (from 1) is dropped and the page is asked from 3 again.
    asked.length = 0;
    const answers = [
      page({ cursor: 1, hasMore: true, remaining: 5 }),
      page({ cursor: 9, changes: [row('stale', 9)] }),
      page({ cursor: 4 }),
    ];
    await answering(() => answers.shift()!).sync();
    expect(asked).toEqual([3, 1, 3]);
    expect(await db.domain('product').get('stale')).toBeUndefined();
    expect((await db.syncState())?.cursor).toBe(4);
  });

  it('drops local data on a reset and renumbers what is pending after the server', async () => {
    const e = engine();
    pages.push(
      page({
        cursor: 9,
        changes: [{ kind: 'product', id: 'p1', version: 9, body: { model: 'x' } }],
      }),
    );
    await e.sync();
    await e.mutate('order.create', createArgs);
    pages.push(page({ epoch: 'e2', reset: true, cursor: 2, lastAckedSeq: 0 }));
    await e.sync();
    expect(await db.domain('product').count()).toBe(0);
    expect(await db.domain('order').get(ORDER)).toBeDefined(); // replayed
    const meta = await db.syncState();
    expect(meta).toMatchObject({ epoch: 'e2', cursor: 2 });
  });

  it('never moves the cursor backwards on a stale answer', async () => {
    const e = engine();
    pages.push(page({ cursor: 10 }));
    await e.sync();
    pages.push(
      page({ cursor: 4, changes: [{ kind: 'product', id: 'old', version: 4, body: {} }] }),
    );
    await e.sync();
    expect((await db.syncState())?.cursor).toBe(10);
    expect(await db.domain('product').get('old')).toBeUndefined();
  });

  it('reports offline without losing anything when the network is down', async () => {
    const e = engine();
    await e.mutate('order.create', createArgs);
    const offline = new SyncEngine(
      db,
      { push: async () => ({ ok: false, error: 'network-error' }), pull: transport.pull },
      { userId: 'u1', role: 'order-desk', clientId: CLIENT },
    );
    await offline.sync();
    expect(offline.getStatus()).toMatchObject({
      online: false,
      error: 'network-error',
      pending: 1,
    });
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('SyncEngine.prepare (role changes)', () => {
  it('drops data pulled for another role and keeps what is queued', async () => {
    const first = engine();
    await first.prepare();
    pages.push(page({ cursor: 5, changes: [{ kind: 'product', id: 'p1', version: 5, body: {} }] }));
    await first.sync();
    await first.mutate('order.create', createArgs);

    const asSales = new SyncEngine(db, transport, {
      userId: 'u1',
      role: 'sales',
      clientId: CLIENT,
    });
    await asSales.prepare();
    expect(await db.domain('product').count()).toBe(0);
    expect((await db.syncState())?.cursor).toBe(0);
    expect(await db.outbox.count()).toBe(1);

    const again = new SyncEngine(db, transport, { userId: 'u1', role: 'sales', clientId: CLIENT });
    await db.domain('product').put({ id: 'p2', _v: 1 });
    await again.prepare();
    expect(await db.domain('product').count()).toBe(1); // same role: nothing dropped
  });
});
