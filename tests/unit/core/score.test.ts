import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  corruptPattern,
  createRng,
  lseEnergy,
  lseGrad,
  matrixFromData,
  matrixFromRows,
  mixtureLogDensity,
  gaussianMixture,
  modernHopfieldStep,
  modernHopfieldStepBatch,
  ramsauerEnergy,
  randomPatterns,
  row,
  smoothedScore,
  tweedieDenoise,
  type Matrix,
} from '../../../src/core';

function randomMatrix(K: number, d: number, seed: number, scale = 1): Matrix {
  const rng = createRng(seed);
  const data = new Float64Array(K * d);
  for (let i = 0; i < data.length; i++) data[i] = scale * rng.normal();
  return matrixFromData(K, d, data);
}

describe('Ambrogioni identity (MATH.md §2f, §4.1–4.3)', () => {
  it('smoothed score = −β∇E_β with β = 1/σ² (d = 5, K = 7, σ ∈ [0.2, 3]) to 1e-9', () => {
    for (let t = 0; t < 50; t++) {
      const rng = createRng(100 + t);
      const mem = randomMatrix(7, 5, t);
      const sigma = 0.2 + 2.8 * rng.uniform();
      const x = Array.from({ length: 5 }, () => 2 * rng.normal());
      const s = smoothedScore(x, mem, sigma);
      const g = lseGrad(x, mem, 1 / sigma ** 2);
      for (let i = 0; i < 5; i++) expect(Math.abs(s[i] + g[i] / sigma ** 2)).toBeLessThan(1e-9);
    }
  });
  it('−log p_σ − βE_β is constant in x, and the score matches finite differences of log p_σ', () => {
    const mem = randomMatrix(7, 5, 3);
    const sigma = 0.8;
    const beta = 1 / sigma ** 2;
    const mix = gaussianMixture(mem);
    const rng = createRng(9);
    const offsets: number[] = [];
    for (let t = 0; t < 20; t++) {
      const x = Array.from({ length: 5 }, () => rng.normal());
      offsets.push(-mixtureLogDensity(mix, x, sigma) - beta * lseEnergy(x, mem, beta));
      const s = smoothedScore(x, mem, sigma);
      const h = 1e-5;
      for (let i = 0; i < 5; i++) {
        const xp = [...x];
        const xm = [...x];
        xp[i] += h;
        xm[i] -= h;
        const fd = (mixtureLogDensity(mix, xp, sigma) - mixtureLogDensity(mix, xm, sigma)) / (2 * h);
        expect(Math.abs(fd - s[i])).toBeLessThan(1e-6 * (1 + Math.abs(s[i])));
      }
    }
    const spread = Math.max(...offsets) - Math.min(...offsets);
    expect(spread).toBeLessThan(1e-10);
  });
  it('Tweedie denoising equals the modern Hopfield update for equal-norm patterns', () => {
    const rng = createRng(4);
    const P = randomPatterns(6, 10, rng);
    for (const sigma of [0.5, 1, 2]) {
      const x = Array.from({ length: 10 }, () => rng.normal());
      const a = tweedieDenoise(x, P, sigma);
      const b = modernHopfieldStep(x, P, 1 / sigma ** 2);
      for (let i = 0; i < 10; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-13);
    }
  });
  it('−σ² log Σ e^{−‖x−ξ‖²/2σ²} − E_Ramsauer = r²/2 for patterns of norm r (MATH.md §4.3: 1.445 at r = 1.7)', () => {
    const rng = createRng(5);
    const raw = randomMatrix(4, 3, 8);
    const data = new Float64Array(raw.data);
    for (let m = 0; m < 4; m++) {
      const v = data.subarray(3 * m, 3 * m + 3);
      const n = Math.hypot(v[0], v[1], v[2]);
      for (let i = 0; i < 3; i++) v[i] *= 1.7 / n;
    }
    const mem = matrixFromData(4, 3, data);
    const sigma = 0.7;
    const beta = 1 / sigma ** 2;
    for (let t = 0; t < 10; t++) {
      const x = [rng.normal(), rng.normal(), rng.normal()];
      // lseEnergy has no 1/K: it is exactly −σ² log Σ e^{−‖x−ξ‖²/2σ²}. MATH.md §4.3 compares with Ramsauer's
      // energy without its constants β⁻¹ log K + ½M², so remove them here.
      const bare = ramsauerEnergy(x, mem, beta) - Math.log(4) / beta - 0.5 * 1.7 * 1.7;
      expect(lseEnergy(x, mem, beta) - bare).toBeCloseTo(1.445, 12);
    }
  });
});

