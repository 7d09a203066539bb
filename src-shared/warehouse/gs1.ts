/**
 * GS1 element strings for the GS1-128 barcode on carton and pallet labels (GS1 General
 * Specifications §3 and §5.4), and reading them back from what a scanner sends.
 *
 * Own code rather than a package: bwip-js draws the symbol (FNC1 included) from the bracketed
 * form; what is left is a mod-10 check digit and the length table of a handful of AIs, and the
 * GS1 parsers on npm are small single-maintainer packages with frozen AI tables.
 */

/** ASCII group separator: how a scanner transmits an FNC1 that ends a variable-length field. */
export const GS = '\x1d';

/** The AIs labels print. (91) is "company internal information": the carton's own code. */
export const AI = {
  sscc: '00',
  batch: '10',
  producedOn: '11',
  model: '240',
  count: '37',
  cartonCode: '91',
} as const;

export interface Gs1Element {
  ai: string;
  value: string;
}

/**
 * AIs whose length the first two digits fix (GenSpecs figure 7.8.5-2), as the total of AI and
 * data digits: these need no FNC1 after them, every other AI does unless it ends the symbol.
 */
const PREDEFINED_LENGTH: Record<string, number> = {
  '00': 20,
  '01': 16,
  '02': 16,
  '03': 16,
  '04': 18,
  '11': 8,
  '12': 8,
  '13': 8,
  '14': 8,
  '15': 8,
  '16': 8,
  '17': 8,
  '18': 8,
  '19': 8,
  '20': 4,
  '31': 10,
  '32': 10,
  '33': 10,
  '34': 10,
  '35': 10,
  '36': 10,
  '41': 16,
};

/** How many digits the AI starting with these two has (GenSpecs §3.2). */
function aiDigits(firstTwo: string): number | undefined {
  if (!/^\d\d$/.test(firstTwo)) return undefined;
  const n = Number(firstTwo);
  if (n <= 22 || n === 30 || n === 37 || n >= 90) return 2;
  if ((n >= 23 && n <= 25) || (n >= 40 && n <= 42) || n === 71) return 3;
  if ((n >= 31 && n <= 36) || n === 39 || n === 43 || n === 70 || n === 72) return 4;
  if (n >= 80 && n <= 82) return 4;
  return undefined;
}

/** Data rules of the AIs printed here: digits only, fixed or maximum length. */
const FORMAT: Record<string, { numeric: boolean; min: number; max: number }> = {
  '00': { numeric: true, min: 18, max: 18 },
  '10': { numeric: false, min: 1, max: 20 },
  '11': { numeric: true, min: 6, max: 6 },
  '240': { numeric: false, min: 1, max: 30 },
  '37': { numeric: true, min: 1, max: 8 },
  '91': { numeric: false, min: 1, max: 90 },
};

/**
 * GS1 character set 82 less the parentheses, which would end a field early in the bracketed
 * form bwip-js reads (and that the label prints under the bars).
 */
