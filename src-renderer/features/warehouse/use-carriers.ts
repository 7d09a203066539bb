import { useLiveQuery } from 'dexie-react-hooks';
import type { CustomerRecord } from '../../../src-shared/orders/catalog';
import type { CarrierRecord } from '../../../src-shared/warehouse/carrier';
import { useUserDb } from '../../sync/use-sync';

const NONE: CarrierRecord[] = [];

/** Every carrier in the local store, by name (inactive ones too: the editor lists them). */
export function useCarriers(): CarrierRecord[] {
  const db = useUserDb();
  return (
    useLiveQuery(async () => {
      if (!db) return NONE;
      const rows = (await db.domain('carrier').toArray()) as CarrierRecord[];
      return rows.sort((a, b) => a.name.localeCompare(b.name));
    }, [db]) ?? NONE
  );
}

/**
 * Whether finance holds the shipment's customer: the station says so before anyone scans a
 * whole truck, rather than only when the confirmation is refused.
 */
export function useCreditHold(customerId: string | undefined): {
  held: boolean;
  customer?: string;
} {
  const db = useUserDb();
  return (
    useLiveQuery(async () => {
      if (!db || !customerId) return { held: false };
      const customer = (await db.domain('customer').get(customerId)) as CustomerRecord | undefined;
      return customer?.creditHold === true
        ? { held: true, customer: customer.code }
        : { held: false };
    }, [db, customerId]) ?? { held: false }
  );
}
