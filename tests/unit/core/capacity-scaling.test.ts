import { describe, expect, it } from 'vitest';
import { classicalCapacity, classicalNoErrorCapacity, exponentialCapacity, polynomialCapacity } from '../../../src/core';

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

  // Both are asymptotic formulas: below N ≈ 38 they cross, so compare them only where N is large.
  it('the classical no-error bound is N/(2 ln N), the polynomial formula at n = 2, far below 0.138 N', () => {
    expect(classicalNoErrorCapacity(784)).toBeCloseTo(784 / (2 * Math.log(784)), 10);
    expect(classicalNoErrorCapacity(784)).toBeCloseTo(58.82, 2);
    for (const n of [100, 784, 2000]) {
      expect(classicalNoErrorCapacity(n)).toBe(polynomialCapacity(n, 2));
      expect(classicalNoErrorCapacity(n)).toBeLessThan(classicalCapacity(n));
    }
  });
});
