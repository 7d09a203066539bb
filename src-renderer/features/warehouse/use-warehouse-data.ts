import { useLiveQuery } from 'dexie-react-hooks';
import type { OrderRecord } from '../../../src-shared/orders/order-record';
import type { BatchRecord } from '../../../src-shared/planning/batch-mutations';
import { releaseGate } from '../../../src-shared/quality/release-gate';
import {
  packableOf,
  packedSoFar,
  type Packable,
} from '../../../src-shared/warehouse/batch-packing';
import {
  packingPlan,
  packingSpecFor,
  type PackingSpec,
} from '../../../src-shared/warehouse/packing-spec';
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
  /** Per released batch: units per carton and cartons by the packing spec that applies. */
  suggestions: Record<string, PackSuggestion>;
}

/** How a batch is packed: its product, whether units need serials, the spec that applies. */
export interface PackSuggestion {
  productId?: string;
  serialized: boolean;
  spec?: PackingSpec;
  /** Whether the spec is one the warehouse stored (else the factory default). */
  stored: boolean;
  perCarton?: number;
  cartons?: number;
  /** Good output, packed and left by the cartons this PC has (the server counts again). */
  packable: Packable;
  /** The workshop completed it: packing waits for that. */
  done: boolean;
  /** The number of the order the next carton goes to, where it is known here. */
  nextOrderNumber?: string;
}

const EMPTY: WarehouseData = {
  shipments: [],
  orders: [],
  releasedBatches: [],
  cartons: [],
  suggestions: {},
};
const SHIPPABLE = ['accepted', 'planned', 'in_production', 'ready_to_ship', 'partly_shipped'];

export function useWarehouseData(): WarehouseData {
  const db = useUserDb();
  return (
    useLiveQuery(async () => {
      if (!db) return EMPTY;
      const [shipments, orders, batches, cartons, products, stored] = await Promise.all([
        db.domain('shipment').orderBy('number').reverse().toArray(),
        db.domain('order').where('state').anyOf(SHIPPABLE).toArray(),
        db.domain('batch').toArray(),
        db.domain('carton').orderBy('id').reverse().limit(200).toArray(),
        db.domain('product').toArray(),
        db.domain('packing-spec').toArray(),
      ]);
      const specs = stored as unknown as PackingSpec[];
      const released = (batches as BatchRecord[]).filter((b) => releaseGate(b).allowed);
      const customerOf = new Map((orders as OrderRecord[]).map((o) => [o.id, o.customerId]));
      const numberOf = new Map((orders as OrderRecord[]).map((o) => [o.id, o.number]));
      const packedOf = new Map(
        await Promise.all(
          released.map(
            async (b) =>
              [
                b.id,
                packedSoFar(
                  (await db
                    .domain('carton')
                    .where('batchId')
                    .equals(b.id)
                    .toArray()) as CartonRecord[],
                ),
              ] as const,
          ),
        ),
      );
      const suggestions: WarehouseData['suggestions'] = {};
      for (const b of released) {
        const packable = packableOf(b, packedOf.get(b.id) ?? packedSoFar([]));
        const nextOrderNumber =
          packable.orderId &&
          (numberOf.get(packable.orderId) ??
            (packable.orderId === b.orderId ? b.orderNumber : undefined));
        const product = products.find((p) => p.code === b.model) as
          { id: string; code: string; format?: string; serialized?: boolean } | undefined;
        const spec = product && packingSpecFor(product, customerOf.get(b.orderId ?? ''), specs);
        suggestions[b.id] = {
          ...(product ? { productId: product.id } : {}),
          serialized: product?.serialized === true,
          stored: spec !== undefined && specs.some((s) => s.id === spec.id),
          packable,
          done: b.state === 'done',
          ...(nextOrderNumber ? { nextOrderNumber } : {}),
          // The cartons that hold what is left to pack, not the batch's planned quantity.
          ...(spec
            ? {
                spec,
                perCarton: spec.unitsPerCarton,
                ...(packable.left > 0 ? { cartons: packingPlan(packable.left, spec).cartons } : {}),
              }
            : {}),
        };
      }
      return {
        shipments: shipments as ShipmentRecord[],
        orders: orders as OrderRecord[],
        releasedBatches: released,
        cartons: cartons as CartonRecord[],
        suggestions,
      };
    }, [db]) ?? EMPTY
  );
}
