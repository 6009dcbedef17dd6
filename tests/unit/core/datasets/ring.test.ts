import { describe, expect, it } from 'vitest';
import { createRng, lseEnergy, lseGrad, ringEnergy, ringGradBatch, ringPoints, ringRadius, ringScoreBatch, sampleRing } from '../../../../src/core';

describe('the ring (MATH.md §2g, §4.13)', () => {
  it('the continuous ring energy is the K → ∞ limit of the LSE energy over ring points', () => {
    const K = 2000;
    const pts = ringPoints(K);
    for (const beta of [0.5, 3, 40]) {
      for (const x of [
        [0.2, 0.1],
        [0.9, -0.3],
        [1.5, 1],
      ]) {
        // lseEnergy sums over K points; the ring energy averages: they differ by β⁻¹ log K.
        expect(ringEnergy(x, beta) - Math.log(K) / beta).toBeCloseTo(lseEnergy(x, pts, beta), 9);
        const g = ringGradBatch(Float64Array.from(x), beta, new Float64Array(2));
        const gl = lseGrad(x, pts, beta);
        expect(g[0]).toBeCloseTo(gl[0], 9);
        expect(g[1]).toBeCloseTo(gl[1], 9);
      }
    }
  });
  it('a random sample of 2×10⁵ ring points matches the Bessel formula to 1e-3', () => {
    const pts = sampleRing(200000, createRng(2));
    const beta = 2;
    const x = [0.6, 0.3];
    expect(Math.abs(ringEnergy(x, beta) - Math.log(200000) / beta - lseEnergy(x, pts, beta))).toBeLessThan(1e-3);
  });
  it('R⋆ = 0.98726 at Pham β = 20 (survey β = 40); no ring for Pham β ≤ 1 (survey β ≤ 2); R⋆ → 1 as β → ∞', () => {
    expect(ringRadius(40)).toBeCloseTo(0.98726, 5);
    expect(ringRadius(2)).toBe(0);
    expect(ringRadius(1)).toBe(0);
    expect(ringRadius(2.2)).toBeGreaterThan(0);
    expect(ringRadius(1e6)).toBeCloseTo(1, 5);
    const R = ringRadius(40);
    const g = ringGradBatch(Float64Array.from([R, 0]), 40, new Float64Array(2));
    expect(Math.abs(g[0])).toBeLessThan(1e-12);
    const s = ringScoreBatch(Float64Array.from([0.5, 0.5]), 0.3, new Float64Array(2));
    const gg = ringGradBatch(Float64Array.from([0.5, 0.5]), 1 / 0.09, new Float64Array(2));
    expect(s[0]).toBeCloseTo(-gg[0] / 0.09, 12);
    expect(Number.isFinite(ringEnergy([0.3, 0.3], 1e6))).toBe(true);
  });
  it('names the bad argument', () => {
    expect(() => ringEnergy([1], 1)).toThrow(/x: dimension mismatch/);
    expect(() => ringEnergy([1, 1], 0)).toThrow(/beta/);
    expect(() => ringPoints(0)).toThrow(/K/);
    expect(() => ringScoreBatch(new Float64Array(2), -1, new Float64Array(2))).toThrow(/sigma/);
  });
});
