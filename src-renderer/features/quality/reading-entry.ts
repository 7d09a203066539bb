import type { MutationArgs } from '../../../src-shared/domains';
import { uuidv7 } from '../../../src-shared/ids';
import type { InspectionLotRecord, LotProgress } from '../../../src-shared/quality/lot';
import {
  judgeReading,
  parseTyped,
  type JudgedReading,
  type LotCharacteristic,
} from '../../../src-shared/quality/plan';

/**
 * What happens between the inspector pressing Enter and the reading being saved, as plain
 * functions: parse what was typed, judge it against the lot's frozen limits, and build the
 * mutation's arguments. The logging screen and the entry benchmark both use these.
 */

export interface TypedEntry {
  text: string;
  serial?: string;
  note?: string;
  photo?: string;
}

export type EntryError = 'not-a-number' | 'not-pass-fail' | 'not-a-count' | 'empty';

export type PreparedReading =
  | { ok: true; args: MutationArgs<'inspection.record'>; judged: JudgedReading }
  | { ok: false; error: EntryError };

export function prepareReading(
  lot: Pick<InspectionLotRecord, 'id'>,
  c: LotCharacteristic,
  sample: number,
  entry: TypedEntry,
  id: string = uuidv7(),
): PreparedReading {
  const note = entry.note?.trim() || (c.type === 'record' ? entry.text.trim() : '');
  if (c.type === 'record' && !note && !entry.photo) return { ok: false, error: 'empty' };
  const parsed = parseTyped(c.type, entry.text);
  if (!parsed.ok) {
    if (entry.text.trim() === '') return { ok: false, error: 'empty' };
    return {
      ok: false,
      error:
        c.type === 'pass-fail'
          ? 'not-pass-fail'
          : c.type === 'count'
            ? 'not-a-count'
            : 'not-a-number',
    };
  }
  const serial = entry.serial?.trim();
  return {
    ok: true,
    judged: judgeReading(c, parsed.reading),
    args: {
      id,
      lotId: lot.id,
      characteristicId: c.id,
      sample,
      ...parsed.reading,
      ...(serial ? { serial } : {}),
      ...(note ? { note } : {}),
      ...(entry.photo ? { photo: entry.photo } : {}),
    },
  };
}

/** The characteristic to log next: the current one until its sample is complete, then the
 * next one in plan order that still needs units (wrapping around), else stay. */
export function nextCharacteristic(
  characteristics: readonly LotCharacteristic[],
  progress: LotProgress,
  currentId: string | null,
): string | null {
  const remaining = (id: string) =>
    progress.characteristics.find((p) => p.id === id)?.remaining ?? 0;
  if (currentId && remaining(currentId) > 0) return currentId;
  const at = characteristics.findIndex((c) => c.id === currentId);
  // With nothing chosen yet, the search starts at the first characteristic itself.
  const start = at < 0 ? characteristics.length - 1 : at;
  for (let i = 1; i <= characteristics.length; i++) {
    const c = characteristics[(start + i) % characteristics.length]!;
    if (remaining(c.id) > 0) return c.id;
  }
  return currentId ?? characteristics[0]?.id ?? null;
}
