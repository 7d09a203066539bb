import { describe, expect, it } from 'vitest';
import { canTransition, isLegalPath, nextStates, ORDER_STATES } from './order-state';

describe('order state machine', () => {
  it('follows the happy path of DESIGN.md section 6', () => {
    expect(
      isLegalPath([
        'received',
        'under_review',
        'needs_clarification',
        'under_review',
        'reviewed',
        'sales_confirmed',
        'in_feasibility',
        'accepted',
        'planned',
        'in_production',
        'ready_to_ship',
        'partly_shipped',
        'shipped',
        'delivered',
        'closed',
      ]),
    ).toBe(true);
  });

  it('refuses skipping review and confirming twice', () => {
    expect(canTransition('received', 'sales_confirmed')).toBe(false);
    expect(canTransition('sales_confirmed', 'sales_confirmed')).toBe(false);
    expect(isLegalPath(['received', 'reviewed'])).toBe(false);
    expect(isLegalPath(['under_review'])).toBe(false);
  });

  it('allows cancelling only before production is committed', () => {
    expect(canTransition('in_feasibility', 'cancelled')).toBe(true);
    expect(canTransition('accepted', 'cancelled')).toBe(false);
    expect(canTransition('shipped', 'cancelled')).toBe(false);
  });

  it('has terminal states with no way out', () => {
    expect(nextStates('closed')).toEqual([]);
    expect(nextStates('cancelled')).toEqual([]);
    for (const s of ORDER_STATES) {
      for (const t of nextStates(s)) expect(canTransition(s, t)).toBe(true);
    }
  });
});

/**
 * Every one of the 16 × 16 pairs, against the process of DESIGN.md section 6 written out
 * here independently of the implementation's table: a legal move that becomes illegal, or an
 * illegal one that slips in, fails by name.
 */
describe('every transition, legal and illegal', () => {
  const EARLY = [
    'received',
    'under_review',
    'needs_clarification',
    'reviewed',
    'sales_confirmed',
    'in_feasibility',
  ];
  const LEGAL = new Set([
    'received>under_review',
    'under_review>needs_clarification',
    'needs_clarification>under_review',
    'under_review>reviewed',
    'reviewed>under_review',
    'reviewed>sales_confirmed',
    'sales_confirmed>in_feasibility',
    'in_feasibility>accepted',
    'in_feasibility>rejected',
    'rejected>closed',
    'accepted>planned',
    'planned>in_production',
    'in_production>ready_to_ship',
    'ready_to_ship>partly_shipped',
    'ready_to_ship>shipped',
    'partly_shipped>partly_shipped',
    'partly_shipped>shipped',
    'shipped>delivered',
    'delivered>closed',
    ...EARLY.map((s) => `${s}>cancelled`),
  ]);

  for (const from of ORDER_STATES) {
    for (const to of ORDER_STATES) {
      const legal = LEGAL.has(`${from}>${to}`);
      it(`${from} → ${to} is ${legal ? 'legal' : 'illegal'}`, () => {
        expect(canTransition(from, to)).toBe(legal);
        expect(nextStates(from).includes(to)).toBe(legal);
      });
    }
  }

  it('lists exactly the legal moves, no more', () => {
    const all = ORDER_STATES.flatMap((from) => nextStates(from).map((to) => `${from}>${to}`));
    expect(new Set(all)).toEqual(LEGAL);
  });
});
