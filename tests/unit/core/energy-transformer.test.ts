import { describe, expect, it } from 'vitest';
import { createRng, etEnergies, etGrad, etLayerNorm, etStep, matrixFromData, type EnergyTransformer } from '../../../src/core';

function block(seed: number, D = 3, Y = 2, K = 4): EnergyTransformer {
  const rng = createRng(seed);
  const m = (r: number, c: number) => matrixFromData(r, c, Float64Array.from({ length: r * c }, () => rng.normal()));
  return { dim: D, keyDim: Y, wk: m(Y, D), wq: m(Y, D), xi: m(K, D), beta: 1.5, gamma: 1, eps: 1e-5 };
}
function tokens(seed: number, n: number, D: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n * D }, () => rng.normal());
}

describe('energy transformer', () => {
  it('LayerNorm gives zero-mean tokens of norm γ√D', () => {
    const x = tokens(3, 4, 5);
    const g = etLayerNorm(x, 5, 2, 0, new Float64Array(20));
    for (let a = 0; a < 4; a++) {
      let s = 0;
      let q = 0;
      for (let i = 0; i < 5; i++) {
        s += g[a * 5 + i];
        q += g[a * 5 + i] ** 2;
      }
      expect(s).toBeCloseTo(0, 12);
      expect(Math.sqrt(q)).toBeCloseTo(2 * Math.sqrt(5), 10);
    }
  });

  it('∂E/∂g matches finite differences taken in g (through a fixed LayerNorm-free copy)', () => {
    // With γ = 1, ε = 0 and x already normalized, LayerNorm is the identity at x, and ∂E/∂g · Jg equals the
    // directional derivative of E(x) along LayerNorm's tangent directions. Check against the chain rule.
    const b = { ...block(5), eps: 0 };
    const x = etLayerNorm(tokens(7, 5, 3), 3, 1, 0, new Float64Array(15));
    const grad = new Float64Array(15);
    etGrad(b, x, grad);
    const h = 1e-6;
    for (let k = 0; k < 15; k++) {
      const xp = x.slice();
      const xm = x.slice();
      xp[k] += h;
      xm[k] -= h;
      const fd = (etEnergies(b, xp).total - etEnergies(b, xm).total) / (2 * h);
      // Chain rule: dE/dx_k = Σ_i ∂E/∂g_i ∂g_i/∂x_k. Compute ∂g/∂x_k by differencing LayerNorm.
      const a = Math.floor(k / 3);
      const gp = etLayerNorm(xp, 3, 1, 0, new Float64Array(15));
      const gm = etLayerNorm(xm, 3, 1, 0, new Float64Array(15));
      let chain = 0;
      for (let i = 0; i < 3; i++) chain += grad[a * 3 + i] * (gp[a * 3 + i] - gm[a * 3 + i]) / (2 * h);
      expect(fd).toBeCloseTo(chain, 5);
    }
  });

  it('the total energy never rises along the dynamics (small steps, many random blocks)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const b = block(seed);
      const x = tokens(seed + 100, 5, 3);
      const scratch = new Float64Array(15);
      let prev = etEnergies(b, x).total;
      for (let t = 0; t < 200; t++) {
        etStep(b, x, 0.01, scratch);
        const e = etEnergies(b, x).total;
        expect(e).toBeLessThanOrEqual(prev + 1e-9);
        prev = e;
      }
    }
  });

  it('rejects a single token and mismatched shapes', () => {
    const b = block(1);
    expect(() => etEnergies(b, new Float64Array(3))).toThrow(/two tokens/);
    expect(() => etEnergies(b, new Float64Array(7))).toThrow();
  });
});
