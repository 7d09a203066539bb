import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyResponse } from '../../src-shared/api/auth';
import type { AuditRow } from '../db/schema';
import { testEngine } from '../testing/test-database';
import { startTestServer, type TestServer } from '../testing/test-server';
import { GENESIS_HASH, appendAudit, entryHash, verifyAudit } from './audit-log';
import { canonicalJson } from '../../src-shared/canonical-json';

describe(`audit chain (${testEngine()})`, () => {
  let server: TestServer;
  let snapshot: AuditRow[];
  let adminToken: string;

  const append = (action: string, detail: Record<string, unknown>) =>
    server.db.transaction().execute((trx) =>
      appendAudit(trx, {
        userId: null,
        clientId: 'pc-7',
        clientTime: '2026-03-01T08:00:00.000Z',
        action,
        detail,
      }),
    );

  beforeAll(async () => {
    server = await startTestServer();
    adminToken = await server.tokenFor('admin'); // creating the admin appends entry 1
    for (let i = 2; i <= 6; i++)
      await append('inspection.record', { batch: `B-${i}`, result: 'pass' });
    snapshot = await server.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  });
  afterAll(() => server?.close());

  // Each tamper test starts again from the intact chain.
  afterEach(async () => {
    await server.db.deleteFrom('audit_log').execute();
    await server.db.insertInto('audit_log').values(snapshot).execute();
    const last = snapshot[snapshot.length - 1]!;
    await server.db.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).execute();
  });

  it('chains each entry to the one before, from the genesis hash', async () => {
    expect(snapshot.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(snapshot[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < snapshot.length; i++) {
      expect(snapshot[i]!.prev_hash).toBe(snapshot[i - 1]!.hash);
    }
    for (const row of snapshot) expect(entryHash(row)).toBe(row.hash);
    expect(await verifyAudit(server.db)).toEqual({ ok: true, checked: 6 });
  });

  it('detects an altered detail at its seq', async () => {
    await server.db
      .updateTable('audit_log')
      .set({ detail: canonicalJson({ batch: 'B-3', result: 'fail' }) })
      .where('seq', '=', 3)
      .execute();
    expect(await verifyAudit(server.db)).toMatchObject({
      ok: false,
      checked: 2,
      firstBroken: { seq: 3 },
    });
  });

  it('detects an altered who or when', async () => {
    await server.db
      .updateTable('audit_log')
      .set({ client_id: 'pc-8' })
      .where('seq', '=', 5)
      .execute();
    expect((await verifyAudit(server.db)).firstBroken?.seq).toBe(5);
  });

  it('detects a deleted middle entry at the missing seq', async () => {
    await server.db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    const result = await verifyAudit(server.db);
    expect(result).toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 4 } });
    expect(result.firstBroken?.reason).toMatch(/missing/);
  });

  it('detects a deleted first entry and entries cut off the end', async () => {
    await server.db.deleteFrom('audit_log').where('seq', '=', 1).execute();
    expect((await verifyAudit(server.db)).firstBroken?.seq).toBe(1);
    await server.db.deleteFrom('audit_log').where('seq', '>=', 5).execute();
    await server.db.insertInto('audit_log').values(snapshot[0]!).execute();
    expect((await verifyAudit(server.db)).firstBroken).toMatchObject({
      seq: 5,
      reason: expect.stringMatching(/end/),
    });
  });

  it('detects an entry rewritten with a fresh hash, at the next link', async () => {
    const row = { ...snapshot[2]!, detail: canonicalJson({ batch: 'B-3', result: 'fail' }) };
    row.hash = entryHash(row);
    await server.db.updateTable('audit_log').set(row).where('seq', '=', 3).execute();
    expect((await verifyAudit(server.db)).firstBroken?.seq).toBe(4);
  });

  it('reports through GET /api/admin/audit/verify', async () => {
    const ok = await server.request<AuditVerifyResponse>('GET', '/api/admin/audit/verify', {
      token: adminToken,
    });
    expect(ok.body).toEqual({ ok: true, checked: 6 });
    await server.db
      .updateTable('audit_log')
      .set({ action: 'nothing.happened' })
      .where('seq', '=', 2)
      .execute();
    const broken = await server.request<AuditVerifyResponse>('GET', '/api/admin/audit/verify', {
      token: adminToken,
    });
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
  });

  it('keeps the chain whole under concurrent appends, and a rolled-back append leaves no gap', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => append('scan', { carton: i })));
    await expect(
      server.db.transaction().execute(async (trx) => {
        await appendAudit(trx, {
          userId: null,
          clientId: null,
          clientTime: null,
          action: 'x',
          detail: {},
        });
        throw new Error('the change failed after its audit entry');
      }),
    ).rejects.toThrow('the change failed');
    await append('scan', { carton: 'last' });
    expect(await verifyAudit(server.db)).toEqual({ ok: true, checked: 27 });
  });
});
