import { beforeEach, describe, expect, it } from 'vitest';
import { isLegalPath, type OrderState } from './order-state';
import type { FeasibilityReviewRecord } from './feasibility';
import { MemoryStore } from '../sync/memory-store';
import type { ClarificationRecord, OrderRecord } from './order-record';
import type { Customer } from './catalog';

const DESK = { id: 'u-desk', role: 'order-desk', name: '王接单' } as const;
const DESK2 = { id: 'u-desk2', role: 'order-desk', name: 'Li Desk' } as const;
const SALES = { id: 'u-sales', role: 'sales', name: '陈销售' } as const;
const PROD = { id: 'u-prod', role: 'production', name: 'Zhou' } as const;
const PROC = { id: 'u-proc', role: 'procurement', name: 'Sun' } as const;
const WH = { id: 'u-wh', role: 'warehouse', name: 'Ma' } as const;
const QUALITY = { id: 'u-qc', role: 'quality', name: 'Zhao' } as const;

const ORDER_ID = '0190a000-0000-7000-8000-000000000001';
const CUSTOMER: Customer = {
  id: 'c-1',
  code: 'C-0001',
  name: { zh: '绿源储能', en: 'Lvyuan Storage' },
  country: 'CN',
  currency: 'CNY',
  address: { line1: '松坪山路 18 号', city: '深圳', postcode: '518057', country: 'CN' },
  contacts: [{ name: '林晓东' }],
  paymentTerms: { code: 'NET60', days: 60, text: { zh: '月结 60 天', en: '60 days net' } },
};

/** The catalog entry and line the orders below are for: the review runs its checks on them. */
const CELL = {
  id: 'p-cell',
  code: 'CYL-18650-26',
  format: '18650',
  moq: 10_000,
  leadTimeDays: 30,
  specs: [{ code: 'STD', name: { zh: '标准', en: 'Standard' } }],
};
const LINE = {
  id: 'line-1',
  code: 'L1-CYL',
  rates: [{ family: '18650', unitsPerHour: 12_000 }],
  shiftsPerDay: 3,
  hoursPerShift: 8,
  plannedOee: 0.75,
};

function orderArgs(overrides: Record<string, unknown> = {}) {
  return {
    id: ORDER_ID,
    customerId: 'c-1',
    channel: 'phone',
    contact: { name: '林晓东', phone: '+86 755 2601 8830' },
    lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 20_000 }],
    requestedDate: '2027-02-15',
    deliveryPlace: 'Shenzhen warehouse',
    pc: 'DESK-PC-1',
    ...overrides,
  };
}

let store: MemoryStore;
const order = () => store.get<OrderRecord>('order', ORDER_ID)!;
const states = () => order().history.map((h) => h.to);

async function ok(user: Parameters<MemoryStore['run']>[0], name: string, args: unknown) {
  const outcome = await store.run(user, name, args);
  expect(outcome, `${name} ${JSON.stringify(args)}`).toEqual({ status: 'applied' });
}

async function refused(user: Parameters<MemoryStore['run']>[0], name: string, args: unknown) {
  const before = JSON.stringify([...store.rows]);
  const outcome = await store.run(user, name, args);
  expect(outcome.status).toBe('rejected');
  // A refusal leaves nothing behind.
  expect(JSON.stringify([...store.rows])).toBe(before);
  return outcome.status === 'rejected' ? outcome : null;
}

async function toReviewed() {
  await ok(DESK, 'order.create', orderArgs());
  await ok(DESK, 'order.take', { orderId: ORDER_ID });
  await ok(DESK, 'order.review', { orderId: ORDER_ID, checks: [] });
}

async function toFeasibility() {
  await toReviewed();
  await ok(SALES, 'order.confirm', { orderId: ORDER_ID });
}

const sign = (department: string, decision: string, extra: Record<string, unknown> = {}) => ({
  orderId: ORDER_ID,
  department,
  decision,
  ...extra,
});

beforeEach(() => {
  store = new MemoryStore();
  store.put('customer', { ...CUSTOMER });
  store.put('product', { ...CELL });
  store.put('production-line', { ...LINE });
});

