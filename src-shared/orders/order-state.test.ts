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
