import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { FeasibilityReviewRecord } from '../../../src-shared/orders/feasibility';
import {
  COMMITTED_STATES,
  type ClarificationRecord,
  type OrderRecord,
} from '../../../src-shared/orders/order-record';
import { reviewOrder, type CheckResult } from '../../../src-shared/orders/review-checks';
import { buildTimeline, type TimelineEvent } from '../../../src-shared/orders/timeline';
import { useCatalog, type Catalog } from '../../components/use-catalog';
import { useUserDb } from '../../sync/use-sync';

export interface OrderDetail {
  order: OrderRecord | undefined;
  clarifications: ClarificationRecord[];
  reviews: FeasibilityReviewRecord[];
  checks: CheckResult[];
  timeline: TimelineEvent[];
  catalog: Catalog;
  /** A change to this order is waiting to sync. */
  pending: boolean;
}

/** Today on this PC's calendar, as the reviewer sees it. */
export function localToday(now = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

/** One order with its clarifications, sign-offs, review checks and timeline, live. */
export function useOrderDetail(orderId: string | null): OrderDetail {
  const db = useUserDb();
  const catalog = useCatalog();
  const data = useLiveQuery(async () => {
    if (!db || !orderId) return null;
    const order = (await db.domain('order').get(orderId)) as OrderRecord | undefined;
    if (!order)
      return {
        order: undefined,
        clarifications: [],
        reviews: [],
        customerOrders: [],
        committed: [],
        pending: false,
      };
    const [clarifications, reviews, customerOrders, committed, shadow] = await Promise.all([
      db.domain('clarification').where('orderId').equals(orderId).toArray(),
      db.domain('feasibility-review').where('orderId').equals(orderId).toArray(),
      db.domain('order').where('customerId').equals(order.customerId).toArray(),
      db
        .domain('order')
        .where('state')
        .anyOf([...COMMITTED_STATES])
        .toArray(),
      db.shadow.get(['order', orderId]),
    ]);
    return {
      order,
      clarifications: clarifications as ClarificationRecord[],
      reviews: reviews as FeasibilityReviewRecord[],
      customerOrders: customerOrders as OrderRecord[],
      committed: committed as OrderRecord[],
      pending: shadow !== undefined,
    };
  }, [db, orderId]);

  return useMemo(() => {
    const order = data?.order;
    const clarifications = data?.clarifications ?? [];
    const reviews = data?.reviews ?? [];
    const checks = order
      ? reviewOrder(order, {
          customer: catalog.customersById.get(order.customerId),
          products: catalog.productsByCode,
          customerOrders: data?.customerOrders ?? [],
          committedOrders: data?.committed ?? [],
          lines: catalog.lines,
          today: localToday(),
        })
      : [];
    return {
      order,
      clarifications,
      reviews,
      checks,
      timeline: order ? buildTimeline(order, clarifications, reviews) : [],
      catalog,
      pending: data?.pending ?? false,
    };
  }, [data, catalog]);
}