describe('order.create', () => {
  it('takes an order with a server intake number, the customer as listed, and who/when/which PC', async () => {
    await ok(DESK, 'order.create', orderArgs());
    expect(order()).toMatchObject({
      number: 'RQ-2026-000001',
      numberProvisional: false,
      state: 'received',
      customerCode: 'C-0001',
      customerName: { en: 'Lvyuan Storage' },
      models: ['CYL-18650-26'],
      createdBy: 'u-desk',
      history: [
        {
          from: null,
          to: 'received',
          by: 'u-desk',
          byName: '王接单',
          pc: 'DESK-PC-1',
          clientId: 'pc-u-desk',
        },
      ],
    });
    expect(order()).not.toHaveProperty('pc');
  });

  it('gives a provisional number on the PC', async () => {
    await ok({ ...DESK, authoritative: false }, 'order.create', orderArgs());
    expect(order()).toMatchObject({
      numberProvisional: true,
      number: expect.stringMatching(/^RQ-~/),
    });
  });

  it('keeps an order for a customer not yet in the list (the review flags it)', async () => {
    await ok(DESK, 'order.create', orderArgs({ customerId: 'c-new' }));
    expect(order()).not.toHaveProperty('customerCode');
  });

  it('refuses the same id twice, bad lines, and roles without order.create', async () => {
    await ok(DESK, 'order.create', orderArgs());
    expect(await refused(DESK, 'order.create', orderArgs())).toMatchObject({
      code: 'already-exists',
    });
    expect(
      await refused(DESK, 'order.create', orderArgs({ id: crypto.randomUUID(), lines: [] })),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'lines' } });
    expect(
      await refused(
        DESK,
        'order.create',
        orderArgs({ id: crypto.randomUUID(), lines: [{ model: 'X', quantity: 0 }] }),
      ),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'lines.0.quantity' } });
    expect(
      await refused(SALES, 'order.create', orderArgs({ id: crypto.randomUUID() })),
    ).toMatchObject({ code: 'forbidden' });
  });
});

describe('order.take', () => {
  it('takes a new order into review; a second taker is told who has it', async () => {
    await ok(DESK, 'order.create', orderArgs({ channel: 'portal' }));
    await ok(DESK, 'order.take', { orderId: ORDER_ID, pc: 'DESK-PC-1' });
    expect(order()).toMatchObject({
      state: 'under_review',
      takenBy: 'u-desk',
      takenByName: '王接单',
    });
    expect(await refused(DESK2, 'order.take', { orderId: ORDER_ID })).toMatchObject({
      code: 'already-taken',
      params: { by: '王接单' },
    });
    // Taking it again oneself changes nothing in the state.
    await ok(DESK, 'order.take', { orderId: ORDER_ID });
    expect(states()).toEqual(['received', 'under_review']);
  });
});

describe('order.transition', () => {
  it('moves an order along the plain steps and marks the taker', async () => {
    await ok(DESK, 'order.create', orderArgs());
    await ok(DESK2, 'order.transition', { orderId: ORDER_ID, to: 'under_review' });
    expect(order()).toMatchObject({ state: 'under_review', takenBy: 'u-desk2' });
  });

  it('refuses states that have their own mutation, illegal moves, and a cancellation without reason', async () => {
    await ok(DESK, 'order.create', orderArgs());
    for (const to of ['reviewed', 'sales_confirmed', 'in_feasibility', 'accepted', 'rejected']) {
      const user =
        to === 'reviewed' ? DESK : to.startsWith('sal') || to === 'in_feasibility' ? SALES : PROD;
      expect(await refused(user, 'order.transition', { orderId: ORDER_ID, to })).toMatchObject({
        code: 'needs-own-action',
        params: { to },
      });
    }
    expect(
      await refused(DESK, 'order.transition', { orderId: ORDER_ID, to: 'needs_clarification' }),
    ).toMatchObject({ code: 'illegal-transition', params: { from: 'received' } });
    expect(
      await refused(DESK, 'order.transition', { orderId: ORDER_ID, to: 'cancelled' }),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'reason' } });
    await ok(DESK, 'order.transition', {
      orderId: ORDER_ID,
      to: 'cancelled',
      reason: 'customer ordered elsewhere',
    });
    expect(order().history.at(-1)).toMatchObject({
      to: 'cancelled',
      reason: 'customer ordered elsewhere',
    });
  });

  it('refuses an unknown order and a role without the action of the target state', async () => {
    expect(
      await refused(DESK, 'order.transition', { orderId: ORDER_ID, to: 'under_review' }),
    ).toMatchObject({ code: 'not-found' });
    await ok(DESK, 'order.create', orderArgs());
    expect(
      await refused(QUALITY, 'order.transition', { orderId: ORDER_ID, to: 'under_review' }),
    ).toMatchObject({ code: 'forbidden' });
  });
});

