import { describe, expect, it } from 'vitest';
import { createRng, gaussianMixture, matrixFromRows, mixtureLogDensity, mixtureScore, nearestComponentFractions, sampleMixture } from '../../../../src/core';

describe('Gaussian mixtures', () => {
  const mix = gaussianMixture(
    matrixFromRows([
      [0, 0],
      [3, 1],
      [-2, 2],
    ]),
    [1, 2, 1],
    [0.5, 0.3, 0.8],
  );
  it('normalises the weights', () => {
    expect(Array.from(mix.weights)).toEqual([0.25, 0.5, 0.25]);
  });
  it('the exact score matches finite differences of the smoothed log-density', () => {
    for (const sigma of [0, 0.2, 1.5]) {
      const x = [0.7, 0.4];
      const s = mixtureScore(mix, x, sigma);
      const h = 1e-6;
      for (let i = 0; i < 2; i++) {
        const xp = [...x];
        const xm = [...x];
        xp[i] += h;
        xm[i] -= h;
        expect(s[i]).toBeCloseTo((mixtureLogDensity(mix, xp, sigma) - mixtureLogDensity(mix, xm, sigma)) / (2 * h), 6);
      }
    }
  });
  it('samples follow the weights', () => {
    const xs = sampleMixture(mix, 20000, createRng(1));
    const f = nearestComponentFractions(mix, xs);
    expect(f[1]).toBeCloseTo(0.5, 1);
  });
});
