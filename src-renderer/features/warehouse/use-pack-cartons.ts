import { useCallback } from 'react';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { cartonCodes } from '../../../src-shared/warehouse/carton-codes';
import { describeRefusal } from '../../sync/describe-change';
import { useMutate } from '../../sync/use-sync';
import { useUserDb } from '../../sync/use-sync';

export interface PackOptions {
  /** The product record; the mutator checks it is the batch's model. */
  productId?: string;
  packingSpecId?: string;
  /** All cartons' serials in scan order: the first `perCarton` go in the first carton, and so on. */
  serials?: readonly string[];
}

/** Packs `count` cartons of `perCarton` units from a batch, numbered after the ones it has. */
export function usePackCartons() {
  const mutate = useMutate();
  const db = useUserDb();
  return useCallback(
    async (batch: BatchRecord, perCarton: number, count: number, options: PackOptions = {}) => {
      const existing = db ? await db.domain('carton').where('batchId').equals(batch.id).count() : 0;
      const codes = cartonCodes(batch.number, existing, count);
      for (const [i, code] of codes.entries()) {
        const serials = options.serials?.slice(i * perCarton, (i + 1) * perCarton);
        const outcome = await mutate('carton.pack', {
          code,
          batchId: batch.id,
          quantity: perCarton,
          ...(options.productId ? { productId: options.productId } : {}),
          ...(options.packingSpecId ? { packingSpecId: options.packingSpecId } : {}),
          ...(serials ? { serials } : {}),
        });
        if (!outcome.ok) {
          // The cartons before it stay packed: the form takes their serials out of the field.
          const { params } = outcome;
          // Beyond the batch's output: said in the pack form's terms, good and packed.
          const refusal =
            outcome.error === 'over-quantity' && params.good !== undefined
              ? {
                  key: 'warehouse.pack.overOutput',
                  values: {
                    left: params.remaining ?? 0,
                    good: params.good,
                    packed: params.packed ?? 0,
                  },
                }
              : describeRefusal(outcome.error, params, (s) => s);
          return { ok: false, packed: i, ...refusal };
        }
      }
      return { ok: true, packed: count, key: 'warehouse.pack.packed', values: { count } };
    },
    [db, mutate],
  );
}
