import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import {
  departmentsFor,
  type FeasibilityDepartment,
  type FeasibilityReviewRecord,
} from '../../../src-shared/orders/feasibility';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import type { Role } from '../../../src-shared/roles';
import { metaDb } from '../../db/meta-db';
import { useUserDb } from '../../sync/use-sync';

/** Online orders nobody on the order desk has taken yet, oldest first. */
export function useUntakenPortalOrders(enabled: boolean): OrderRecord[] {
  const db = useUserDb();
  return (
    useLiveQuery(
      async () =>
        db && enabled
          ? ((await db
              .domain('order')
              .where('[channel+state]')
              .equals(['portal', 'received'])
              .filter((o) => !(o as OrderRecord).takenBy)
              .sortBy('createdAt')) as OrderRecord[])
          : [],
      [db, enabled],
    ) ?? []
  );
}

/** Sign-offs asked of the departments this role signs for, still open. */
export function usePendingSignOffs(
  role: Role,
): { review: FeasibilityReviewRecord; order: OrderRecord | undefined }[] {
  const db = useUserDb();
  const mine = departmentsFor(role);
  const key = mine.join(',');
  return (
    useLiveQuery(async () => {
      if (!db || key === '') return [];
      const departments = key.split(',') as FeasibilityDepartment[];
      const reviews = (await db
        .domain('feasibility-review')
        .where('[department+status]')
        .anyOf(departments.map((d) => [d, 'pending']))
        .toArray()) as FeasibilityReviewRecord[];
      const orders = (await db.domain('order').bulkGet(reviews.map((r) => r.orderId))) as (
        OrderRecord | undefined
      )[];
      return reviews
        .map((review, i) => ({ review, order: orders[i] }))
        .filter((x) => x.order?.state === 'in_feasibility');
    }, [db, key]) ?? []
  );
}

/** Whether the alert sound plays on this PC; remembered across sign-ins. */
export function useAlertSound(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(true);
  useEffect(() => {
    let live = true;
    void metaDb()
      .getSetting('orderAlertSound')
      .then((saved) => live && saved !== undefined && setOn(saved))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const set = useCallback((next: boolean) => {
    setOn(next);
    void metaDb()
      .setSetting('orderAlertSound', next)
      .catch((e: unknown) => console.warn('could not save the alert sound setting', e));
  }, []);
  return [on, set];
}
