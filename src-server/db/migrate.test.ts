import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, testEngine, type TestDatabase } from '../testing/test-database';
import { REPO_ROOT } from '../paths';
import { openDatabase } from './database';
import { LATEST_MIGRATION, MIGRATIONS, migrateTo, migrateToLatest } from './migrate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const T0 = '2026-01-05T08:00:00.000Z';

/**
 * One case per migration: `seed` writes data as it looked at the version just before the
 * migration (raw rows, no app helpers: they describe the latest schema), and `check` asserts
 * that after migrating to the latest version the data is intact and the new parts work.
 */
const CASES: Record<string, { seed(db: AnyDb): Promise<void>; check(db: AnyDb): Promise<void> }> = {
  '0001_identity': {
    async seed() {
      // Nothing exists before the first migration.
    },
    async check(db) {
      expect(await db.selectFrom('sync_state').selectAll().execute()).toEqual([
        { id: 1, version: 0, epoch: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      ]);
      expect(await db.selectFrom('audit_head').selectAll().execute()).toEqual([
        { id: 1, seq: 0, hash: '0'.repeat(64) },
      ]);
      // The single-row tables refuse a second row.
      await expect(
        db.insertInto('sync_state').values({ id: 2, version: 0, epoch: 'x' }).execute(),
      ).rejects.toThrow();
    },
  },
  '0002_sync_store': {
    async seed(db) {
      await db
        .insertInto('users')
        .values({
          id: 'u-1',
          username: 'quality',
          display_name: '赵磊',
          role: 'quality',
          password_hash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
          disabled: 0,
          created_at: T0,
          updated_at: T0,
        })
        .execute();
      await db
        .insertInto('devices')
        .values({
          client_id: 'c-1',
          user_id: 'u-1',
          device_name: 'QC-PC',
          registered_at: T0,
          last_seen_at: T0,
        })
        .execute();
      await db
        .insertInto('sessions')
        .values({
          token_hash: 'ab'.repeat(32),
          user_id: 'u-1',
          client_id: 'c-1',
          created_at: T0,
          expires_at: T0,
        })
        .execute();
      await db
        .insertInto('audit_log')
        .values({
          seq: 1,
          user_id: 'u-1',
          client_id: 'c-1',
          client_time: T0,
          server_time: T0,
          action: 'device.registered',
          detail: '{"clientId":"c-1"}',
          prev_hash: '0'.repeat(64),
          hash: 'f'.repeat(64),
        })
        .execute();
      await db.updateTable('sync_state').set({ version: 41 }).execute();
    },
    async check(db) {
      expect(
        await db.selectFrom('users').select(['id', 'username', 'display_name']).execute(),
      ).toEqual([{ id: 'u-1', username: 'quality', display_name: '赵磊' }]);
      expect(await db.selectFrom('devices').selectAll().execute()).toEqual([
        {
          client_id: 'c-1',
          user_id: 'u-1',
          device_name: 'QC-PC',
          registered_at: T0,
          last_seen_at: T0,
          last_seq: 0,
        },
      ]);
      expect(await db.selectFrom('sessions').select('client_id').execute()).toEqual([
        { client_id: 'c-1' },
      ]);
      expect(await db.selectFrom('audit_log').select(['seq', 'hash']).execute()).toEqual([
        { seq: 1, hash: 'f'.repeat(64) },
      ]);
      expect(
        (await db.selectFrom('sync_state').select('version').executeTakeFirst())?.version,
      ).toBe(41);

      // The new tables take rows, and bigints come back as numbers on both engines.
      const big = 2 ** 40;
      await db
        .insertInto('records')
        .values({
          kind: 'product',
          id: 'p-1',
          version: big,
          body: '{}',
          updated_by: 'u-1',
          updated_at: T0,
        })
        .execute();
      await db
        .insertInto('mutations')
        .values({
          client_id: 'c-1',
          seq: 1,
          name: 'x',
          result: '{}',
          server_version: big,
          created_at: T0,
        })
        .execute();
      expect(
        await db.selectFrom('records').select(['version', 'deleted']).executeTakeFirst(),
      ).toEqual({
        version: big,
        deleted: 0,
      });
      const { n } = await db
        .selectFrom('mutations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(n).toBe(1);
      await expect(
        db
          .insertInto('records')
          .values({ kind: 'product', id: 'p-1', version: 1, body: '{}', updated_at: T0 })
          .execute(),
      ).rejects.toThrow();
    },
  },
  '0003_sync_engine': {
    async seed(db) {
      await db
        .insertInto('records')
        .values({
          kind: 'order',
          id: 'o-1',
          version: 7,
          body: '{"number":"SO-2026-000001"}',
          updated_by: 'u-1',
          updated_at: T0,
        })
        .execute();
      await db
        .insertInto('mutations')
        .values({
          client_id: 'c-1',
          seq: 3,
          name: 'order.create',
          result: '{"seq":3,"status":"applied","version":7}',
          server_version: 7,
          created_at: T0,
        })
        .execute();
    },
    async check(db) {
      // Rows from before keep their data; the new columns are empty for them.
      expect(
        await db.selectFrom('records').select(['id', 'version', 'body', 'audience']).execute(),
      ).toEqual([{ id: 'o-1', version: 7, body: '{"number":"SO-2026-000001"}', audience: null }]);
      expect(
        await db.selectFrom('mutations').select(['seq', 'server_version', 'mutation_id']).execute(),
      ).toEqual([{ seq: 3, server_version: 7, mutation_id: null }]);
      await db.insertInto('doc_counters').values({ series: 'SO', year: 2026, next: 1 }).execute();
      await expect(
        db.insertInto('doc_counters').values({ series: 'SO', year: 2026, next: 2 }).execute(),
      ).rejects.toThrow();
    },
  },
  '0004_portal_keys': {
    async seed(db) {
      await db.insertInto('doc_counters').values({ series: 'RQ', year: 2026, next: 41 }).execute();
    },
    async check(db) {
      expect(await db.selectFrom('doc_counters').selectAll().execute()).toEqual([
        { series: 'RQ', year: 2026, next: 41 },
      ]);
      const row = {
        id: 'k-1',
        name: 'web-shop',
        key_hash: 'a'.repeat(64),
        created_at: T0,
        revoked_at: null,
        last_used_at: null,
      };
      await db.insertInto('portal_keys').values(row).execute();
      expect(await db.selectFrom('portal_keys').selectAll().execute()).toEqual([row]);
      // One key per portal name, and a hash never twice.
      await expect(
        db
          .insertInto('portal_keys')
          .values({ ...row, id: 'k-2', key_hash: 'b'.repeat(64) })
          .execute(),
      ).rejects.toThrow();
      await expect(
        db
          .insertInto('portal_keys')
          .values({ ...row, id: 'k-3', name: 'other' })
          .execute(),
      ).rejects.toThrow();
    },
  },
  '0005_mail_queue': {
    async seed(db) {
      await db
        .insertInto('portal_keys')
        .values({ id: 'k-1', name: 'web-shop', key_hash: 'a'.repeat(64), created_at: T0 })
        .execute();
    },
    async check(db) {
      expect(await db.selectFrom('portal_keys').select('name').execute()).toEqual([
        { name: 'web-shop' },
      ]);
      const row = {
        id: 'mail-1',
        ref: 'shipment-notice:s-1',
        to_address: 'buyer@example.com',
        subject: 'Shipped',
        body_text: 'Tracking SF1',
        status: 'queued',
        next_attempt_at: T0,
        created_at: T0,
      };
      await db.insertInto('mail_queue').values(row).execute();
      expect(await db.selectFrom('mail_queue').selectAll().execute()).toEqual([
        { ...row, attempts: 0, lease_until: null, last_error: null, sent_at: null },
      ]);
      // One mail per cause: a second notice for the same shipment is refused by the database.
      await expect(
        db
          .insertInto('mail_queue')
          .values({ ...row, id: 'mail-2' })
          .execute(),
      ).rejects.toThrow();
    },
  },
  '0006_record_index': {
    async seed(db) {
      // Records written before the index table existed: the start after the migration
      // indexes them (ensureRecordIndexes), so a mutator's scan finds them at once.
      const rows = [
        ['batch', 'b-1', { id: 'b-1', lineId: 'L1', start: T0, state: 'planned' }, 0],
        ['batch', 'b-2', { id: 'b-2', lineId: 'L1', start: T0, state: 'done' }, 1],
        ['product', 'p-1', { id: 'p-1', code: 'CYL-21700' }, 0],
      ] as const;
      let version = 0;
      for (const [kind, id, body, deleted] of rows) {
        await db
          .insertInto('records')
          .values({
            kind,
            id,
            version: ++version,
            body: JSON.stringify(body),
            deleted,
            updated_by: null,
            updated_at: T0,
            audience: null,
          })
          .execute();
      }
    },
    async check(db) {
      const byName = (a: { kind: string; name: string }, b: { kind: string; name: string }) =>
        a.kind + a.name < b.kind + b.name ? -1 : 1;
      const keys = (
        await db.selectFrom('record_index').select(['kind', 'name', 'id']).execute()
      ).sort(byName);
      // The deleted batch has no keys; the live one has one per declared batch index.
      expect(keys).toEqual(
        [
          { kind: 'batch', name: 'lineId', id: 'b-1' },
          { kind: 'batch', name: 'state', id: 'b-1' },
          { kind: 'batch', name: '[lineId+start]', id: 'b-1' },
          { kind: 'product', name: 'code', id: 'p-1' },
        ].sort((a, b) => (a.kind + a.name < b.kind + b.name ? -1 : 1)),
      );
      const state = await db.selectFrom('record_index_state').select('kind').execute();
      expect(state.map((s: { kind: string }) => s.kind)).toContain('batch');
    },
  },
  '0007_portal_key_customers': {
    async seed(db) {
      // A key in use before keys were bound, and the customer it was (in fact) ordering for.
      await db
        .insertInto('portal_keys')
        .values({
          id: 'k-1',
          name: 'web-shop',
          key_hash: 'a'.repeat(64),
          created_at: T0,
          last_used_at: T0,
        })
        .execute();
      await db
        .insertInto('records')
        .values({
          kind: 'customer',
          id: 'c-1',
          version: 1,
          body: JSON.stringify({ id: 'c-1', code: 'C-0001' }),
          updated_by: null,
          updated_at: T0,
        })
        .execute();
    },
    async check(db) {
      // The key and its use survive; it is bound to nobody (so it takes no orders until an
      // admin binds it), not to the customers it happened to order for.
      expect(
        await db.selectFrom('portal_keys').select(['id', 'name', 'last_used_at']).execute(),
      ).toEqual([{ id: 'k-1', name: 'web-shop', last_used_at: T0 }]);
      expect(await db.selectFrom('portal_key_customers').selectAll().execute()).toEqual([]);
      const row = { key_id: 'k-1', customer_id: 'c-1', bound_at: T0 };
      await db.insertInto('portal_key_customers').values(row).execute();
      expect(await db.selectFrom('portal_key_customers').selectAll().execute()).toEqual([row]);
      // One row per key and customer, and none for a key that does not exist.
      await expect(db.insertInto('portal_key_customers').values(row).execute()).rejects.toThrow();
      await expect(
        db
          .insertInto('portal_key_customers')
          .values({ ...row, key_id: 'k-none' })
          .execute(),
      ).rejects.toThrow();
    },
  },
};

describe(`migrations (${testEngine()})`, () => {
  let database: TestDatabase | undefined;
  let db: AnyDb | undefined;

  const open = async () => {
    database = await createTestDatabase();
    db = openDatabase(database.config);
    return db;
  };
  afterEach(async () => {
    await db?.destroy();
    await database?.drop();
    db = undefined;
    database = undefined;
  });

  it('has a test case for every migration, named 000N_what, in order', () => {
    expect(Object.keys(CASES), 'add a case to CASES for each new migration').toEqual(
      MIGRATIONS.map((m) => m.name),
    );
    MIGRATIONS.forEach((m, i) =>
      expect(m.name).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}_[a-z_]+$`)),
    );
  });

  MIGRATIONS.forEach(({ name }, index) => {
    const previous = MIGRATIONS[index - 1]?.name;
    it(`${name}: data written at ${previous ?? 'an empty database'} survives migrating to the latest`, async () => {
      const db = await open();
      if (previous) await migrateTo(db, previous);
      await CASES[name]!.seed(db);
      const applied = await migrateToLatest(db);
      expect(applied).toEqual(MIGRATIONS.slice(index).map((m) => m.name));
      await CASES[name]!.check(db);
    });
  });

  it('does nothing when run again, and can step down and up again', async () => {
    const db = await open();
    await migrateToLatest(db);
    expect(await migrateToLatest(db)).toEqual([]);
    if (MIGRATIONS.length > 1) {
      await migrateTo(db, MIGRATIONS[0]!.name);
      await expect(sql`select * from records`.execute(db)).rejects.toThrow();
      expect(await migrateToLatest(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.name));
    }
    expect(LATEST_MIGRATION).toBe(MIGRATIONS.at(-1)!.name);
  });

  it('runs safely from two processes starting at once (server and admin CLI)', async () => {
    // Separate processes, as in production: two better-sqlite3 handles in one process would
    // block each other's thread instead of waiting.
    const db = await open();
    const env = {
      ...process.env,
      DATABASE_URL: database!.config.engine === 'postgres' ? database!.config.url : '',
      ORDERLINE_DATA_DIR: database!.dir,
    };
    const children = [0, 1].map(() =>
      spawn(process.execPath, ['--import', 'tsx', 'src-server/testing/migrate-on-signal.ts'], {
        cwd: REPO_ROOT,
        env,
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const lines = children.map((child) => {
      const rl = createInterface({ input: child.stdout! });
      return rl[Symbol.asyncIterator]();
    });
    for (const next of lines) expect((await next.next()).value).toBe('ready');
    for (const child of children) child.stdin!.write('go\n');
    const outcomes = await Promise.all(
      lines.map(async (next) => (await next.next()).value as string),
    );
    expect(outcomes.filter((line) => !line.startsWith('['))).toEqual([]);
    const applied = outcomes.map((line) => JSON.parse(line) as string[]);
    // Exactly one of them did the work; the other found nothing left to do.
    expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('refuses an unknown migration name', async () => {
    const db = await open();
    await expect(migrateTo(db, '9999_nope')).rejects.toThrow(/Unknown migration/);
  });
});
