import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatQuantity } from './format';

const march5 = new Date(2026, 2, 5, 14, 7);

describe('format', () => {
  it('writes dates in the form of the language', () => {
    expect(formatDate(march5, 'zh-CN')).toBe('2026年3月5日');
    expect(formatDate(march5, 'en')).toBe('Mar 5, 2026');
  });

  it('writes times on a 24-hour clock in both languages', () => {
    expect(formatDateTime(march5, 'zh-CN')).toContain('14:07');
    expect(formatDateTime(march5, 'en')).toContain('14:07');
  });

  it('groups digits', () => {
    expect(formatNumber(1234567.5, 'zh-CN')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatQuantity(1200, 'pcs', 'en')).toBe('1,200 pcs');
  });

  it('accepts ISO strings', () => {
    expect(formatDate('2026-03-05T00:00:00', 'en')).toBe('Mar 5, 2026');
  });
});
