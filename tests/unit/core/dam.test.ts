import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  corruptPattern,
  createRng,
  damEnergy,
  damLogEnergy,
  damRecall,
  matrixFromData,
  matrixFromRows,
  overlap,
  PatternRecaller,
  randomPatterns,
  row,
  runCapacity,
  type Separation,
} from '../../../src/core';

const separations: Separation[] = [
  { kind: 'poly', n: 2 },
  { kind: 'poly', n: 3 },
  { kind: 'poly', n: 5 },
  { kind: 'rectified', n: 3 },
  { kind: 'rectified', n: 2.5 },
  { kind: 'exp' },
  { kind: 'exp', beta: 0.3 },
  { kind: 'exp', beta: 15 }, // e^{−30} weights: the cancellation fallback of the fast rule
  { kind: 'exp', beta: 400 }, // 2β > 600: the log-sum-exp comparison path
];

describe('dense associative memory: energy and update rule', () => {
  it('each examined bit takes the state of lower energy (Krotov–Hopfield rule), so the energy never rises (150 random instances)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 3, max: 24 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: separations.length - 1 }), fc.boolean(), (seed, N, K, fi, real) => {
        const F = separations[fi];
        const rng = createRng(seed);
        // ±1 patterns (Int8 paths) or real-valued ones (Float64 paths, tabulated exp weights).
        const P = real ? matrixFromData(K, N, Float64Array.from({ length: K * N }, () => 0.8 * rng.normal())) : randomPatterns(K, N, rng);
        const probe = Float64Array.from({ length: N }, () => (rng.uniform() < 0.5 ? -1 : 1));
        const r = new PatternRecaller(P, probe, F, rng);
        const logScale = F.kind === 'exp';
        const energyOf = (s: ArrayLike<number>) => (logScale ? damLogEnergy(P, s, F.beta ?? 1) : damEnergy(P, s, F));
        let e = energyOf(r.state);
        for (let t = 0; t < 3 * N; t++) {
          const s = Float64Array.from(r.state);
          const i = r.step();
          // Brute force: energy with bit i = +1 and = −1; the rule picks the lower (+1 on a tie).
          s[i] = 1;
          const ep = energyOf(s);
          s[i] = -1;
          const em = energyOf(s);
          const tol = 1e-9 * (Math.abs(ep) + Math.abs(em));
          if (Math.abs(ep - em) > tol) expect(r.state[i]).toBe(ep < em ? 1 : -1);
          const e2 = energyOf(r.state);
          expect(e2).toBeLessThanOrEqual(e + 1e-9 * (1 + Math.abs(e)));
          e = e2;
          const kept = logScale ? r.logEnergy() : r.energy();
          expect(Math.abs(kept - e2)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(e2)));
        }
      }),
      { numRuns: 150, seed: 20260523 },
    );
  });
  it('damRecall: energies non-increasing, converged state is a fixed point, F = x² follows the classical network', () => {
    const rng = createRng(2);
    const P = randomPatterns(5, 64, rng);
    const probe = corruptPattern(row(P, 0), 0.2, rng);
    const a = damRecall(P, probe, { kind: 'poly', n: 2 }, { rng: createRng(4) });
    const b = new PatternRecaller(P, probe, { kind: 'classical' }, createRng(4)).run();
    expect(Array.from(a.state)).toEqual(Array.from(b.state));
    for (let i = 1; i < a.energies.length; i++) expect(a.energies[i]).toBeLessThanOrEqual(a.energies[i - 1]);
    expect(a.converged).toBe(true);
    const again = damRecall(P, a.state, { kind: 'poly', n: 2 }, { rng });
    expect(again.sweeps).toBe(1);
    expect(Array.from(again.state)).toEqual(Array.from(a.state));
  });
  it('exponential DAM at N = 3000: recall works, log-scale energies finite, the exact energy overflows to −Infinity but never NaN', () => {
    const rng = createRng(3);
    const P = randomPatterns(20, 3000, rng);
    const probe = corruptPattern(row(P, 7), 0.2, rng);
    const r = damRecall(P, probe, { kind: 'exp' }, { rng });
    expect(overlap(r.state, row(P, 7))).toBe(1);
    expect(r.logEnergies!.every(Number.isFinite)).toBe(true);
    expect(r.logEnergies![r.logEnergies!.length - 1]).toBeCloseTo(-3000, 6);
    expect(r.energies.some(Number.isNaN)).toBe(false);
    expect(damEnergy(P, r.state, { kind: 'exp' })).toBe(-Infinity);
    expect(Number.isFinite(damLogEnergy(P, r.state))).toBe(true);
    expect(damEnergy(P, r.state, { kind: 'exp', beta: 0.01 })).toBeCloseTo(-Math.exp(30) * (1 + 0), -10);
  });
  it('names the bad argument', () => {
    const P = matrixFromRows([[1, -1, 1]]);
    const rng = createRng(1);
    expect(() => damRecall(P, [1, 1, 1], { kind: 'poly', n: 0 }, { rng })).toThrow(/F\.n/);
    expect(() => damRecall(P, [1, 1, 1], { kind: 'poly', n: 2.5 }, { rng })).toThrow(/F\.n/);
    expect(() => damRecall(P, [1, 1, 1], { kind: 'exp', beta: -1 }, { rng })).toThrow(/F\.beta/);
    expect(() => damRecall(P, [1, 1, 1], { kind: 'cubic' } as unknown as Separation, { rng })).toThrow(/F\.kind/);
    expect(() => damRecall(P, [1, 1], { kind: 'exp' }, { rng })).toThrow(/probe: dimension mismatch/);
    expect(() => damEnergy(P, [1, Infinity, 1], { kind: 'exp' })).toThrow(/state: entry 1/);
    expect(() => damRecall({ rows: 0, cols: 3, data: new Float64Array(0) }, [1, 1, 1], { kind: 'exp' }, { rng })).toThrow(/patterns: .*empty/);
    expect(() => damLogEnergy(P, [1, 1, 1], 0)).toThrow(/beta/);
  });
});

