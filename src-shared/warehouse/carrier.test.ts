import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../sync/memory-store';
import {
  carrierSchema,
  carriersFor,
  checkTrackingNumber,
  trackingLink,
  trackingPatternProblem,
  type Carrier,
} from './carrier';
import type { ShipmentRecord } from './shipment-record';

const SF: Carrier = {
  id: 'car-sf',
  name: 'SF Express',
  modes: ['road', 'air'],
  trackingPattern: String.raw`^SF\d{10,13}$`,
  trackingUrl: 'https://www.sf-express.com/waybill/{tracking}',
  active: true,
};
const DEPPON: Carrier = { id: 'car-dp', name: 'Deppon', modes: ['road'], active: true };
const OLD: Carrier = { id: 'car-old', name: 'Old Freight', modes: ['road', 'sea'], active: false };
/** The plant's "other carrier" entry: how a plant allows carriers named by hand. */
const OTHER: Carrier = {
  id: 'car-other',
  name: 'Other carrier / 其他承运商',
  modes: ['road', 'air'],
  active: true,
  freeText: true,
};

describe('carrier rules', () => {
  it('offers the active carriers that serve the mode, by name', () => {
    expect(carriersFor([SF, DEPPON, OLD], 'road').map((c) => c.id)).toEqual(['car-dp', 'car-sf']);
    expect(carriersFor([SF, DEPPON, OLD], 'air').map((c) => c.id)).toEqual(['car-sf']);
    expect(carriersFor([SF, DEPPON, OLD], 'sea')).toEqual([]);
  });

  it('matches the whole tracking number against the pattern, anchors or not', () => {
    expect(checkTrackingNumber(SF, 'SF1122334455')).toEqual({ ok: true });
    expect(checkTrackingNumber(SF, ' SF1122334455 ')).toEqual({ ok: true });
    expect(checkTrackingNumber(SF, 'SF11223')).toMatchObject({ ok: false });
    expect(checkTrackingNumber(SF, 'XSF1122334455')).toMatchObject({ ok: false });
    const unanchored = { trackingPattern: String.raw`SF\d{10}` };
    expect(checkTrackingNumber(unanchored, 'SF1122334455')).toEqual({ ok: true });
    expect(checkTrackingNumber(unanchored, 'SF1122334455-9')).toMatchObject({ ok: false });
    expect(checkTrackingNumber(DEPPON, 'anything at all')).toEqual({ ok: true });
    expect(checkTrackingNumber(undefined, 'x')).toEqual({ ok: true });
  });

  it('keeps the meaning of a pattern: case-sensitive, alternatives each spanning the number', () => {
    const sfOrJd = { trackingPattern: 'SF\\d{3}|JD\\d{3}' };
    expect(checkTrackingNumber(sfOrJd, 'JD123')).toEqual({ ok: true });
    expect(checkTrackingNumber(sfOrJd, 'SF123JD123')).toMatchObject({ ok: false });
    expect(checkTrackingNumber(sfOrJd, 'sf123')).toMatchObject({ ok: false });
    expect(checkTrackingNumber({ trackingPattern: 'a|ab' }, 'ab')).toEqual({ ok: true });
    const anchoredOr = { trackingPattern: '^SF\\d+$|JD\\d+' };
    expect(checkTrackingNumber(anchoredOr, 'JD12')).toEqual({ ok: true });
    expect(checkTrackingNumber(anchoredOr, 'JD12X')).toMatchObject({ ok: false });
  });

  it('answers each pattern by its own text, however many patterns went through the cache', () => {
    for (let i = 0; i < 200; i++) {
      expect(checkTrackingNumber({ trackingPattern: `N${i}` }, `N${i}`)).toEqual({ ok: true });
    }
    expect(checkTrackingNumber({ trackingPattern: 'N0' }, 'N1')).toMatchObject({ ok: false });
    expect(checkTrackingNumber({ trackingPattern: 'N199' }, 'N199')).toEqual({ ok: true });
  });

  it('answers nested repeats in linear time, so a hostile number cannot stall a push', () => {
    const hostile = 'a'.repeat(50_000) + '!';
    for (const pattern of ['(a|aa)+', '(a+)+$', '(x+x+)+y']) {
      expect(trackingPatternProblem(pattern)).toBeUndefined();
      expect(checkTrackingNumber({ trackingPattern: pattern }, hostile)).toMatchObject({
        ok: false,
      });
    }
    const runOfA = { trackingPattern: '(a|aa)+' };
    expect(checkTrackingNumber(runOfA, 'a'.repeat(50_000))).toEqual({ ok: true });
    const xs = { trackingPattern: '(x+x+)+y' };
    expect(checkTrackingNumber(xs, 'x'.repeat(50_000) + 'y')).toEqual({ ok: true });
    expect(checkTrackingNumber(xs, 'x'.repeat(50_000))).toMatchObject({ ok: false });
  });

  it('refuses patterns that do not compile, and those RE2 cannot run in linear time', () => {
    expect(trackingPatternProblem(String.raw`^SF\d{10,13}$`)).toBeUndefined();
    expect(trackingPatternProblem('(?:SF|JD)?[0-9]{12}')).toBeUndefined();
    expect(trackingPatternProblem(String.raw`(\d{2})*`)).toBeUndefined();
    expect(trackingPatternProblem('SF[0-9')).toBe('invalid-regex');
    expect(trackingPatternProblem('(')).toBe('invalid-regex');
    for (const pattern of [
      String.raw`(a)\1`,
      String.raw`(?<n>a)\k<n>`,
      'SF(?=\\d{10})\\d+',
      '(?!JD)\\w+',
      '(?<=SF)\\d+',
      '(?<!X)\\d+',
    ]) {
      expect(trackingPatternProblem(pattern), pattern).toBe('unsupported-regex');
      const refused = carrierSchema.safeParse({ ...SF, trackingPattern: pattern });
      expect(refused.error?.issues[0]).toMatchObject({
        path: ['trackingPattern'],
        message: 'unsupported-regex',
      });
    }
    const parsed = carrierSchema.safeParse({ ...SF, trackingPattern: 'SF[0-9' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['trackingPattern'],
      message: 'invalid-regex',
    });
  });

  it('checks the tracking URL template and fills in the number, escaped', () => {
    expect(trackingLink(SF, 'SF1122334455')).toBe(
      'https://www.sf-express.com/waybill/SF1122334455',
    );
    expect(trackingLink(SF, 'A B&C')).toBe('https://www.sf-express.com/waybill/A%20B%26C');
    expect(trackingLink(DEPPON, 'X')).toBeUndefined();
    expect(carrierSchema.safeParse({ ...SF, trackingUrl: 'https://x.example/' }).success).toBe(
      false,
    );
    expect(
      carrierSchema.safeParse({ ...SF, trackingUrl: 'javascript:alert({tracking})' }).success,
    ).toBe(false);
    expect(carrierSchema.safeParse({ ...SF, modes: [] }).success).toBe(false);
    expect(carrierSchema.safeParse({ ...SF, modes: ['road', 'road'] }).success).toBe(false);
  });
});

