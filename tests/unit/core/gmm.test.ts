import { describe, expect, it } from 'vitest';
import { createGmm, gmmAssign, gmmLogDensity, gmmSample, gmmScoreBatch, langevinScoreStep, pfOdeHeunStep, reverseSdeScoreStep, type BatchScore } from '../../../src/core/gmm';
import { createRng } from '../../../src/core';

const mix = createGmm([[-2, 0], [2, 0.5], [0, -2]], [0.6, 0.3, 0.1], [0.3, 0.4, 0.2]);
const score: BatchScore = (xs, s, out) => gmmScoreBatch(xs, mix, s, out);

describe('gmm', () => {
  it('the exact score matches finite differences of log p_σ', () => {
    const rng = createRng(5);
    for (const sigma of [0, 0.1, 0.7, 3]) {
      for (let t = 0; t < 20; t++) {
        const x = [4 * rng.uniform() - 2, 4 * rng.uniform() - 2];
        const g = gmmScoreBatch(Float64Array.from(x), mix, sigma, new Float64Array(2));
        const h = 1e-5;
        for (let i = 0; i < 2; i++) {
          const a = x.slice();
          const b = x.slice();
          a[i] += h;
          b[i] -= h;
          const fd = (gmmLogDensity(a, mix, sigma) - gmmLogDensity(b, mix, sigma)) / (2 * h);
          expect(Math.abs(fd - g[i])).toBeLessThan(1e-5 * (1 + Math.abs(fd)));
        }
      }
    }
  });

  it('never produces NaN far away', () => {
    const out = gmmScoreBatch(Float64Array.from([1e4, -1e4]), mix, 0.01, new Float64Array(2));
    expect(out.every(Number.isFinite)).toBe(true);
  });

  it('rejects bad inputs, naming them', () => {
    expect(() => createGmm([[0, 0]], [0], [1])).toThrow(/weights/);
    expect(() => createGmm([[0, 0]], [1], [-1])).toThrow(/stds/);
    expect(() => gmmScoreBatch(new Float64Array(2), createGmm([[0, 0]], [1], [0]), 0, new Float64Array(2))).toThrow(/sigma/);
  });

  it('annealed Langevin recovers unequal weights; Langevin at one small σ keeps the split of its start', () => {
    // Two far-apart modes, weights 0.8 / 0.2; particles start uniform, so each basin holds about half of them.
    const two = createGmm([[-2, 0], [2, 0]], [0.8, 0.2], [0.3, 0.3]);
    const sc: BatchScore = (xs, s, out) => gmmScoreBatch(xs, two, s, out);
    const n = 4000;
    const start = new Float64Array(2 * n);
    const r0 = createRng(9);
    for (let i = 0; i < 2 * n; i++) start[i] = 8 * r0.uniform() - 4;
    const L = 10;
    const sig = Array.from({ length: L }, (_, i) => 3 * Math.pow(0.1 / 3, i / (L - 1)));
    const eps = 0.008;
    const annealed = start.slice();
    const single = start.slice();
    const grad = new Float64Array(2 * n);
    const rng = createRng(10);
    for (const s of sig) for (let t = 0; t < 40; t++) langevinScoreStep(sc, annealed, s, (eps * s * s) / (sig[L - 1] * sig[L - 1]), rng, grad);
    for (let t = 0; t < 40 * L; t++) langevinScoreStep(sc, single, sig[L - 1], eps, rng, grad);
    const frac = (xs: Float64Array) => gmmAssign(xs, two, new Uint32Array(n)).reduce((a, k) => a + (k === 0 ? 1 : 0), 0) / n;
    expect(Math.abs(frac(annealed) - 0.8)).toBeLessThan(0.04);
    expect(Math.abs(frac(single) - 0.5)).toBeLessThan(0.06);
  });

  it('the reverse SDE from σ_max noise samples the mixture weights', () => {
    const n = 3000;
    const rng = createRng(4);
    const xs = new Float64Array(2 * n);
    for (let i = 0; i < xs.length; i++) xs[i] = 5 * rng.normal();
    const grad = new Float64Array(2 * n);
    const N = 300;
    const sig = Array.from({ length: N }, (_, i) => Math.pow(Math.pow(5, 1 / 7) + (i / (N - 1)) * (Math.pow(0.01, 1 / 7) - Math.pow(5, 1 / 7)), 7));
    for (let i = 0; i < N - 1; i++) reverseSdeScoreStep(score, xs, sig[i], sig[i + 1], rng, grad);
    const k = gmmAssign(xs, mix, new Uint32Array(n));
    const f = [0, 0, 0];
    k.forEach((c) => f[c]++);
    expect(Math.abs(f[0] / n - 0.6)).toBeLessThan(0.04);
    expect(Math.abs(f[2] / n - 0.1)).toBeLessThan(0.03);
  });

  it('the PF-ODE with Heun encodes a point to noise and decodes it back to the same point', () => {
    const x0 = gmmSample(mix, 0, createRng(2), new Float64Array(2 * 50));
    const xs = x0.slice();
    const k1 = new Float64Array(xs.length);
    const k2 = new Float64Array(xs.length);
    const tmp = new Float64Array(xs.length);
    const N = 80;
    const sig = Array.from({ length: N }, (_, i) => Math.pow(Math.pow(5, 1 / 7) + (i / (N - 1)) * (Math.pow(0.01, 1 / 7) - Math.pow(5, 1 / 7)), 7));
    for (let i = N - 1; i > 0; i--) pfOdeHeunStep(score, xs, sig[i], sig[i - 1], k1, k2, tmp);
    const latent = xs.slice();
    for (let i = 0; i < N - 1; i++) pfOdeHeunStep(score, xs, sig[i], sig[i + 1], k1, k2, tmp);
    let err = 0;
    for (let i = 0; i < xs.length; i++) err = Math.max(err, Math.abs(xs[i] - x0[i]));
    expect(err).toBeLessThan(2e-3);
    // Distinct points get distinct latents.
    expect(Math.hypot(latent[0] - latent[2], latent[1] - latent[3])).toBeGreaterThan(1e-3);
  });
});
