import { describe, expect, it } from 'vitest';
import { createOptimizer, lseEnergy, lseGrad, matrixFromRows, optimize, optimizerStep, OPTIMIZER_KINDS, type Objective } from '../../../../src/core';

const memories = matrixFromRows([[1.5, 1.5], [-1.5, -1.5], [1.5, -1.2]]);
const lse = (beta: number): Objective => ({
  dim: 2,
  energy: (x) => lseEnergy(x, memories, beta),
  grad: (x, out) => {
    out.set(lseGrad(x, memories, beta));
    return out;
  },
});
const quad: Objective = {
  dim: 2,
  energy: (x) => 0.5 * (x[0] * x[0] + 10 * x[1] * x[1]),
  grad: (x, out) => {
    out[0] = x[0];
    out[1] = 10 * x[1];
    return out;
  },
};

describe('optimizers', () => {
  it('every optimizer finds the minimum of a quadratic', () => {
    for (const kind of OPTIMIZER_KINDS) {
      const r = optimize(kind, quad, [2, 1], { alpha: 0.05, tol: 1e-6, maxSteps: 20000 });
      expect(r.converged, kind).toBe(true);
      expect(Math.hypot(r.x[0], r.x[1]), kind).toBeLessThan(1e-4);
    }
  });

  it('L-BFGS solves a 2-D quadratic in a dozen or so steps, far fewer than gradient descent', () => {
    const l = optimize('lbfgs', quad, [2, 1], { alpha: 0.05, tol: 1e-8 });
    const g = optimize('gd', quad, [2, 1], { alpha: 0.05, tol: 1e-8 });
    expect(l.steps).toBeLessThanOrEqual(15);
    expect(g.steps).toBeGreaterThan(100);
  });

  it('gradient descent step is x − α∇E exactly; momentum with μ = 0 equals it', () => {
    const f = lse(4);
    const x1 = Float64Array.from([0.3, -0.2]);
    const x2 = Float64Array.from([0.3, -0.2]);
    const g = lseGrad(x1, memories, 4);
    optimizerStep(createOptimizer('gd', 2, { alpha: 0.1 }), x1, f);
    optimizerStep(createOptimizer('momentum', 2, { alpha: 0.1, mu: 0 }), x2, f);
    expect(x1[0]).toBeCloseTo(0.3 - 0.1 * g[0], 14);
    expect(x1[1]).toBeCloseTo(-0.2 - 0.1 * g[1], 14);
    expect(x2[0]).toBe(x1[0]);
    expect(x2[1]).toBe(x1[1]);
  });

  it("Adam's first step moves every coordinate by α (bias correction)", () => {
    const x = Float64Array.from([0.3, -0.2]);
    optimizerStep(createOptimizer('adam', 2, { alpha: 0.1 }), x, lse(4));
    expect(Math.abs(x[0] - 0.3)).toBeCloseTo(0.1, 6);
    expect(Math.abs(x[1] + 0.2)).toBeCloseTo(0.1, 6);
  });

  it('L-BFGS never raises the energy (Armijo) on the LSE landscape, from many starts', () => {
    const f = lse(4);
    for (let k = 0; k < 30; k++) {
      const x = Float64Array.from([-3 + (k % 6), -2.5 + Math.floor(k / 6)]);
      const st = createOptimizer('lbfgs', 2, { alpha: 0.1 });
      let e = f.energy(x);
      for (let t = 0; t < 40; t++) {
        optimizerStep(st, x, f);
        const e2 = f.energy(x);
        expect(e2).toBeLessThanOrEqual(e + 1e-12);
        e = e2;
      }
    }
  });

  it('all four reach a fixed point of the LSE energy (∇E = 0 near a memory)', () => {
    const f = lse(4);
    for (const kind of OPTIMIZER_KINDS) {
      const r = optimize(kind, f, [0.5, 0.9], { alpha: 0.1, tol: 1e-4, maxSteps: 20000 });
      expect(r.converged, kind).toBe(true);
      expect(Math.hypot(r.x[0] - 1.5, r.x[1] - 1.5), kind).toBeLessThan(0.05);
    }
  });

  it('rejects impossible settings', () => {
    expect(() => createOptimizer('gd', 2, { alpha: 0 })).toThrow();
    expect(() => createOptimizer('momentum', 2, { alpha: 0.1, mu: 1 })).toThrow();
  });
});
