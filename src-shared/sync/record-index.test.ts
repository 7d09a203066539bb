import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCAN_INDEXES } from '../domains';
import {
  checkQuery,
  compareKeys,
  encodedBounds,
  encodeKey,
  indexKeys,
  mergeScan,
  parseIndex,
  scanInMemory,
  type IndexKey,
} from './record-index';

/** UTF-8 byte order: what SQLite's binary and PostgreSQL's "C" collation compare by. */
function byteCompare(a: string, b: string): number {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

const value = fc.oneof(
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.string({ maxLength: 8 }).filter((s) => !s.includes('\u0000') && !s.includes('\u0001')),
);
const key: fc.Arbitrary<IndexKey> = fc.oneof(
  value,
  fc.array(value, { minLength: 1, maxLength: 3 }),
);

describe('record index keys', () => {
  it('encoded keys sort by bytes exactly as IndexedDB orders the keys', () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        // Compare shapes an index really holds: scalar with scalar, tuple with tuple.
        fc.pre(Array.isArray(a) === Array.isArray(b));
        const ea = encodeKey(a)!;
        const eb = encodeKey(b)!;
        expect(Math.sign(byteCompare(ea, eb))).toBe(Math.sign(compareKeys(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('numbers sort before strings, -0 equals 0, and U+0000 cannot be a server key', () => {
    expect(compareKeys(5, 'a')).toBeLessThan(0);
    expect(encodeKey(-0)).toBe(encodeKey(0));
    expect(byteCompare(encodeKey(-1)!, encodeKey(-0.5)!)).toBeLessThan(0);
    expect(encodeKey('a\u0000b')).toBeNull();
  });

  it('a compound prefix bound covers exactly the keys that extend it', () => {
    const b = encodedBounds({ index: '[a+b]', prefix: ['L1'] })!;
    const inside = encodeKey(['L1', '2026'])!;
    const other = encodeKey(['L10', '2026'])!;
    expect(b.lo! <= inside && inside <= b.hi!).toBe(true);
    expect(b.lo! <= other && other <= b.hi!).toBe(false);
  });

  it('reads keys the way Dexie does: nested paths, compound, multi-entry', () => {
    expect(indexKeys({ target: { id: 'x' } }, parseIndex('target.id'))).toEqual(['x']);
    expect(indexKeys({ a: 'x', b: 2 }, parseIndex('[a+b]'))).toEqual([['x', 2]]);
    expect(indexKeys({ a: 'x' }, parseIndex('[a+b]'))).toEqual([]);
    expect(indexKeys({ m: ['p', 'q', 'p', true] }, parseIndex('*m'))).toEqual(['p', 'q']);
    expect(indexKeys({ a: false }, parseIndex('a'))).toEqual([]);
  });

  it('refuses queries no store could answer alike', () => {
    expect(() => checkQuery(parseIndex('*m'), { index: '*m', from: 'a' })).toThrow(/equals/);
    expect(() => checkQuery(parseIndex('a'), { index: 'a', prefix: ['x'] })).toThrow(/compound/);
    expect(() => checkQuery(parseIndex('a'), { index: 'a', equals: 'x', from: 'y' })).toThrow(
      /one of/,
    );
  });

  it('pending writes replace, remove and add to a store answer, within the limit', () => {
    const def = parseIndex('lineId');
    const base = [
      { id: 'a', lineId: 'L1' },
      { id: 'b', lineId: 'L1' },
      { id: 'c', lineId: 'L1' },
    ];
    const overlay = new Map([
      ['a', null],
      ['b', { id: 'b', lineId: 'L2' }],
      ['0', { id: '0', lineId: 'L1' }],
    ]);
    const q = { index: 'lineId', equals: 'L1', limit: 2 };
    expect(mergeScan(base, overlay, def, q).map((r) => r.id)).toEqual(['0', 'c']);
    expect(scanInMemory(base, def, { ...q, reverse: true }).map((r) => r.id)).toEqual(['c', 'b']);
  });

  it('every declared index parses, and each kind is declared by one domain', () => {
    for (const [kind, defs] of SCAN_INDEXES) {
      for (const name of defs.keys())
        expect(() => parseIndex(name), `${kind} ${name}`).not.toThrow();
    }
  });
});
