/**
 * ISO 2859-1 (GB/T 2828.1, the same plans as ANSI/ASQ Z1.4) single sampling plans for normal
 * and tightened inspection, from the tables in shared/reference/battery-domain.md.
 *
 * Reduced inspection (the standard's Table 2-C) is optional in the standard and is not built:
 * a plant that wants it needs that table and the switching score it comes with, and neither is
 * in the reference.
 */

export const INSPECTION_LEVELS = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

/** The AQL columns of the reference tables, in percent nonconforming. */
export const AQL_VALUES = [0.1, 0.15, 0.25, 0.4, 0.65, 1.0, 1.5, 2.5, 4.0, 6.5, 10] as const;
export type AqlValue = (typeof AQL_VALUES)[number];

export const SEVERITIES = ['normal', 'tightened'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CODE_LETTERS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'Q',
  'R',
] as const;
export type CodeLetter = (typeof CODE_LETTERS)[number];

export const SAMPLE_SIZES: Record<CodeLetter, number> = {
  A: 2,
  B: 3,
  C: 5,
  D: 8,
  E: 13,
  F: 20,
  G: 32,
  H: 50,
  J: 80,
  K: 125,
  L: 200,
  M: 315,
  N: 500,
  P: 800,
  Q: 1250,
  R: 2000,
};

/** Upper bound of each lot-size row; the last row is open-ended. */
const LOT_SIZE_ROWS: readonly { upTo: number; letters: string }[] = [
  // Letters in level order S-1 S-2 S-3 S-4 I II III.
  { upTo: 8, letters: 'AAAAAAB' },
  { upTo: 15, letters: 'AAAAABC' },
  { upTo: 25, letters: 'AABBBCD' },
  { upTo: 50, letters: 'ABBCCDE' },
  { upTo: 90, letters: 'BBCCCEF' },
  { upTo: 150, letters: 'BBCDDFG' },
  { upTo: 280, letters: 'BCDEEGH' },
  { upTo: 500, letters: 'BCDEFHJ' },
  { upTo: 1200, letters: 'CCEFGJK' },
  { upTo: 3200, letters: 'CDEGHKL' },
  { upTo: 10_000, letters: 'CDFGJLM' },
  { upTo: 35_000, letters: 'CDFHKMN' },
  { upTo: 150_000, letters: 'DEGJLNP' },
  { upTo: 500_000, letters: 'DEGJMPQ' },
  { upTo: Infinity, letters: 'DEHKNQR' },
];

/** Sample-size code letter of a lot size at an inspection level (the reference's first table). */
export function codeLetter(lotSize: number, level: InspectionLevel): CodeLetter {
  if (!Number.isInteger(lotSize) || lotSize < 1) throw new RangeError(`lot size ${lotSize}`);
  const row =
    LOT_SIZE_ROWS.find((r) => lotSize <= r.upTo) ?? LOT_SIZE_ROWS[LOT_SIZE_ROWS.length - 1]!;
  return row.letters[INSPECTION_LEVELS.indexOf(level)] as CodeLetter;
}

type Cell = { ac: number; re: number } | 'down' | 'up';

/**
 * Both tables are regular (the reference says so, and the tests check every printed cell):
 * each AQL column holds the same run of cells, starting at the row of its 0/1, every row
 * before it an arrow down, every row after the run an arrow up. The run moves one row up for
 * each step to a larger AQL; tightened inspection starts it one row lower than normal.
 */
const NORMAL_RUN: readonly Cell[] = [
  { ac: 0, re: 1 },
  'up',
  'down',
  { ac: 1, re: 2 },
  { ac: 2, re: 3 },
  { ac: 3, re: 4 },
  { ac: 5, re: 6 },
  { ac: 7, re: 8 },
  { ac: 10, re: 11 },
  { ac: 14, re: 15 },
  { ac: 21, re: 22 },
];

const TIGHTENED_RUN: readonly Cell[] = [
  { ac: 0, re: 1 },
  'down',
  'down',
  { ac: 1, re: 2 },
  { ac: 2, re: 3 },
  { ac: 3, re: 4 },
  { ac: 5, re: 6 },
  { ac: 8, re: 9 },
  { ac: 12, re: 13 },
  { ac: 18, re: 19 },
];

/** Row (A = 0) of the 0/1 cell in an AQL column: 0.10 at K under normal inspection. */
function firstPlanRow(aqlIndex: number, severity: Severity): number {
  const normalRow = CODE_LETTERS.indexOf('K') - aqlIndex;
  return severity === 'normal' ? normalRow : normalRow + 1;
}

/** One cell of the normal or tightened table, exactly as printed (arrows included). */
export function tableCell(letter: CodeLetter, aql: AqlValue, severity: Severity): Cell {
  const aqlIndex = AQL_VALUES.indexOf(aql);
  if (aqlIndex < 0) throw new RangeError(`AQL ${aql} is not a column of the table`);
  const run = severity === 'normal' ? NORMAL_RUN : TIGHTENED_RUN;
  const k = CODE_LETTERS.indexOf(letter) - firstPlanRow(aqlIndex, severity);
  if (k < 0) return 'down';
  return run[k] ?? 'up';
}

export interface SamplingPlanInput {
  lotSize: number;
  aql: AqlValue;
  level: InspectionLevel;
  severity: Severity;
}

export interface SamplingPlan {
  /** The letter of the plan used, after following any arrow. */
  codeLetter: CodeLetter;
  /** The letter the lot size and level gave, before arrows. */
  lotCodeLetter: CodeLetter;
  /** Units to inspect: the plan's sample size, or the whole lot when that is not larger. */
  sampleSize: number;
  accept: number;
  reject: number;
  /** The plan's sample reaches the lot size: every unit is inspected. */
  inspectAll: boolean;
}

/**
 * The single sampling plan for a lot: code letter from lot size and level, then the table's
 * cell for the AQL, following an arrow to the first plan below (↓) or above (↑) and taking
 * that row's sample size too. When the sample is as large as the lot or larger, every unit is
 * inspected with the plan's acceptance numbers.
 */
export function samplingPlan({ lotSize, aql, level, severity }: SamplingPlanInput): SamplingPlan {
  const lotCodeLetter = codeLetter(lotSize, level);
  let row = CODE_LETTERS.indexOf(lotCodeLetter);
  let cell = tableCell(lotCodeLetter, aql, severity);
  if (cell === 'up' && row === 0 && aql === 10 && severity === 'normal') {
    // AQL 10 at code A is printed ↑ with no plan above it. Users of the standard (and the
    // reference, marked *) read it as the first plan below, code C 1/2: the ↑ exists only
    // because the 0/1 plan it points at would lie above the table's first row.
    cell = 'down';
  }
  const step = cell === 'down' ? 1 : -1;
  while (cell === 'down' || cell === 'up') {
    row += step;
    const letter = CODE_LETTERS[row];
    if (!letter) throw new Error(`no plan for AQL ${aql} from code ${lotCodeLetter}`);
    cell = tableCell(letter, aql, severity);
  }
  const letter = CODE_LETTERS[row]!;
  const n = SAMPLE_SIZES[letter];
  const inspectAll = n >= lotSize;
  return {
    codeLetter: letter,
    lotCodeLetter,
    sampleSize: inspectAll ? lotSize : n,
    accept: cell.ac,
    reject: cell.re,
    inspectAll,
  };
}

export function isAqlValue(value: number): value is AqlValue {
  return (AQL_VALUES as readonly number[]).includes(value);
}
