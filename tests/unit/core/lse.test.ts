import { describe, expect, it } from 'vitest';
import { lseEnergy, lseGrad, matrixFromRows } from '../../../src/core';

describe('lse energy', () => {
  const mem = matrixFromRows([
    [1, 1],
    [-1, -1],
    [2, -0.5],
  ]);
  it('matches finite differences', () => {
    const x = [0.3, -0.7];
    const g = lseGrad(x, mem, 2.5);
    const h = 1e-6;
    for (let i = 0; i < 2; i++) {
      const xp = [...x];
      const xm = [...x];
      xp[i] += h;
      xm[i] -= h;
      expect(g[i]).toBeCloseTo((lseEnergy(xp, mem, 2.5) - lseEnergy(xm, mem, 2.5)) / (2 * h), 6);
    }
  });
  it('stays finite at β = 1e6', () => {
    expect(Number.isFinite(lseEnergy([5, 5], mem, 1e6))).toBe(true);
    expect(Array.from(lseGrad([5, 5], mem, 1e6)).every(Number.isFinite)).toBe(true);
  });
  it('names the argument on bad input', () => {
    expect(() => lseEnergy([1], mem, 1)).toThrow(/x/);
    expect(() => lseEnergy([1, 1], mem, 0)).toThrow(/beta/);
  });
});

describe('two memories merge at βd²/4 = 1 (MATH.md §2a, §4.4)', () => {
  const mem = matrixFromRows([
    [1, 0],
    [-1, 0],
  ]);
  // Gradient descent with α = 1 is the fixed-point iteration x ← ξᵀw; start off-centre and run to convergence.
  const settle = (beta: number) => {
    let x = [0.5, 0.2];
    for (let t = 0; t < 20000; t++) {
      const g = lseGrad(x, mem, beta);
      x = [x[0] - g[0], x[1] - g[1]];
    }
    return x;
  };
  it('one merged minimum at the midpoint below the threshold (β = 0.99)', () => {
    const x = settle(0.99);
    expect(Math.abs(x[0])).toBeLessThan(1e-8);
    expect(Math.abs(x[1])).toBeLessThan(1e-12);
  });
  it('two minima at ±x⋆, x⋆ = tanh(βx⋆), above it: 0.1717 (β = 1.01), 0.9575 (β = 2), 0.9999 (β = 5)', () => {
    expect(settle(1.01)[0]).toBeCloseTo(0.1717, 4);
    expect(settle(2)[0]).toBeCloseTo(0.9575, 4);
    expect(settle(5)[0]).toBeCloseTo(0.9999, 4);
    const b = 1.01;
    const xs = settle(b)[0];
    expect(Math.abs(xs - Math.tanh(b * xs))).toBeLessThan(1e-10);
  });
});
