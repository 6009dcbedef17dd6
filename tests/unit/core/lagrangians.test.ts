import { describe, expect, it } from 'vitest';
import { lagrangianActivation, lagrangianValue, layerEnergy, type Lagrangian } from '../../../src/core';

const lagrangians: Lagrangian[] = [{ kind: 'identity' }, { kind: 'tanh' }, { kind: 'softmax', beta: 3 }, { kind: 'softmax', beta: 0.5 }];

describe('Lagrangians', () => {
  it('g = ∇L (finite differences) and the softmax layer energy lies in [−β⁻¹ log n, 0]', () => {
    const x = [0.3, -1.2, 2, 0.1];
    for (const L of lagrangians) {
      const g = lagrangianActivation(L, x);
      for (let i = 0; i < 4; i++) {
        const h = 1e-6;
        const xp = [...x];
        const xm = [...x];
        xp[i] += h;
        xm[i] -= h;
        expect(g[i]).toBeCloseTo((lagrangianValue(L, xp) - lagrangianValue(L, xm)) / (2 * h), 7);
      }
    }
    const e = layerEnergy({ kind: 'softmax', beta: 3 }, x);
    expect(e).toBeLessThanOrEqual(0);
    expect(e).toBeGreaterThanOrEqual(-Math.log(4) / 3);
    expect(Number.isFinite(lagrangianValue({ kind: 'softmax', beta: 1e6 }, [1000, -1000]))).toBe(true);
  });
});
