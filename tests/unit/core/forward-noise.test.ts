import { describe, expect, it } from 'vitest';
import { powerSigmas, createRng, matrixFromRows, resamplePolyline, sampleDroplets, veForwardStep } from '../../../src/core';

describe('powerSigmas', () => {
  it('grows σ² linearly from 0 to σ_max²', () => {
    const s = powerSigmas(10, 3, 0.5);
    expect(s.length).toBe(11);
    expect(s[0]).toBe(0);
    expect(s[10]).toBeCloseTo(3, 12);
    for (let k = 0; k <= 10; k++) expect(s[k] * s[k]).toBeCloseTo((9 * k) / 10, 12);
    expect(powerSigmas(4, 2)[1]).toBeCloseTo(0.5, 12);
  });
  it('rejects impossible inputs', () => {
    expect(() => powerSigmas(0, 1)).toThrow(/n/);
    expect(() => powerSigmas(5, 0)).toThrow(/sigmaMax/);
  });
});

describe('veForwardStep', () => {
  it('gives the marginal variance w² + σ² after many steps (seeded, 20 000 particles)', () => {
    const rng = createRng(7);
    const xs = new Float64Array(20000);
    const sig = powerSigmas(50, 2);
    for (let k = 0; k < 50; k++) veForwardStep(xs, sig[k], sig[k + 1], rng);
    let m = 0;
    let v = 0;
    for (const x of xs) m += x;
    m /= xs.length;
    for (const x of xs) v += (x - m) ** 2;
    v /= xs.length;
    expect(Math.abs(m)).toBeLessThan(0.05);
    expect(v).toBeGreaterThan(4 * 0.96);
    expect(v).toBeLessThan(4 * 1.04);
  });
  it('is deterministic under the seed and refuses a shrinking σ', () => {
    const a = new Float64Array(10);
    const b = new Float64Array(10);
    veForwardStep(a, 0.5, 1, createRng(3));
    veForwardStep(b, 0.5, 1, createRng(3));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(() => veForwardStep(a, 1, 0.5, createRng(1))).toThrow(/sigmaNext/);
  });
});

describe('sampleDroplets', () => {
  it('splits points between centres and spreads them by the width', () => {
    const c = matrixFromRows([
      [-2, 0],
      [2, 0],
    ]);
    const out = sampleDroplets(c, 0.1, createRng(1), new Float64Array(2 * 4000));
    let left = 0;
    for (let p = 0; p < 4000; p++) {
      const x = out[2 * p];
      if (x < 0) left++;
      expect(Math.min(Math.abs(x + 2), Math.abs(x - 2))).toBeLessThan(0.6);
    }
    expect(left / 4000).toBeGreaterThan(0.45);
    expect(left / 4000).toBeLessThan(0.55);
  });
});

describe('resamplePolyline', () => {
  it('spaces points evenly by arc length along an L-shaped stroke', () => {
    const m = resamplePolyline([0, 0, 2, 0, 2, 2], 5);
    expect(m.rows).toBe(5);
    const expected = [0, 0, 1, 0, 2, 0, 2, 1, 2, 2];
    expected.forEach((v, i) => expect(m.data[i]).toBeCloseTo(v, 12));
  });
  it('repeats a single point', () => {
    const m = resamplePolyline([1, -1], 3);
    expect(Array.from(m.data)).toEqual([1, -1, 1, -1, 1, -1]);
  });
});
