import { useLiveQuery } from 'dexie-react-hooks';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { releaseGate } from '../../../src-shared/quality/release-gate';
import type { CartonRecord, ShipmentRecord } from '../../../src-shared/warehouse/shipment-record';
import { useUserDb } from '../../sync/use-sync';

/** Live views of the warehouse's local records. */
export interface WarehouseData {
  shipments: ShipmentRecord[];
  /** Orders a shipment may be opened for. */
  orders: OrderRecord[];
  /** Batches quality released for packing. */
  releasedBatches: BatchRecord[];
  cartons: CartonRecord[];
}

const EMPTY: WarehouseData = { shipments: [], orders: [], releasedBatches: [], cartons: [] };
const SHIPPABLE = ['accepted', 'planned', 'in_production', 'ready_to_ship', 'partly_shipped'];

export function useWarehouseData(): WarehouseData {
  const db = useUserDb();
  return (
    useLiveQuery(async () => {
      if (!db) return EMPTY;
      const [shipments, orders, batches, cartons] = await Promise.all([
        db.domain('shipment').orderBy('number').reverse().toArray(),
        db.domain('order').where('state').anyOf(SHIPPABLE).toArray(),
        db.domain('batch').toArray(),
        db.domain('carton').orderBy('id').reverse().limit(200).toArray(),
      ]);
      return {
        shipments: shipments as ShipmentRecord[],
        orders: orders as OrderRecord[],
        releasedBatches: (batches as BatchRecord[]).filter((b) => releaseGate(b).allowed),
        cartons: cartons as CartonRecord[],
      };
    }, [db]) ?? EMPTY
  );
}
