import { useCallback } from 'react';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { cartonCodes } from '../../../src-shared/warehouse/carton-codes';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import { useUserDb } from '../../sync/use-sync';

/** Packs `count` cartons of `perCarton` units from a batch, numbered after the ones it has. */
export function usePackCartons() {
  const mutate = useMutate();
  const db = useUserDb();
  return useCallback(
    async (batch: BatchRecord, perCarton: number, count: number) => {
      const existing = db ? await db.domain('carton').where('batchId').equals(batch.id).count() : 0;
      for (const code of cartonCodes(batch.number, existing, count)) {
        const outcome = await mutate('carton.pack', {
          code,
          batchId: batch.id,
          quantity: perCarton,
        });
        if (!outcome.ok) {
          return { ok: false, ...describeRefusal(outcome.error, outcome.params, (s) => s) };
        }
      }
      return { ok: true, key: 'warehouse.pack.packed', values: { count } };
    },
    [db, mutate],
  );
}