describe('modern Hopfield network (Ramsauer et al.)', () => {
  it('the update never raises the Ramsauer energy (300 random instances)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), fc.double({ min: 0.05, max: 20, noNaN: true }), (seed, K, d, beta) => {
        const mem = randomMatrix(K, d, seed);
        const rng = createRng(seed + 1);
        let x: Float64Array = Float64Array.from({ length: d }, () => 2 * rng.normal());
        let e = ramsauerEnergy(x, mem, beta);
        for (let t = 0; t < 5; t++) {
          x = modernHopfieldStep(x, mem, beta);
          const e2 = ramsauerEnergy(x, mem, beta);
          expect(e2).toBeLessThanOrEqual(e + 1e-9 * (1 + Math.abs(e)));
          e = e2;
        }
      }),
      { numRuns: 300, seed: 20260523 },
    );
  });
  it('one step from 20 % flips: exact sign recall 100 % at β = 0.5, 0 % at β = 0.1 (d = 64, K = 1000; MATH.md §4.10)', () => {
    const rng = createRng(10);
    const P = randomPatterns(1000, 64, rng);
    let hi = 0;
    let lo = 0;
    const trials = 30;
    for (let t = 0; t < trials; t++) {
      const mu = Math.floor(rng.uniform() * 1000);
      const target = row(P, mu);
      const probe = corruptPattern(target, 0.2, rng);
      const exact = (beta: number) => modernHopfieldStep(probe, P, beta).every((v, i) => Math.sign(v) === target[i]);
      if (exact(0.5)) hi++;
      if (exact(0.1)) lo++;
    }
    expect(hi / trials).toBe(1);
    expect(lo / trials).toBe(0);
  });
  it('batched update equals the single-state update', () => {
    const mem = randomMatrix(5, 3, 2);
    const xs = Float64Array.from([0.1, 0.2, 0.3, -1, 2, 0.5]);
    const out = modernHopfieldStepBatch(xs, mem, 2, new Float64Array(6));
    const a = modernHopfieldStep([0.1, 0.2, 0.3], mem, 2);
    const b = modernHopfieldStep([-1, 2, 0.5], mem, 2);
    expect(Array.from(out)).toEqual([...a, ...b]);
  });
  it('stays finite at β = 10⁶', () => {
    const mem = matrixFromRows([
      [1, 1],
      [-1, -1],
      [3, -2],
    ]);
    expect(modernHopfieldStep([50, 50], mem, 1e6).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(ramsauerEnergy([50, 50], mem, 1e6))).toBe(true);
    expect(smoothedScore([50, 50], mem, 1e-3).every(Number.isFinite)).toBe(true);
  });
  it('names the bad argument', () => {
    const mem = matrixFromRows([[1, 1]]);
    expect(() => smoothedScore([1, 1], mem, 0)).toThrow(/sigma/);
    expect(() => smoothedScore([1], mem, 1)).toThrow(/x: dimension mismatch/);
    expect(() => modernHopfieldStep([1, NaN], mem, 1)).toThrow(/x: entry 1/);
    expect(() => modernHopfieldStep([1, 1], mem, -1)).toThrow(/beta/);
    expect(() => modernHopfieldStep([1, 1], { rows: 0, cols: 2, data: new Float64Array(0) }, 1)).toThrow(/memories: .*empty/);
  });
});
