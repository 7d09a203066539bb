import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, latestDate } from './dates';
import { findDuplicates } from './duplicates';
import type { FeasibilityReviewRecord } from './feasibility';
import type { ClarificationRecord, OrderHistoryEntry } from './order-record';
import { buildTimeline } from './timeline';

const h = (to: OrderHistoryEntry['to'], at: string, pc?: string): OrderHistoryEntry => ({
  from: null,
  to,
  by: 'u1',
  byName: 'Wang',
  clientId: 'c1',
  ...(pc ? { pc } : {}),
  clientTime: at,
  at,
});

describe('order timeline', () => {
  it('merges state changes, clarifications and sign-offs oldest first, with who and which PC', () => {
    const clarification: ClarificationRecord = {
      id: 'q1',
      orderId: 'o1',
      channel: 'phone',
      question: 'Tabs?',
      by: 'u2',
      clientId: 'c2',
      pc: 'DESK-2',
      clientTime: '2026-12-01T09:30:00Z',
    };
    const review: FeasibilityReviewRecord = {
      id: 'o1:production',
      orderId: 'o1',
      department: 'production',
      status: 'approved',
      requestedAt: '2026-12-02T00:00:00Z',
      log: [
        {
          decision: 'approve',
          by: 'u3',
          byName: 'Zhou',
          clientId: 'c3',
          clientTime: '2026-12-02T10:00:00Z',
          at: '2026-12-02T10:00:05Z',
        },
      ],
    };
    const events = buildTimeline(
      {
        history: [
          h('received', '2026-12-01T09:00:00Z', 'DESK-1'),
          h('under_review', '2026-12-01T10:00:00Z'),
        ],
      },
      [clarification],
      [review],
    );
    expect(events.map((e) => [e.kind, e.at, e.by, e.pc])).toEqual([
      ['state', '2026-12-01T09:00:00Z', 'u1', 'DESK-1'],
      ['clarification', '2026-12-01T09:30:00Z', 'u2', 'DESK-2'],
      ['state', '2026-12-01T10:00:00Z', 'u1', undefined],
      ['sign-off', '2026-12-02T10:00:05Z', 'u3', undefined],
    ]);
    expect(events[3]).toMatchObject({ department: 'production', byName: 'Zhou' });
  });

  it('keeps the listed order for events of the same instant', () => {
    const at = '2026-12-01T09:00:00Z';
    const events = buildTimeline(
      { history: [h('sales_confirmed', at), h('in_feasibility', at)] },
      [],
      [],
    );
    expect(events.map((e) => (e.kind === 'state' ? e.entry.to : ''))).toEqual([
      'sales_confirmed',
      'in_feasibility',
    ]);
  });
});

describe('dates', () => {
  it('adds days across months, years and leap days in UTC', () => {
    expect(addDays('2026-12-01', 30)).toBe('2026-12-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-01', '2027-01-15')).toBe(45);
    expect(daysBetween('2027-01-15', '2026-12-01')).toBe(-45);
    expect(latestDate([undefined, '2027-01-01', '2026-12-31'])).toBe('2027-01-01');
    expect(latestDate([])).toBeUndefined();
  });
});

describe('duplicate warning', () => {
  const existing = [
    {
      id: 'a',
      number: 'RQ-1',
      customerId: 'c1',
      requestedDate: '2027-01-15',
      state: 'received' as const,
      lines: [
        { model: 'M1', quantity: 1 },
        { model: 'M2', quantity: 1 },
      ],
    },
    {
      id: 'b',
      number: 'RQ-2',
      customerId: 'c1',
      requestedDate: '2027-01-16',
      state: 'received' as const,
      lines: [{ model: 'M1', quantity: 1 }],
    },
    {
      id: 'c',
      number: 'RQ-3',
      customerId: 'c2',
      requestedDate: '2027-01-15',
      state: 'received' as const,
      lines: [{ model: 'M1', quantity: 1 }],
    },
    {
      id: 'd',
      number: 'RQ-4',
      customerId: 'c1',
      requestedDate: '2027-01-15',
      state: 'cancelled' as const,
      lines: [{ model: 'M1', quantity: 1 }],
    },
    {
      id: 'e',
      number: 'RQ-5',
      customerId: 'c1',
      requestedDate: '2027-01-15',
      state: 'accepted' as const,
      lines: [{ model: 'M3', quantity: 1 }],
    },
  ];

  it('matches same customer, same date and a shared model, among live orders only', () => {
    expect(
      findDuplicates(
        {
          customerId: 'c1',
          requestedDate: '2027-01-15',
          lines: [{ model: 'M2' }, { model: 'M1' }],
        },
        existing,
      ),
    ).toEqual([{ orderId: 'a', number: 'RQ-1', models: ['M1', 'M2'] }]);
  });

  it('does not match the order itself, nor a draft without customer or date', () => {
    expect(
      findDuplicates(
        { id: 'a', customerId: 'c1', requestedDate: '2027-01-15', lines: [{ model: 'M1' }] },
        existing,
      ),
    ).toEqual([]);
    expect(findDuplicates({ customerId: 'c1', lines: [{ model: 'M1' }] }, existing)).toEqual([]);
  });
});