describe('order.clarify', () => {
  const Q = '0190a000-0000-7000-8000-0000000000a1';
  const A = '0190a000-0000-7000-8000-0000000000a2';

  it('logs a question, parks the order, and takes it back into review with the answer', async () => {
    await ok(DESK, 'order.create', orderArgs());
    await ok(DESK, 'order.take', { orderId: ORDER_ID });
    await ok(DESK, 'order.clarify', {
      id: Q,
      orderId: ORDER_ID,
      channel: 'phone',
      contact: '林晓东',
      question: 'Nickel tabs or bare cells?',
      hold: true,
      pc: 'DESK-PC-1',
    });
    expect(order().state).toBe('needs_clarification');
    await ok(DESK2, 'order.clarify', {
      id: A,
      orderId: ORDER_ID,
      channel: 'email',
      answerTo: Q,
      answer: 'Bare cells, standard grade.',
      resume: true,
    });
    expect(states()).toEqual(['received', 'under_review', 'needs_clarification', 'under_review']);
    const log = store.all<ClarificationRecord>('clarification');
    expect(log).toHaveLength(2);
    expect(store.get<ClarificationRecord>('clarification', Q)).toMatchObject({
      question: 'Nickel tabs or bare cells?',
      contact: '林晓东',
      by: 'u-desk',
      byName: '王接单',
      pc: 'DESK-PC-1',
      channel: 'phone',
      clientTime: store.now,
    });
    expect(store.get<ClarificationRecord>('clarification', A)).toMatchObject({
      answerTo: Q,
      answer: 'Bare cells, standard grade.',
      by: 'u-desk2',
    });
  });

  it('logs an exchange without moving the order, and refuses an answer to an unknown question', async () => {
    await ok(DESK, 'order.create', orderArgs());
    await ok(DESK, 'order.clarify', {
      id: Q,
      orderId: ORDER_ID,
      channel: 'in-person',
      question: 'Delivery to Shenzhen or Dongguan?',
      answer: 'Dongguan plant.',
    });
    expect(order().state).toBe('received');
    expect(
      await refused(DESK, 'order.clarify', {
        id: A,
        orderId: ORDER_ID,
        channel: 'phone',
        answerTo: '0190a000-0000-7000-8000-0000000000ff',
        answer: 'yes',
      }),
    ).toMatchObject({ code: 'not-found' });
    expect(
      await refused(DESK, 'order.clarify', { id: A, orderId: ORDER_ID, channel: 'phone' }),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'question' } });
    // Holding an order that is not under review is an illegal move, and nothing is logged.
    expect(
      await refused(DESK, 'order.clarify', {
        id: A,
        orderId: ORDER_ID,
        channel: 'phone',
        question: 'Again?',
        hold: true,
      }),
    ).toMatchObject({ code: 'illegal-transition' });
    expect(store.get('clarification', A)).toBeUndefined();
  });
});

const PASSED = [
  { check: 'completeness', status: 'pass', findings: [] },
  { check: 'catalog', status: 'pass', findings: [] },
  { check: 'quantity', status: 'pass', findings: [] },
  { check: 'delivery', status: 'pass', findings: [] },
  { check: 'duplicates', status: 'pass', findings: [] },
];

