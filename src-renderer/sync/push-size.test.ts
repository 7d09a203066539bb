import { describe, expect, it } from 'vitest';
import { takeWithinBytes } from './push-size';

describe('push size', () => {
  it('cuts a push before the byte budget, but always sends at least one entry', () => {
    const photo = 'A'.repeat(150_000);
    const entries = Array.from({ length: 500 }, (_, i) => ({ seq: i + 1, args: { photo } }));
    const taken = takeWithinBytes(entries);
    expect(taken.length).toBeGreaterThan(20);
    expect(taken.length).toBeLessThan(30);
    expect(JSON.stringify(taken).length).toBeLessThan(8 * 1024 * 1024);
    expect(takeWithinBytes([{ args: { photo: 'B'.repeat(10) } }], 5)).toHaveLength(1);
    const small = Array.from({ length: 500 }, (_, i) => ({ args: { i } }));
    expect(takeWithinBytes(small)).toHaveLength(500);
  });
});
