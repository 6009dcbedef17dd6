import { describe, expect, it } from 'vitest';
import { fastExp, fastExpNonPositive, besselI0e, besselI1e, besselRatio, logBesselI0, logCosh, logSumExp, softmaxInto } from '../../../src/core';

/** e^{−z} Iₙ(z) = (1/π) ∫₀^π e^{z(cos θ − 1)} cos(nθ) dθ; the trapezoid rule is spectrally accurate here. */
function besselRef(n: number, z: number): number {
  const M = 4000;
  let s = 0;
  for (let k = 0; k <= M; k++) {
    const t = (Math.PI * k) / M;
    const w = k === 0 || k === M ? 0.5 : 1;
    s += w * Math.exp(z * (Math.cos(t) - 1)) * Math.cos(n * t);
  }
  return s / M;
}

describe('special functions', () => {
  it('scaled Bessel I₀, I₁ match the integral representation from 0.01 to 2000 (rel 1e-12)', () => {
    for (const z of [0.01, 0.5, 1, 3, 10, 16.9, 17, 17.1, 25, 40, 100, 500, 2000]) {
      expect(Math.abs(besselI0e(z) / besselRef(0, z) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(besselI1e(z) / besselRef(1, z) - 1)).toBeLessThan(1e-12);
    }
    expect(besselI0e(1) * Math.E).toBeCloseTo(1.2660658777520082, 14);
    expect(besselI1e(-2)).toBeCloseTo(-besselI1e(2), 15);
  });
  it('log I₀ and I₁/I₀ stay finite at huge arguments', () => {
    expect(logBesselI0(1e8)).toBeCloseTo(1e8 - 0.5 * Math.log(2 * Math.PI * 1e8), 6);
    expect(besselRatio(1e8)).toBeCloseTo(1 - 0.5e-8, 12);
    expect(besselRatio(1e-9)).toBeCloseTo(0.5e-9, 18);
  });
  it('log-sum-exp, softmax and log cosh use the max trick', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp([-1e6, -1e6 - 1])).toBeCloseTo(-1e6 + Math.log(1 + Math.exp(-1)), 6);
    expect(logSumExp([])).toBe(-Infinity);
    const p = new Float64Array(3);
    const l = softmaxInto([1, 2, 3], 1e6, p);
    expect(Array.from(p)).toEqual([0, 0, 1]);
    expect(l).toBeCloseTo(3e6, 6);
    expect(logCosh(1000)).toBeCloseTo(1000 - Math.LN2, 10);
    expect(logCosh(-0.3)).toBeCloseTo(Math.log(Math.cosh(0.3)), 15);
  });
  it('fastExp agrees with Math.exp to 5e-16 relative on [−708, 709] and defers outside it', () => {
    let worst = 0;
    for (let i = 0; i <= 200000; i++) {
      const x = -708 + (1417 * i) / 200000;
      worst = Math.max(worst, Math.abs(fastExp(x) / Math.exp(x) - 1));
    }
    expect(worst).toBeLessThan(5e-16);
    expect(fastExp(0)).toBe(1);
    expect(fastExp(1)).toBe(Math.E);
    expect(fastExp(-800)).toBe(0);
    expect(fastExp(800)).toBe(Infinity);
    expect(fastExp(NaN)).toBeNaN();
    let worstNeg = 0;
    for (let i = 0; i <= 100000; i++) {
      const x = (-708 * i) / 100000;
      worstNeg = Math.max(worstNeg, Math.abs(fastExpNonPositive(x) / Math.exp(x) - 1));
    }
    expect(worstNeg).toBeLessThan(5e-16);
    expect(fastExpNonPositive(0)).toBe(1);
  });
});
