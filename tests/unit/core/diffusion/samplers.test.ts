import { describe, expect, it } from 'vitest';
import {
  annealedLangevinSample,
  createParticleScratch,
  createRng,
  energyDescentStepBatch,
  forwardNoise,
  forwardNoiseStepBatch,
  gaussianMixture,
  geometricSigmas,
  karrasSigmas,
  langevinStepBatch,
  lseGradBatch,
  matrixFromRows,
  mixtureScore,
  mixtureScoreBatch,
  nearestComponentFractions,
  pfEulerStepBatch,
  pfHeunStepBatch,
  pointScore,
  probabilityFlowSample,
  reverseSdeSample,
  reverseSdeStepBatch,
  smoothedScore,
  type BatchScoreFn,
} from '../../../../src/core';

const memories = matrixFromRows([
  [1, 1],
  [-1, -1],
]);
const mix = gaussianMixture(memories, [0.3, 0.7], 0);
const batch: BatchScoreFn = (xs, s, out) => mixtureScoreBatch(mix, xs, s, out);

function noiseCloud(n: number, sigma: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: 2 * n }, () => sigma * rng.normal());
}

function distanceToNearest(xs: Float64Array): number[] {
  const out: number[] = [];
  for (let p = 0; p < xs.length; p += 2) {
    const a = Math.hypot(xs[p] - 1, xs[p + 1] - 1);
    const b = Math.hypot(xs[p] + 1, xs[p + 1] + 1);
    out.push(Math.min(a, b));
  }
  return out.sort((u, v) => u - v);
}

describe('samplers driven by the exact score recover the data (MATH.md §4.12)', () => {
  it('the mixture score with std 0 is the smoothed empirical score', () => {
    const eq = gaussianMixture(memories);
    const a = mixtureScore(eq, [0.3, -0.2], 0.7);
    const b = smoothedScore([0.3, -0.2], memories, 0.7);
    expect(a[0]).toBeCloseTo(b[0], 12);
    expect(a[1]).toBeCloseTo(b[1], 12);
  });
  it('EDM Heun, 18 steps: every sample within 1e-3 of a memory, weights 0.3 / 0.7 recovered', () => {
    const xs = noiseCloud(3000, 80, 1);
    const sig = karrasSigmas(18, 0.002, 80);
    const sc = createParticleScratch(xs.length);
    for (let i = 0; i + 1 < sig.length; i++) pfHeunStepBatch(batch, xs, sig[i], sig[i + 1], sc);
    const d = distanceToNearest(xs);
    expect(d[d.length - 1]).toBeLessThan(1e-3);
    const f = nearestComponentFractions(mix, xs);
    expect(Math.abs(f[0] - 0.3)).toBeLessThan(0.03); // 3.6 standard errors
    // The single-trajectory sampler takes exactly the same steps.
    const one = probabilityFlowSample(pointScore(batch), [12, -30], sig);
    const again = Float64Array.from([12, -30]);
    for (let i = 0; i + 1 < sig.length; i++) pfHeunStepBatch(batch, again, sig[i], sig[i + 1], createParticleScratch(2));
    expect(Array.from(one)).toEqual(Array.from(again));
  });
  it('probability-flow Euler with many steps also lands on the memories', () => {
    const xs = noiseCloud(500, 20, 2);
    const sig = karrasSigmas(400, 0.002, 20);
    const sc = createParticleScratch(xs.length);
    for (let i = 0; i + 1 < sig.length; i++) pfEulerStepBatch(batch, xs, sig[i], sig[i + 1], sc);
    expect(distanceToNearest(xs)[250]).toBeLessThan(1e-2);
  });
  it('reverse SDE (Euler–Maruyama, 2000 steps): median distance to a memory < 5e-3, weights recovered', () => {
    const n = 600;
    const xs = noiseCloud(n, 20, 3);
    const sig = karrasSigmas(2000, 0.002, 20);
    const sc = createParticleScratch(xs.length);
    const rng = createRng(4);
    for (let i = 0; i + 1 < sig.length; i++) reverseSdeStepBatch(batch, xs, sig[i], sig[i + 1], rng, sc, i + 2 < sig.length);
    expect(distanceToNearest(xs)[n / 2]).toBeLessThan(5e-3);
    const f = nearestComponentFractions(mix, xs);
    expect(Math.abs(f[0] - 0.3)).toBeLessThan(0.06);
    const one = reverseSdeSample(pointScore(batch), [5, 5], karrasSigmas(200, 0.002, 20), { rng });
    expect(Math.min(Math.hypot(one[0] - 1, one[1] - 1), Math.hypot(one[0] + 1, one[1] + 1))).toBeLessThan(0.05);
  });
  it('annealed Langevin (σ 1 → 0.01, L = 10, T = 100): ≥ 99 % within 0.05 of a memory, weights recovered', () => {
    const n = 1000;
    const xs = noiseCloud(n, 1, 5);
    const sig = geometricSigmas(10, 0.01, 1);
    const sc = createParticleScratch(xs.length);
    const rng = createRng(6);
    const eps = 2e-5;
    for (const s of sig) for (let t = 0; t < 100; t++) langevinStepBatch(batch, xs, s, (eps * s * s) / (0.01 * 0.01), rng, sc);
    const d = distanceToNearest(xs);
    expect(d[Math.floor(0.99 * n)]).toBeLessThan(0.05);
    const f = nearestComponentFractions(mix, xs);
    expect(Math.abs(f[0] - 0.3)).toBeLessThan(0.06);
    const one = annealedLangevinSample(pointScore(batch), [0.2, 0.1], sig, { rng, stepsPerLevel: 100, eps });
    expect(distanceToNearest(one)[0]).toBeLessThan(0.05);
  });
  it('energy descent with α = 1 on the LSE energy lands on the memories in one step at large β', () => {
    const xs = Float64Array.from([0.9, 1.2, -0.8, -1.1]);
    const sc = createParticleScratch(4);
    energyDescentStepBatch((x, out) => lseGradBatch(x, memories, 50, out), xs, 1, sc);
    expect(Array.from(xs).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1, 1, -1, -1]);
    expect(energyDescentStepBatch((x, out) => lseGradBatch(x, memories, 50, out), xs, 1, sc)).toBeLessThan(1e-12);
  });
});

