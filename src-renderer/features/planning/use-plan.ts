import { useLiveQuery } from 'dexie-react-hooks';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { useUserDb } from '../../sync/use-sync';

export interface LineOption {
  id: string;
  code: string;
  name: { zh: string; en: string };
}

export interface ProductOption {
  id: string;
  code: string;
}

/** Batches in start order, with the lines and products to choose from, live from the local store. */
export function usePlan(): {
  batches: BatchRecord[];
  lines: LineOption[];
  products: ProductOption[];
  pendingIds: Set<string>;
} {
  const db = useUserDb();
  const data = useLiveQuery(async () => {
    if (!db) return null;
    const [batches, lines, products, shadows] = await Promise.all([
      db.domain('batch').orderBy('start').toArray(),
      db.domain('production-line').toArray(),
      db.domain('product').toArray(),
      db.shadow.where('[kind+id]').between(['batch', ''], ['batch', '\uffff']).toArray(),
    ]);
    return {
      batches: batches as BatchRecord[],
      lines: (lines as unknown as LineOption[]).sort((a, b) => (a.code < b.code ? -1 : 1)),
      products: (products as unknown as ProductOption[]).sort((a, b) => (a.code < b.code ? -1 : 1)),
      // Rows with a change the server has not confirmed yet.
      pendingIds: new Set(shadows.map((s) => s.id)),
    };
  }, [db]);
  return data ?? { batches: [], lines: [], products: [], pendingIds: new Set() };
}