describe('dense associative memory capacities (MATH.md §3, §4.8–4.9)', () => {
  const base = { N: 100, corruption: 0.1, trials: 4, probesPerTrial: 5, seed: 5 };
  it('F = x²: recall ≈ 1.0 at K = 10, ≈ 0.0 at K = 50 (N = 100)', () => {
    const r = runCapacity({ ...base, Ks: [10, 50], rule: { kind: 'poly', n: 2 } });
    expect(r.points[0].recallRate).toBeGreaterThanOrEqual(0.85);
    expect(r.points[1].recallRate).toBeLessThanOrEqual(0.1);
  });
  it('F = x³ stores far more than N: recall ≈ 1.0 at K = 200, ≈ 0.0 at K = 1000 (N = 100)', () => {
    const r = runCapacity({ ...base, trials: 2, Ks: [200, 1000], rule: { kind: 'poly', n: 3 }, seed: 7 });
    expect(r.points[0].recallRate).toBeGreaterThanOrEqual(0.9);
    expect(r.points[1].recallRate).toBeLessThanOrEqual(0.2);
  });
  it('F = x⁴: recall 1.0 at K = 1000 = 10 N', () => {
    const r = runCapacity({ ...base, trials: 2, Ks: [1000], rule: { kind: 'poly', n: 4 } });
    expect(r.points[0].recallRate).toBe(1);
  });
  it('F = eˣ far beyond that: N = 30, K = 10 000 (classical capacity ≈ 4): ≥ 95 % fixed points, 1-flip recall ≥ 95 %', { timeout: 30000 }, () => {
    const N = 30;
    const K = 10000;
    const fixed = runCapacity({ N, Ks: [K], rule: { kind: 'exp' }, corruption: 0, trials: 1, probesPerTrial: 60, seed: 7 });
    expect(fixed.points[0].recallRate).toBeGreaterThanOrEqual(0.95);
    const oneFlip = runCapacity({ N, Ks: [K], rule: { kind: 'exp' }, corruption: 1 / N, trials: 1, probesPerTrial: 60, seed: 8 });
    expect(oneFlip.points[0].recallRate).toBeGreaterThanOrEqual(0.95);
  });
});