const ORDER = '018f0000-0000-7000-8000-000000000001';
const SHIP = '018f0000-0000-7000-8000-0000000000a1';
const SHIP_2 = '018f0000-0000-7000-8000-0000000000a2';
const wh = { id: 'u-wh', role: 'warehouse' as const };
const released = {
  lots: [{ id: 'lot-1', stage: 'final', attempt: 1, state: 'closed', verdict: 'accepted' }],
  ncrs: [],
};
let n = 0;
const uuid = () => `018f0000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

describe('carrier.save', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = new MemoryStore();
  });

  it('is the warehouse’s, and refuses an edit based on an older version', async () => {
    expect(await store.run(wh, 'carrier.save', { carrier: SF })).toEqual({ status: 'applied' });
    expect(
      await store.run({ id: 'u-s', role: 'sales' }, 'carrier.save', { carrier: DEPPON }),
    ).toMatchObject({ code: 'forbidden' });
    // A second "new" carrier with the same id is not an edit.
    expect(await store.run(wh, 'carrier.save', { carrier: SF })).toMatchObject({
      code: 'already-exists',
    });
    const v = store.get('carrier', SF.id)!._v!;
    expect(
      await store.run(wh, 'carrier.save', { carrier: { ...SF, active: false }, baseVersion: v }),
    ).toEqual({ status: 'applied' });
    expect(
      await store.run(wh, 'carrier.save', { carrier: { ...SF, name: 'SF' }, baseVersion: v }),
    ).toMatchObject({ code: 'stale-state' });
    expect(store.get<Carrier & { id: string }>('carrier', SF.id)).toMatchObject({
      name: 'SF Express',
      active: false,
    });
  });

  it('refuses a pattern that does not compile, or needs backtracking, naming the field', async () => {
    for (const trackingPattern of ['(', String.raw`(\d)\1`, 'SF(?=\\d)']) {
      expect(
        await store.run(wh, 'carrier.save', { carrier: { ...SF, trackingPattern } }),
      ).toMatchObject({ code: 'invalid-args', params: { path: 'carrier.trackingPattern' } });
    }
    expect(
      await store.run(wh, 'carrier.save', { carrier: { ...SF, trackingPattern: '(a|aa)+' } }),
    ).toEqual({ status: 'applied' });
  });
});

describe('shipment confirmation: carrier pattern and credit hold', () => {
  let store: MemoryStore;

  beforeEach(async () => {
    store = new MemoryStore();
    store.put('customer', { id: 'cust-1', code: 'C-0001' });
    store.put('order', {
      id: ORDER,
      number: 'SO-2026-000001',
      customerId: 'cust-1',
      state: 'ready_to_ship',
      lines: [{ model: 'LFP-12V100', quantity: 4 }],
      history: [],
    });
    store.put('batch', {
      id: 'b-1',
      number: 'B-1',
      model: 'LFP-12V100',
      quantity: 4,
      orderId: ORDER,
      quality: released,
      state: 'done',
      good: 4,
      doneAt: '2026-11-30T10:00:00.000Z',
    });
    store.put('carrier', { ...SF, _v: 1 });
    store.put('carrier', { ...DEPPON, _v: 1 });
    store.put('carrier', { ...OLD, _v: 1 });
    for (const code of ['P1', 'P2']) {
      expect(
        await store.run(wh, 'carton.pack', { code, batchId: 'b-1', quantity: 2 }),
      ).toMatchObject({ status: 'applied' });
    }
  });

  async function openAndScan(carrierId?: string) {
    expect(
      await store.run(wh, 'shipment.create', {
        id: SHIP,
        orderId: ORDER,
        lines: [{ model: 'LFP-12V100', quantity: 4 }],
        mode: 'road',
        ...(carrierId ? { carrierId } : {}),
      }),
    ).toEqual({ status: 'applied' });
    for (const code of ['P1', 'P2']) {
      expect(
        await store.run(wh, 'shipment.scan', { scanId: uuid(), shipmentId: SHIP, code }),
      ).toEqual({ status: 'applied' });
    }
  }

  it('takes the carrier’s name from the list, and only one that is active for the mode', async () => {
    const create = (id: string, carrierId: string, mode = 'road') =>
      store.run(wh, 'shipment.create', {
        id,
        orderId: ORDER,
        lines: [{ model: 'LFP-12V100', quantity: 1 }],
        mode,
        carrierId,
        carrier: 'whatever the PC said',
      });
    expect(await create(SHIP_2, OLD.id)).toMatchObject({ code: 'carrier-unavailable' });
    expect(await create(SHIP_2, DEPPON.id, 'air')).toMatchObject({
      code: 'carrier-unavailable',
      params: { carrier: 'Deppon', mode: 'air' },
    });
    expect(await create(SHIP_2, 'car-none')).toMatchObject({ code: 'not-found' });
    expect(await create(SHIP_2, SF.id, 'air')).toEqual({ status: 'applied' });
    expect(store.get<ShipmentRecord>('shipment', SHIP_2)).toMatchObject({
      carrier: 'SF Express',
      carrierId: SF.id,
    });
  });

  it('refuses a tracking number that does not fit the carrier’s pattern', async () => {
    await openAndScan(SF.id);
    const confirm = (trackingNumber: string, extra: Record<string, string> = {}) =>
      store.run(wh, 'shipment.confirm', {
        shipmentId: SHIP,
        carrier: 'SF Express',
        trackingNumber,
        ...extra,
      });
    expect(await confirm('DP123')).toMatchObject({
      status: 'rejected',
      code: 'invalid-tracking-number',
      params: { carrier: 'SF Express', trackingNumber: 'DP123' },
    });
    expect(store.get<ShipmentRecord>('shipment', SHIP)!.state).toBe('open');
    // Switching to a carrier without a pattern at confirmation takes the number.
    expect(await confirm('DP123', { carrier: 'Deppon', carrierId: DEPPON.id })).toEqual({
      status: 'applied',
    });
    expect(store.get<ShipmentRecord>('shipment', SHIP)).toMatchObject({
      state: 'confirmed',
      carrier: 'Deppon',
      carrierId: DEPPON.id,
      trackingNumber: 'DP123',
    });
  });

  it('checks the carrier chosen when the shipment was opened, and confirms a fitting number', async () => {
    await openAndScan(SF.id);
    expect(
      await store.run(wh, 'shipment.confirm', {
        shipmentId: SHIP,
        carrier: 'SF Express',
        trackingNumber: 'SF12',
      }),
    ).toMatchObject({ code: 'invalid-tracking-number' });
    expect(
      await store.run(wh, 'shipment.confirm', {
        shipmentId: SHIP,
        carrier: 'SF Express',
        trackingNumber: 'SF1122334455',
      }),
    ).toEqual({ status: 'applied' });
  });

  it('takes a carrier named by hand only while the plant’s other-carrier entry is active', async () => {
    await openAndScan();
    const confirm = () =>
      store.run(wh, 'shipment.confirm', {
        shipmentId: SHIP,
        carrier: 'A local van',
        trackingNumber: '42',
      });
    expect(await confirm()).toMatchObject({
      status: 'rejected',
      code: 'carrier-not-listed',
      params: { carrier: 'A local van' },
    });
    store.put('carrier', { ...OTHER, active: false, _v: 1 });
    expect(await confirm()).toMatchObject({ code: 'carrier-not-listed' });
    expect(store.get<ShipmentRecord>('shipment', SHIP)!.state).toBe('open');
    store.put('carrier', { ...OTHER, _v: 2 });
    expect(await confirm()).toEqual({ status: 'applied' });
    expect(store.get<ShipmentRecord>('shipment', SHIP)).toMatchObject({
      state: 'confirmed',
      carrier: 'A local van',
      carrierId: OTHER.id,
      carrierFreeText: true,
    });
  });

  it('keeps the pattern of the carrier chosen at opening against a name typed at confirmation', async () => {
    store.put('carrier', { ...OTHER, _v: 1 });
    await openAndScan(SF.id);
    const confirm = (carrier: string, trackingNumber: string, carrierId?: string) =>
      store.run(wh, 'shipment.confirm', {
        shipmentId: SHIP,
        carrier,
        trackingNumber,
        ...(carrierId ? { carrierId } : {}),
      });
    // An old PC types another name: refused, even though the plant takes typed carriers.
    expect(await confirm('A local van', '42')).toMatchObject({
      code: 'carrier-not-listed',
      params: { carrier: 'A local van' },
    });
    // A listed carrier's name, however typed, is that carrier, pattern and all.
    expect(await confirm('  sf   EXPRESS ', '42')).toMatchObject({
      code: 'invalid-tracking-number',
      params: { carrier: 'SF Express' },
    });
    expect(await confirm('SF Express', '42', OTHER.id)).toMatchObject({
      code: 'invalid-tracking-number',
    });
    expect(store.get<ShipmentRecord>('shipment', SHIP)!.state).toBe('open');
    // Choosing the other-carrier entry on purpose switches to a carrier named by hand.
    expect(await confirm('A local van', '42', OTHER.id)).toEqual({ status: 'applied' });
    expect(store.get<ShipmentRecord>('shipment', SHIP)).toMatchObject({
      carrier: 'A local van',
      carrierId: OTHER.id,
      carrierFreeText: true,
    });
  });

  it('opens a shipment with a carrier named by hand only where allowed, and records it so', async () => {
    const create = (id: string, extra: Record<string, string>, mode = 'road') =>
      store.run(wh, 'shipment.create', {
        id,
        orderId: ORDER,
        lines: [{ model: 'LFP-12V100', quantity: 1 }],
        mode,
        ...extra,
      });
    expect(await create(SHIP, { carrier: 'A local van' })).toMatchObject({
      code: 'carrier-not-listed',
      params: { carrier: 'A local van' },
    });
    store.put('carrier', { ...OTHER, _v: 1 });
    expect(await create(SHIP, { carrierId: OTHER.id })).toMatchObject({
      code: 'invalid-args',
      params: { path: 'carrier' },
    });
    expect(await create(SHIP, { carrier: 'A local van' }, 'sea')).toMatchObject({
      code: 'carrier-not-listed',
    });
    expect(await create(SHIP, { carrierId: OTHER.id, carrier: 'A ship' }, 'sea')).toMatchObject({
      code: 'carrier-unavailable',
    });
    expect(await create(SHIP, { carrierId: OTHER.id, carrier: 'A local van' })).toEqual({
      status: 'applied',
    });
    expect(store.get<ShipmentRecord>('shipment', SHIP)).toMatchObject({
      carrier: 'A local van',
      carrierId: OTHER.id,
      carrierFreeText: true,
    });
    // Typing a listed carrier's name picks that carrier: its pattern will be checked.
    expect(await create(SHIP_2, { carrier: 'deppon' })).toEqual({ status: 'applied' });
    const picked = store.get<ShipmentRecord>('shipment', SHIP_2)!;
    expect(picked).toMatchObject({ carrier: 'Deppon', carrierId: DEPPON.id });
    expect(picked.carrierFreeText).toBeUndefined();
  });

  it('holds the goods of a customer on credit hold, on the PC and on the server', async () => {
    await openAndScan(SF.id);
    store.put('customer', { id: 'cust-1', code: 'C-0001', creditHold: true });
    for (const authoritative of [false, true]) {
      expect(
        await store.run({ ...wh, authoritative }, 'shipment.confirm', {
          shipmentId: SHIP,
          carrier: 'SF Express',
          trackingNumber: 'SF1122334455',
        }),
      ).toMatchObject({
        status: 'rejected',
        code: 'customer-credit-hold',
        params: { customer: 'C-0001' },
      });
    }
    expect(store.get<ShipmentRecord>('shipment', SHIP)!.state).toBe('open');
    expect(store.get('order', ORDER)!.state).toBe('ready_to_ship');
    // Finance lifts the hold: the same confirmation goes through.
    store.put('customer', { id: 'cust-1', code: 'C-0001', creditHold: false });
    expect(
      await store.run(wh, 'shipment.confirm', {
        shipmentId: SHIP,
        carrier: 'SF Express',
        trackingNumber: 'SF1122334455',
      }),
    ).toEqual({ status: 'applied' });
  });
});
