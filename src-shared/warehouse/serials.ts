import { Refusal, type MutatorTx, type StoredRecord } from '../sync/mutation';

/**
 * Serial numbers packed into cartons. Each one packed gets an index record whose id is the
 * serial itself, so the mutator (which reads only by id) finds a serial already in a carton,
 * and a unit can later be traced from its serial to carton, batch and shipment.
 */

export interface SerialRecord extends StoredRecord {
  cartonId: string;
  batchId: string;
  model: string;
  packedBy: string;
  packedAt: string;
}

/** What a list of scanned serials lacks against the units of one carton; pure, for the form. */
export function serialProblems(
  serials: readonly string[],
  units: number,
): { duplicates: string[]; missing: number; extra: number } {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const s of serials) {
    if (seen.has(s)) duplicates.add(s);
    seen.add(s);
  }
  return {
    duplicates: [...duplicates],
    missing: Math.max(0, units - serials.length),
    extra: Math.max(0, serials.length - units),
  };
}

/**
 * Checks a carton's serials (one per unit, none twice, none packed before) and records each;
 * refuses the whole carton on the first problem.
 */
export async function claimSerials(
  tx: MutatorTx,
  serials: readonly string[],
  carton: { id: string; batchId: string; model: string; quantity: number },
  by: string,
  at: string,
): Promise<void> {
  const problems = serialProblems(serials, carton.quantity);
  if (problems.missing || problems.extra) {
    throw new Refusal('invalid-args', { path: 'serials', message: 'one serial per unit' });
  }
  if (problems.duplicates.length) {
    throw new Refusal('invalid-args', {
      path: 'serials',
      message: `a serial listed twice: ${problems.duplicates[0]!}`,
    });
  }
  for (const serial of serials) {
    const packed = await tx.get<SerialRecord>('serial', serial);
    if (packed) throw new Refusal('serial-already-packed', { serial, carton: packed.cartonId });
  }
  for (const serial of serials) {
    const record: SerialRecord = {
      id: serial,
      cartonId: carton.id,
      batchId: carton.batchId,
      model: carton.model,
      packedBy: by,
      packedAt: at,
    };
    await tx.put('serial', record);
  }
}

/** Serials as scanned into a text field: one per line (a scanner ends each with Enter). */
export function splitSerials(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\r\n\t]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
