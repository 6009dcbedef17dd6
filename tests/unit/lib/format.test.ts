import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/lib/format';

describe('formatNumber', () => {
  it('reads by magnitude by default', () => {
    expect([0.55, 3.3057851239669422, 12.34, 250.6].map((v) => formatNumber(v))).toEqual(['0.55', '3.3', '12.3', '251']);
  });
  it('fixed decimals never show -0', () => {
    expect(formatNumber(-0.00004, { decimals: 3 })).toBe('0.000');
    expect(formatNumber(-1.23456, { decimals: 4 })).toBe('-1.2346');
  });
  it('integers as they are, exponents outside a range, whole numbers from a threshold', () => {
    expect(formatNumber(12, { integers: true, decimals: 1 })).toBe('12');
    expect(formatNumber(12.25, { integers: true, decimals: 1 })).toBe('12.3');
    const axis = { decimals: 2, wholeFrom: 100, expOutside: [1e-2, 1e5] as [number, number] };
    expect([0.001, 5.5, 512.4, 2e6].map((v) => formatNumber(v, axis))).toEqual(['1.00e-3', '5.50', '512', '2.00e+6']);
    expect(formatNumber(NaN)).toBe('—');
  });
});
