import { describe, expect, it } from 'vitest';
import { ROLES } from '../roles';
import {
  canSignFor,
  departmentsFor,
  feasibilityOutcome,
  type FeasibilityReviewRecord,
  type ReviewStatus,
} from './feasibility';

function review(
  department: FeasibilityReviewRecord['department'],
  status: ReviewStatus,
  current: Partial<NonNullable<FeasibilityReviewRecord['current']>> = {},
) {
  return {
    department,
    status,
    ...(status === 'pending'
      ? {}
      : {
          current: {
            decision:
              status === 'approved' ? 'approve' : status === 'refused' ? 'refuse' : 'approve-later',
            by: 'u',
            clientId: 'pc',
            clientTime: '2026-12-01T00:00:00Z',
            at: '2026-12-01T00:00:00Z',
            ...current,
          } as NonNullable<FeasibilityReviewRecord['current']>,
        }),
  };
}

describe('feasibility outcome', () => {
  it('stays open while any department has not signed', () => {
    expect(
      feasibilityOutcome(
        [review('production', 'approved'), review('procurement', 'pending')],
        '2027-01-15',
      ),
    ).toEqual({ kind: 'open', waitingFor: ['procurement', 'logistics'] });
    // Even a refusal waits for the others, so every reason reaches the customer at once.
    expect(
      feasibilityOutcome(
        [
          review('production', 'refused', { reasons: ['no-capacity'] }),
          review('logistics', 'approved'),
        ],
        '2027-01-15',
      ).kind,
    ).toBe('open');
  });

  it('accepts for the latest proposed date, never earlier than the requested one', () => {
    expect(
      feasibilityOutcome(
        [
          review('production', 'approved-later', { proposedDate: '2027-02-01' }),
          review('procurement', 'approved-later', { proposedDate: '2027-01-20' }),
          review('logistics', 'approved'),
        ],
        '2027-01-15',
      ),
    ).toEqual({ kind: 'accepted', promisedDate: '2027-02-01' });
    expect(
      feasibilityOutcome(
        [
          review('production', 'approved'),
          review('procurement', 'approved'),
          review('logistics', 'approved'),
        ],
        '2027-01-15',
      ),
    ).toEqual({ kind: 'accepted', promisedDate: '2027-01-15' });
  });

  it('rejects with the reasons of every refusing department', () => {
    expect(
      feasibilityOutcome(
        [
          review('production', 'refused', { reasons: ['no-capacity'], comment: 'lines full' }),
          review('procurement', 'approved'),
          review('logistics', 'refused', { reasons: ['transport-restriction'] }),
        ],
        '2027-01-15',
      ),
    ).toEqual({
      kind: 'rejected',
      reasons: [
        { department: 'production', reasons: ['no-capacity'], comment: 'lines full' },
        { department: 'logistics', reasons: ['transport-restriction'] },
      ],
    });
  });
});

describe('who signs for which department', () => {
  it('maps the departments to their roles', () => {
    const table = Object.fromEntries(ROLES.map((r) => [r, departmentsFor(r)]));
    expect(table).toEqual({
      'order-desk': [],
      sales: [],
      planning: ['production'],
      production: ['production'],
      procurement: ['procurement'],
      quality: [],
      warehouse: ['logistics'],
      finance: [],
      'after-sales': [],
      management: [],
      admin: ['production', 'procurement', 'logistics'],
    });
    expect(canSignFor('warehouse', 'production')).toBe(false);
  });
});
