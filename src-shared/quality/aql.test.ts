import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AQL_VALUES,
  CODE_LETTERS,
  codeLetter,
  INSPECTION_LEVELS,
  SAMPLE_SIZES,
  samplingPlan,
  SEVERITIES,
  tableCell,
  type AqlValue,
  type CodeLetter,
  type InspectionLevel,
} from './aql';

/**
 * The tables of shared/reference/battery-domain.md, typed in as printed, and every cell of the
 * implementation checked against them; then the arrows, the 100 % case and invariants.
 */

const CODE_TABLE = `
2      A A A A A A B
9      A A A A A B C
16     A A B B B C D
26     A B B C C D E
51     B B C C C E F
91     B B C D D F G
151    B C D E E G H
281    B C D E F H J
501    C C E F G J K
1201   C D E G H K L
3201   C D F G J L M
10001  C D F H K M N
35001  D E G J L N P
150001 D E G J M P Q
500001 D E H K N Q R`;

const CODE_ROWS = CODE_TABLE.trim()
  .split('\n')
  .map((line) => {
    const [from, ...letters] = line.trim().split(/\s+/);
    return { from: Number(from), letters: letters as CodeLetter[] };
  });

// Normal inspection, as printed; "^*" is the AQL 10 / code A cell.
const NORMAL = `
A ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑*
B ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓
C ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2
D ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3
E ↓ ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4
F ↓ ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6
G ↓ ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8
H ↓ ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11
J ↓ 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15
K 0/1 ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22
L ↑ ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑
M ↓ 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑
N 1/2 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑
P 2/3 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑
Q 3/4 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑
R 5/6 7/8 10/11 14/15 21/22 ↑ ↑ ↑ ↑ ↑ ↑`;

// Tightened inspection (ISO 2859-1 Table 2-B for these columns), as the reference describes it:
// each column's 0/1 one row lower than normal, then ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19, then ↑.
const TIGHTENED = `
A ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1
B ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓
C ↓ ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓
D ↓ ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2
E ↓ ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3
F ↓ ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4
G ↓ ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6
H ↓ ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9
J ↓ ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13
K ↓ 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19
L 0/1 ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑
M ↓ ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑
N ↓ 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑
P 1/2 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑
Q 2/3 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑
R 3/4 5/6 8/9 12/13 18/19 ↑ ↑ ↑ ↑ ↑ ↑`;

function parseTable(text: string): Map<CodeLetter, string[]> {
  return new Map(
    text
      .trim()
      .split('\n')
      .map((line) => {
        const [letter, ...cells] = line.trim().split(/\s+/);
        return [letter as CodeLetter, cells];
      }),
  );
}

function printed(cell: ReturnType<typeof tableCell>): string {
  if (cell === 'down') return '↓';
  if (cell === 'up') return '↑';
  return `${cell.ac}/${cell.re}`;
}

const LOT_SIZES_BIG = 1_000_000;

describe('code letters', () => {
  it('match the reference table at both ends of every lot-size row, at every level', () => {
    for (const [i, row] of CODE_ROWS.entries()) {
      const next = CODE_ROWS[i + 1];
      const ends = [row.from, next ? next.from - 1 : LOT_SIZES_BIG];
      for (const lotSize of ends) {
        for (const [j, level] of INSPECTION_LEVELS.entries()) {
          expect(codeLetter(lotSize, level), `${lotSize} ${level}`).toBe(row.letters[j]);
        }
      }
    }
  });

  it('treat a lot of one like the smallest row, and refuse nonsense lot sizes', () => {
    expect(codeLetter(1, 'II')).toBe('A');
    expect(() => codeLetter(0, 'II')).toThrow(RangeError);
    expect(() => codeLetter(12.5, 'II')).toThrow(RangeError);
  });

  it('give the reference sample sizes', () => {
    expect(CODE_LETTERS.map((l) => SAMPLE_SIZES[l])).toEqual([
      2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000,
    ]);
  });
});

describe('the printed tables', () => {
  for (const [severity, text] of [
    ['normal', NORMAL],
    ['tightened', TIGHTENED],
  ] as const) {
    it(`${severity}: every cell is as printed`, () => {
      const table = parseTable(text);
      expect([...table.keys()]).toEqual([...CODE_LETTERS]);
      for (const [letter, cells] of table) {
        expect(cells).toHaveLength(AQL_VALUES.length);
        const expected = cells.map((c) => c.replace('*', ''));
        const actual = AQL_VALUES.map((aql) => printed(tableCell(letter, aql, severity)));
        expect(actual, `row ${letter}`).toEqual(expected);
      }
    });
  }
});

