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
