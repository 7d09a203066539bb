import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import { useUserDb } from '../../sync/use-sync';
import { countOrders, queryOrders, type OrderFilter, type OrderSort } from './order-query';

/**
 * Rows read per step as the list scrolls: a screenful and a half, so a keystroke in the
 * filter waits for what is seen, and scrolling reads on ahead.
 */
export const PAGE = 60;
const SEARCH_DELAY_MS = 150;

export interface OrderListState {
  filter: OrderFilter;
  setFilter: (patch: Partial<OrderFilter>) => void;
  clearFilter: () => void;
  searchText: string;
  setSearchText: (text: string) => void;
  sort: OrderSort;
  setSort: (sort: OrderSort) => void;
  rows: OrderRecord[];
  hasMore: boolean;
  loadMore: () => void;
  /** Undefined while counting. */
  total: number | undefined;
  /** Orders with a change this PC has not had confirmed yet. */
  pendingIds: ReadonlySet<string>;
  loading: boolean;
}

/**
 * The order list's state: filters, sort, and a window of rows that grows as the list
 * scrolls. Every query goes through the indexes (order-query.ts); the live query re-runs
 * only what is on screen when orders change, and typing in the search box waits for a pause.
 */
export function useOrderList(fixed: Partial<OrderFilter> = {}): OrderListState {
  const db = useUserDb();
  const [filter, setFilterState] = useState<OrderFilter>(fixed);
  const [searchText, setSearchText] = useState('');
  const [sort, setSort] = useState<OrderSort>({ field: 'createdAt', direction: 'desc' });
  const [limit, setLimit] = useState(PAGE);
  const fixedKey = JSON.stringify(fixed);

  useEffect(() => {
    const timer = setTimeout(() => {
      setFilterState((f) => ({ ...f, search: searchText.trim() || undefined }));
      setLimit(PAGE);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const effective = useMemo(
    () => ({ ...filter, ...(JSON.parse(fixedKey) as Partial<OrderFilter>) }),
    [filter, fixedKey],
  );
  const key = JSON.stringify([effective, sort]);

  // `key` stands for the filter and sort objects in the dependencies below.
  const page = useLiveQuery(
    () => (db ? queryOrders(db, effective, sort, limit) : undefined),
    [db, key, limit],
  );
  // While a new filter runs, the previous rows stay instead of flashing an empty list.
  const [shown, setShown] = useState(page);
  if (page && page !== shown) setShown(page);

  const counted = useLiveQuery(
    async () => (db ? { key, n: await countOrders(db, effective) } : undefined),
    [db, key],
  );
  const pending = useLiveQuery(
    async () =>
      db
        ? new Set(
            (
              await db.shadow
                .where('[kind+id]')
                .between(['order', ''], ['order', '\uffff'])
                .toArray()
            ).map((s) => s.id),
          )
        : new Set<string>(),
    [db],
  );

  const setFilter = useCallback((patch: Partial<OrderFilter>) => {
    setFilterState((f) => ({ ...f, ...patch }));
    setLimit(PAGE);
  }, []);
  const clearFilter = useCallback(() => {
    setFilterState({});
    setSearchText('');
    setLimit(PAGE);
  }, []);
  const hasMore = shown?.hasMore ?? false;
  const loadMore = useCallback(() => {
    if (hasMore) setLimit((l) => l + PAGE);
  }, [hasMore]);

  return {
    filter: effective,
    setFilter,
    clearFilter,
    searchText,
    setSearchText,
    sort,
    setSort: (s) => {
      setSort(s);
      setLimit(PAGE);
    },
    rows: shown?.rows ?? [],
    hasMore,
    loadMore,
    total: page?.total ?? (counted?.key === key ? counted.n : undefined),
    pendingIds: pending ?? new Set(),
    loading: page === undefined,
  };
}
