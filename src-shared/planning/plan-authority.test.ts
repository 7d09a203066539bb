import { describe, expect, it } from 'vitest';
import { acceptedOrder, id, ORDER, PLANNER, PLANNER2, threeShiftLine } from './test-plant';
import { MemoryStore } from '../sync/memory-store';
import type { BatchRecord } from './batch-mutations';
import { MAX_BATCH_DAYS } from './plan-authority';

/**
 * Issue 12: the mutator decides what the planning rules decide, from the store it runs on,
 * whatever the PC sent. These run the server's way (MemoryStore runs authoritatively unless
 * told otherwise) and, where it matters, the PC's.
 */

const planner = PLANNER;
const planner2 = PLANNER2;
const pc = { ...planner, authoritative: false };

function store(): MemoryStore {
  const s = new MemoryStore();
  s.put(
    'order',
    acceptedOrder([
      { model: 'CYL-18650-26', quantity: 10_000 },
      { model: 'CYL-18650-26', quantity: 5_000 },
      { model: 'PRI-50AH', quantity: 100 },
    ]),
  );
  // 1,250 cells an hour: 10,000 fill one 8-hour shift. Three shifts, Monday to Saturday.
  s.put(
    'production-line',
    threeShiftLine('L1', 'L1-CYL', [{ family: '18650', unitsPerHour: 1250 }]),
  );
  s.put(
    'production-line',
    threeShiftLine('LP', 'LP-PRI', [{ family: 'prismatic', unitsPerHour: 900 }]),
  );
  s.put('product', { id: 'p1', code: 'CYL-18650-26', format: '18650' });
  s.put('product', { id: 'p2', code: 'PRI-50AH', format: 'prismatic' });
  return s;
}

// Monday 7 December 2026, 06:00 plant time (UTC+8).
const MONDAY = '2026-12-07T06:00:00+08:00';
/** A batch.plan as the board sends it; the PC's end is eight hours after the start. */
const plan = (n: number, over: Record<string, unknown> = {}) => {
  const start = typeof over.start === 'string' ? over.start : MONDAY;
  return {
    id: id(n),
    model: 'CYL-18650-26',
    quantity: 10_000,
    lineId: 'L1',
    start,
    end: new Date(Date.parse(start) + 8 * 3_600_000).toISOString(),
    ...over,
  };
};
const batch = (s: MemoryStore, n: number) => s.get<BatchRecord>('batch', id(n))!;
const notices = (s: MemoryStore) => s.all('notice');

describe('the end of a batch', () => {
  it('is what the quantity takes on the line, whatever end the PC sent', async () => {
    const s = store();
    expect(
      await s.run(
        planner,
        'batch.plan',
        plan(1, { quantity: 200_000, end: '2026-12-07T06:01:00+08:00' }),
      ),
    ).toEqual({ status: 'applied' });
    // 160 open hours: Monday 06:00 to Sunday 06:00 is 144 (Sunday is closed), then 16 more
    // from Monday 06:00, to 22:00 plant time.
    expect(batch(s, 1)).toMatchObject({
      start: '2026-12-06T22:00:00.000Z',
      end: '2026-12-14T14:00:00.000Z',
      pcEnd: '2026-12-07T06:01:00+08:00',
    });
    // A PC that agrees leaves no pcEnd.
    await s.run(planner, 'batch.plan', plan(2, { start: '2026-12-14T06:00:00+08:00' }));
    expect(batch(s, 2).end).toBe('2026-12-14T06:00:00.000Z');
    expect(batch(s, 2).pcEnd).toBeUndefined();
  });

  it('takes a longer resize as a reservation, a shorter one not', async () => {
    const s = store();
    await s.run(planner, 'batch.plan', plan(1));
    const longer = '2026-12-07T18:00:00+08:00';
    await s.run(planner, 'batch.move', { batchId: id(1), baseVersion: 1, end: longer });
    expect(batch(s, 1).end).toBe('2026-12-07T10:00:00.000Z');
    expect(batch(s, 1).pcEnd).toBeUndefined();
    // A change of sequence keeps the reservation.
    await s.run(planner, 'batch.move', { batchId: id(1), baseVersion: 2, sequence: 3 });
    expect(batch(s, 1).end).toBe('2026-12-07T10:00:00.000Z');
    // Shorter than 8 hours of work: the end stays where the work is done.
    await s.run(planner, 'batch.move', {
      batchId: id(1),
      baseVersion: 3,
      end: '2026-12-07T09:00:00+08:00',
    });
    expect(batch(s, 1)).toMatchObject({
      end: '2026-12-07T06:00:00.000Z',
      pcEnd: '2026-12-07T09:00:00+08:00',
    });
    // Moved to another time, the bar is as long as the work again: the reservation goes.
    await s.run(planner, 'batch.move', { batchId: id(1), baseVersion: 4, end: longer });
    await s.run(planner, 'batch.move', {
      batchId: id(1),
      baseVersion: 5,
      start: '2026-12-08T06:00:00+08:00',
      end: '2026-12-08T18:00:00+08:00',
    });
    expect(batch(s, 1).end).toBe('2026-12-08T06:00:00.000Z');
  });

  it('refuses a batch longer than a line may hold, and a reservation past that', async () => {
    const s = store();
    expect(await s.run(planner, 'batch.plan', plan(1, { quantity: 1_500_000 }))).toMatchObject({
      status: 'rejected',
      code: 'batch-too-long',
      params: { line: 'L1-CYL', maxDays: MAX_BATCH_DAYS, path: 'quantity' },
    });
    await s.run(planner, 'batch.plan', plan(1));
    expect(
      await s.run(planner, 'batch.move', {
        batchId: id(1),
        baseVersion: 1,
        end: '2027-03-01T06:00:00+08:00',
      }),
    ).toMatchObject({ status: 'rejected', code: 'batch-too-long', params: { path: 'end' } });
  });
});