const CSET82 = /^[!"%&'*+,\-./0-9:;<=>?A-Z_a-z]+$/;

/** Whether `value` may go into the AI as printed here; a value that may not is left out. */
export function fitsAi(ai: string, value: string): boolean {
  const f = FORMAT[ai];
  if (!f || value.length < f.min || value.length > f.max) return false;
  return f.numeric ? /^\d+$/.test(value) : CSET82.test(value);
}

/** GS1 mod-10 check digit of the digits before it (GTIN, SSCC, GLN): weights 3,1,3… from the right. */
export function gs1CheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new RangeError('digits only');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidSscc(sscc: string): boolean {
  return /^\d{18}$/.test(sscc) && gs1CheckDigit(sscc.slice(0, 17)) === Number(sscc[17]);
}

/**
 * SSCC (AI 00): extension digit, the GS1 company prefix the factory licenses (7–10 digits) and
 * a serial reference filling the 16 digits, then the check digit.
 */
export function sscc(extension: number, companyPrefix: string, serialReference: number): string {
  if (!Number.isInteger(extension) || extension < 0 || extension > 9) {
    throw new RangeError('extension digit 0–9');
  }
  if (!/^\d{7,10}$/.test(companyPrefix)) throw new RangeError('company prefix of 7–10 digits');
  const width = 16 - companyPrefix.length;
  const serial = String(serialReference);
  if (!Number.isSafeInteger(serialReference) || serialReference < 0 || serial.length > width) {
    throw new RangeError(`serial reference of at most ${width} digits`);
  }
  const body = `${extension}${companyPrefix}${serial.padStart(width, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** "2026-11-20" → "261120" (AI 11 and 17 date format). */
export function gs1Date(isoDate: string): string | undefined {
  const m = /^\d\d(\d\d)-(\d\d)-(\d\d)/.exec(isoDate);
  return m ? `${m[1]}${m[2]}${m[3]}` : undefined;
}

/** The human-readable and bwip-js input form: "(11)261120(91)B-…". */
export function bracketed(elements: readonly Gs1Element[]): string {
  return elements.map((e) => `(${e.ai})${e.value}`).join('');
}

/**
 * What the symbol carries and a scanner sends: FNC1 (sent as GS) after each variable-length
 * field except the last; none after a predefined-length one.
 */
export function elementString(elements: readonly Gs1Element[]): string {
  return elements
    .map((e, i) => {
      const last = i === elements.length - 1;
      const predefined = PREDEFINED_LENGTH[e.ai.slice(0, 2)] !== undefined;
      return `${e.ai}${e.value}${last || predefined ? '' : GS}`;
    })
    .join('');
}

/** GS1-128 carries at most 48 data characters, AIs and separating FNC1s counted (GenSpecs §5.4.1). */
export const GS1_128_MAX_CHARS = 48;

/**
 * Splits the fields over as many GS1-128 symbols as needed, in order: a symbol takes fields
 * while it stays within 48 characters and `fits` (the label's width, which only the renderer
 * can measure) agrees. A field that fits nowhere alone still gets a symbol of its own.
 */
export function splitSymbols(
  elements: readonly Gs1Element[],
  fits: (symbol: readonly Gs1Element[]) => boolean = () => true,
): Gs1Element[][] {
  const symbols: Gs1Element[][] = [];
  let current: Gs1Element[] = [];
  for (const element of elements) {
    const next = [...current, element];
    if (current.length === 0 || (elementString(next).length <= GS1_128_MAX_CHARS && fits(next))) {
      current = next;
    } else {
      symbols.push(current);
      current = [element];
    }
  }
  if (current.length > 0) symbols.push(current);
  return symbols;
}

/** Reads the bracketed form back; undefined when it is not one. */
export function parseBracketed(text: string): Gs1Element[] | undefined {
  if (!/^(\(\d{2,4}\)[^()]*)+$/.test(text)) return undefined;
  return [...text.matchAll(/\((\d{2,4})\)([^()]*)/g)].map((m) => ({ ai: m[1]!, value: m[2]! }));
}

/**
 * Reads an element string as a scanner sends it (without the FNC1 that starts the symbol).
 * Undefined when an AI is unknown or a predefined-length field is cut short. Without GS
 * separators a variable-length field runs to the end: a scanner set to drop them yields the
 * first such field with everything after it.
 */
export function parseElementString(text: string): Gs1Element[] | undefined {
  const out: Gs1Element[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === GS) {
      i++;
      continue;
    }
    const digits = aiDigits(text.slice(i, i + 2));
    if (digits === undefined) return undefined;
    const ai = text.slice(i, i + digits);
    if (!/^\d+$/.test(ai) || ai.length !== digits) return undefined;
    const total = PREDEFINED_LENGTH[ai.slice(0, 2)];
    let end: number;
    if (total !== undefined) {
      end = i + total;
      if (end > text.length) return undefined;
    } else {
      const gs = text.indexOf(GS, i + digits);
      end = gs < 0 ? text.length : gs;
    }
    out.push({ ai, value: text.slice(i + digits, end) });
    i = end;
  }
  return out.length > 0 ? out : undefined;
}
