import { describe, expect, it } from 'vitest';
import {
  GS,
  GS1_128_MAX_CHARS,
  bracketed,
  elementString,
  fitsAi,
  gs1CheckDigit,
  gs1Date,
  isValidSscc,
  parseBracketed,
  parseElementString,
  splitSymbols,
  sscc,
} from './gs1';

describe('GS1 mod-10 check digit', () => {
  it('matches published GTINs and the GS1 SSCC example', () => {
    expect(gs1CheckDigit('400638133393')).toBe(1); // GTIN-13 4006381333931
    expect(gs1CheckDigit('01234567890')).toBe(5); // UPC-A 012345678905
    expect(gs1CheckDigit('10614141123456789')).toBe(7); // SSCC (00)106141411234567897
    expect(gs1CheckDigit('000000000000')).toBe(0);
  });

  it('builds an SSCC from extension, company prefix and serial, and checks one', () => {
    expect(sscc(1, '0614141', 123456789)).toBe('106141411234567897');
    expect(sscc(0, '6901234567', 42)).toMatch(/^06901234567000042\d$/);
    expect(isValidSscc(sscc(0, '6901234567', 42))).toBe(true);
    expect(isValidSscc('106141411234567897')).toBe(true);
    expect(isValidSscc('106141411234567898')).toBe(false);
    expect(isValidSscc('10614141123456789')).toBe(false);
    expect(() => sscc(1, '061414', 1)).toThrow(RangeError);
    expect(() => sscc(1, '0614141', 1_000_000_000)).toThrow(RangeError);
    expect(() => sscc(10, '0614141', 1)).toThrow(RangeError);
  });
});

describe('GS1 element strings', () => {
  const label = [
    { ai: '11', value: '261120' },
    { ai: '91', value: 'B-2026-000501-C0001' },
    { ai: '240', value: 'PACK-LFP-12V100' },
    { ai: '10', value: 'B-2026-000501' },
    { ai: '37', value: '2' },
  ];

  it('puts FNC1 (GS) after variable-length fields only, never after the last', () => {
    expect(elementString(label)).toBe(
      `11261120` + `91B-2026-000501-C0001${GS}240PACK-LFP-12V100${GS}10B-2026-000501${GS}372`,
    );
    expect(
      elementString([
        { ai: '00', value: '106141411234567897' },
        { ai: '37', value: '6' },
      ]),
    ).toBe('00106141411234567897376');
  });

  it('reads a scanner’s element string and the bracketed form back', () => {
    expect(parseElementString(elementString(label))).toEqual(label);
    expect(parseBracketed(bracketed(label))).toEqual(label);
    expect(parseElementString('00106141411234567897376')).toEqual([
      { ai: '00', value: '106141411234567897' },
      { ai: '37', value: '6' },
    ]);
  });

  it('runs a variable-length field to the end when the scanner dropped the separators', () => {
    expect(parseElementString('91B-1-C0001240PACK')).toEqual([
      { ai: '91', value: 'B-1-C0001240PACK' },
    ]);
  });

  it('refuses what is not an element string', () => {
    expect(parseElementString('B-2026-000501-C0001')).toBeUndefined();
    expect(parseElementString('0010614141')).toBeUndefined(); // SSCC cut short
    expect(parseElementString('')).toBeUndefined();
    expect(parseBracketed('B-2026(10)x')).toBeUndefined();
    expect(parseBracketed('(91)a(b')).toBeUndefined();
  });

  it('lets only values a GS1 AI can carry in', () => {
    expect(fitsAi('10', 'B-2026-000501')).toBe(true);
    expect(fitsAi('10', 'B'.repeat(21))).toBe(false);
    expect(fitsAi('240', 'PACK-LFP-12V100')).toBe(true);
    expect(fitsAi('91', 'A#1')).toBe(false); // # is outside GS1 character set 82
    expect(fitsAi('91', 'A(1)')).toBe(false); // would end the field in the bracketed form
    expect(fitsAi('37', '12')).toBe(true);
    expect(fitsAi('37', '1x')).toBe(false);
    expect(fitsAi('11', '261120')).toBe(true);
    expect(fitsAi('11', '2611201')).toBe(false);
    expect(fitsAi('00', '106141411234567897')).toBe(true);
    expect(fitsAi('99', 'x')).toBe(false); // not an AI the labels print
  });

  it('writes dates as YYMMDD', () => {
    expect(gs1Date('2026-11-20')).toBe('261120');
    expect(gs1Date('2026-11-20T14:00:00.000Z')).toBe('261120');
    expect(gs1Date('20.11.2026')).toBeUndefined();
  });

  it('splits fields over symbols of at most 48 characters and as the width allows', () => {
    expect(splitSymbols(label)).toEqual([label.slice(0, 3), label.slice(3)]);
    for (const symbol of splitSymbols(label)) {
      expect(elementString(symbol).length).toBeLessThanOrEqual(GS1_128_MAX_CHARS);
    }
    const narrow = splitSymbols(label, (s) => elementString(s).length <= 30);
    expect(narrow.map((s) => s.map((e) => e.ai))).toEqual([['11', '91'], ['240'], ['10', '37']]);
    // A field too wide alone still gets its symbol rather than being lost.
    expect(splitSymbols(label, () => false)).toEqual(label.map((e) => [e]));
    expect(splitSymbols([])).toEqual([]);
  });
});
