import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  corruptPattern,
  createRng,
  hebbianWeights,
  hopfieldEnergy,
  hopfieldRecall,
  matrixFromData,
  matrixFromRows,
  overlap,
  PatternRecaller,
  randomPatterns,
  row,
  runCapacity,
  WeightsRecaller,
} from '../../../src/core';

describe('Hebbian weights and energy', () => {
  it('W = (1/N) Σ ξξᵀ, symmetric, zero diagonal', () => {
    const P = matrixFromRows([
      [1, -1, 1],
      [1, 1, -1],
    ]);
    const W = hebbianWeights(P);
    expect(Array.from(W.data)).toEqual([0, 0, 0, 0, 0, -2 / 3, 0, -2 / 3, 0]);
    expect(hopfieldEnergy(W, [1, 1, 1])).toBeCloseTo(2 / 3, 15);
  });
  it('blocked Hebbian product equals the definition for every N parity', () => {
    for (const [K, N] of [[3, 1], [3, 2], [2, 5], [7, 8], [5, 9], [1, 3]]) {
      const rng = createRng(K * 10 + N);
      const P = matrixFromData(K, N, Float64Array.from({ length: K * N }, () => rng.normal()));
      const W = hebbianWeights(P);
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          let s = 0;
          if (i !== j) for (let m = 0; m < K; m++) s += P.data[m * N + i] * P.data[m * N + j];
          expect(Math.abs(s / N - W.data[i * N + j])).toBeLessThan(1e-15);
        }
      }
    }
  });
  it('the pattern-based recaller keeps the same energy as −½ sᵀWs (±1 and real-valued patterns)', () => {
    const rng = createRng(1);
    for (const P of [randomPatterns(5, 30, rng), matrixFromData(5, 30, Float64Array.from({ length: 150 }, () => rng.normal()))]) {
      const W = hebbianWeights(P);
      const probe = corruptPattern(row(P, 0).map(Math.sign), 0.3, rng);
      const r = new PatternRecaller(P, probe, { kind: 'classical' }, rng);
      for (let t = 0; t < 60; t++) {
        r.step();
        expect(r.energy()).toBeCloseTo(hopfieldEnergy(W, r.state), 10);
      }
    }
  });
});

describe('asynchronous recall', () => {
  it('WeightsRecaller keeps the local fields h = Ws of any symmetric W (blocked product, every N mod 4)', () => {
    for (const N of [1, 2, 3, 4, 5, 6, 7, 9, 64, 101]) {
      const rng = createRng(N);
      const Wd = new Float64Array(N * N);
      for (let i = 0; i < N; i++) for (let j = i; j < N; j++) Wd[i * N + j] = Wd[j * N + i] = rng.normal();
      const s = Float64Array.from({ length: N }, () => (rng.uniform() < 0.5 ? -1 : 1));
      const r = new WeightsRecaller(matrixFromData(N, N, Wd), s, rng);
      for (let t = 0; t < 3 * N; t++) {
        r.step();
        if (t % 5 !== 4 && N > 9) continue;
        for (let i = 0; i < N; i++) {
          let h = 0;
          for (let j = 0; j < N; j++) h += Wd[i * N + j] * r.state[j];
          expect(Math.abs(h - r.fields[i])).toBeLessThan(1e-12 * N);
        }
      }
    }
  });
  it('energy never rises, flip by flip, and the end state is a fixed point (300 random networks)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 4, max: 40 }), fc.integer({ min: 1, max: 10 }), (seed, N, K) => {
        const rng = createRng(seed);
        const P = randomPatterns(K, N, rng);
        const W = hebbianWeights(P);
        const probe = corruptPattern(row(P, 0), 0.3, rng);
        const r = new WeightsRecaller(W, probe, rng);
        let e = r.energy();
        for (let t = 0; t < 20 * N && !r.converged; t++) {
          r.step();
          expect(r.energy()).toBeLessThanOrEqual(e + 1e-12);
          e = r.energy();
        }
        expect(r.energy()).toBeCloseTo(hopfieldEnergy(W, r.state), 9);
        const res = hopfieldRecall(W, probe, { rng });
        for (let i = 1; i < res.energies.length; i++) expect(res.energies[i]).toBeLessThanOrEqual(res.energies[i - 1] + 1e-12);
        expect(res.converged).toBe(true);
        for (let i = 0; i < N; i++) {
          let h = 0;
          for (let j = 0; j < N; j++) h += W.data[i * N + j] * res.state[j];
          // Exact ties (h = 0) are decided by rounding in the incrementally kept fields: skip them.
          if (Math.abs(h) > 1e-9) expect(h >= 0 ? 1 : -1).toBe(res.state[i]);
        }
      }),
      { numRuns: 300, seed: 20260523 },
    );
  });
  it('weight-based and pattern-based recallers follow the same trajectory under the same seed', () => {
    const rng = createRng(3);
    const P = randomPatterns(7, 64, rng); // K odd, N even: no zero fields, no ties
    const W = hebbianWeights(P);
    const probe = corruptPattern(row(P, 2), 0.25, rng);
    const a = new WeightsRecaller(W, probe, createRng(11));
    const b = new PatternRecaller(P, probe, { kind: 'classical' }, createRng(11));
    const ra = a.run();
    const rb = b.run();
    expect(Array.from(ra.state)).toEqual(Array.from(rb.state));
    expect(ra.sweeps).toBe(rb.sweeps);
    ra.energies.forEach((e, i) => expect(e).toBeCloseTo(rb.energies[i], 10));
  });
  it('flipNext flips one bit at a time and returns −1 once converged; sweep counts flips', () => {
    const rng = createRng(5);
    const P = randomPatterns(3, 100, rng);
    const probe = corruptPattern(row(P, 1), 0.1, rng);
    const r = new PatternRecaller(P, probe, { kind: 'classical' }, rng);
    let flips = 0;
    for (;;) {
      const before = Float64Array.from(r.state);
      const i = r.flipNext();
      if (i < 0) break;
      flips++;
      expect(before[i]).toBe(-r.state[i]);
      expect(r.overlaps[1]).toBe(P.data.slice(100, 200).reduce((s, v, j) => s + v * r.state[j], 0));
    }
    expect(flips).toBe(10);
    expect(r.converged).toBe(true);
    expect(overlap(r.state, row(P, 1))).toBe(1);
    expect(r.sweep()).toBe(0);
    r.setBit(0, -r.state[0]);
    expect(r.converged).toBe(false);
    expect(r.sweep()).toBe(1);
  });
  it('same seed, same run', () => {
    const P = randomPatterns(20, 100, createRng(1));
    const W = hebbianWeights(P);
    const probe = corruptPattern(row(P, 0), 0.2, createRng(2));
    const a = hopfieldRecall(W, probe, { rng: createRng(7) });
    const b = hopfieldRecall(W, probe, { rng: createRng(7) });
    expect(a).toEqual(b);
  });
  it('names the bad argument', () => {
    const W = hebbianWeights(matrixFromRows([[1, -1, 1]]));
    const rng = createRng(1);
    expect(() => hopfieldRecall(W, [1, 1], { rng })).toThrow(/probe: dimension mismatch/);
    expect(() => hopfieldRecall(W, [1, 0.5, 1], { rng })).toThrow(/probe: entry 1/);
    expect(() => hopfieldRecall(W, [1, 1, 1], { rng, maxSweeps: 0 })).toThrow(/maxSweeps/);
    expect(() => hopfieldRecall(matrixFromRows([[1, 2]]), [1, 1], { rng })).toThrow(/weights/);
    expect(() => hopfieldEnergy(W, [1, NaN, 1])).toThrow(/state: entry 1/);
    expect(() => hebbianWeights({ rows: 0, cols: 3, data: new Float64Array(0) })).toThrow(/patterns: .*empty/);
    const bad = matrixFromRows([[0, 1], [1, 0]]);
    (bad.data as Float64Array)[1] = Infinity;
    expect(() => hopfieldRecall(bad, [1, 1], { rng })).toThrow(/weights: row/);
  });
});

