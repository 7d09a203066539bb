import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src-shared/ids';
import type { BatchRecord } from '../src-shared/planning/batch-mutations';
import type { OrderLike } from '../src-shared/planning/order-progress';
import { lineResourceOf, scheduleEnd } from '../src-shared/planning/schedule-rules';
import type { RecordChange } from '../src-shared/sync/protocol';
import { nextVersion, putRecord } from './db/sync-store';
import { DEMO_CUSTOMERS, DEMO_PRODUCTION_LINES } from './demo-data';
import { seedDemoData } from './seed';
import { signInPc, type SyncPc } from './testing/sync-pc';
import { testEngine } from './testing/test-database';
import { startTestServer, TEST_PASSWORD, type TestServer } from './testing/test-server';

/**
 * Issue 12, the planning part: a planner's PC pushes what it believed offline — an end the
 * line cannot keep, no warning for a slot another planner has taken, a line that does not
 * exist or cannot make the model, order lines the order does not have or more than it orders —
 * and the server decides from its own records: refused with its code and nothing changed, or
 * stored with the server's value (the PC's beside it); the right action is then applied.
 */

const L1 = DEMO_PRODUCTION_LINES.find((l) => l.code === 'L1-CYL')!;
const L3 = DEMO_PRODUCTION_LINES.find((l) => l.code === 'L3-PRI')!;
const MODEL = 'CYL-18650-26';

type Body = { id: string; [field: string]: unknown };

