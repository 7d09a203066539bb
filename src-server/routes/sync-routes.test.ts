import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-shared/ids';
import type { PullResponse, PushResponse } from '../../src-shared/sync/protocol';
import { verifyAudit } from '../audit/audit-log';
import { nextVersion, putRecord } from '../db/sync-store';
import { checkSchema } from './sync-routes';
import { testEngine } from '../testing/test-database';
import { databaseSnapshot, startTestServer, type TestServer } from '../testing/test-server';

/** Push and pull over real HTTP, the same tests on SQLite and on PostgreSQL. */
describe(`sync push and pull (${testEngine()})`, () => {
  let server: TestServer;
  const desk = { token: '', clientId: randomUUID(), seq: 0 };
  const planner = { token: '', clientId: randomUUID(), seq: 0 };
  const quality = { token: '', clientId: randomUUID(), seq: 0 };

  async function register(who: typeof desk, role: 'order-desk' | 'planning' | 'quality') {
    who.token = await server.tokenFor(role);
    const res = await server.request('POST', '/api/devices', {
      token: who.token,
      body: { clientId: who.clientId, deviceName: role },
    });
    expect(res.status).toBe(204);
  }

  function mutation(who: typeof desk, name: string, args: unknown, seq = ++who.seq) {
    return { seq, mutationId: uuidv7(), name, args, clientTime: new Date().toISOString() };
  }

  const push = (who: typeof desk, mutations: unknown[], schemaVersion = 1) =>
    server.request<PushResponse>('POST', '/api/sync/push', {
      token: who.token,
      body: { clientId: who.clientId, schemaVersion, mutations },
    });

  const pull = (
    who: typeof desk,
    cursor = 0,
    epoch: string | null = null,
    limit?: number,
    schemaVersion = 1,
  ) =>
    server.request<PullResponse>('POST', '/api/sync/pull', {
      token: who.token,
      body: {
        clientId: who.clientId,
        schemaVersion,
        cursor,
        epoch,
        ackedSeq: 0,
        ...(limit ? { limit } : {}),
      },
    });

  beforeAll(async () => {
    server = await startTestServer();
    await register(desk, 'order-desk');
    await register(planner, 'planning');
    await register(quality, 'quality');
    // The planning tests' lines: the server refuses a batch on a line it does not have, or on
    // one without a rate for the batch's family (issue 12).
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      const rates = [
        { family: '21700', unitsPerHour: 1000 },
        { family: 'prismatic', unitsPerHour: 100 },
      ];
      for (const id of ['line-1', 'line-2', 'line-3']) {
        await putRecord(
          trx,
          { kind: 'production-line', id, body: { id, code: id, rates }, updatedBy: 't' },
          version,
        );
      }
    });
  });
  afterAll(() => server?.close());

  const order = () => ({
    id: uuidv7(),
    customerId: 'c1',
    channel: 'email',
    lines: [{ model: '21700-5000', quantity: 2000 }],
  });

  it('applies a mutation once, gives it a server number, and answers a duplicate from the stored result', async () => {
    const m = mutation(desk, 'order.create', order());
    const first = await push(desk, [m]);
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([
      { seq: m.seq, status: 'applied', version: expect.any(Number) },
    ]);
    const again = await push(desk, [m]);
    expect(again.body.results).toEqual(first.body.results);
    const rows = await server.db
      .selectFrom('records')
      .selectAll()
      .where('kind', '=', 'order')
      .execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.body)).toMatchObject({
      number: expect.stringMatching(/^RQ-\d{4}-000001$/),
      numberProvisional: false,
      state: 'received',
    });
    expect((await verifyAudit(server.db)).ok).toBe(true);
  });

  it('refuses a gap and processes nothing after it', async () => {
    const skipped = mutation(desk, 'order.create', order(), desk.seq + 2);
    const res = await push(desk, [skipped]);
    expect(res.body).toMatchObject({ stopped: 'gap', results: [], lastSeq: desk.seq });
  });

  it('records a business refusal, moves on, and reports it in the next pull', async () => {
    const bad = mutation(desk, 'order.transition', { orderId: uuidv7(), to: 'reviewed' });
    const good = mutation(desk, 'order.create', order());
    const res = await push(desk, [bad, good]);
    expect(res.body.results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'not-found'],
      ['applied', undefined],
    ]);
    const page = await pull(desk);
    expect(page.body.lastAckedSeq).toBe(good.seq);
    expect(page.body.rejections).toEqual([
      expect.objectContaining({ seq: bad.seq, code: 'not-found' }),
    ]);
  });

  it('on a database error keeps what came before, stops as transient, and the retry applies the rest once', async () => {
    const [a, b, c] = [order(), order(), order()];
    // The store fails when b's row is written, as a full disk or a dropped connection would.
    const fail =
      server.engine === 'sqlite'
        ? [
            `create trigger fail_insert before insert on records when new.id = '${b.id}'
             begin select raise(abort, 'injected failure'); end`,
          ]
        : [
            `create function fail_insert() returns trigger language plpgsql as $$
             begin if new.id = '${b.id}' then raise exception 'injected failure'; end if;
             return new; end $$`,
            `create trigger fail_insert before insert on records for each row
             execute function fail_insert()`,
          ];
    const unfail =
      server.engine === 'sqlite'
        ? ['drop trigger fail_insert']
        : ['drop trigger fail_insert on records', 'drop function fail_insert()'];
    const run = async (statements: string[]) => {
      for (const s of statements) await sql.raw(s).execute(server.db);
    };
    const ma = mutation(desk, 'order.create', a);
    const mb = mutation(desk, 'order.create', b);
    const mc = mutation(desk, 'order.create', c);
    await run(fail);
    let res;
    try {
      res = await push(desk, [ma, mb, mc]);
    } finally {
      await run(unfail);
    }
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stopped: 'transient', lastSeq: ma.seq });
    expect(res.body.results.map((r) => [r.seq, r.status])).toEqual([[ma.seq, 'applied']]);
    const stored = async (id: string) =>
      (await server.db.selectFrom('records').select('id').where('id', '=', id).execute()).length;
    expect([await stored(a.id), await stored(b.id), await stored(c.id)]).toEqual([1, 0, 0]);

    const retry = await push(desk, [ma, mb, mc]);
    expect(retry.body.stopped).toBeUndefined();
    expect(retry.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(retry.body.results[0]).toEqual(res.body.results[0]);
    expect([await stored(a.id), await stored(b.id), await stored(c.id)]).toEqual([1, 1, 1]);
    expect((await verifyAudit(server.db)).ok).toBe(true);
  });

  it("refuses a mutation outside the role's rights, per mutation", async () => {
    const res = await push(quality, [mutation(quality, 'order.create', order())]);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it('refuses a whole push that fails validation, changing nothing', async () => {
    const before = await databaseSnapshot(server.db);
    const res = await push(desk, [
      mutation(desk, 'order.create', order(), desk.seq + 1),
      { seq: 'two', mutationId: 'x', name: 'order.create', args: {}, clientTime: 'yesterday' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid-input' });
    expect(await databaseSnapshot(server.db)).toEqual(before);
  });

  it("refuses another user's clientId on push and pull", async () => {
    const res = await server.request('POST', '/api/sync/push', {
      token: planner.token,
      body: {
        clientId: desk.clientId,
        schemaVersion: 1,
        mutations: [mutation(desk, 'order.create', order(), 99)],
      },
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'unknown-client' });
    const p = await server.request('POST', '/api/sync/pull', {
      token: planner.token,
      body: { clientId: desk.clientId, schemaVersion: 1, cursor: 0, epoch: null, ackedSeq: 0 },
    });
    expect(p.status).toBe(403);
  });

  it('tells an outdated client to update', () => {
    expect(() => checkSchema(1, 2)).toThrow(
      expect.objectContaining({ statusCode: 409, code: 'client-outdated' }),
    );
    expect(() => checkSchema(2, 2)).not.toThrow();
  });

  it('pulls only the kinds a role may read, in pages that never split a version', async () => {
    const batchId = uuidv7();
    const start = '2026-12-01T06:00:00.000Z';
    await push(planner, [
      mutation(planner, 'batch.plan', {
        id: batchId,
        model: '21700-5000',
        family: '21700',
        quantity: 500,
        lineId: 'line-1',
        start,
        end: '2026-12-01T14:00:00.000Z',
      }),
    ]);
    // A reading belongs to a lot inspection, which follows a plan (issue 7).
    const planId = uuidv7();
    const lotId = uuidv7();
    await push(quality, [
      mutation(quality, 'inspection.plan', {
        id: planId,
        plan: {
          model: '21700-5000',
          stage: 'final',
          name: { zh: '终检', en: 'Final' },
          characteristics: [
            {
              id: 'ocv',
              name: { zh: '开路电压', en: 'OCV' },
              type: 'measured',
              unit: 'V',
              lower: 3.5,
              upper: 3.7,
              defectClass: 'major',
              sampling: { rule: 'fixed', count: 5, accept: 0 },
            },
          ],
        },
      }),
      mutation(quality, 'inspection.start', {
        id: lotId,
        planId,
        target: { kind: 'batch', id: batchId },
      }),
      mutation(quality, 'inspection.record', {
        id: uuidv7(),
        lotId,
        characteristicId: 'ocv',
        sample: 1,
        value: 3.61,
      }),
    ]);
    const plannerView = await pull(planner);
    const kinds = new Set(plannerView.body.changes.map((c) => c.kind));
    expect(kinds.has('batch')).toBe(true);
    expect(kinds.has('inspection')).toBe(false); // planners do not read inspection results
    const qualityView = await pull(quality);
    expect(qualityView.body.changes.some((c) => c.kind === 'inspection')).toBe(true);

    // Paging: one row per page, cursors strictly rising, the union equals the whole.
    const all = (await pull(desk)).body;
    const seen: string[] = [];
    let cursor = 0;
    for (let i = 0; i < 50; i++) {
      const page = (await pull(desk, cursor, all.epoch, 1)).body;
      seen.push(...page.changes.map((c) => `${c.kind}/${c.id}`));
      expect(page.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = page.cursor;
      if (!page.hasMore) break;
      expect(page.remaining).toBeGreaterThan(0);
    }
    expect(seen.sort()).toEqual(all.changes.map((c) => `${c.kind}/${c.id}`).sort());
    expect(cursor).toBe(all.cursor);
  });

  it('sends a client from another epoch, or ahead of the server, back to zero', async () => {
    const now = (await pull(desk)).body;
    const stranger = await pull(desk, now.cursor, 'some-other-epoch');
    expect(stranger.body.reset).toBe(true);
    expect(stranger.body.changes.length).toBe(now.changes.length);
    const ahead = await pull(desk, now.cursor + 1000, now.epoch);
    expect(ahead.body.reset).toBe(true);
    const current = await pull(desk, now.cursor, now.epoch);
    expect(current.body).toMatchObject({ reset: false, changes: [] });
  });

  it('tells the overridden planner whose move now stands, and only them', async () => {
    const other = { token: '', clientId: randomUUID(), seq: 0 };
    await server.createUser('planner-2', 'planning');
    other.token = (await server.login('planner-2')).token;
    await server.request('POST', '/api/devices', {
      token: other.token,
      body: { clientId: other.clientId, deviceName: 'p2' },
    });
    const batchId = uuidv7();
    const plan = mutation(planner, 'batch.plan', {
      id: batchId,
      model: 'LFP-105AH',
      family: 'prismatic',
      quantity: 100,
      lineId: 'line-2',
      start: '2026-12-02T06:00:00.000Z',
      end: '2026-12-02T14:00:00.000Z',
    });
    const planned = await push(planner, [plan]);
    const base = planned.body.results[0]!.version;
    // The first planner moves it; the second, still looking at the old version, moves it too.
    await push(planner, [
      mutation(planner, 'batch.move', { batchId, baseVersion: base, lineId: 'line-3' }),
    ]);
    await push(other, [
      mutation(other, 'batch.move', { batchId, baseVersion: base, lineId: 'line-1' }),
    ]);
    const batch = await server.db
      .selectFrom('records')
      .select('body')
      .where('kind', '=', 'batch')
      .where('id', '=', batchId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(batch.body).lineId).toBe('line-1'); // arrival order wins
    const notices = (await pull(planner)).body.changes.filter((c) => c.kind === 'notice');
    expect(notices.map((n) => n.body)).toContainEqual(
      expect.objectContaining({ type: 'plan-overridden', subjectId: batchId, fields: ['lineId'] }),
    );
    const othersNotices = (await pull(other)).body.changes.filter((c) => c.kind === 'notice');
    expect(
      othersNotices.filter((n) => (n.body as { subjectId?: string }).subjectId === batchId),
    ).toEqual([]);
  });

  it('pokes a connected client when data changes', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/sync/events`, {
      headers: { authorization: `Bearer ${desk.token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const poked = (async () => {
      while (!text.includes('event: poke')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
    })();
    await push(desk, [mutation(desk, 'order.create', order())]);
    await Promise.race([poked, new Promise((r) => setTimeout(r, 3000))]);
    controller.abort();
    expect(text).toContain('event: poke');
  });

  it('pokes clients held by another server instance (PostgreSQL LISTEN/NOTIFY)', async (ctx) => {
    if (server.engine !== 'postgres') {
      console.log('[skip] cross-instance poke: only PostgreSQL deployments run several instances');
      ctx.skip();
    }
    const second = await startTestServer({ shareWith: server });
    try {
      const controller = new AbortController();
      const response = await fetch(`${second.url}/api/sync/events`, {
        headers: { authorization: `Bearer ${desk.token}` },
        signal: controller.signal,
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      const poked = (async () => {
        while (!text.includes('event: poke')) {
          const { value, done } = await reader.read();
          if (done) break;
          text += value;
        }
      })();
      await push(desk, [mutation(desk, 'order.create', order())]); // to the first instance
      await Promise.race([poked, new Promise((r) => setTimeout(r, 3000))]);
      controller.abort();
      expect(text).toContain('event: poke');
    } finally {
      await second.close();
    }
  });

  it('refuses the event stream without a session', async () => {
    const res = await server.request('GET', '/api/sync/events');
    expect(res.status).toBe(401);
  });

  it('leaves out of a pull the kinds an older client has no table for', async () => {
    const lotId = uuidv7();
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      await putRecord(
        trx,
        { kind: 'inspection-lot', id: lotId, body: { id: lotId, state: 'open' }, updatedBy: 't' },
        version,
      );
    });
    const kindsAt = async (schemaVersion: number) => {
      const res = await pull(quality, 0, null, undefined, schemaVersion);
      expect(res.status).toBe(200);
      return res.body.changes.filter((c) => c.id === lotId).map((c) => c.kind);
    };
    // Inspection lots came with client schema 2: a schema-1 client could not store one.
    expect(await kindsAt(1)).toEqual([]);
    expect(await kindsAt(2)).toEqual(['inspection-lot']);
  });
});
