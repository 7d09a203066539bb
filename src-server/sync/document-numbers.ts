import { sql, type Transaction } from 'kysely';
import type { Schema } from '../db/schema';

/**
 * Human document numbers (SO-2026-000123), given by the server only, one series per prefix and
 * year, gap-free within a series because it runs inside the push transaction.
 */
export async function nextDocumentNumber(
  trx: Transaction<Schema>,
  series: string,
  now: string,
): Promise<string> {
  const year = Number(now.slice(0, 4));
  const { next } = await trx
    .insertInto('doc_counters')
    .values({ series, year, next: 1 })
    .onConflict((oc) =>
      oc.columns(['series', 'year']).doUpdateSet({ next: sql<number>`doc_counters.next + 1` }),
    )
    .returning('next')
    .executeTakeFirstOrThrow();
  return `${series}-${year}-${String(next).padStart(6, '0')}`;
}
