import { describe, expect, it } from 'vitest';
import { criticalPoints, lseGrad, lseHessian2, matrixFromRows, principalAxis2, twoPatternMergeSigma } from '../../../src/core';

const two = matrixFromRows([
  [1, 0],
  [-1, 0],
]);

describe('fixed points of the smoothed energy', () => {
  it('two patterns at distance 2: one minimum at the midpoint for σ > 1, two minima and a saddle below', () => {
    expect(twoPatternMergeSigma(2)).toBe(1);
    const above = criticalPoints(two, 1 / Math.sqrt(0.99));
    expect(above.filter((c) => c.kind === 'min')).toHaveLength(1);
    expect(Math.hypot(above[0].x[0], above[0].x[1])).toBeLessThan(1e-6);
    // β = 2: minima at ±x⋆ with x⋆ = tanh(2 x⋆) = 0.9575 (MATH.md §4, fact 4), saddle at 0.
    const below = criticalPoints(two, 1 / Math.sqrt(2));
    const minima = below.filter((c) => c.kind === 'min').map((c) => c.x[0]).sort((a, b) => a - b);
    expect(minima).toHaveLength(2);
    expect(minima[1]).toBeCloseTo(0.9575, 4);
    expect(Math.tanh(2 * minima[1])).toBeCloseTo(minima[1], 9);
    expect(minima[0]).toBeCloseTo(-minima[1], 9);
    const saddles = below.filter((c) => c.kind === 'saddle');
    expect(saddles).toHaveLength(1);
    expect(Math.abs(saddles[0].x[0])).toBeLessThan(1e-8);
  });

  it('every returned point has zero gradient, and its kind matches the Hessian', () => {
    const mem = matrixFromRows([
      [0.3, 1.2],
      [-1.1, -0.4],
      [1.4, -0.6],
      [0.2, 0.1],
    ]);
    for (const sigma of [0.1, 0.3, 0.5, 0.8, 1.5]) {
      const beta = 1 / (sigma * sigma);
      for (const c of criticalPoints(mem, sigma)) {
        const g = lseGrad(c.x, mem, beta);
        expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-7);
        const h = lseHessian2(c.x, mem, beta);
        if (c.kind === 'min') expect(h[3]).toBeGreaterThan(0);
        if (c.kind === 'saddle') expect(h[3] * h[4]).toBeLessThan(0);
      }
    }
  });

  it('small σ: every pattern is its own attractor; large σ: one attractor near the mean', () => {
    const mem = matrixFromRows([
      [0.3, 1.2],
      [-1.1, -0.4],
      [1.4, -0.6],
    ]);
    expect(criticalPoints(mem, 0.05).filter((c) => c.kind === 'min')).toHaveLength(3);
    const big = criticalPoints(mem, 5).filter((c) => c.kind === 'min');
    expect(big).toHaveLength(1);
    expect(big[0].x[0]).toBeCloseTo(0.2, 1);
  });

  it('principal axis of collinear patterns is their line', () => {
    const { mean, axis } = principalAxis2(matrixFromRows([[0, 0], [1, 1], [2, 2]]));
    expect(mean).toEqual([1, 1]);
    expect(axis[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(axis[1]).toBeCloseTo(Math.SQRT1_2, 12);
  });
});
