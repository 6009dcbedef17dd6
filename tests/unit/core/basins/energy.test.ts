import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { basinDirection, basinEnergy, matrixFromRows, type BasinSeparation } from '../../../../src/core';

const unit = (a: number) => [Math.cos(a), Math.sin(a)];
const SEPARATIONS: BasinSeparation[] = [
  { kind: 'poly', n: 2 },
  { kind: 'poly', n: 3 },
  { kind: 'rectified', n: 4 },
  { kind: 'exp', beta: 10 },
];

describe('basinEnergy', () => {
  it('is −Σ F(ξ·x) for polynomials and −β⁻¹ log Σ e^{βξ·x} for the exponential', () => {
    const mem = matrixFromRows([unit(0.3), unit(2.0)]);
    const x = 0.4;
    const y = -0.2;
    const m = [Math.cos(0.3) * x + Math.sin(0.3) * y, Math.cos(2) * x + Math.sin(2) * y];
    expect(basinEnergy(x, y, mem, { kind: 'poly', n: 3 })).toBeCloseTo(-(m[0] ** 3 + m[1] ** 3), 12);
    expect(basinEnergy(x, y, mem, { kind: 'rectified', n: 2 })).toBeCloseTo(-(Math.max(m[0], 0) ** 2 + Math.max(m[1], 0) ** 2), 12);
    expect(basinEnergy(x, y, mem, { kind: 'exp', beta: 5 })).toBeCloseTo(-Math.log(Math.exp(5 * m[0]) + Math.exp(5 * m[1])) / 5, 12);
  });

  it('stays finite for a huge β', () => {
    const mem = matrixFromRows([unit(0), unit(1)]);
    expect(Number.isFinite(basinEnergy(0.9, 0.1, mem, { kind: 'exp', beta: 1e6 }))).toBe(true);
  });

  it('rejects bad inputs with a message naming them', () => {
    const mem = matrixFromRows([unit(0)]);
    expect(() => basinEnergy(0, 0, mem, { kind: 'exp', beta: 0 })).toThrow(/beta/);
    expect(() => basinEnergy(0, 0, mem, { kind: 'poly', n: 0 })).toThrow(/n/);
    expect(() => basinEnergy(0, 0, matrixFromRows([[1, 0, 0]]), { kind: 'poly', n: 2 })).toThrow(/memories/);
  });
});

describe('basinDirection', () => {
  it('is a positive multiple of −∇E (finite differences), for every separation', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0.1, max: 0.9, noNaN: true }), fc.integer({ min: 0, max: 3 }), (angles, a, r, s) => {
        const F = SEPARATIONS[s];
        const mem = matrixFromRows(angles.map(unit));
        const x = r * Math.cos(a);
        const y = r * Math.sin(a);
        const h = 1e-6;
        // For the exponential, basinEnergy is the log form; its gradient is also a positive multiple of −Σ e^{βm}'s.
        const gx = -(basinEnergy(x + h, y, mem, F) - basinEnergy(x - h, y, mem, F)) / (2 * h);
        const gy = -(basinEnergy(x, y + h, mem, F) - basinEnergy(x, y - h, mem, F)) / (2 * h);
        const d = basinDirection(x, y, mem, F, new Float64Array(2));
        const ng = Math.hypot(gx, gy);
        const nd = Math.hypot(d[0], d[1]);
        if (ng < 1e-6 || nd < 1e-9) return true;
        const cos = (gx * d[0] + gy * d[1]) / (ng * nd);
        return cos > 1 - 1e-5;
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
