import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../../../src/core/rng';
import { createHam, createHamState, hamActivate, hamLayerActivation, hamLayerLagrangian, type HamLagrangian } from '../../../src/core/hierarchy';
import { hamEnergy, hamStep, hamVelocity } from '../../../src/core/hierarchy-dynamics';

const tanh: HamLagrangian = { kind: 'tanh' };
const soft = (beta: number): HamLagrangian => ({ kind: 'softmax', beta });

function velocities(sizes: number[]) {
  return sizes.map((n) => new Float64Array(n));
}

describe('hierarchical associative memory', () => {
  it('activations are the gradients of the Lagrangians (finite differences)', () => {
    const x = Float64Array.from([0.3, -1.2, 2.5, 0.1]);
    for (const l of [{ kind: 'identity' } as HamLagrangian, tanh, soft(3)]) {
      const g = hamLayerActivation(l, x, new Float64Array(4));
      for (let i = 0; i < 4; i++) {
        const xp = Float64Array.from(x);
        const xm = Float64Array.from(x);
        xp[i] += 1e-6;
        xm[i] -= 1e-6;
        expect(g[i]).toBeCloseTo((hamLayerLagrangian(l, xp) - hamLayerLagrangian(l, xm)) / 2e-6, 6);
      }
    }
  });

  it('stays finite for huge internal states', () => {
    const x = Float64Array.from([800, -900, 1e5]);
    expect(Number.isFinite(hamLayerLagrangian(tanh, x))).toBe(true);
    expect(Number.isFinite(hamLayerLagrangian(soft(50), x))).toBe(true);
    expect(Array.from(hamLayerActivation(soft(50), x, new Float64Array(3))).every(Number.isFinite)).toBe(true);
  });

  it('the velocity is −∂E/∂g divided by τ (finite differences in g)', () => {
    const sizes = [5, 4, 3];
    const ham = createHam(sizes, [tanh, tanh, soft(2)], createRng(3), 1.5, [1, 0.5, 2]);
    ham.inputs[0].set([0.5, -0.2, 0.1, 0, 1]);
    const st = createHamState(ham, createRng(4));
    const vel = hamVelocity(ham, st, velocities(sizes));
    // ∂E/∂g_ℓ = x_ℓ − I_ℓ − (inputs from neighbours): E as a function of g with x held fixed, plus the
    // Legendre term, whose g-derivative vanishes because x = (∇L)⁻¹(g). Check −τẋ against that formula.
    const base = hamEnergy(ham, st).total;
    for (let l = 0; l < sizes.length; l++) {
      for (let i = 0; i < sizes[l]; i++) {
        const g0 = st.g[l][i];
        st.g[l][i] = g0 + 1e-6;
        const ep = hamEnergy(ham, st).total;
        st.g[l][i] = g0;
        // With x fixed, ∂E/∂g_i = (x_i − I_i) − neighbours: exactly the partial computed here.
        expect(-ham.layers[l].tau * vel[l][i]).toBeCloseTo((ep - base) / 1e-6, 4);
      }
    }
  });

  it('the energy never rises along the dynamics, for any number of layers (property test)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0.3, max: 3, noNaN: true }), fc.double({ min: 0.5, max: 8, noNaN: true }), (L, seed, scale, beta) => {
        const rng = createRng(seed);
        const sizes = Array.from({ length: L }, () => 2 + Math.floor(rng.uniform() * 10));
        const lags = sizes.map((_, l) => (l === L - 1 ? soft(beta) : tanh));
        const ham = createHam(sizes, lags, rng, scale);
        for (let i = 0; i < sizes[0]; i++) ham.inputs[0][i] = rng.normal();
        const st = createHamState(ham, rng, 2);
        const vel = velocities(sizes);
        let prev = hamEnergy(ham, st).total;
        for (let t = 0; t < 300; t++) {
          hamStep(ham, st, 0.05, vel);
          const e = hamEnergy(ham, st).total;
          expect(e).toBeLessThanOrEqual(prev + 1e-12 * Math.max(1, Math.abs(prev)));
          prev = e;
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('settles to a fixed point where every velocity vanishes', () => {
    const sizes = [8, 6, 4, 3];
    const ham = createHam(sizes, [tanh, tanh, tanh, soft(4)], createRng(9), 1);
    const st = createHamState(ham, createRng(10));
    const vel = velocities(sizes);
    let v = Infinity;
    for (let t = 0; t < 4000 && v > 1e-7; t++) v = hamStep(ham, st, 0.1, vel);
    expect(v).toBeLessThan(1e-7);
    hamActivate(ham, st);
    const again = hamVelocity(ham, st, velocities(sizes));
    expect(Math.max(...again.flatMap((a) => Array.from(a).map(Math.abs)))).toBeLessThan(1e-7);
  });

  it('rejects impossible shapes with a message naming the input', () => {
    expect(() => createHam([3], [tanh], createRng(1))).toThrow(/at least two layers/);
    expect(() => createHam([3, 0], [tanh, tanh], createRng(1))).toThrow(/sizes\[1\]/);
    expect(() => createHam([3, 2], [tanh, soft(0)], createRng(1))).toThrow(/beta/);
    const ham = createHam([3, 2], [tanh, tanh], createRng(1));
    expect(() => hamStep(ham, createHamState(ham, createRng(2)), -1, velocities([3, 2]))).toThrow(/dt/);
  });
});
