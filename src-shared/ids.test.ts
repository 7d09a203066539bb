import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isUuidv7, uuidv7, uuidv7Time } from './ids';

describe('uuidv7', () => {
  it('is an RFC 9562 version 7 UUID that zod accepts', () => {
    const id = uuidv7();
    expect(isUuidv7(id)).toBe(true);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('encodes the creation time in its first 48 bits', () => {
    const t = Date.UTC(2026, 2, 5, 8, 30, 0, 123);
    expect(uuidv7Time(uuidv7(t))).toBe(t);
    // Past 2^32 ms the high word matters: a far-future time must survive too.
    const far = 2 ** 47 + 12345;
    expect(uuidv7Time(uuidv7(far))).toBe(far);
  });

  it('sorts by creation time across milliseconds', () => {
    const ids = [3, 1, 2].map((offset) => uuidv7(1_700_000_000_000 + offset));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('does not repeat within the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(1_700_000_000_000)));
    expect(ids.size).toBe(1000);
  });
});
