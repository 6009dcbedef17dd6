import { describe, expect, it } from 'vitest';
import { amDescentStep, createRng, lseEnergy, matrixFromRows, nearestMemory, noiseSchedule, pfOdeStep, reverseSdeStep, smoothedScoreBatch } from '../../../src/core';

const mem = matrixFromRows([
  [1, 1],
  [-1, -1],
]);

describe('noise schedules', () => {
  it('run from σ_max down to σ_min, decreasing', () => {
    for (const kind of ['karras', 'geometric', 'linear'] as const) {
      const s = noiseSchedule(kind, 18, 0.002, 80);
      expect(s[0]).toBeCloseTo(80, 8);
      expect(s[17]).toBe(0.002);
      for (let i = 1; i < 18; i++) expect(s[i]).toBeLessThan(s[i - 1]);
    }
  });
  it('rejects σ_min ≥ σ_max', () => expect(() => noiseSchedule('karras', 5, 2, 1)).toThrow(/sigmaMax/));
});

describe('Table 1 dynamics with the exact smoothed score', () => {
  it('the score is −∇(βE_β) (Ambrogioni), checked by finite differences of log p', () => {
    const sigma = 0.7;
    const beta = 1 / sigma ** 2;
    const x = Float64Array.from([0.3, -0.2]);
    const s = smoothedScoreBatch(x, mem, sigma, new Float64Array(2));
    const h = 1e-6;
    const logp = (a: number, b: number) => -beta * lseEnergy([a, b], mem, beta);
    expect(s[0]).toBeCloseTo((logp(0.3 + h, -0.2) - logp(0.3 - h, -0.2)) / (2 * h), 5);
    expect(s[1]).toBeCloseTo((logp(0.3, -0.2 + h) - logp(0.3, -0.2 - h)) / (2 * h), 5);
  });
  it('AM descent never raises the energy and stops at a memory', () => {
    const xs = Float64Array.from([0.4, 0.1, -2, 0.5]);
    const g = new Float64Array(4);
    let prev = [lseEnergy([xs[0], xs[1]], mem, 4), lseEnergy([xs[2], xs[3]], mem, 4)];
    for (let t = 0; t < 300; t++) {
      amDescentStep(xs, mem, 4, 0.2, g);
      const e = [lseEnergy([xs[0], xs[1]], mem, 4), lseEnergy([xs[2], xs[3]], mem, 4)];
      expect(e[0]).toBeLessThanOrEqual(prev[0] + 1e-12);
      expect(e[1]).toBeLessThanOrEqual(prev[1] + 1e-12);
      prev = e;
    }
    expect(nearestMemory(xs, 0, mem).distance).toBeLessThan(1e-3);
    expect(amDescentStep(xs, mem, 4, 0.2, g)).toBeLessThan(1e-9);
  });
  it('the PF-ODE sampler (EDM schedule, 18 steps, final Tweedie step) lands on the training points', () => {
    const rng = createRng(4);
    const n = 400;
    const xs = new Float64Array(2 * n);
    const sig = noiseSchedule('karras', 18, 0.002, 80);
    for (let i = 0; i < xs.length; i++) xs[i] = 80 * rng.normal();
    const g = new Float64Array(xs.length);
    for (let i = 0; i < 18; i++) pfOdeStep(xs, mem, sig[i], i < 17 ? sig[i + 1] : 0, g);
    let on = 0;
    let first = 0;
    for (let p = 0; p < n; p++) {
      const m = nearestMemory(xs, p, mem);
      if (m.distance < 1e-3) on++;
      if (m.index === 0) first++;
    }
    expect(on / n).toBeGreaterThan(0.99);
    expect(first / n).toBeGreaterThan(0.4);
    expect(first / n).toBeLessThan(0.6);
  });
  it('the reverse SDE is seeded: the same seed gives the same samples', () => {
    const run = () => {
      const rng = createRng(9);
      const xs = Float64Array.from([3, -2, 0.5, 0.5]);
      const g = new Float64Array(4);
      const sig = noiseSchedule('geometric', 30, 0.01, 3);
      for (let i = 0; i < 29; i++) reverseSdeStep(xs, mem, sig[i], sig[i + 1], rng, g);
      return Array.from(xs);
    };
    expect(run()).toEqual(run());
  });
});