describe('order.review', () => {
  it('keeps the checks as this store found them, and what the PC showed only when it differs', async () => {
    await ok(DESK, 'order.create', orderArgs());
    await ok(DESK, 'order.take', { orderId: ORDER_ID });
    const shown = [{ check: 'quantity', status: 'warn', findings: ['unusual-quantity'] }];
    await ok(DESK, 'order.review', {
      orderId: ORDER_ID,
      checks: shown,
      note: 'customer confirmed qty',
    });
    expect(order()).toMatchObject({
      state: 'reviewed',
      review: {
        by: 'u-desk',
        byName: '王接单',
        checks: PASSED,
        pcChecks: shown,
        note: 'customer confirmed qty',
      },
    });
  });

  it('keeps no PC copy when the PC saw the same, in any order', async () => {
    await ok(DESK, 'order.create', orderArgs());
    await ok(DESK, 'order.take', { orderId: ORDER_ID });
    await ok(DESK, 'order.review', { orderId: ORDER_ID, checks: [...PASSED].reverse() });
    expect(order().review?.checks).toEqual(PASSED);
    expect(order().review).not.toHaveProperty('pcChecks');
  });

  it('refuses an order the catalog fails, whatever the PC says, and on the PC too', async () => {
    const lines = [{ model: 'NO-SUCH-MODEL-9000', spec: 'STD', quantity: 20_000 }];
    await ok(DESK, 'order.create', orderArgs({ lines }));
    await ok(DESK, 'order.take', { orderId: ORDER_ID });
    for (const user of [DESK, { ...DESK, authoritative: false }]) {
      expect(
        await refused(user, 'order.review', { orderId: ORDER_ID, checks: PASSED }),
      ).toMatchObject({
        code: 'review-failed',
        params: { checks: 'catalog', findings: 'model-unknown' },
      });
    }
    expect(order().state).toBe('under_review');
  });

  it('refuses below the minimum quantity and too short a lead time, naming each check', async () => {
    await ok(
      DESK,
      'order.create',
      orderArgs({
        lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 500 }],
        requestedDate: '2026-12-10',
      }),
    );
    await ok(DESK, 'order.take', { orderId: ORDER_ID });
    expect(
      await refused(DESK, 'order.review', { orderId: ORDER_ID, checks: PASSED }),
    ).toMatchObject({
      code: 'review-failed',
      params: { checks: 'quantity,delivery', findings: 'below-moq,lead-time' },
    });
  });

  it('lets a warning pass and keeps it on record', async () => {
    // The same customer, date and model once more: a possible duplicate, which only warns.
    const twin = '0190a000-0000-7000-8000-000000000002';
    await ok(DESK, 'order.create', orderArgs({ id: twin }));
    await ok(DESK, 'order.create', orderArgs());
    await ok(DESK, 'order.take', { orderId: ORDER_ID });
    await ok(DESK, 'order.review', { orderId: ORDER_ID, checks: [] });
    expect(order().review?.checks).toContainEqual({
      check: 'duplicates',
      status: 'warn',
      findings: ['possible-duplicate'],
    });
    expect(order().review?.pcChecks).toEqual([]);
  });

  it('refuses an incomplete order, saying what is missing', async () => {
    await ok(DESK, 'order.create', orderArgs({ requestedDate: undefined, customerId: 'c-new' }));
    await ok(DESK, 'order.take', { orderId: ORDER_ID });
    expect(await refused(DESK, 'order.review', { orderId: ORDER_ID, checks: [] })).toMatchObject({
      code: 'incomplete',
      params: { findings: 'customer-unknown,requested-date-missing' },
    });
  });
});

