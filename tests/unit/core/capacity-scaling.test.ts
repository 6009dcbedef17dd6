import { describe, expect, it } from 'vitest';
import { classicalCapacity, exponentialCapacity, polynomialCapacity } from '../../../src/core';

describe('capacity scaling', () => {
  it('reproduces the published numbers of MATH.md', () => {
    expect(classicalCapacity(784)).toBeCloseTo(108.19, 2);
    expect(exponentialCapacity(784).value).toBeCloseTo(1.0087e118, -115);
    expect(exponentialCapacity(784).log10).toBeCloseTo(118.004, 3);
    // No-error bounds at N = 100: 11, 362 and 7238 for n = 2, 3, 4.
    expect(Math.round(polynomialCapacity(100, 2))).toBe(11);
    expect(Math.round(polynomialCapacity(100, 3))).toBe(362);
    expect(Math.round(polynomialCapacity(100, 4))).toBe(7238);
  });
});
