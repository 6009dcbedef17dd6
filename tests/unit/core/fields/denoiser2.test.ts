import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { circulation, createDenoiser2, curl2, denoise2, denoiserEnergy2, denoiserScore2, energyScore2, type Field2 } from '../../../../src/core';
import { mem, circle } from './fixtures';

describe('the denoiser energy of survey Eqs. 19–20', () => {
  it('Eq. 20 is minus the gradient of Eq. 19 (finite differences)', () => {
    const net = createDenoiser2(mem, 0.7, 0.8, 5);
    const F = new Float64Array(2);
    const h = 1e-6;
    for (const [x, y] of [
      [0.2, 0.1],
      [-1.5, 0.7],
      [1.9, -1.2],
    ]) {
      energyScore2(net, x, y, F);
      const gx = (denoiserEnergy2(net, x + h, y) - denoiserEnergy2(net, x - h, y)) / (2 * h);
      const gy = (denoiserEnergy2(net, x, y + h) - denoiserEnergy2(net, x, y - h)) / (2 * h);
      expect(F[0]).toBeCloseTo(-gx, 5);
      expect(F[1]).toBeCloseTo(-gy, 5);
    }
  });
  it('the analytic Jacobian of f_θ matches finite differences', () => {
    const net = createDenoiser2(mem, 0.5, 1.3, 2);
    const J = new Float64Array(4);
    const f = new Float64Array(2);
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    const h = 1e-6;
    denoise2(net, 0.3, -0.4, f, J);
    denoise2(net, 0.3 + h, -0.4, a);
    denoise2(net, 0.3 - h, -0.4, b);
    expect(J[0]).toBeCloseTo((a[0] - b[0]) / (2 * h), 5);
    expect(J[2]).toBeCloseTo((a[1] - b[1]) / (2 * h), 5);
    denoise2(net, 0.3, -0.4 + h, a);
    denoise2(net, 0.3, -0.4 - h, b);
    expect(J[1]).toBeCloseTo((a[0] - b[0]) / (2 * h), 5);
    expect(J[3]).toBeCloseTo((a[1] - b[1]) / (2 * h), 5);
  });
  it('with no error term the unconstrained score is the exact smoothed score, hence conservative', () => {
    const net = createDenoiser2(mem, 0.6, 0, 1);
    const field: Field2 = (x, y, o) => denoiserScore2(net, x, y, o);
    expect(Math.abs(curl2(field, 0.1, 0.2, 1e-4))).toBeLessThan(1e-5);
    expect(Math.abs(circulation(field, circle(0, 0, 1.5)))).toBeLessThan(1e-8);
  });
  it('property: Eq. 20 has zero circulation on random loops; the unconstrained score generally does not', () => {
    let nonzero = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.3, max: 1.5, noNaN: true }),
        (seed, cx, cy, r) => {
          const net = createDenoiser2(mem, 0.8, 1, seed);
          const cons: Field2 = (x, y, o) => energyScore2(net, x, y, o);
          const free: Field2 = (x, y, o) => denoiserScore2(net, x, y, o);
          const loop = circle(cx, cy, r, 24);
          const scale = Math.abs(circulation(free, loop));
          if (scale > 1e-3) nonzero++;
          expect(Math.abs(circulation(cons, loop))).toBeLessThan(1e-7 * Math.max(1, scale));
        },
      ),
      { numRuns: 40, seed: 7 },
    );
    expect(nonzero).toBeGreaterThan(30);
  });
  it("the unconstrained score's circulation matches the area integral of its curl (Stokes)", () => {
    const net = createDenoiser2(mem, 0.8, 1, 11);
    const free: Field2 = (x, y, o) => denoiserScore2(net, x, y, o);
    const n = 200;
    let area = 0;
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) area += curl2(free, -0.5 + (i + 0.5) / n, -0.5 + (j + 0.5) / n, 1e-4) / (n * n);
    expect(circulation(free, [-0.5, -0.5, 0.5, -0.5, 0.5, 0.5, -0.5, 0.5])).toBeCloseTo(area, 4);
  });
});
