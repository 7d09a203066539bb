import { judgeReading, type Characteristic, type Judgement } from './plan';

/**
 * Maps a cell grader's CSV (serial, OCV, ACIR, capacity, in whatever header spelling and unit
 * the tester prints) onto a lot's characteristics, and checks each row. Parsing the file is
 * the renderer's job (papaparse, in chunks); this only sees rows of strings.
 */

const SERIAL_HEADERS = [
  'serial',
  'sn',
  's/n',
  'barcode',
  'cell id',
  'cellid',
  'id',
  '条码',
  '序列号',
  '电芯条码',
];

/** Header aliases the common graders print, beyond the characteristic's own id. */
const BUILTIN_ALIASES: Record<string, string[]> = {
  ocv: ['ocv', 'voltage', 'open circuit voltage', 'u', '电压', '开路电压'],
  acir: ['acir', 'ir', 'imp', 'impedance', 'resistance', 'ac ir', '内阻', '交流内阻'],
  capacity: ['capacity', 'cap', 'discharge capacity', '容量', '放电容量'],
  'k-value': ['k', 'k value', 'kvalue', 'k值', '自放电'],
  mass: ['mass', 'weight', '重量', '质量'],
};

/** Scale of a unit to its base, by dimension; unknown units convert only to themselves. */
const UNITS: Record<string, { dim: string; scale: number }> = {
  v: { dim: 'V', scale: 1 },
  mv: { dim: 'V', scale: 1e-3 },
  ah: { dim: 'Ah', scale: 1 },
  mah: { dim: 'Ah', scale: 1e-3 },
  ω: { dim: 'Ω', scale: 1 },
  ohm: { dim: 'Ω', scale: 1 },
  mω: { dim: 'Ω', scale: 1e-3 },
  mohm: { dim: 'Ω', scale: 1e-3 },
  kω: { dim: 'Ω', scale: 1e3 },
  mΩ: { dim: 'Ω', scale: 1e-3 },
  MΩ: { dim: 'Ω', scale: 1e6 },
  g: { dim: 'g', scale: 1 },
  kg: { dim: 'g', scale: 1e3 },
  mm: { dim: 'm', scale: 1e-3 },
  'mv/d': { dim: 'V/d', scale: 1e-3 },
  'mv/day': { dim: 'V/d', scale: 1e-3 },
};

function unitOf(text: string): { dim: string; scale: number } | undefined {
  // MΩ and mΩ differ only by case: look them up as written first.
  return UNITS[text] ?? UNITS[text.toLowerCase()];
}

/** Factor that turns a value in `from` into `to`; undefined when they do not convert. */
export function unitFactor(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to || from === to) return 1;
  const a = unitOf(from);
  const b = unitOf(to);
  if (!a || !b || a.dim !== b.dim) return undefined;
  return a.scale / b.scale;
}

/** "ACIR (mΩ)" → { name: 'acir', unit: 'mΩ' }. */
export function splitHeader(header: string): { name: string; unit?: string } {
  const m = /^(.*?)[\s_]*[([（【]\s*([^)\]）】]+?)\s*[)\]）】]\s*$/.exec(header.trim());
  const name = (m ? m[1]! : header)
    .trim()
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ');
  return m ? { name, unit: m[2]!.trim() } : { name };
}

export interface ColumnMapping {
  serial: number | null;
  columns: { index: number; characteristicId: string; factor: number; header: string }[];
  /** Headers matched to nothing (shown, ignored). */
  ignored: string[];
  /** Headers naming a characteristic in a unit that does not convert to the plan's. */
  badUnits: { header: string; unit: string; expected: string }[];
}

export function mapColumns(
  headers: readonly string[],
  characteristics: readonly Pick<Characteristic, 'id' | 'type' | 'unit' | 'csvAliases'>[],
): ColumnMapping {
  const mapping: ColumnMapping = { serial: null, columns: [], ignored: [], badUnits: [] };
  const importable = characteristics.filter((c) => c.type === 'measured' || c.type === 'count');
  headers.forEach((header, index) => {
    const { name, unit } = splitHeader(header);
    if (mapping.serial === null && SERIAL_HEADERS.includes(name)) {
      mapping.serial = index;
      return;
    }
    const c = importable.find((x) =>
      [x.id, x.id.replace(/-/g, ' '), ...(BUILTIN_ALIASES[x.id] ?? []), ...(x.csvAliases ?? [])]
        .map((a) => a.toLowerCase())
        .includes(name),
    );
    if (!c || mapping.columns.some((col) => col.characteristicId === c.id)) {
      mapping.ignored.push(header);
      return;
    }
    const factor = unitFactor(unit, c.unit);
    if (factor === undefined) {
      mapping.badUnits.push({ header, unit: unit ?? '', expected: c.unit ?? '' });
      return;
    }
    mapping.columns.push({ index, characteristicId: c.id, factor, header });
  });
  return mapping;
}

export type RowErrorCode = 'missing-serial' | 'duplicate-serial' | 'not-a-number' | 'missing-value';

export interface CheckedRow {
  /** 1-based line in the file, counting the header as line 1. */
  line: number;
  serial?: string;
  readings: { characteristicId: string; value: number; judgement: Judgement }[];
  errors: { column: string; code: RowErrorCode; text?: string }[];
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Checks the data rows of a file against the mapping. A row with any error imports nothing
 * (a half-imported unit would count as inspected); empty lines are skipped silently.
 */
export function checkRows(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  characteristics: readonly Pick<Characteristic, 'id' | 'type' | 'lower' | 'upper'>[],
  firstLine = 2,
  seenSerials: Set<string> = new Set(),
): CheckedRow[] {
  const out: CheckedRow[] = [];
  rows.forEach((row, i) => {
    if (row.every((cell) => cell.trim() === '')) return;
    const checked: CheckedRow = { line: firstLine + i, readings: [], errors: [] };
    if (mapping.serial !== null) {
      const serial = (row[mapping.serial] ?? '').trim();
      if (!serial) checked.errors.push({ column: 'serial', code: 'missing-serial' });
      else if (seenSerials.has(serial)) {
        checked.errors.push({ column: 'serial', code: 'duplicate-serial', text: serial });
      } else {
        seenSerials.add(serial);
        checked.serial = serial;
      }
    }
    for (const col of mapping.columns) {
      const raw = (row[col.index] ?? '').trim().replace(',', '.');
      if (raw === '') {
        checked.errors.push({ column: col.header, code: 'missing-value' });
        continue;
      }
      if (!NUMBER.test(raw)) {
        checked.errors.push({ column: col.header, code: 'not-a-number', text: raw });
        continue;
      }
      // Rounded to what the float can honestly carry after the unit change (3.2 × 1e-3).
      const value = Number((Number(raw) * col.factor).toPrecision(12));
      const c = characteristics.find((x) => x.id === col.characteristicId)!;
      const { judgement } = judgeReading(c, c.type === 'count' ? { count: value } : { value });
      checked.readings.push({ characteristicId: col.characteristicId, value, judgement });
    }
    out.push(checked);
  });
  return out;
}