describe('classical capacity ≈ 0.138 N (MATH.md §3, §4.5–4.7)', () => {
  it('N = 200, 10 % flips: exact recall ≥ 0.95 at K = 10 and ≤ 0.2 at K = 60', () => {
    const res = runCapacity({ N: 200, Ks: [10, 60], rule: { kind: 'classical' }, corruption: 0.1, trials: 10, probesPerTrial: 5, seed: 1 });
    expect(res.points[0].recallRate).toBeGreaterThanOrEqual(0.95);
    expect(res.points[1].recallRate).toBeLessThanOrEqual(0.2);
  });
  it('one-step unstable bits at a stored pattern follow Φ(−1/√α) (N = 1000)', () => {
    // Φ(−1/√α): 0.0008 at α = 0.1, 0.0036 at α = 0.138, 0.0127 at α = 0.2.
    for (const [alpha, theory] of [
      [0.1, 0.00078],
      [0.2, 0.01267],
    ]) {
      const N = 1000;
      const K = Math.round(alpha * N);
      const rng = createRng(21);
      let bad = 0;
      let total = 0;
      for (let t = 0; t < 2; t++) {
        const P = randomPatterns(K, N, rng);
        for (let mu = 0; mu < 15; mu++) {
          const r = new PatternRecaller(P, row(P, mu), { kind: 'classical' }, rng);
          const m = r.overlaps;
          for (let i = 0; i < N; i++) {
            let h = -K * P.data[mu * N + i];
            for (let k = 0; k < K; k++) h += P.data[k * N + i] * m[k];
            if ((h >= 0 ? 1 : -1) !== P.data[mu * N + i]) bad++;
            total++;
          }
        }
      }
      expect(Math.abs(bad / total - theory)).toBeLessThan(0.4 * theory + 0.0004);
    }
  });
  it('from a stored pattern, N = 1000: overlap > 0.95 at α = 0.12, < 0.7 at α = 0.2', () => {
    const res = runCapacity({ N: 1000, Ks: [120, 200], rule: { kind: 'classical' }, corruption: 0, trials: 2, probesPerTrial: 2, seed: 3, minOverlap: 0.95 });
    expect(res.points[0].meanOverlap).toBeGreaterThan(0.95);
    expect(res.points[1].meanOverlap).toBeLessThan(0.7);
  });
});
