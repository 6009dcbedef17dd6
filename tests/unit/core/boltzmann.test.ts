import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boltzmannDensity, createRng, histogramTvDistance, langevinStep1d, tiltedDoubleWell } from '../../../src/core';

const grid = (x0: number, x1: number, n: number) => Float64Array.from({ length: n }, (_, i) => x0 + (i + 0.5) * ((x1 - x0) / n));

describe('tiltedDoubleWell', () => {
  it('has an analytic gradient that matches finite differences', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (x, c) => {
        const e = tiltedDoubleWell(1.5, 1.2, c);
        const h = 1e-5;
        const fd = (e.energy(x + h) - e.energy(x - h)) / (2 * h);
        expect(Math.abs(fd - e.grad(x))).toBeLessThan(1e-5 * (1 + Math.abs(fd)));
      }),
    );
  });
});

describe('boltzmannDensity', () => {
  it('integrates to one and gives log p = −E/T − log Z', () => {
    const e = tiltedDoubleWell(1, 1, 0.3);
    const xs = grid(-3, 3, 600);
    const E = xs.map((x) => e.energy(x));
    for (const T of [0.02, 0.3, 1, 5]) {
      const { p, logZ } = boltzmannDensity(E, 6 / 600, T);
      const total = p.reduce((a, b) => a + b, 0) * (6 / 600);
      expect(total).toBeCloseTo(1, 10);
      for (const i of [10, 300, 590]) if (p[i] > 1e-300) expect(Math.log(p[i])).toBeCloseTo(-E[i] / T - logZ, 8);
    }
  });
  it('puts more mass in the lower valley as T falls', () => {
    const e = tiltedDoubleWell(1, 1, -0.3); // the right valley is lower
    const xs = grid(-3, 3, 600);
    const E = xs.map((x) => e.energy(x));
    const right = (T: number) => {
      const { p } = boltzmannDensity(E, 0.01, T);
      return p.slice(300).reduce((a, b) => a + b, 0) * 0.01;
    };
    expect(right(0.1)).toBeGreaterThan(right(1));
    expect(right(0.1)).toBeGreaterThan(0.99);
  });
});

describe('langevinStep1d', () => {
  it('samples the Boltzmann density (TV < 0.05 after 3000 steps, 4000 walkers, seeded)', () => {
    const e = tiltedDoubleWell(1, 1, 0.3);
    const T = 0.6;
    const xs = new Float64Array(4000);
    const rng = createRng(11);
    for (let i = 0; i < xs.length; i++) xs[i] = -2 + 4 * rng.uniform();
    for (let k = 0; k < 3000; k++) langevinStep1d(xs, e, 0.005, T, rng);
    const centres = grid(-3, 3, 60);
    const { p } = boltzmannDensity(centres.map((x) => e.energy(x)), 0.1, T);
    expect(histogramTvDistance(xs, -3, 0.1, p)).toBeLessThan(0.05);
  });
});