describe('order.confirm', () => {
  it('gives the sales-order number and asks the three departments at once', async () => {
    await toReviewed();
    await ok(SALES, 'order.confirm', { orderId: ORDER_ID, pc: 'SALES-PC' });
    expect(order()).toMatchObject({
      state: 'in_feasibility',
      number: 'SO-2026-000001',
      intakeNumber: 'RQ-2026-000001',
      confirmedBy: 'u-sales',
      confirmedByName: '陈销售',
    });
    expect(states().slice(-2)).toEqual(['sales_confirmed', 'in_feasibility']);
    const reviews = store.all<FeasibilityReviewRecord>('feasibility-review');
    expect(reviews.map((r) => [r.id, r.status]).sort()).toEqual([
      [`${ORDER_ID}:logistics`, 'pending'],
      [`${ORDER_ID}:procurement`, 'pending'],
      [`${ORDER_ID}:production`, 'pending'],
    ]);
  });

  it('refuses an order whose model left the catalog since the review', async () => {
    await toReviewed();
    store.put('product', { ...CELL, discontinued: true });
    expect(await refused(SALES, 'order.confirm', { orderId: ORDER_ID })).toMatchObject({
      code: 'review-failed',
      params: { checks: 'catalog', findings: 'model-discontinued' },
    });
  });

  it('refuses an order reviewed with a failure before the server ran the checks', async () => {
    await toReviewed();
    const failed = [{ check: 'delivery', status: 'fail', findings: ['lead-time'] }];
    store.put('order', { ...order(), review: { ...order().review!, checks: failed } });
    expect(await refused(SALES, 'order.confirm', { orderId: ORDER_ID })).toMatchObject({
      code: 'review-failed',
      params: { checks: 'delivery', findings: 'lead-time' },
    });
  });

  it('refuses an order that is not reviewed, and the order desk', async () => {
    await ok(DESK, 'order.create', orderArgs());
    expect(await refused(SALES, 'order.confirm', { orderId: ORDER_ID })).toMatchObject({
      code: 'illegal-transition',
      params: { from: 'received', to: 'sales_confirmed' },
    });
    expect(await refused(DESK, 'order.confirm', { orderId: ORDER_ID })).toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('feasibility.sign', () => {
  it('accepts when all three approve, promised for the latest proposed date', async () => {
    await toFeasibility();
    await ok(
      PROD,
      'feasibility.sign',
      sign('production', 'approve-later', { proposedDate: '2027-02-20' }),
    );
    await ok(
      PROC,
      'feasibility.sign',
      sign('procurement', 'approve-later', { proposedDate: '2027-03-01' }),
    );
    expect(order().state).toBe('in_feasibility');
    await ok(WH, 'feasibility.sign', sign('logistics', 'approve', { comment: 'sea freight' }));
    expect(order()).toMatchObject({ state: 'accepted', promisedDate: '2027-03-01' });
    expect(isLegalPath(states() as OrderState[])).toBe(true);
  });

  it('promises the requested date when nobody asks for more time', async () => {
    await toFeasibility();
    for (const [user, dept] of [
      [PROD, 'production'],
      [PROC, 'procurement'],
      [WH, 'logistics'],
    ] as const) {
      await ok(user, 'feasibility.sign', sign(dept, 'approve'));
    }
    expect(order()).toMatchObject({ state: 'accepted', promisedDate: '2027-02-15' });
  });

  it('rejects with every refusing department’s reasons once all have spoken', async () => {
    await toFeasibility();
    await ok(
      PROC,
      'feasibility.sign',
      sign('procurement', 'refuse', {
        reasons: ['material-shortage'],
        comment: 'no cathode until May',
      }),
    );
    await ok(PROD, 'feasibility.sign', sign('production', 'approve'));
    expect(order().state).toBe('in_feasibility');
    await ok(
      WH,
      'feasibility.sign',
      sign('logistics', 'refuse', { reasons: ['transport-restriction'], comment: 'no DG carrier' }),
    );
    expect(order()).toMatchObject({
      state: 'rejected',
      rejection: {
        reasons: [
          {
            department: 'procurement',
            reasons: ['material-shortage'],
            comment: 'no cathode until May',
          },
          { department: 'logistics', reasons: ['transport-restriction'], comment: 'no DG carrier' },
        ],
      },
    });
    expect(order()).not.toHaveProperty('promisedDate');
  });

  it('lets a department change its mind while the order waits, keeping the log', async () => {
    await toFeasibility();
    await ok(PROD, 'feasibility.sign', sign('production', 'approve'));
    await ok(
      PROD,
      'feasibility.sign',
      sign('production', 'approve-later', { proposedDate: '2027-02-28' }),
    );
    const review = store.get<FeasibilityReviewRecord>(
      'feasibility-review',
      `${ORDER_ID}:production`,
    )!;
    expect(review.status).toBe('approved-later');
    expect(review.log.map((l) => l.decision)).toEqual(['approve', 'approve-later']);
    expect(review.current).toMatchObject({
      by: 'u-prod',
      byName: 'Zhou',
      proposedDate: '2027-02-28',
    });
  });

  it('refuses another department, a decided order, bad dates and refusals without reasons', async () => {
    await toFeasibility();
    expect(await refused(PROD, 'feasibility.sign', sign('logistics', 'approve'))).toMatchObject({
      code: 'wrong-department',
    });
    expect(
      await refused(
        PROD,
        'feasibility.sign',
        sign('production', 'approve-later', { proposedDate: '2027-02-10' }),
      ),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'proposedDate' } });
    expect(
      await refused(PROD, 'feasibility.sign', sign('production', 'approve-later')),
    ).toMatchObject({
      code: 'invalid-args',
      params: { path: 'proposedDate' },
    });
    expect(
      await refused(PROD, 'feasibility.sign', sign('production', 'refuse', { comment: 'full' })),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'reasons' } });
    expect(
      await refused(
        PROD,
        'feasibility.sign',
        sign('production', 'refuse', { reasons: ['no-capacity'] }),
      ),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'comment' } });
    expect(await refused(DESK, 'feasibility.sign', sign('production', 'approve'))).toMatchObject({
      code: 'forbidden',
    });
    for (const [user, dept] of [
      [PROD, 'production'],
      [PROC, 'procurement'],
      [WH, 'logistics'],
    ] as const) {
      await ok(user, 'feasibility.sign', sign(dept, 'approve'));
    }
    expect(await refused(PROD, 'feasibility.sign', sign('production', 'approve'))).toMatchObject({
      code: 'stale-state',
      params: { state: 'accepted' },
    });
  });

  it('does not accept an order whose model left the catalog during feasibility', async () => {
    await toFeasibility();
    await ok(PROD, 'feasibility.sign', sign('production', 'approve'));
    await ok(PROC, 'feasibility.sign', sign('procurement', 'approve'));
    store.put('product', { ...CELL, discontinued: true });
    expect(await refused(WH, 'feasibility.sign', sign('logistics', 'approve'))).toMatchObject({
      code: 'review-failed',
      params: { checks: 'catalog' },
    });
    expect(order().state).toBe('in_feasibility');
  });

  it('accepts on the PC of a department that may not read customers, as on the server', async () => {
    await toFeasibility();
    await ok(PROC, 'feasibility.sign', sign('procurement', 'approve'));
    await ok(WH, 'feasibility.sign', sign('logistics', 'approve'));
    // Production's PC holds no customer records (its role does not read them).
    store.rows.delete('customer/c-1');
    await ok({ ...PROD, authoritative: false }, 'feasibility.sign', sign('production', 'approve'));
    expect(order().state).toBe('accepted');
  });

  it('lets planning sign for production and admin for anyone', async () => {
    await toFeasibility();
    await ok({ id: 'u-plan', role: 'planning' }, 'feasibility.sign', sign('production', 'approve'));
    await ok({ id: 'u-admin', role: 'admin' }, 'feasibility.sign', sign('logistics', 'approve'));
  });
});