describe('the line', () => {
  it('must exist', async () => {
    const s = store();
    expect(await s.run(planner, 'batch.plan', plan(1, { lineId: 'L9' }))).toMatchObject({
      status: 'rejected',
      code: 'not-found',
      params: { kind: 'production-line', id: 'L9' },
    });
    await s.run(planner, 'batch.plan', plan(1));
    expect(
      await s.run(planner, 'batch.move', { batchId: id(1), baseVersion: 1, lineId: 'L9' }),
    ).toMatchObject({ code: 'not-found', params: { kind: 'production-line' } });
    expect(batch(s, 1).lineId).toBe('L1');
  });

  it('must make the family the catalog gives the model, not the one the PC names', async () => {
    const s = store();
    // The PC says prismatic (a stale catalog); the catalog says 18650, which LP cannot make.
    expect(
      await s.run(planner, 'batch.plan', plan(1, { lineId: 'LP', family: 'prismatic' })),
    ).toMatchObject({
      status: 'rejected',
      code: 'line-cannot-make',
      params: { line: 'LP-PRI', family: '18650' },
    });
    // On the PC alike, before anything is queued.
    expect(await s.run(pc, 'batch.plan', plan(1, { lineId: 'LP' }))).toMatchObject({
      code: 'line-cannot-make',
    });
    await s.run(planner, 'batch.plan', plan(1, { family: 'prismatic' }));
    expect(batch(s, 1).family).toBe('18650');
    expect(
      await s.run(planner, 'batch.move', { batchId: id(1), baseVersion: 1, lineId: 'LP' }),
    ).toMatchObject({ code: 'line-cannot-make' });
    // A model the catalog lacks goes by the family the PC names, or is refused without one.
    expect(await s.run(planner, 'batch.plan', plan(2, { model: 'OLD-1' }))).toMatchObject({
      code: 'not-found',
      params: { kind: 'product', id: 'OLD-1' },
    });
    expect(
      await s.run(
        planner,
        'batch.plan',
        plan(2, { model: 'OLD-1', family: 'prismatic', lineId: 'LP' }),
      ),
    ).toEqual({ status: 'applied' });
  });
});

