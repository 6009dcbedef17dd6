import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, gradedHopfieldEnergy, gradedHopfieldStep, hebbianWeights, matrixFromData, randomPatterns } from '../../../src/core';

function symmetric(N: number, seed: number) {
  const rng = createRng(seed);
  const W = new Float64Array(N * N);
  for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) W[i * N + j] = W[j * N + i] = rng.normal() / Math.sqrt(N);
  return matrixFromData(N, N, W);
}

describe('graded Hopfield network (Hopfield 1984)', () => {
  it('∂E/∂u = λ(1 − V²)(u − WV − I) (finite differences)', () => {
    const N = 6;
    const W = symmetric(N, 1);
    const rng = createRng(2);
    const u = Float64Array.from({ length: N }, () => rng.normal());
    const input = Float64Array.from({ length: N }, () => 0.3 * rng.normal());
    const lambda = 1.7;
    for (let i = 0; i < N; i++) {
      const h = 1e-6;
      const up = Float64Array.from(u);
      const um = Float64Array.from(u);
      up[i] += h;
      um[i] -= h;
      const fd = (gradedHopfieldEnergy(W, up, { lambda, input }) - gradedHopfieldEnergy(W, um, { lambda, input })) / (2 * h);
      let wv = 0;
      for (let j = 0; j < N; j++) wv += W.data[i * N + j] * Math.tanh(lambda * u[j]);
      const V = Math.tanh(lambda * u[i]);
      expect(fd).toBeCloseTo(lambda * (1 - V * V) * (u[i] - wv - input[i]), 7);
    }
  });
  it('energy never rises along small-dt Euler dynamics (200 random networks)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 12 }), fc.double({ min: 0.2, max: 5, noNaN: true }), (seed, N, lambda) => {
        const W = symmetric(N, seed);
        const rng = createRng(seed + 1);
        const u = Float64Array.from({ length: N }, () => 2 * rng.normal());
        let e = gradedHopfieldEnergy(W, u, { lambda });
        for (let t = 0; t < 100; t++) {
          gradedHopfieldStep(W, u, 0.01, { lambda });
          const e2 = gradedHopfieldEnergy(W, u, { lambda });
          expect(e2).toBeLessThanOrEqual(e + 1e-12);
          e = e2;
        }
      }),
      { numRuns: 200, seed: 20260523 },
    );
  });
  it('with Hebbian weights and high gain it settles on a stored pattern', () => {
    const rng = createRng(3);
    const P = randomPatterns(3, 40, rng);
    const W = hebbianWeights(P);
    const u = Float64Array.from(P.data.subarray(0, 40), (v, i) => (i < 8 ? -v : v) * 0.1);
    for (let t = 0; t < 2000; t++) gradedHopfieldStep(W, u, 0.05, { lambda: 10 });
    for (let i = 0; i < 40; i++) expect(Math.sign(u[i])).toBe(P.data[i]);
  });
  it('names the bad argument and stays finite at saturation', () => {
    const W = symmetric(3, 1);
    expect(() => gradedHopfieldStep(W, new Float64Array(2), 0.1)).toThrow(/u: dimension mismatch/);
    expect(() => gradedHopfieldStep(W, new Float64Array(3), 0)).toThrow(/dt/);
    expect(() => gradedHopfieldEnergy(W, [1, 2, 3], { lambda: 0 })).toThrow(/lambda/);
    expect(Number.isFinite(gradedHopfieldEnergy(W, [1e6, -1e6, 3], { lambda: 100 }))).toBe(true);
  });
});
