import type { StoredRecord } from '../sync/mutation';

/**
 * The small plant the planning mutation tests run on (test-only): planners, an accepted order
 * and lines with three 8-hour shifts, Monday to Saturday.
 */

export const PLANNER = { id: 'u-plan', role: 'planning' as const, name: 'Zhang Wei' };
export const PLANNER2 = { id: 'u-plan2', role: 'planning' as const, name: 'Li Planner' };
export const ORDER = '00000000-0000-7000-8000-000000000101';
export const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** The accepted order SO-2026-000001, promised for 20 December. */
export function acceptedOrder(
  lines: readonly { model: string; quantity: number }[],
  history: readonly object[] = [],
): StoredRecord {
  return {
    id: ORDER,
    number: 'SO-2026-000001',
    customerId: 'c1',
    state: 'accepted',
    lines: [...lines],
    promisedDate: '2026-12-20',
    history: [...history],
  };
}

/** A line on three 8-hour shifts making each family at its rate. */
export function threeShiftLine(
  lineId: string,
  code: string,
  rates: readonly { family: string; unitsPerHour: number }[],
): StoredRecord {
  return { id: lineId, code, shiftsPerDay: 3, hoursPerShift: 8, rates: [...rates] };
}