describe(`planning authority: the server decides from its own records (${testEngine()})`, () => {
  let server: TestServer;
  let planner: SyncPc;
  let planner2: SyncPc;
  let planner2Id: string;
  let orders = 0;

  async function seed(...records: { kind: string; body: Body }[]) {
    await server.db.transaction().execute(async (trx) => {
      const version = await nextVersion(trx);
      for (const { kind, body } of records) {
        await putRecord(trx, { kind, id: body.id, body, updatedBy: 'test' }, version);
      }
    });
  }

  /** An accepted order, as order desk, sales and the feasibility sign-offs leave it. */
  async function acceptedOrder(quantities: number[]): Promise<Body> {
    const body = {
      id: uuidv7(),
      number: `SO-2026-12${String((orders += 1)).padStart(4, '0')}`,
      customerId: DEMO_CUSTOMERS[0]!.id,
      state: 'accepted',
      lines: quantities.map((quantity) => ({ model: MODEL, spec: 'STD', quantity })),
      models: [MODEL],
      promisedDate: '2027-04-30',
      history: [{ from: null, to: 'received' }, { to: 'accepted' }],
    };
    await seed({ kind: 'order', body });
    return body;
  }

  /** Records that are new or moved between two pulls. */
  function changed(before: Map<string, RecordChange>, after: Map<string, RecordChange>): string[] {
    return [...after]
      .filter(([key, c]) => before.get(key)?.version !== c.version)
      .map(([key]) => key)
      .sort();
  }

  const batchOf = (all: Map<string, RecordChange>, id: string) =>
    all.get(`batch/${id}`)?.body as BatchRecord | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    await seedDemoData(server.db);
    planner = await signInPc(server, 'planning');
    planner2Id = (await server.createUser('planner2', 'planning', { displayName: 'Li Planner' }))
      .id;
    planner2 = await signInPc(server, 'planning', {
      username: 'planner2',
      password: TEST_PASSWORD,
    });
  });
  afterAll(() => server?.close());

  it('stores the end the line needs for the quantity, the PC’s beside it', async () => {
    const id = uuidv7();
    const start = '2027-03-01T06:00:00+08:00';
    const before = await planner.pullAll();
    expect(
      await planner.push('batch.plan', {
        id,
        model: MODEL,
        quantity: 1_000_000,
        lineId: L1.id,
        start,
        end: '2027-03-01T06:01:00+08:00',
        warnings: [],
      }),
    ).toMatchObject({ status: 'applied' });
    const after = await planner.pullAll();
    expect(changed(before, after)).toEqual([`batch/${id}`]);
    const expected = scheduleEnd(lineResourceOf({ ...L1 }), '18650', 1_000_000, Date.parse(start));
    // 111 open hours at 9,000 cells an hour: more than four days, not a minute.
    expect(expected! - Date.parse(start)).toBeGreaterThan(4 * 86_400_000);
    expect(batchOf(after, id)).toMatchObject({
      end: new Date(expected!).toISOString(),
      pcEnd: '2027-03-01T06:01:00+08:00',
      family: '18650',
      state: 'planned',
    });

    // A resize shorter than the work is not taken; a longer one is a reservation and stands.
    const v = after.get(`batch/${id}`)!.version;
    await planner.push('batch.move', {
      batchId: id,
      baseVersion: v,
      end: start.replace('06:00', '07:00'),
    });
    expect(batchOf(await planner.pullAll(), id)?.end).toBe(new Date(expected!).toISOString());
    const reserved = new Date(expected! + 6 * 3_600_000).toISOString();
    await planner.push('batch.move', { batchId: id, baseVersion: v, end: reserved });
    expect(batchOf(await planner.pullAll(), id)).toMatchObject({ end: reserved });
  });

  it('refuses a line that does not exist, or that cannot make the model, changing nothing', async () => {
    const before = await planner.pullAll();
    const plan = (over: Record<string, unknown>) => ({
      id: uuidv7(),
      model: MODEL,
      quantity: 1_000,
      lineId: L1.id,
      start: '2027-03-08T06:00:00+08:00',
      end: '2027-03-08T14:00:00+08:00',
      ...over,
    });
    expect(await planner.push('batch.plan', plan({ lineId: 'line-that-is-not' }))).toMatchObject({
      status: 'rejected',
      code: 'not-found',
      params: { kind: 'production-line', id: 'line-that-is-not' },
    });
    // The PC names the prismatic family; the catalog says the model is an 18650.
    expect(
      await planner.push('batch.plan', plan({ lineId: L3.id, family: 'prismatic' })),
    ).toMatchObject({
      status: 'rejected',
      code: 'line-cannot-make',
      params: { line: 'L3-PRI', family: '18650' },
    });
    expect(changed(before, await planner.pullAll())).toEqual([]);
    // A move onto that line is refused too, and the batch stays where it was.
    const id = uuidv7();
    await planner.push('batch.plan', plan({ id }));
    const planned = await planner.pullAll();
    const v = planned.get(`batch/${id}`)!.version;
    expect(
      await planner.push('batch.move', { batchId: id, baseVersion: v, lineId: L3.id }),
    ).toMatchObject({ status: 'rejected', code: 'line-cannot-make' });
    expect(changed(planned, await planner.pullAll())).toEqual([]);
  });

  it('refuses order lines the order lacks, more than it orders, and an order it does not have', async () => {
    const order = await acceptedOrder([10_000, 5_000]);
    const plan = (lineKey: string, quantity: number, orderId = order.id) => ({
      id: uuidv7(),
      orderId,
      orderLines: [{ orderId, lineKey, quantity }],
      model: MODEL,
      quantity,
      lineId: L1.id,
      start: '2027-03-15T06:00:00+08:00',
      end: '2027-03-15T14:00:00+08:00',
    });
    const before = await planner.pullAll();
    expect(await planner.push('batch.plan', plan('2', 100))).toMatchObject({
      status: 'rejected',
      code: 'not-on-order',
      params: { order: order.number as string, line: 3 },
    });
    expect(await planner.push('batch.plan', plan('1', 5_001))).toMatchObject({
      status: 'rejected',
      code: 'over-planned',
      params: { line: 2, ordered: 5_000, remaining: 5_000, quantity: 5_001 },
    });
    expect(await planner.push('batch.plan', plan('0', 10, uuidv7()))).toMatchObject({
      status: 'rejected',
      code: 'not-found',
      params: { kind: 'order' },
    });
    expect(changed(before, await planner.pullAll())).toEqual([]);

    // The right claim goes through, and a second one is held to what is left.
    const first = plan('1', 3_000);
    expect(await planner.push('batch.plan', first)).toMatchObject({ status: 'applied' });
    expect(await planner.push('batch.plan', plan('1', 2_500))).toMatchObject({
      code: 'over-planned',
      params: { remaining: 2_000 },
    });
    const after = await planner.pullAll();
    expect((after.get(`order/${order.id}`)?.body as OrderLike).batchPlan?.[first.id]).toMatchObject(
      {
        quantities: { '1': 3_000 },
      },
    );
  });

  it('records the over-capacity a PC did not send for an occupied slot, and tells that planner', async () => {
    const start = '2027-03-22T06:00:00+08:00';
    const taken = uuidv7();
    await planner.push('batch.plan', {
      id: taken,
      model: MODEL,
      quantity: 9_000,
      lineId: L1.id,
      start,
      end: '2027-03-22T07:00:00+08:00',
    });
    const mine = uuidv7();
    await planner.push('batch.plan', {
      id: mine,
      model: MODEL,
      quantity: 9_000,
      lineId: L1.id,
      start: '2027-03-23T06:00:00+08:00',
      end: '2027-03-23T07:00:00+08:00',
    });
    const before = await planner.pullAll();
    const takenNumber = batchOf(before, taken)!.number;
    // A stale PC drops it onto the taken hour and says all is well.
    expect(
      await planner.push('batch.move', {
        batchId: mine,
        baseVersion: before.get(`batch/${mine}`)!.version,
        start,
        warnings: [],
      }),
    ).toMatchObject({ status: 'applied' });
    const after = await planner.pullAll();
    expect(batchOf(after, mine)).toMatchObject({
      start: new Date(Date.parse(start)).toISOString(),
      warnings: [{ code: 'over-capacity', params: { line: 'L1-CYL', with: takenNumber } }],
      pcWarnings: [],
    });
    expect(batchOf(after, taken)?.warnings).toMatchObject([
      { code: 'over-capacity', params: { with: batchOf(after, mine)!.number } },
    ]);
    const notices = changed(before, after).filter((k) => k.startsWith('notice/'));
    expect(notices).toHaveLength(1);
    expect(after.get(notices[0]!)?.body).toMatchObject({
      type: 'plan-conflict',
      subjectId: mine,
      with: [takenNumber],
      read: false,
    });
    // Nothing else moved: the two batches and the notice.
    expect(changed(before, after)).toEqual([`batch/${mine}`, `batch/${taken}`, notices[0]!].sort());
  });

  it('two planners double-book a line offline: the second to arrive gets the warning and the notice', async () => {
    const start = '2027-03-29T14:00:00+08:00';
    // Each PC had only its own batch when it placed it: neither showed a clash.
    const ours = {
      id: uuidv7(),
      model: MODEL,
      quantity: 36_000,
      lineId: L1.id,
      start,
      end: '2027-03-29T18:00:00+08:00',
      warnings: [],
    };
    const theirs = { ...ours, id: uuidv7(), quantity: 18_000, end: '2027-03-29T16:00:00+08:00' };
    const before = await planner.pullAll();
    expect(await planner.push('batch.plan', ours)).toMatchObject({ status: 'applied' });
    expect(await planner2.push('batch.plan', theirs)).toMatchObject({ status: 'applied' });

    const seen1 = await planner.pullAll();
    const seen2 = await planner2.pullAll();
    const first = batchOf(seen2, ours.id)!;
    const second = batchOf(seen2, theirs.id)!;
    expect(second.warnings).toMatchObject([
      { code: 'over-capacity', params: { with: first.number }, by: planner2Id },
    ]);
    expect(first.warnings).toMatchObject([
      { code: 'over-capacity', params: { with: second.number } },
    ]);
    // Both planners' PCs get the same batches.
    expect(batchOf(seen1, theirs.id)?.warnings).toEqual(second.warnings);

    const noticesOf = (all: Map<string, RecordChange>) =>
      [...all.values()].filter(
        (c) => c.kind === 'notice' && (c.body as { subjectId?: string }).subjectId === theirs.id,
      );
    expect(noticesOf(seen2).map((c) => c.body)).toEqual([
      expect.objectContaining({
        type: 'plan-conflict',
        subjectLabel: second.number,
        lineLabel: 'L1-CYL',
        with: [first.number],
        byName: 'Li Planner',
      }),
    ]);
    // The first planner is not told (nothing was hidden from them), nor sees planner 2's notice.
    expect(noticesOf(seen1)).toEqual([]);
    expect(changed(before, seen1).filter((k) => k.startsWith('notice/'))).toEqual([]);
  });
});
