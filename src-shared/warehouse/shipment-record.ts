import type { StoredRecord } from '../sync/mutation';
import type { TransportMode } from './dangerous-goods';

/**
 * The shapes the warehouse keeps. The mutator store answers only get-by-id, so each record
 * carries what a check on it needs: a shipment holds its lines with their scanned counts and
 * the ids of every scanned carton; a carton holds its order, model, quantity and batch.
 */

export const SHIPMENT_STATES = ['open', 'confirmed'] as const;
export type ShipmentState = (typeof SHIPMENT_STATES)[number];

export interface ShipmentLine {
  model: string;
  spec?: string;
  /** Units to ship. */
  quantity: number;
  /** Units scanned so far. */
  scanned: number;
}

export interface ShipmentRecord extends StoredRecord {
  number: string;
  numberProvisional: boolean;
  orderId: string;
  orderNumber?: string;
  customerId?: string;
  lines: ShipmentLine[];
  /**
   * How many cartons are scanned in. Their ids sit in index records (`scanIndexId`), not
   * here: a 5,000-carton shipment would otherwise be rewritten whole on every scan.
   */
  cartonCount: number;
  /** The carrier's name as chosen, kept so documents read it without the carrier record. */
  carrier?: string;
  /** The carrier record (when chosen from the list), whose pattern checks the tracking number. */
  carrierId?: string;
  /** Went with a carrier named as typed, through the plant's "other carrier" entry. */
  carrierFreeText?: true;
  mode: TransportMode;
  plannedDate?: string;
  state: ShipmentState;
  trackingNumber?: string;
  confirmedBy?: string;
  confirmedAt?: string;
  createdBy: string;
  createdAt: string;
}

export interface CartonRecord extends StoredRecord {
  /** What the barcode on the label carries; the id scanned. */
  code: string;
  kind: 'carton' | 'pallet';
  batchId: string;
  batchNumber?: string;
  orderId?: string;
  model: string;
  spec?: string;
  quantity: number;
  /** Serial numbers packed, where the product has them. */
  serials?: string[];
  packingSpecId?: string;
  /** The production date printed on the label: the local day the batch was completed. */
  producedOn?: string;
  /** A pallet's cartons; scanning the pallet scans each of them. */
  contents?: string[];
  /** The pallet a carton was stacked on. */
  palletId?: string;
  /** Set when a confirmed shipment took the carton; a second shipment is refused. */
  shipmentId?: string;
  packedBy: string;
  packedAt: string;
}

/** One scan, append-only: id = shipment + carton, so a second scan of a carton is found by id. */
export interface ScanRecord extends StoredRecord {
  shipmentId: string;
  cartonId: string;
  /** The scan action's own id: replaying the same scan is a no-op, another scan is refused. */
  scanId: string;
  by: string;
  at: string;
  clientTime: string;
}

export function scanRecordId(shipmentId: string, cartonId: string): string {
  return `${shipmentId}:${cartonId}`;
}

/** The n-th carton of a shipment (0-based), so confirmation can walk them without a query. */
export interface ScanIndexRecord extends StoredRecord {
  shipmentId: string;
  cartonId: string;
  ordinal: number;
}

export function scanIndexId(shipmentId: string, ordinal: number): string {
  return `${shipmentId}#${ordinal}`;
}
