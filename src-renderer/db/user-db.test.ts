import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  CLIENT_SCHEMA_VERSION,
  DOMAIN_KINDS,
  DOMAIN_STORES_V2,
  DOMAIN_STORES_V1,
  SYNC_STORES,
  openUserDb,
  SchemaTooNewError,
  UserDb,
  userDbName,
} from './user-db';

/**
 * Dexie schema versions (convention 5: each version is tested from the one before it with data
 * in it). Version 1 is the first: it is tested from an empty browser, and a database written by
 * a newer app must be refused rather than opened and corrupted.
 */
describe('user database schema', () => {
  it('the current version opens empty and round-trips every table', async () => {
    const indexedDB = new IDBFactory();
    const db = await openUserDb('u1', { indexedDB, IDBKeyRange });
    expect(db.verno).toBe(CLIENT_SCHEMA_VERSION);
    expect(await db.syncMeta.get('schema')).toEqual({
      key: 'schema',
      version: CLIENT_SCHEMA_VERSION,
    });
    for (const kind of DOMAIN_KINDS) {
      await db.domain(kind).put({ id: `${kind}-1`, _v: 3 });
      expect(await db.domain(kind).get(`${kind}-1`)).toEqual({ id: `${kind}-1`, _v: 3 });
    }
    await db.outbox.add({
      seq: 1,
      mutationId: 'm1',
      name: 'order.create',
      args: {},
      clientTime: '2026-11-27T08:00:00.000Z',
      createdAt: '2026-11-27T08:00:00.000Z',
    });
    await expect(
      db.outbox.add({
        seq: 2,
        mutationId: 'm1',
        name: 'order.create',
        args: {},
        clientTime: '2026-11-27T08:00:00.000Z',
        createdAt: '2026-11-27T08:00:00.000Z',
      }),
    ).rejects.toThrow(); // mutationId is unique
    db.close();

    const reopened = new UserDb(userDbName('u1'), { indexedDB, IDBKeyRange });
    expect(await reopened.outbox.count()).toBe(1);
    expect(await reopened.domain('order').get('order-1')).toEqual({ id: 'order-1', _v: 3 });
    reopened.close();
  });

  it('version 2 keeps everything a version-1 database held', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie(userDbName('u3'), { indexedDB, IDBKeyRange });
    v1.version(1).stores({ ...DOMAIN_STORES_V1, ...SYNC_STORES });
    await v1.open();
    for (const kind of Object.keys(DOMAIN_STORES_V1)) {
      await v1.table(kind).put({ id: `${kind}-old`, _v: 7, state: 'received', orderId: 'o1' });
    }
    await v1.table('outbox').add({
      seq: 4,
      mutationId: 'm4',
      name: 'order.create',
      args: { id: 'x' },
      clientTime: '2026-11-27T08:00:00.000Z',
      createdAt: '2026-11-27T08:00:00.000Z',
    });
    await v1.table('syncMeta').put({
      key: 'state',
      clientId: 'c',
      cursor: 12,
      epoch: 'e',
      ackedSeq: 3,
      nextSeq: 5,
      lastSyncAt: null,
    });
    await v1.table('syncMeta').put({ key: 'schema', version: 1 });
    v1.close();

    // Versions 1 and 2 only, as the app that shipped version 2 declared them.
    const db = new Dexie(userDbName('u3'), { indexedDB, IDBKeyRange });
    db.version(1).stores({ ...DOMAIN_STORES_V1, ...SYNC_STORES });
    db.version(2).stores({ ...DOMAIN_STORES_V2, ...SYNC_STORES });
    await db.open();
    expect(db.verno).toBe(2);
    for (const kind of Object.keys(DOMAIN_STORES_V1)) {
      expect(await db.table(kind).get(`${kind}-old`)).toMatchObject({ _v: 7 });
    }
    expect(await db.table('inspection-lot').count()).toBe(0);
    expect((await db.table('outbox').toArray()).map((e: { seq: number }) => e.seq)).toEqual([4]);
    expect(await db.table('syncMeta').get('state')).toMatchObject({ cursor: 12, ackedSeq: 3 });
    db.close();
  });

  it('version 3 keeps a version-2 database and pulls again from zero for the new kinds', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie(userDbName('u4'), { indexedDB, IDBKeyRange });
    v2.version(1).stores({ ...DOMAIN_STORES_V1, ...SYNC_STORES });
    v2.version(2).stores({ ...DOMAIN_STORES_V2, ...SYNC_STORES });
    await v2.open();
    for (const kind of Object.keys(DOMAIN_STORES_V2)) {
      await v2.table(kind).put({ id: `${kind}-old`, _v: 9, orderId: 'o1', shipmentId: 's1' });
    }
    await v2.table('outbox').add({
      seq: 8,
      mutationId: 'm8',
      name: 'shipment.scan',
      args: { id: 'x' },
      clientTime: '2026-11-27T08:00:00.000Z',
      createdAt: '2026-11-27T08:00:00.000Z',
    });
    await v2.table('syncMeta').put({
      key: 'state',
      clientId: 'c',
      cursor: 40,
      epoch: 'e',
      ackedSeq: 7,
      nextSeq: 9,
      lastSyncAt: '2026-11-27T07:00:00.000Z',
      role: 'warehouse',
    });
    await v2.table('syncMeta').put({ key: 'schema', version: 2 });
    v2.close();

    const db = await openUserDb('u4', { indexedDB, IDBKeyRange });
    expect(db.verno).toBe(3);
    for (const kind of Object.keys(DOMAIN_STORES_V2)) {
      expect(await db.domain(kind).get(`${kind}-old`)).toMatchObject({ _v: 9 });
    }
    await db.domain('packing-spec').put({ id: 'ps-1', _v: 1, model: 'M', customerId: 'c1' });
    expect(await db.domain('packing-spec').where('model').equals('M').count()).toBe(1);
    expect((await db.outbox.toArray()).map((e) => e.seq)).toEqual([8]);
    // Same client, epoch and queue; only the cursor goes back, to fetch the skipped kinds.
    expect(await db.syncState()).toEqual({
      key: 'state',
      clientId: 'c',
      cursor: 0,
      epoch: 'e',
      ackedSeq: 7,
      nextSeq: 9,
      lastSyncAt: '2026-11-27T07:00:00.000Z',
      role: 'warehouse',
    });
    expect(await db.syncMeta.get('schema')).toEqual({ key: 'schema', version: 3 });
    db.close();
  });

  it('refuses a database written by a newer version of the app', async () => {
    const indexedDB = new IDBFactory();
    const newer = new Dexie(userDbName('u2'), { indexedDB, IDBKeyRange });
    newer.version(CLIENT_SCHEMA_VERSION + 5).stores({ order: 'id', syncMeta: 'key' });
    await newer.open();
    await newer.table('syncMeta').put({ key: 'schema', version: CLIENT_SCHEMA_VERSION + 5 });
    await newer.table('order').put({ id: 'kept' });
    newer.close();
    await expect(openUserDb('u2', { indexedDB, IDBKeyRange })).rejects.toBeInstanceOf(
      SchemaTooNewError,
    );
    const check = new Dexie(userDbName('u2'), { indexedDB, IDBKeyRange });
    await check.open();
    expect(await check.table('order').get('kept')).toEqual({ id: 'kept' });
    check.close();
  });

  it('keeps each user in a database of their own', () => {
    expect(userDbName('a')).not.toBe(userDbName('b'));
  });
});