describe('catalog and customers', () => {
  const product = {
    id: 'p-1',
    code: 'CYL-18650-26',
    name: { zh: '18650 电芯', en: '18650 cell' },
    chemistry: 'Li-ion',
    format: '18650',
    nominalVoltageV: 3.6,
    ratedCapacityAh: 2.55,
    typicalCapacityAh: 2.6,
    energyWh: 9.18,
    chargeVoltageV: 4.2,
    unNumber: 'UN3480',
    dangerousGoodsClass: '9',
    hsCode: '8507.60',
    unit: 'pcs',
    moq: 10_000,
    leadTimeDays: 30,
    specs: [{ code: 'STD', name: { zh: '标准', en: 'Standard' } }],
  };

  it('saves a product, refuses an edit based on an old version, and keeps credit to finance', async () => {
    await ok(SALES, 'product.save', { product });
    expect(await refused(DESK, 'product.save', { product, baseVersion: 1 })).toMatchObject({
      code: 'forbidden',
    });
    const v = store.get('product', 'p-1')!._v!;
    await ok(SALES, 'product.save', { product: { ...product, moq: 5000 }, baseVersion: v });
    expect(await refused(SALES, 'product.save', { product, baseVersion: v })).toMatchObject({
      code: 'stale-state',
    });
    expect(await refused(SALES, 'product.save', { product })).toMatchObject({
      code: 'already-exists',
    });
    expect(
      await refused(SALES, 'product.save', { product: { ...product, id: 'p-2', energyWh: 12 } }),
    ).toMatchObject({ code: 'invalid-args', params: { path: 'product.energyWh' } });

    store.put('customer', { ...CUSTOMER, creditLimit: { amount: 1000, currency: 'CNY' }, _v: 1 });
    expect(
      await refused(DESK, 'customer.save', {
        customer: { ...CUSTOMER, creditLimit: { amount: 9_999_999, currency: 'CNY' } },
        baseVersion: 1,
      }),
    ).toMatchObject({ code: 'forbidden-field', params: { field: 'creditLimit' } });
    expect(store.get('customer', 'c-1')).toMatchObject({ creditLimit: { amount: 1000 } });
  });
});

