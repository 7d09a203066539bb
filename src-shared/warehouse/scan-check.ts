import { releaseGate } from '../quality/release-gate';
import type { CartonRecord, ShipmentLine, ShipmentRecord } from './shipment-record';

/**
 * The check each scan gets the moment it is made, on the PC (so the scanner beeps at once,
 * offline too) and again on the server (which decides). Pure: the mutator fetches the records
 * and this function judges them.
 */

export type ScanProblem =
  | 'shipment-confirmed'
  | 'unknown-carton'
  | 'already-scanned'
  | 'already-shipped'
  | 'wrong-order'
  | 'wrong-model'
  | 'over-quantity'
  | 'on-hold'
  | 'not-released';

export type ScanVerdict =
  | { ok: true; lineIndex: number }
  | { ok: false; problem: ScanProblem; params: Record<string, string | number> };

export interface ScanInput {
  shipment: Pick<ShipmentRecord, 'id' | 'orderId' | 'lines' | 'state'>;
  carton: CartonRecord | undefined;
  /** The batch the carton was packed from, as the store has it now (a hold may be newer). */
  batch: object | undefined;
  /** The shipment already has a scan of this carton. */
  alreadyScanned: boolean;
}

function lineMatches(line: ShipmentLine, carton: CartonRecord): boolean {
  return line.model === carton.model && (line.spec === undefined || line.spec === carton.spec);
}

export function checkScan(input: ScanInput): ScanVerdict {
  const { shipment, carton } = input;
  const no = (problem: ScanProblem, params: Record<string, string | number> = {}): ScanVerdict => ({
    ok: false,
    problem,
    params,
  });
  if (shipment.state !== 'open') return no('shipment-confirmed');
  if (!carton) return no('unknown-carton');
  if (input.alreadyScanned) return no('already-scanned', { carton: carton.code });
  if (carton.shipmentId && carton.shipmentId !== shipment.id) {
    return no('already-shipped', { carton: carton.code });
  }
  if (carton.orderId !== shipment.orderId) return no('wrong-order', { carton: carton.code });
  const candidates = shipment.lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => lineMatches(line, carton));
  if (candidates.length === 0) {
    return no('wrong-model', { carton: carton.code, model: carton.model });
  }
  const room = candidates.find(({ line }) => line.scanned + carton.quantity <= line.quantity);
  if (!room) {
    const line = candidates[0]!.line;
    return no('over-quantity', {
      carton: carton.code,
      model: carton.model,
      quantity: carton.quantity,
      remaining: Math.max(0, line.quantity - line.scanned),
    });
  }
  // The batch is asked again at the scan, not only at packing: a hold can come after packing.
  const gate = releaseGate((input.batch ?? {}) as { quantity?: number; quality?: unknown });
  if (!gate.allowed) {
    return no(gate.reason === 'on-hold' ? 'on-hold' : 'not-released', {
      carton: carton.code,
      batch: carton.batchNumber ?? carton.batchId,
      reason: gate.reason,
    });
  }
  return { ok: true, lineIndex: room.index };
}

export type ConfirmProblem = 'scan-incomplete';

/** A shipment may leave only when every line's scanned count is exactly its quantity. */
export function checkComplete(
  lines: readonly ShipmentLine[],
): { ok: true } | { ok: false; problem: ConfirmProblem; params: Record<string, string | number> } {
  const short = lines.find((l) => l.scanned !== l.quantity);
  if (!short) return { ok: true };
  return {
    ok: false,
    problem: 'scan-incomplete',
    params: { model: short.model, scanned: short.scanned, quantity: short.quantity },
  };
}
