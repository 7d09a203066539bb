import { defineDomain } from '../sync/domain';
import { WAREHOUSE_MUTATIONS } from './shipment-mutations';

/** The warehouse domain: packing specs, cartons and pallets, shipments and scans, carriers. */
export const WAREHOUSE_DOMAIN = defineDomain({
  name: 'warehouse',
  mutations: WAREHOUSE_MUTATIONS,
  kinds: {
    // batchId: what was already packed from a batch; orderId: what is packed for an order.
    carton: { indexes: ['batchId', 'orderId', 'shipmentId'] },
    shipment: { indexes: ['orderId', 'state'] },
    scan: { indexes: ['shipmentId'] },
    carrier: { indexes: ['name'] },
    'packing-spec': { indexes: ['model'] },
    serial: { indexes: ['cartonId'] },
  },
});
