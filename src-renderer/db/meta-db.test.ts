import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { MetaDb, type KnownUser } from './meta-db';

const opened: MetaDb[] = [];
let counter = 0;

function freshDb(): MetaDb {
  const db = new MetaDb(`meta-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  const dbs = opened.splice(0);
  // Close every connection first, or deleting one name waits on its other connection.
  for (const db of dbs) db.close();
  for (const name of new Set(dbs.map((d) => d.name))) await Dexie.delete(name);
});

const quality: KnownUser = {
  userId: '0195e4b2-1111-7000-8000-000000000001',
  username: 'quality',
  displayName: 'Quality inspector',
  role: 'quality',
  clientId: '0195e4b2-2222-7000-8000-000000000002',
  credential: {
    v: 1,
    iterations: 600_000,
    verifierSalt: new Uint8Array(16).fill(1),
    verifier: new Uint8Array(32).fill(2),
    keySalt: new Uint8Array(16).fill(3),
    iv: new Uint8Array(12).fill(4),
    tokenCiphertext: new Uint8Array([5, 6, 7]),
  },
  tokenExpiresAt: '2026-03-06T00:00:00.000Z',
  lastOnlineSignInAt: '2026-03-05T00:00:00.000Z',
};

describe('orderline-meta, version 1', () => {
  it('opens empty at version 1', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(1);
    expect(await db.knownUsers.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });

  it('round-trips a known user, bytes included, and finds it by username', async () => {
    const db = freshDb();
    await db.knownUsers.put(quality);
    const back = await db.findKnownUser('quality');
    expect(back).toEqual(quality);
    expect(back?.credential?.verifier).toBeInstanceOf(Uint8Array);
    expect(await db.findKnownUser('finance')).toBeUndefined();
  });

  it('keeps usernames unique on the PC', async () => {
    const db = freshDb();
    await db.knownUsers.put(quality);
    await expect(
      db.knownUsers.put({ ...quality, userId: '0195e4b2-3333-7000-8000-000000000003' }),
    ).rejects.toThrow(Dexie.ConstraintError);
  });

  it('round-trips typed settings and survives a reopen', async () => {
    const db = freshDb();
    await db.setSetting('language', 'en');
    await db.setSetting('navCollapsed', true);
    db.close();
    const again = new MetaDb(db.name);
    opened.push(again);
    expect(await again.getSetting('language')).toBe('en');
    expect(await again.getSetting('navCollapsed')).toBe(true);
    expect(await again.getSetting('deviceName')).toBeUndefined();
  });
});
