import { describe, expect, it } from 'vitest';
import type { OrderRecord } from './order-record';
import {
  checkCatalog,
  checkCompleteness,
  checkDelivery,
  checkDuplicates,
  checkQuantity,
  dailyCapacity,
  reviewOrder,
  summarize,
  type LineCapacity,
  type ReviewContext,
  type ReviewOrder,
} from './review-checks';

const PRODUCTS: ReviewContext['products'] = new Map([
  [
    'CYL-18650-26',
    {
      code: 'CYL-18650-26',
      format: '18650',
      moq: 10_000,
      leadTimeDays: 30,
      specs: [
        { code: 'STD', name: { zh: '标准', en: 'Standard' } },
        { code: 'TAB-NI', name: { zh: '镍片', en: 'Nickel tabs' } },
      ],
    },
  ],
  [
    'PACK-LFP-12V100',
    {
      code: 'PACK-LFP-12V100',
      format: 'pack',
      moq: 50,
      leadTimeDays: 25,
      specs: [{ code: '100AH', name: { zh: '100Ah', en: '100 Ah' } }],
    },
  ],
  [
    'OLD-CELL',
    {
      code: 'OLD-CELL',
      format: '18650',
      moq: 1,
      leadTimeDays: 10,
      discontinued: true,
      specs: [{ code: 'STD', name: { zh: '标准', en: 'Standard' } }],
    },
  ],
]);

/** 12,000/h × 3 shifts × 8 h × 0.75 = 216,000 cells a day. */
const LINES: LineCapacity[] = [
  {
    rates: [{ family: '18650', unitsPerHour: 12_000 }],
    shiftsPerDay: 3,
    hoursPerShift: 8,
    plannedOee: 0.75,
  },
];

const TODAY = '2026-12-01';

function order(overrides: Partial<ReviewOrder> = {}): ReviewOrder {
  return {
    id: 'o-new',
    customerId: 'c-1',
    contact: { name: '林晓东' },
    lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 20_000 }],
    requestedDate: '2027-01-15',
    deliveryPlace: 'Shenzhen',
    ...overrides,
  };
}

type Other = ReviewContext['customerOrders'][number];
function past(id: string, quantity: number, extra: Partial<OrderRecord> = {}): Other {
  return {
    id,
    number: `SO-${id}`,
    customerId: 'c-1',
    lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity }],
    state: 'closed',
    requestedDate: '2026-06-01',
    ...extra,
  };
}

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('completeness', () => {
  it('passes a complete order of a listed customer', () => {
    expect(checkCompleteness(order(), { customer: { id: 'c-1' } })).toEqual({
      check: 'completeness',
      status: 'pass',
      findings: [],
    });
  });

  it('names every missing piece', () => {
    const r = checkCompleteness(
      order({
        customerId: '',
        contact: undefined,
        lines: [],
        requestedDate: undefined,
        deliveryPlace: '  ',
      }),
      { customer: undefined },
    );
    expect(r.status).toBe('fail');
    expect(codes(r)).toEqual([
      'customer-missing',
      'contact-missing',
      'no-lines',
      'requested-date-missing',
      'delivery-place-missing',
    ]);
  });

  it('flags a customer that is not in the customer list', () => {
    const r = checkCompleteness(order({ customerId: 'c-x' }), { customer: undefined });
    expect(r.findings).toEqual([
      { code: 'customer-unknown', params: { customerId: 'c-x' }, severity: 'fail' },
    ]);
  });
});

describe('catalog range', () => {
  it('passes models and specs the factory makes', () => {
    const r = checkCatalog(
      order({
        lines: [
          { model: 'CYL-18650-26', spec: 'TAB-NI', quantity: 10_000 },
          { model: 'PACK-LFP-12V100', spec: '100AH', quantity: 60 },
        ],
      }),
      { products: PRODUCTS },
    );
    expect(r.status).toBe('pass');
  });

  it('explains an unknown model, a discontinued one, a missing and an unknown spec, per line', () => {
    const r = checkCatalog(
      order({
        lines: [
          { model: 'CYL-99999', spec: 'STD', quantity: 1 },
          { model: 'OLD-CELL', spec: 'STD', quantity: 1 },
          { model: 'CYL-18650-26', quantity: 1 },
          { model: 'PACK-LFP-12V100', spec: '300AH', quantity: 1 },
        ],
      }),
      { products: PRODUCTS },
    );
    expect(r.status).toBe('fail');
    expect(r.findings).toEqual([
      { code: 'model-unknown', params: { line: 1, model: 'CYL-99999' }, severity: 'fail' },
      { code: 'model-discontinued', params: { line: 2, model: 'OLD-CELL' }, severity: 'fail' },
      {
        code: 'spec-missing',
        params: { line: 3, model: 'CYL-18650-26', options: 'STD, TAB-NI' },
        severity: 'fail',
      },
      {
        code: 'spec-unknown',
        params: { line: 4, model: 'PACK-LFP-12V100', spec: '300AH', options: '100AH' },
        severity: 'fail',
      },
    ]);
  });
});