describe('the order lines a batch claims', () => {
  const claim = (lineKey: string, quantity: number) => ({
    orderLines: [{ orderId: ORDER, lineKey, quantity }],
  });

  it('must be on the order, for the batch model', async () => {
    const s = store();
    expect(await s.run(planner, 'batch.plan', plan(1, claim('7', 100)))).toMatchObject({
      code: 'not-on-order',
      params: { order: 'SO-2026-000001', line: 8 },
    });
    expect(await s.run(planner, 'batch.plan', plan(1, claim('2', 100)))).toMatchObject({
      code: 'not-on-order',
      params: { line: 3, model: 'CYL-18650-26' },
    });
    expect(s.all('batch')).toEqual([]);
  });

  it('may not exceed what the line orders less what other batches claim', async () => {
    const s = store();
    expect(await s.run(planner, 'batch.plan', plan(1, claim('1', 5_001)))).toMatchObject({
      code: 'over-planned',
      params: { line: 2, ordered: 5_000, remaining: 5_000, quantity: 5_001 },
    });
    await s.run(planner, 'batch.plan', plan(1, { quantity: 3_000, ...claim('1', 3_000) }));
    expect(
      await s.run(planner, 'batch.plan', plan(2, { quantity: 2_500, ...claim('1', 2_500) })),
    ).toMatchObject({ code: 'over-planned', params: { remaining: 2_000 } });
    expect(
      await s.run(planner, 'batch.plan', plan(2, { quantity: 2_000, ...claim('1', 2_000) })),
    ).toEqual({ status: 'applied' });
  });

  it('are refused on the server for an order it does not have; the PC lets the server decide', async () => {
    const s = store();
    const missing = { orderLines: [{ orderId: id(404), lineKey: '0', quantity: 10 }] };
    expect(await s.run(pc, 'batch.plan', plan(1, missing))).toEqual({ status: 'applied' });
    expect(await s.run(planner, 'batch.plan', plan(2, missing))).toMatchObject({
      code: 'not-found',
      params: { kind: 'order', id: id(404) },
    });
    expect(await s.run(planner, 'batch.plan', plan(2, { orderId: id(404) }))).toMatchObject({
      code: 'not-found',
    });
  });
});

