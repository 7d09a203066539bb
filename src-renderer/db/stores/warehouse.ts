/**
 * Dexie stores of the warehouse domain in schema version 2: shipments by order and state (the
 * open list), cartons by order and batch (what is packed for an order) and by shipment, scans
 * by shipment. Not shipped yet, so editable until the release that ships version 2.
 */
export const WAREHOUSE_STORES_V2: Record<string, string> = {
  shipment: 'id, orderId, state, number',
  carton: 'id, orderId, batchId, shipmentId',
  scan: 'id, shipmentId',
};

/**
 * Version 3: stored packing specs (found by model and customer), carriers, and the serial
 * index (one row per serial packed, by carton, for tracing a serial to its carton and batch).
 */
export const WAREHOUSE_STORES_V3: Record<string, string> = {
  'packing-spec': 'id, model, customerId',
  carrier: 'id, name',
  serial: 'id, cartonId',
};
