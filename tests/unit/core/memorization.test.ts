import { describe, expect, it } from 'vitest';
import { classifySamples, GENERALIZED, matrixFromRows, MEMORIZED, nearestDistances, pointAttractors, SPURIOUS } from '../../../src/core';

const data = matrixFromRows([
  [1, 0],
  [0, 1],
  [-1, 0],
]);

describe('sample classification', () => {
  it('sorts constructed samples into memorized, spurious and generalized', () => {
    const pts = Float64Array.of(
      1.01, 0, // on ξ₁, point attractor → memorized
      0, 0.98, // on ξ₂, point attractor → memorized
      0.7071, 0.7071, // between ξ₁ and ξ₂, point attractor → spurious
      0.7071, -0.7071, // on the ring, line attractor → generalized
      1, 0.001, // on ξ₁ but the denoiser passes a direction → generalized
    );
    const gains = [0.1, 0.3, 0.2, 0.95, 0.9];
    const c = classifySamples(pts, gains, data, { deltaM: 0.05, gainMax: 0.5 });
    expect(Array.from(c.labels)).toEqual([MEMORIZED, MEMORIZED, SPURIOUS, GENERALIZED, GENERALIZED]);
    expect(c.fractions[0]).toBeCloseTo(0.4, 12);
    expect(c.fractions[1]).toBeCloseTo(0.2, 12);
    expect(c.fractions[2]).toBeCloseTo(0.4, 12);
    expect(c.dTrain[0]).toBeCloseTo(0.01, 12);
  });

  it('nearest distances are exact', () => {
    const d = nearestDistances(Float64Array.of(0, 0, 3, 4), data);
    expect(d[0]).toBe(1);
    expect(d[1]).toBeCloseTo(Math.hypot(3, 3), 12);
  });

  it('groups point-attractor samples into attractors', () => {
    const pts = Float64Array.of(1, 0, 1.01, 0, 0.99, 0.01, 0.7, 0.7, 0.71, 0.7, 0, -1);
    const labels = Uint8Array.of(MEMORIZED, MEMORIZED, MEMORIZED, SPURIOUS, SPURIOUS, GENERALIZED);
    const a = pointAttractors(pts, labels, 2, 0.05);
    expect(a.map((g) => [g.count, g.kind])).toEqual([
      [3, MEMORIZED],
      [2, SPURIOUS],
    ]);
    expect(a[0].centre[0]).toBeCloseTo(1, 12);
  });

  it('names the problem on bad input', () => {
    expect(() => classifySamples(Float64Array.of(0, 0), [0.1, 0.2], data)).toThrow(/gains/);
    expect(() => classifySamples(Float64Array.of(NaN, 0), [0.1], data)).toThrow(/sample 0/);
  });
});