describe('credit belongs to finance', () => {
  const FINANCE = { id: 'u-fin', role: 'finance', name: '钱财务' } as const;
  const ADMIN = { id: 'u-admin', role: 'admin' } as const;
  const limit = (amount: number) => ({ amount, currency: 'CNY' });
  const customer = () => store.get<Customer & { _v: number }>('customer', 'c-1')!;

  beforeEach(() => {
    store.put('customer', { ...CUSTOMER, creditLimit: limit(1000), creditHold: true, _v: 1 });
  });

  it('keeps finance’s fields through an address edit that leaves them out or sends them unchanged', async () => {
    const moved = { ...CUSTOMER, address: { ...CUSTOMER.address, line1: '科苑路 1 号' } };
    await ok(DESK, 'customer.save', { customer: moved, baseVersion: 1 });
    expect(customer()).toMatchObject({
      address: { line1: '科苑路 1 号' },
      creditLimit: limit(1000),
      creditHold: true,
    });
    await ok(SALES, 'customer.save', {
      customer: { ...moved, creditLimit: limit(1000), creditHold: true },
      baseVersion: customer()._v,
    });
    expect(customer()).toMatchObject({ creditLimit: limit(1000), creditHold: true });
  });

  it('refuses the order desk and sales a credit value, naming the field, on a new customer too', async () => {
    expect(
      await refused(SALES, 'customer.save', {
        customer: { ...CUSTOMER, creditHold: false },
        baseVersion: 1,
      }),
    ).toMatchObject({ code: 'forbidden-field', params: { field: 'creditHold' } });
    expect(
      await refused(DESK, 'customer.save', {
        customer: { ...CUSTOMER, id: 'c-2', code: 'C-0002', creditLimit: limit(5) },
      }),
    ).toMatchObject({ code: 'forbidden-field', params: { field: 'creditLimit' } });
    await ok(DESK, 'customer.save', { customer: { ...CUSTOMER, id: 'c-2', code: 'C-0002' } });
    expect(store.get('customer', 'c-2')).not.toHaveProperty('creditLimit');
    expect(store.get('customer', 'c-2')).not.toHaveProperty('creditHold');
  });

  it('lets a role with credit.hold set them in the customer form', async () => {
    await ok(ADMIN, 'customer.save', {
      customer: { ...CUSTOMER, creditLimit: limit(2000), creditHold: false },
      baseVersion: 1,
    });
    expect(customer()).toMatchObject({ creditLimit: limit(2000), creditHold: false });
  });

  it('customer.credit: finance sets and clears the limit and the hold, keeping the rest', async () => {
    await ok(FINANCE, 'customer.credit', { customerId: 'c-1', creditHold: false });
    expect(customer()).toMatchObject({ creditLimit: limit(1000), creditHold: false });
    await ok(FINANCE, 'customer.credit', { customerId: 'c-1', creditLimit: limit(50_000) });
    expect(customer()).toMatchObject({
      creditLimit: limit(50_000),
      creditHold: false,
      address: CUSTOMER.address,
      contacts: CUSTOMER.contacts,
    });
    await ok(FINANCE, 'customer.credit', { customerId: 'c-1', creditLimit: null, note: 'review' });
    expect(customer()).not.toHaveProperty('creditLimit');
  });

  it('customer.credit: refused to the desk and sales, for an unknown customer, and when empty', async () => {
    for (const user of [DESK, SALES]) {
      expect(
        await refused(user, 'customer.credit', { customerId: 'c-1', creditHold: false }),
      ).toMatchObject({ code: 'forbidden' });
    }
    expect(
      await refused(FINANCE, 'customer.credit', { customerId: 'c-9', creditHold: true }),
    ).toMatchObject({ code: 'not-found' });
    expect(await refused(FINANCE, 'customer.credit', { customerId: 'c-1' })).toMatchObject({
      code: 'invalid-args',
      params: { path: 'creditLimit' },
    });
  });
});
