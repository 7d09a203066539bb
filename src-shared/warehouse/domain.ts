import { defineDomain } from '../sync/domain';
import type { CarrierRecord } from './carrier';
import { cartonRecordSchema, carrierRecordSchema, shipmentRecordSchema } from './record-schemas';
import { WAREHOUSE_MUTATIONS } from './shipment-mutations';
import type { CartonRecord, ShipmentRecord } from './shipment-record';

/** The warehouse domain: packing specs, cartons and pallets, shipments and scans, carriers. */
export const WAREHOUSE_DOMAIN = defineDomain({
  name: 'warehouse',
  mutations: WAREHOUSE_MUTATIONS,
  kinds: {
    // batchId: what was already packed from a batch; orderId: what is packed for an order.
    carton: { indexes: ['batchId', 'orderId', 'shipmentId'], schema: cartonRecordSchema },
    shipment: { indexes: ['orderId', 'state'], schema: shipmentRecordSchema },
    scan: { indexes: ['shipmentId'] },
    carrier: { indexes: ['name'], schema: carrierRecordSchema },
    'packing-spec': { indexes: ['model'] },
    serial: { indexes: ['cartonId'] },
  },
});

// What `tx.get('carton', id)` and the like return, wherever a mutator reads them.
declare module '../sync/mutation' {
  interface RecordTypes {
    carton: CartonRecord;
    shipment: ShipmentRecord;
    carrier: CarrierRecord;
  }
}
