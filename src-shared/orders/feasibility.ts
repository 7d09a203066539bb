import type { Role } from '../roles';
import type { StoredRecord } from '../sync/mutation';
import { latestDate } from './dates';

/**
 * Joint feasibility (DESIGN.md section 6): production capacity, procurement materials and
 * logistics delivery each sign off on a confirmed order, in parallel and in any order. The
 * order is accepted when all three approve, promised for the latest date any of them proposed
 * (or the requested date when none asked for more time), and rejected when any refuses.
 */

export const FEASIBILITY_DEPARTMENTS = ['production', 'procurement', 'logistics'] as const;
export type FeasibilityDepartment = (typeof FEASIBILITY_DEPARTMENTS)[number];

export const FEASIBILITY_DECISIONS = ['approve', 'approve-later', 'refuse'] as const;
export type FeasibilityDecision = (typeof FEASIBILITY_DECISIONS)[number];

/** Why a department refuses; the comment says the rest. */
export const REFUSAL_REASONS = [
  'no-capacity',
  'material-shortage',
  'supplier-lead-time',
  'spec-not-feasible',
  'transport-restriction',
  'date-not-feasible',
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type ReviewStatus = 'pending' | 'approved' | 'approved-later' | 'refused';

export interface SignOff {
  decision: FeasibilityDecision;
  proposedDate?: string;
  reasons?: RefusalReason[];
  comment?: string;
  by: string;
  byName?: string;
  clientId: string;
  pc?: string;
  clientTime: string;
  at: string;
}

export interface FeasibilityReviewRecord extends StoredRecord {
  orderId: string;
  department: FeasibilityDepartment;
  status: ReviewStatus;
  /** When sales confirmed the order and asked for this sign-off. */
  requestedAt: string;
  /** The latest sign-off; earlier ones (a department changing its mind) stay in `log`. */
  current?: SignOff;
  log: SignOff[];
}

/** Who may sign for which department; admin may sign for any. */
const SIGNERS: Record<FeasibilityDepartment, readonly Role[]> = {
  // The planners know the load of the lines as well as the workshop does.
  production: ['production', 'planning', 'admin'],
  procurement: ['procurement', 'admin'],
  logistics: ['warehouse', 'admin'],
};

export function canSignFor(role: Role, department: FeasibilityDepartment): boolean {
  return SIGNERS[department].includes(role);
}

export function departmentsFor(role: Role): FeasibilityDepartment[] {
  return FEASIBILITY_DEPARTMENTS.filter((d) => canSignFor(role, d));
}

export function reviewId(orderId: string, department: FeasibilityDepartment): string {
  return `${orderId}:${department}`;
}

export function statusOf(decision: FeasibilityDecision): ReviewStatus {
  if (decision === 'approve') return 'approved';
  if (decision === 'approve-later') return 'approved-later';
  return 'refused';
}

export type FeasibilityOutcome =
  | { kind: 'open'; waitingFor: FeasibilityDepartment[] }
  | { kind: 'accepted'; promisedDate: string | undefined }
  | {
      kind: 'rejected';
      reasons: { department: FeasibilityDepartment; reasons: RefusalReason[]; comment?: string }[];
    };

/**
 * The order's fate from its three reviews. A refusal decides only once every department has
 * spoken, so the customer hears every reason at once rather than one refusal at a time.
 */
export function feasibilityOutcome(
  reviews: readonly Pick<FeasibilityReviewRecord, 'department' | 'status' | 'current'>[],
  requestedDate: string | undefined,
): FeasibilityOutcome {
  const byDept = new Map(reviews.map((r) => [r.department, r]));
  const waitingFor = FEASIBILITY_DEPARTMENTS.filter(
    (d) => (byDept.get(d)?.status ?? 'pending') === 'pending',
  );
  if (waitingFor.length > 0) return { kind: 'open', waitingFor };
  const refused = FEASIBILITY_DEPARTMENTS.map((d) => byDept.get(d)!).filter(
    (r) => r.status === 'refused',
  );
  if (refused.length > 0) {
    return {
      kind: 'rejected',
      reasons: refused.map((r) => ({
        department: r.department,
        reasons: r.current?.reasons ?? [],
        ...(r.current?.comment ? { comment: r.current.comment } : {}),
      })),
    };
  }
  const proposed = FEASIBILITY_DEPARTMENTS.map((d) => byDept.get(d)?.current?.proposedDate);
  return { kind: 'accepted', promisedDate: latestDate([requestedDate, ...proposed]) };
}