describe('placement warnings', () => {
  it('are the server’s; the PC’s go beside only when they differ', async () => {
    const s = store();
    const shown = [{ code: 'material-late', params: { readyDate: '2026-12-09' } }];
    await s.run(planner, 'batch.plan', plan(1, { warnings: shown }));
    // Material is the PC's word (no procurement records on the server): it stands, and the
    // PC agrees with the rest.
    expect(batch(s, 1).warnings).toMatchObject(shown);
    expect(batch(s, 1).pcWarnings).toBeUndefined();
    // A PC that says all is well at a closed time: the server records the closure.
    await s.run(planner, 'batch.move', {
      batchId: id(1),
      baseVersion: 1,
      start: '2026-12-13T06:00:00+08:00',
      warnings: [],
    });
    expect(batch(s, 1).warnings?.map((w) => w.code)).toEqual(['calendar-closed']);
    expect(batch(s, 1).pcWarnings).toEqual([]);
  });

  it('tell the second of two offline planners of the double booking, and name it on both', async () => {
    const s = store();
    await s.run(planner, 'batch.plan', plan(1));
    // Planner 2's PC had not seen batch 1: it showed nothing.
    await s.run(
      planner2,
      'batch.plan',
      plan(2, { start: '2026-12-07T10:00:00+08:00', warnings: [] }),
    );
    const [first, second] = [batch(s, 1), batch(s, 2)];
    expect(second.warnings).toMatchObject([
      { code: 'over-capacity', params: { line: 'L1-CYL', with: first.number }, by: 'u-plan2' },
    ]);
    expect(second.pcWarnings).toEqual([]);
    expect(first.warnings).toMatchObject([
      { code: 'over-capacity', params: { with: second.number } },
    ]);
    expect(notices(s)).toEqual([
      expect.objectContaining({
        _audience: 'u-plan2',
        type: 'plan-conflict',
        subjectId: id(2),
        subjectLabel: second.number,
        lineLabel: 'L1-CYL',
        with: [first.number],
      }),
    ]);
    // Moved away, neither names the other any more.
    await s.run(planner2, 'batch.move', {
      batchId: id(2),
      baseVersion: 2,
      start: '2026-12-08T06:00:00+08:00',
      warnings: [],
    });
    expect(batch(s, 1).warnings).toBeUndefined();
    expect(batch(s, 2).warnings).toBeUndefined();
  });

  it('give no notice for a clash the planner was shown and placed anyway, nor on the PC', async () => {
    const s = store();
    await s.run(planner, 'batch.plan', plan(1));
    const seen = [{ code: 'over-capacity', params: { line: 'L1-CYL', with: batch(s, 1).number } }];
    await s.run(planner2, 'batch.plan', plan(2, { warnings: seen }));
    expect(batch(s, 2).warnings).toMatchObject(seen);
    expect(batch(s, 2).pcWarnings).toBeUndefined();
    await s.run({ ...planner2, authoritative: false }, 'batch.plan', plan(3, { warnings: [] }));
    expect(batch(s, 3).warnings?.map((w) => w.code)).toEqual(['over-capacity', 'over-capacity']);
    expect(notices(s)).toEqual([]);
  });

  it('find a long batch that started days before, and rows written with a UTC offset', async () => {
    const s = store();
    // Twelve days of work from 25 November, written the way old clients did (local offset).
    s.put('batch', {
      id: id(50),
      number: 'BT-OLD',
      model: 'CYL-18650-26',
      quantity: 1,
      lineId: 'L1',
      start: '2026-11-25T06:00:00+08:00',
      end: '2026-12-07T12:00:00+08:00',
      sequence: 0,
      state: 'planned',
    });
    // An hour before the new batch ends, but its key ('…T13:00…+08:00') sorts after the
    // new batch's end in UTC ('…T06:00…Z'): found only because the scan allows for offsets.
    s.put('batch', {
      id: id(51),
      number: 'BT-LOCAL',
      model: 'CYL-18650-26',
      quantity: 1,
      lineId: 'L1',
      start: '2026-12-07T13:00:00+08:00',
      end: '2026-12-07T13:30:00+08:00',
      sequence: 0,
      state: 'planned',
    });
    await s.run(planner, 'batch.plan', plan(1));
    expect(batch(s, 1).warnings).toMatchObject([
      { code: 'over-capacity', params: { with: 'BT-OLD' } },
      { code: 'over-capacity', params: { with: 'BT-LOCAL' } },
    ]);
  });

  it('check batches moved together against each other’s new places, not their old', async () => {
    const s = store();
    await s.run(planner, 'batch.plan', plan(1));
    await s.run(planner, 'batch.plan', plan(2, { start: '2026-12-07T14:00:00+08:00' }));
    // Both one shift later: batch 1 lands where batch 2 was, which moves on too.
    expect(
      await s.run(planner, 'batch.move-many', {
        moves: [
          { batchId: id(1), baseVersion: 1, start: '2026-12-07T14:00:00+08:00', warnings: [] },
          { batchId: id(2), baseVersion: 2, start: '2026-12-07T22:00:00+08:00', warnings: [] },
        ],
      }),
    ).toEqual({ status: 'applied' });
    expect(batch(s, 1).warnings).toBeUndefined();
    expect(batch(s, 2).warnings).toBeUndefined();
    expect(notices(s)).toEqual([]);
  });

  it('follow a split and a merge', async () => {
    const s = store();
    // 20,000 cells: Monday 06:00 to 22:00; batch 9 from 18:00 overlaps its last hours.
    await s.run(planner, 'batch.plan', plan(1, { quantity: 20_000 }));
    await s.run(planner2, 'batch.plan', plan(9, { start: '2026-12-07T18:00:00+08:00' }));
    const nine = batch(s, 9).number;
    expect(batch(s, 1).warnings).toMatchObject([{ params: { with: nine } }]);
    // Split in two, the second part on Tuesday morning: neither overlaps batch 9 any more.
    await s.run(planner, 'batch.split', {
      batchId: id(1),
      parts: [
        { id: id(1), quantity: 10_000, start: MONDAY, end: '2026-12-07T14:00:00+08:00' },
        {
          id: id(2),
          quantity: 10_000,
          start: '2026-12-08T06:00:00+08:00',
          end: '2026-12-08T14:00:00+08:00',
        },
      ],
    });
    expect(batch(s, 1).warnings).toBeUndefined();
    expect(batch(s, 2).warnings).toBeUndefined();
    expect(batch(s, 9).warnings).toBeUndefined();
    await s.run(planner, 'batch.merge', {
      targetId: id(1),
      sourceIds: [id(2)],
      end: '2026-12-07T22:00:00+08:00',
    });
    expect(batch(s, 1)).toMatchObject({ end: '2026-12-07T14:00:00.000Z', quantity: 20_000 });
    expect(batch(s, 1).warnings).toMatchObject([{ params: { with: nine } }]);
    expect(batch(s, 9).warnings).toMatchObject([{ params: { with: batch(s, 1).number } }]);
    // Neither planner 2 (no list of warnings sent) nor the one merging (a merge shows none)
    // was shown the clash: the server tells each of them.
    expect(
      notices(s)
        .map((n) => n._audience)
        .sort(),
    ).toEqual(['u-plan', 'u-plan2']);
  });
});
