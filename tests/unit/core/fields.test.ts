import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  circulation,
  createDenoiser2,
  curl2,
  denoise2,
  denoiserEnergy2,
  denoiserScore2,
  energyScore2,
  lineIntegralAlong,
  loopArea,
  matrixFromRows,
  type Field2,
} from '../../../src/core';

const mem = matrixFromRows([
  [1.2, 0.9],
  [-1.1, -0.8],
  [1.4, -1.3],
]);
const circle = (cx: number, cy: number, r: number, n = 64) => {
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(cx + r * Math.cos((2 * Math.PI * k) / n), cy + r * Math.sin((2 * Math.PI * k) / n));
  return out;
};

describe('curl and circulation', () => {
  const rot: Field2 = (x, y, o) => {
    o[0] = -y;
    o[1] = x;
  };
  const grad: Field2 = (x, y, o) => {
    o[0] = 2 * x * y;
    o[1] = x * x + 3 * y * y;
  };
  it('a rigid rotation has curl 2 everywhere and circulation 2 × area', () => {
    expect(curl2(rot, 0.3, -0.7)).toBeCloseTo(2, 8);
    const sq = [-1, -1, 1, -1, 1, 1, -1, 1];
    expect(loopArea(sq)).toBeCloseTo(4, 12);
    expect(circulation(rot, sq)).toBeCloseTo(8, 10);
    expect(circulation(rot, [...sq].reverse().flatMap((_, i, a) => (i % 2 ? [] : [a[i + 1], a[i]])))).toBeCloseTo(-8, 10);
  });
  it('a gradient field has zero curl and zero circulation', () => {
    expect(curl2(grad, 0.4, 1.1)).toBeCloseTo(0, 6);
    expect(Math.abs(circulation(grad, circle(0.2, -0.1, 1.3)))).toBeLessThan(1e-10);
  });
  it('rejects loops with fewer than 3 vertices', () => {
    expect(() => circulation(rot, [0, 0, 1, 1])).toThrow(/loop/);
  });
});

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

describe('lineIntegralAlong', () => {
  it('ends at the circulation and starts at zero', () => {
    const net = createDenoiser2(mem, 0.8, 1, 3);
    const free: Field2 = (x, y, o) => denoiserScore2(net, x, y, o);
    const loop = circle(0.1, 0.2, 1, 30);
    const { points, cumulative } = lineIntegralAlong(free, loop, 0.05);
    expect(cumulative[0]).toBe(0);
    expect(cumulative[cumulative.length - 1]).toBeCloseTo(circulation(free, loop, 0.05), 12);
    expect(points.length).toBe(2 * cumulative.length);
    expect(points[points.length - 2]).toBeCloseTo(loop[0], 12);
  });
});