/** Follows the printed arrows by hand: the oracle the implementation is compared with. */
function oracle(letter: CodeLetter, aql: AqlValue, severity: 'normal' | 'tightened') {
  const table = parseTable(severity === 'normal' ? NORMAL : TIGHTENED);
  const col = AQL_VALUES.indexOf(aql);
  let row = CODE_LETTERS.indexOf(letter);
  let cell = table.get(letter)![col]!;
  if (cell === '↑*') cell = '↓';
  const step = cell === '↓' ? 1 : cell === '↑' ? -1 : 0;
  while (cell === '↓' || cell === '↑') {
    row += step;
    cell = table.get(CODE_LETTERS[row]!)![col]!;
  }
  const [ac, re] = cell.split('/').map(Number);
  return { letter: CODE_LETTERS[row]!, ac: ac!, re: re! };
}

describe('samplingPlan', () => {
  it('follows every arrow of both tables to the plan the printed tables give', () => {
    for (const severity of SEVERITIES) {
      for (const letter of CODE_LETTERS) {
        for (const aql of AQL_VALUES) {
          // A lot far larger than any sample, whose code letter at level III is `letter`.
          const row = CODE_ROWS.find((r) => r.letters[6] === letter);
          if (!row) continue;
          const plan = samplingPlan({ lotSize: row.from, aql, level: 'III', severity });
          const want = oracle(letter, aql, severity);
          expect(plan.lotCodeLetter).toBe(letter);
          expect(
            [plan.codeLetter, plan.accept, plan.reject],
            `${severity} ${letter} ${aql}`,
          ).toEqual([want.letter, want.ac, want.re]);
        }
      }
    }
  });

  it('worked examples: a 24,000-cell batch, level II, AQL 0.65', () => {
    expect(samplingPlan({ lotSize: 24_000, aql: 0.65, level: 'II', severity: 'normal' })).toEqual({
      codeLetter: 'M',
      lotCodeLetter: 'M',
      sampleSize: 315,
      accept: 5,
      reject: 6,
      inspectAll: false,
    });
    expect(
      samplingPlan({ lotSize: 24_000, aql: 0.65, level: 'II', severity: 'tightened' }),
    ).toMatchObject({ codeLetter: 'M', sampleSize: 315, accept: 3, reject: 4 });
  });

  it('↓: code H at AQL 0.15 (normal) uses J, n 80, 0/1', () => {
    // 281–500 at level II is H.
    expect(samplingPlan({ lotSize: 400, aql: 0.15, level: 'II', severity: 'normal' })).toEqual({
      codeLetter: 'J',
      lotCodeLetter: 'H',
      sampleSize: 80,
      accept: 0,
      reject: 1,
      inspectAll: false,
    });
  });

  it('↑: code E at AQL 1.5 (normal) uses D, n 8, 0/1', () => {
    // 51–90 at level II is E.
    expect(samplingPlan({ lotSize: 60, aql: 1.5, level: 'II', severity: 'normal' })).toEqual({
      codeLetter: 'D',
      lotCodeLetter: 'E',
      sampleSize: 8,
      accept: 0,
      reject: 1,
      inspectAll: false,
    });
  });

  it('↓ twice on tightened: code J at AQL 0.65 uses K, n 125, 1/2', () => {
    // 501–1200 at level II is J.
    expect(
      samplingPlan({ lotSize: 1000, aql: 0.65, level: 'II', severity: 'tightened' }),
    ).toMatchObject({ codeLetter: 'K', lotCodeLetter: 'J', sampleSize: 125, accept: 1, reject: 2 });
  });

  it('↑ at the bottom: code R at AQL 10 (normal) uses K, n 125, 21/22', () => {
    expect(
      samplingPlan({ lotSize: 600_000, aql: 10, level: 'III', severity: 'normal' }),
    ).toMatchObject({
      codeLetter: 'K',
      lotCodeLetter: 'R',
      sampleSize: 125,
      accept: 21,
      reject: 22,
    });
  });

  it('AQL 10 at code A (printed ↑ with nothing above) resolves to C, n 5, 1/2', () => {
    expect(samplingPlan({ lotSize: 5000, aql: 10, level: 'S-1', severity: 'normal' })).toEqual({
      codeLetter: 'C',
      lotCodeLetter: 'C',
      sampleSize: 5,
      accept: 1,
      reject: 2,
      inspectAll: false,
    });
    expect(samplingPlan({ lotSize: 500, aql: 10, level: 'S-1', severity: 'normal' })).toEqual({
      codeLetter: 'C',
      lotCodeLetter: 'B',
      sampleSize: 5,
      accept: 1,
      reject: 2,
      inspectAll: false,
    });
    // Code A itself: lots up to 50 at S-1. A lot of 40 is sampled with 5 units.
    expect(samplingPlan({ lotSize: 40, aql: 10, level: 'S-1', severity: 'normal' })).toEqual({
      codeLetter: 'C',
      lotCodeLetter: 'A',
      sampleSize: 5,
      accept: 1,
      reject: 2,
      inspectAll: false,
    });
  });

  it('inspects every unit when the sample reaches the lot size', () => {
    // 8 packs, level II: code A, AQL 0.65 ↓ to F (n 20) — more than the lot.
    expect(samplingPlan({ lotSize: 8, aql: 0.65, level: 'II', severity: 'normal' })).toEqual({
      codeLetter: 'F',
      lotCodeLetter: 'A',
      sampleSize: 8,
      accept: 0,
      reject: 1,
      inspectAll: true,
    });
    // Exactly equal counts as reaching it.
    expect(samplingPlan({ lotSize: 20, aql: 0.65, level: 'II', severity: 'normal' })).toMatchObject(
      { sampleSize: 20, inspectAll: true },
    );
    expect(samplingPlan({ lotSize: 21, aql: 0.65, level: 'II', severity: 'normal' })).toMatchObject(
      { sampleSize: 20, inspectAll: false },
    );
    expect(samplingPlan({ lotSize: 1, aql: 6.5, level: 'I', severity: 'normal' })).toMatchObject({
      sampleSize: 1,
      inspectAll: true,
    });
  });

  const levelArb = fc.constantFrom(...INSPECTION_LEVELS);
  const aqlArb = fc.constantFrom(...AQL_VALUES);
  const severityArb = fc.constantFrom(...SEVERITIES);
  const lotArb = fc.integer({ min: 1, max: 2_000_000 });

  it('property: the sample never exceeds the lot, Re = Ac + 1, inspectAll iff n reaches the lot', () => {
    fc.assert(
      fc.property(lotArb, aqlArb, levelArb, severityArb, (lotSize, aql, level, severity) => {
        const p = samplingPlan({ lotSize, aql, level, severity });
        expect(p.sampleSize).toBeLessThanOrEqual(lotSize);
        expect(p.reject).toBe(p.accept + 1);
        expect(p.inspectAll).toBe(SAMPLE_SIZES[p.codeLetter] >= lotSize);
        expect(p.sampleSize).toBe(p.inspectAll ? lotSize : SAMPLE_SIZES[p.codeLetter]);
        expect(p.accept).toBeLessThan(p.sampleSize + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a larger lot never gets a smaller sample (same AQL, level and severity)', () => {
    fc.assert(
      fc.property(lotArb, lotArb, aqlArb, levelArb, severityArb, (a, b, aql, level, severity) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const ps = samplingPlan({ lotSize: small, aql, level, severity });
        const pl = samplingPlan({ lotSize: large, aql, level, severity });
        expect(pl.sampleSize).toBeGreaterThanOrEqual(ps.sampleSize);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a higher level never gets a smaller sample; S-levels never sample more than II', () => {
    const general: InspectionLevel[] = ['I', 'II', 'III'];
    const special: InspectionLevel[] = ['S-1', 'S-2', 'S-3', 'S-4'];
    fc.assert(
      fc.property(lotArb, severityArb, (lotSize, severity) => {
        for (const levels of [general, special]) {
          const letters = levels.map((level) => codeLetter(lotSize, level));
          const rows = letters.map((l) => CODE_LETTERS.indexOf(l));
          expect([...rows].sort((x, y) => x - y)).toEqual(rows);
        }
        for (const s of special) {
          expect(CODE_LETTERS.indexOf(codeLetter(lotSize, s))).toBeLessThanOrEqual(
            CODE_LETTERS.indexOf(codeLetter(lotSize, 'II')),
          );
        }
        void severity;
      }),
      { numRuns: 1000 },
    );
  });

  it('property: tightened is never more lenient than normal for the same lot', () => {
    fc.assert(
      fc.property(lotArb, aqlArb, levelArb, (lotSize, aql, level) => {
        const n = samplingPlan({ lotSize, aql, level, severity: 'normal' });
        const t = samplingPlan({ lotSize, aql, level, severity: 'tightened' });
        // Acceptance as a share of the sample: tightened accepts no larger fraction.
        expect(t.accept / t.sampleSize).toBeLessThanOrEqual(n.accept / n.sampleSize + 1e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: the plan used is a printed Ac/Re cell of the same column, with its row's n", () => {
    fc.assert(
      fc.property(lotArb, aqlArb, levelArb, severityArb, (lotSize, aql, level, severity) => {
        const p = samplingPlan({ lotSize, aql, level, severity });
        expect(tableCell(p.codeLetter, aql, severity)).toEqual({ ac: p.accept, re: p.reject });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses an AQL that is not a column of the table', () => {
    expect(() =>
      samplingPlan({ lotSize: 100, aql: 0.3 as AqlValue, level: 'II', severity: 'normal' }),
    ).toThrow(RangeError);
  });
});