describe('forward noising', () => {
  it('the VE forward process has variance σ² and composes: σ₁ then σ₂ ≡ σ₂', () => {
    const rng = createRng(7);
    const n = 20000;
    const xs = new Float64Array(n);
    forwardNoiseStepBatch(xs, 0, 0.5, rng);
    forwardNoiseStepBatch(xs, 0.5, 2, rng);
    const v = xs.reduce((s, x) => s + x * x, 0) / n;
    expect(Math.abs(v - 4)).toBeLessThan(0.15);
    const y = forwardNoise([1, 2, 3], 0, rng);
    expect(Array.from(y)).toEqual([1, 2, 3]);
    expect(() => forwardNoiseStepBatch(xs, 2, 1, rng)).toThrow(/sigmaNext/);
  });
});

describe('input checks', () => {
  it('names the bad argument', () => {
    const score = pointScore(batch);
    const rng = createRng(1);
    expect(() => probabilityFlowSample(score, [0, 0], [1, 2, 0])).toThrow(/sigmas: must be non-increasing/);
    expect(() => probabilityFlowSample(score, [0, NaN], [1, 0])).toThrow(/x0: entry 1/);
    expect(() => annealedLangevinSample(score, [0, 0], [1, 0], { rng, stepsPerLevel: 1, eps: 1 })).toThrow(/sigmas: entry 1/);
    expect(() => annealedLangevinSample(score, [0, 0], [1], { rng, stepsPerLevel: 0, eps: 1 })).toThrow(/stepsPerLevel/);
    expect(() => annealedLangevinSample(score, [0, 0], [1], { rng, stepsPerLevel: 1, eps: 0 })).toThrow(/eps/);
    expect(() => probabilityFlowSample(() => new Float64Array(3), [0, 0], [1, 0])).toThrow(/score: returned length 3/);
    expect(() => pfHeunStepBatch(batch, new Float64Array(4), 1, 0.5, createParticleScratch(2))).toThrow(/scratch/);
    expect(() => gaussianMixture(memories, [1, -1])).toThrow(/weights: entry 1/);
    expect(() => mixtureScore(gaussianMixture(memories), [0, 0], 0)).toThrow(/sigma/);
  });
});
