import { describe, expect, it } from 'vitest';
import { binnedAccumulate, binnedMean, binnedRelativeError, binIndex, createBinnedMeans, dsmPerturb } from '../../../src/core/dsm-targets';
import { createRng, lseGradBatch, matrixFromRows } from '../../../src/core';

const domain = { x0: -3, x1: 3, y0: -3, y1: 3 };

describe('dsmPerturb', () => {
  it('is seeded, puts x̃ = ξ + σz and the target −z/σ, so x̃ + σ²·target = ξ', () => {
    const data = matrixFromRows([[1, 2], [-1, 0], [0.5, -2]]);
    const n = 500;
    const x = new Float64Array(2 * n);
    const t = new Float64Array(2 * n);
    const own = new Uint32Array(n);
    dsmPerturb(data, 0.7, createRng(3), x, t, own);
    const x2 = new Float64Array(2 * n);
    dsmPerturb(data, 0.7, createRng(3), x2, new Float64Array(2 * n));
    expect(Array.from(x2)).toEqual(Array.from(x));
    for (let p = 0; p < n; p++) {
      for (let i = 0; i < 2; i++) expect(x[2 * p + i] + 0.49 * t[2 * p + i]).toBeCloseTo(data.data[2 * own[p] + i], 12);
    }
  });
  it('rejects σ ≤ 0 and mismatched buffers with a message naming the argument', () => {
    const data = matrixFromRows([[0, 0]]);
    expect(() => dsmPerturb(data, 0, createRng(1), new Float64Array(2), new Float64Array(2))).toThrow(/sigma/);
    expect(() => dsmPerturb(data, 1, createRng(1), new Float64Array(4), new Float64Array(2))).toThrow(/outTarget/);
  });
});

describe('binned means', () => {
  it('indexes cells row-major and ignores points outside', () => {
    const b = createBinnedMeans(domain, 6, 3);
    expect(binIndex(b, -2.9, -2.9)).toBe(0);
    expect(binIndex(b, 2.9, 2.9)).toBe(17);
    expect(binIndex(b, 3.1, 0)).toBe(-1);
    binnedAccumulate(b, [0.1, 0.1, 0.2, 0.2, 9, 9], [1, 2, 3, 4, 5, 6]);
    const out = binnedMean(b, new Float64Array(36));
    const k = binIndex(b, 0.1, 0.1);
    expect([out[2 * k], out[2 * k + 1]]).toEqual([2, 3]);
    expect(b.counts.reduce((a, c) => a + c, 0)).toBe(2);
  });

  it('the average DSM target in each bin converges to the average true score there (E[target | x̃] = ∇log p_σ)', () => {
    const data = matrixFromRows([[1.2, 1.0], [-1.0, -1.3], [1.5, -1.0]]);
    const sigma = 0.6;
    const beta = 1 / (sigma * sigma);
    const rng = createRng(11);
    const targets = createBinnedMeans(domain, 8, 8);
    const truth = createBinnedMeans(domain, 8, 8);
    const n = 4000;
    const x = new Float64Array(2 * n);
    const t = new Float64Array(2 * n);
    const s = new Float64Array(2 * n);
    const errs: number[] = [];
    for (let round = 0; round < 60; round++) {
      dsmPerturb(data, sigma, rng, x, t);
      lseGradBatch(x, data, beta, s);
      for (let i = 0; i < s.length; i++) s[i] *= -beta;
      binnedAccumulate(targets, x, t);
      binnedAccumulate(truth, x, s);
      if (round === 0 || round === 59) errs.push(binnedRelativeError(targets, truth, 30));
    }
    // Monte Carlo error falls like 1/√n: 60× the samples should cut it by roughly √60 ≈ 7.7.
    expect(errs[1]).toBeLessThan(0.06);
    expect(errs[1]).toBeLessThan(errs[0] / 4);
  });
});
