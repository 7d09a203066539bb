import type { FeasibilityReviewRecord, SignOff } from './feasibility';
import type { ClarificationRecord, OrderHistoryEntry, OrderRecord } from './order-record';

/**
 * An order's timeline: every state change, every exchange with the customer and every
 * feasibility sign-off, each with who did it, when and from which PC, oldest first.
 */

interface Who {
  at: string;
  by: string;
  byName?: string;
  clientId: string;
  pc?: string;
}

export type TimelineEvent =
  | (Who & { kind: 'state'; entry: OrderHistoryEntry })
  | (Who & { kind: 'clarification'; clarification: ClarificationRecord })
  | (Who & {
      kind: 'sign-off';
      department: FeasibilityReviewRecord['department'];
      signOff: SignOff;
    });

function who(e: { by: string; byName?: string; clientId: string; pc?: string }, at: string): Who {
  return {
    at,
    by: e.by,
    ...(e.byName === undefined ? {} : { byName: e.byName }),
    clientId: e.clientId,
    ...(e.pc === undefined ? {} : { pc: e.pc }),
  };
}

export function buildTimeline(
  order: Pick<OrderRecord, 'history'>,
  clarifications: readonly ClarificationRecord[],
  reviews: readonly FeasibilityReviewRecord[],
): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...order.history.map((entry) => ({ ...who(entry, entry.at), kind: 'state' as const, entry })),
    // An exchange with the customer happened when the PC says: it may sync hours later.
    ...clarifications.map((c) => ({
      ...who(c, c.clientTime),
      kind: 'clarification' as const,
      clarification: c,
    })),
    ...reviews.flatMap((r) =>
      r.log.map((signOff) => ({
        ...who(signOff, signOff.at),
        kind: 'sign-off' as const,
        department: r.department,
        signOff,
      })),
    ),
  ];
  // Stable: events of the same instant keep the order they were listed in.
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
