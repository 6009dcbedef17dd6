import { describe, expect, it } from 'vitest';
import { createHamState, createRng, FOUR_FROM_PARTS, hamEnergy, hamStep, kMeans, matrixFromRows, patternsFromParts, trainPartsHam } from '../../../src/core';

describe('kMeans', () => {
  it('finds two well-separated clusters exactly: their means', () => {
    const pts = Float64Array.from([0, 0, 0.2, 0, 0, 0.2, 5, 5, 5.2, 5, 5, 5.2]);
    const c = kMeans(pts, 2, 2, createRng(1));
    const centres = [[c[0], c[1]], [c[2], c[3]]].sort((a, b) => a[0] - b[0]);
    expect(centres[0][0]).toBeCloseTo(0.2 / 3, 14);
    expect(centres[0][1]).toBeCloseTo(0.2 / 3, 14);
    expect(centres[1][0]).toBeCloseTo(5 + 0.2 / 3, 14);
  });
  it('k = m returns the points themselves', () => {
    const pts = Float64Array.from([1, -1, -1, 1, 1, 1]);
    const c = kMeans(pts, 3, 2, createRng(4));
    const rows = [Array.from(c.subarray(0, 3)), Array.from(c.subarray(3))].sort();
    expect(rows).toEqual([[1, -1, -1], [1, 1, 1]]);
  });
});

describe('patternsFromParts', () => {
  it('assembles each pattern from its chosen parts; parts in a window are orthogonal', () => {
    const { patterns, parts } = patternsFromParts(FOUR_FROM_PARTS, 4, 2, createRng(3));
    expect([patterns.rows, patterns.cols, parts.rows, parts.cols]).toEqual([4, 12, 6, 4]);
    for (let win = 0; win < 3; win++) {
      let dot = 0;
      for (let t = 0; t < 4; t++) dot += parts.data[(2 * win) * 4 + t] * parts.data[(2 * win + 1) * 4 + t];
      expect(dot).toBe(0);
    }
    FOUR_FROM_PARTS.forEach((choice, mu) =>
      choice.forEach((c, win) => expect(Array.from(patterns.data.subarray(mu * 12 + win * 4, mu * 12 + win * 4 + 4))).toEqual(Array.from(parts.data.subarray((2 * win + c) * 4, (2 * win + c + 1) * 4)))),
    );
    expect(() => patternsFromParts(FOUR_FROM_PARTS, 3, 2, createRng(1))).toThrow(/even number/);
  });
});

describe('trainPartsHam', () => {
  const { patterns, parts } = patternsFromParts(FOUR_FROM_PARTS, 4, 2, createRng(2));
  const ham = trainPartsHam(patterns, { windows: 3, partsPerWindow: 2, strength: 2, beta: 4 }, createRng(5));
  it('W₀ holds exactly the parts (scaled by s/√window), each in its own window; W₁ rows are the part layer’s responses', () => {
    const W0 = ham.weights[0];
    const learned = new Set<string>();
    for (let r = 0; r < 6; r++) {
      const win = Math.floor(r / 2);
      for (let i = 0; i < 12; i++) if (Math.floor(i / 4) !== win) expect(W0.data[r * 12 + i]).toBe(0);
      learned.add(Array.from(W0.data.subarray(r * 12 + win * 4, r * 12 + win * 4 + 4), (v) => Math.round(v)).join());
    }
    const truth = new Set(Array.from({ length: 6 }, (_, k) => Array.from(parts.data.subarray(k * 4, k * 4 + 4)).join()));
    expect(learned).toEqual(truth);
    const g = Array.from({ length: 6 }, (_, r) => Math.tanh(Array.from({ length: 12 }, (_, i) => W0.data[r * 12 + i] * patterns.data[i]).reduce((a, b) => a + b, 0)));
    g.forEach((v, r) => expect(ham.weights[1].data[r]).toBeCloseTo((2 * v) / Math.sqrt(6), 14));
  });
  it('rejects windows that do not divide the features', () => {
    expect(() => trainPartsHam(matrixFromRows([[1, -1, 1, -1, 1]]), { windows: 2, partsPerWindow: 1, strength: 1, beta: 1 }, createRng(1))).toThrow(/does not divide/);
  });
  it('from a pattern with a window hidden, descent completes it and the energy never rises', () => {
    for (let i = 0; i < 12; i++) ham.inputs[0][i] = i < 4 ? 0 : 0.6 * patterns.data[2 * 12 + i];
    const st = createHamState(ham, createRng(7), 0.1);
    const vel = ham.layers.map((l) => new Float64Array(l.size));
    let e = hamEnergy(ham, st).total;
    for (let k = 0; k < 4000; k++) {
      hamStep(ham, st, 0.05, vel);
      const next = hamEnergy(ham, st).total;
      expect(next).toBeLessThanOrEqual(e + 1e-12);
      e = next;
    }
    expect(Array.from(st.g[0], Math.sign)).toEqual(Array.from(patterns.data.subarray(24, 36)));
    expect(st.g[2][2]).toBeGreaterThan(0.5);
  });
});