describe('quantity sanity', () => {
  const ctx = (customerOrders: Other[] = []) => ({ products: PRODUCTS, customerOrders });

  it('fails below the minimum order quantity, and passes at it', () => {
    const below = checkQuantity(
      order({ lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 9_999 }] }),
      ctx(),
    );
    expect(below.findings).toEqual([
      {
        code: 'below-moq',
        params: { line: 1, model: 'CYL-18650-26', quantity: 9_999, moq: 10_000 },
        severity: 'fail',
      },
    ]);
    const at = checkQuantity(
      order({ lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 10_000 }] }),
      ctx(),
    );
    expect(at.status).toBe('pass');
  });

  it('warns about ten times the usual quantity (a typo of one zero) once there is history', () => {
    const history = [past('a', 20_000), past('b', 24_000), past('c', 18_000)];
    const r = checkQuantity(
      order({ lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 200_000 }] }),
      ctx(history),
    );
    expect(r.status).toBe('warn');
    expect(r.findings[0]).toEqual({
      code: 'unusual-quantity',
      params: { line: 1, model: 'CYL-18650-26', quantity: 200_000, median: 20_000, count: 3 },
      severity: 'warn',
    });
    // A fifth of the usual is just as odd.
    expect(
      checkQuantity(
        order({ lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 11_000 }] }),
        ctx([past('a', 80_000), past('b', 80_000), past('c', 80_000)]),
      ).status,
    ).toBe('warn');
    // Within the factor: fine.
    expect(
      checkQuantity(
        order({ lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 90_000 }] }),
        ctx(history),
      ).status,
    ).toBe('pass');
  });

  it('does not judge without enough history, and ignores cancelled orders and the order itself', () => {
    const few = [past('a', 20_000), past('b', 20_000)];
    const big = order({ lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 500_000 }] });
    expect(checkQuantity(big, ctx(few)).status).toBe('pass');
    const withDead = [...few, past('c', 20_000, { state: 'cancelled' }), past('o-new', 20_000)];
    expect(checkQuantity(big, ctx(withDead)).status).toBe('pass');
    expect(
      checkQuantity(big, {
        ...ctx([...few, past('d', 20_000)]),
        settings: { unusualFactor: 50, minHistory: 3 },
      }).status,
    ).toBe('pass');
  });
});

describe('delivery date', () => {
  const ctx = (committedOrders: Other[] = []) => ({
    products: PRODUCTS,
    committedOrders,
    lines: LINES,
    today: TODAY,
  });

  it('computes daily capacity from rate, shifts, hours and OEE', () => {
    expect(dailyCapacity(LINES, '18650')).toBe(216_000);
    expect(dailyCapacity(LINES, 'pack')).toBe(0);
  });

  it('passes a date that leaves the lead time and fits the load', () => {
    expect(checkDelivery(order(), ctx()).status).toBe('pass');
  });

  it('fails a date in the past', () => {
    expect(checkDelivery(order({ requestedDate: '2026-11-30' }), ctx()).findings).toEqual([
      { code: 'date-in-past', params: { date: '2026-11-30' }, severity: 'fail' },
    ]);
  });

  it('fails a date inside the standard lead time, naming the earliest', () => {
    const r = checkDelivery(order({ requestedDate: '2026-12-30' }), ctx());
    expect(r.findings).toEqual([
      {
        code: 'lead-time',
        params: { line: 1, model: 'CYL-18650-26', leadTimeDays: 30, earliest: '2026-12-31' },
        severity: 'fail',
      },
    ]);
    expect(checkDelivery(order({ requestedDate: '2026-12-31' }), ctx()).status).toBe('pass');
  });

  it('fails when the load already accepted by that date leaves no room', () => {
    // 45 days × 216,000 = 9,720,000 cells by 2027-01-15.
    const heavy = [
      past('x', 9_000_000, { state: 'accepted', promisedDate: '2027-01-10' }),
      past('y', 5_000_000, { state: 'planned', promisedDate: '2027-03-01' }), // due later: not counted
      past('z', 9_000_000, { state: 'accepted', promisedDate: '2026-11-01' }), // already past
    ];
    const r = checkDelivery(
      order({ lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 800_000 }] }),
      ctx(heavy),
    );
    expect(r.findings).toEqual([
      {
        code: 'over-capacity',
        params: {
          family: '18650',
          quantity: 800_000,
          committed: 9_000_000,
          capacity: 9_720_000,
          date: '2027-01-15',
        },
        severity: 'fail',
      },
    ]);
    expect(
      checkDelivery(
        order({ lines: [{ model: 'CYL-18650-26', spec: 'STD', quantity: 720_000 }] }),
        ctx(heavy),
      ).status,
    ).toBe('pass');
  });

  it('fails a product family no line can make', () => {
    const r = checkDelivery(
      order({ lines: [{ model: 'PACK-LFP-12V100', spec: '100AH', quantity: 60 }] }),
      ctx(),
    );
    expect(codes(r)).toEqual(['no-line-for-format']);
  });
});

describe('duplicates and the whole review', () => {
  it('warns about the same customer, date and model', () => {
    const twin = past('t', 20_000, {
      state: 'received',
      requestedDate: '2027-01-15',
      number: 'RQ-2026-000009',
    });
    const r = checkDuplicates(order(), { customerOrders: [twin] });
    expect(r).toEqual({
      check: 'duplicates',
      status: 'warn',
      findings: [
        {
          code: 'possible-duplicate',
          params: { number: 'RQ-2026-000009', models: 'CYL-18650-26' },
          severity: 'warn',
        },
      ],
    });
  });

  it('runs all five checks and keeps a summary for the sign-off', () => {
    const results = reviewOrder(order({ requestedDate: '2026-12-10' }), {
      customer: { id: 'c-1' },
      products: PRODUCTS,
      customerOrders: [],
      committedOrders: [],
      lines: LINES,
      today: TODAY,
    });
    expect(results.map((r) => [r.check, r.status])).toEqual([
      ['completeness', 'pass'],
      ['catalog', 'pass'],
      ['quantity', 'pass'],
      ['delivery', 'fail'],
      ['duplicates', 'pass'],
    ]);
    expect(summarize(results)[3]).toEqual({
      check: 'delivery',
      status: 'fail',
      findings: ['lead-time'],
    });
  });
});
