import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { CustomerRecord, ProductRecord } from '../../src-shared/orders/catalog';
import type { LineCapacity } from '../../src-shared/orders/review-checks';
import { useUserDb } from '../sync/use-sync';

export interface Catalog {
  products: ProductRecord[];
  productsByCode: ReadonlyMap<string, ProductRecord>;
  customers: CustomerRecord[];
  customersById: ReadonlyMap<string, CustomerRecord>;
  lines: (LineCapacity & { id: string; code: string })[];
}

const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : 1);

/** The catalog, the customer list and the production lines, live from the local store. */
export function useCatalog(): Catalog {
  const db = useUserDb();
  const data = useLiveQuery(async () => {
    if (!db) return null;
    const [products, customers, lines] = await Promise.all([
      db.domain('product').toArray(),
      db.domain('customer').toArray(),
      db.domain('production-line').toArray(),
    ]);
    return {
      products: (products as ProductRecord[]).sort(byCode),
      customers: (customers as CustomerRecord[]).sort(byCode),
      lines: lines as unknown as Catalog['lines'],
    };
  }, [db]);
  return useMemo(() => {
    const products = data?.products ?? [];
    const customers = data?.customers ?? [];
    return {
      products,
      productsByCode: new Map(products.map((p) => [p.code, p])),
      customers,
      customersById: new Map(customers.map((c) => [c.id, c])),
      lines: data?.lines ?? [],
    };
  }, [data]);
}
