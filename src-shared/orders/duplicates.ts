import type { OrderLine, OrderRecord } from './order-record';
import { DEAD_STATES } from './order-record';

/**
 * The same order taken twice (the customer phoned and then e-mailed the same thing) looks
 * like: same customer, same requested date, at least one model in common. Such a pair is
 * warned about, never refused: repeat orders for one date are normal for some customers.
 */

export interface DuplicateCandidate {
  id?: string;
  customerId: string;
  requestedDate?: string;
  lines: readonly Pick<OrderLine, 'model'>[];
}

export interface DuplicateMatch {
  orderId: string;
  number: string;
  models: string[];
}

export function findDuplicates(
  candidate: DuplicateCandidate,
  existing: readonly Pick<
    OrderRecord,
    'id' | 'number' | 'customerId' | 'requestedDate' | 'lines' | 'state'
  >[],
): DuplicateMatch[] {
  if (!candidate.customerId || !candidate.requestedDate) return [];
  const models = new Set(candidate.lines.map((l) => l.model).filter(Boolean));
  const matches: DuplicateMatch[] = [];
  for (const o of existing) {
    if (o.id === candidate.id) continue;
    if (o.customerId !== candidate.customerId || o.requestedDate !== candidate.requestedDate) {
      continue;
    }
    if (DEAD_STATES.includes(o.state)) continue;
    const shared = [...new Set(o.lines.map((l) => l.model))].filter((m) => models.has(m));
    if (shared.length > 0) matches.push({ orderId: o.id, number: o.number, models: shared });
  }
  return matches;
}
