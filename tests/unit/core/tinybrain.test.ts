import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRng,
  matrixFromData,
  modernHopfieldStep,
  TinyBrain,
  type Lagrangian,
} from '../../../src/core';

function brain(nx: number, nh: number, lx: Lagrangian, lh: Lagrangian, seed: number, tauX = 1, tauH = 0.2, inputs = false) {
  const rng = createRng(seed);
  const xi = matrixFromData(nh, nx, Float64Array.from({ length: nh * nx }, () => rng.normal() / Math.sqrt(nx)));
  const b = new TinyBrain({
    xi,
    lx,
    lh,
    tauX,
    tauH,
    inputX: inputs ? Float64Array.from({ length: nx }, () => 0.3 * rng.normal()) : undefined,
    inputH: inputs ? Float64Array.from({ length: nh }, () => 0.3 * rng.normal()) : undefined,
  });
  b.setState(
    Float64Array.from({ length: nx }, () => rng.normal()),
    Float64Array.from({ length: nh }, () => rng.normal()),
  );
  return b;
}

const lagrangians: Lagrangian[] = [{ kind: 'identity' }, { kind: 'tanh' }, { kind: 'softmax', beta: 3 }, { kind: 'softmax', beta: 0.5 }];

describe('TinyBrain (survey Eqs. 12–18)', () => {
  it('∂E/∂x = −τ_x ∇²L_x ẋ and ∂E/∂h = −τ_h ∇²L_h ḣ, and dE/dt matches the formula', () => {
    const b = brain(5, 4, { kind: 'tanh' }, { kind: 'softmax', beta: 3 }, 1, 1, 0.3, true);
    const x0 = Float64Array.from(b.x);
    const h0 = Float64Array.from(b.h);
    const E = (x: Float64Array, h: Float64Array) => {
      b.setState(x, h);
      return b.energy();
    };
    b.setState(x0, h0);
    const rate = b.energyRate();
    const eps = 1e-6;
    // dE/dt along the flow, by a centred difference in time.
    const xp = x0.map((v, i) => v + eps * b.vx[i]);
    const hp = h0.map((v, m) => v + eps * b.vh[m]);
    const xm = x0.map((v, i) => v - eps * b.vx[i]);
    const hm = h0.map((v, m) => v - eps * b.vh[m]);
    const fd = (E(xp, hp) - E(xm, hm)) / (2 * eps);
    expect(Math.abs(fd - rate) / Math.abs(rate)).toBeLessThan(1e-5);
    expect(rate).toBeLessThan(0);
  });
  it('energy never rises along Euler dynamics with dt = 1e-3 (100 random brains, every Lagrangian pair)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (seed, nx, nh, a, c, inputs) => {
          const b = brain(nx, nh, lagrangians[a], lagrangians[c], seed, 1, 0.2, inputs);
          let e = b.energy();
          for (let t = 0; t < 200; t++) {
            b.step(1e-3);
            const e2 = b.energy();
            expect(e2).toBeLessThanOrEqual(e + 1e-12 * (1 + Math.abs(e)));
            e = e2;
          }
        },
      ),
      { numRuns: 100, seed: 20260523 },
    );
  });
  it('converges to a fixed point (N_x = 20, N_h = 10, tanh/softmax β = 3; MATH.md §4.11)', () => {
    const rng = createRng(4);
    const xi = matrixFromData(10, 20, Float64Array.from({ length: 200 }, () => (rng.uniform() < 0.5 ? -1 : 1)));
    const b = new TinyBrain({ xi, lx: { kind: 'tanh' }, lh: { kind: 'softmax', beta: 3 }, tauX: 1, tauH: 0.1 });
    b.setState(
      Float64Array.from({ length: 20 }, () => rng.normal()),
      Float64Array.from({ length: 10 }, () => rng.normal()),
    );
    let v = Infinity;
    for (let t = 0; t < 20000; t++) v = b.step(1e-3);
    expect(v).toBeLessThan(1e-5);
  });
  it('τ_h → 0 with identity memory neurons gives the classical continuous energy (Eq. 17)', () => {
    const b = brain(6, 4, { kind: 'tanh' }, { kind: 'identity' }, 5);
    const e = b.reducedEnergy();
    const g = b.x.map(Math.tanh);
    let ex = 0;
    for (let i = 0; i < 6; i++) ex += b.x[i] * g[i] - Math.log(Math.cosh(b.x[i]));
    let q = 0;
    for (let m = 0; m < 4; m++) {
      let s = 0;
      for (let i = 0; i < 6; i++) s += b.xi.data[m * 6 + i] * g[i];
      q += s * s;
    }
    expect(e).toBeCloseTo(ex - 0.5 * q, 14);
    // The full energy at the slaved h equals the reduced energy.
    expect(b.energy()).toBeCloseTo(e, 14);
  });
  it('τ_h → 0 with x identity and softmax memories is the modern Hopfield network; a step with dt = τ_x is its update', () => {
    const beta = 2.5;
    const b = brain(5, 7, { kind: 'identity' }, { kind: 'softmax', beta }, 6);
    const x = Float64Array.from(b.x);
    let lse = -Infinity;
    const a: number[] = [];
    for (let m = 0; m < 7; m++) {
      let s = 0;
      for (let i = 0; i < 5; i++) s += b.xi.data[m * 5 + i] * x[i];
      a.push(beta * s);
      lse = Math.max(lse, beta * s);
    }
    const lsum = lse + Math.log(a.reduce((s, v) => s + Math.exp(v - lse), 0));
    const half = 0.5 * x.reduce((s, v) => s + v * v, 0);
    expect(b.reducedEnergy()).toBeCloseTo(half - lsum / beta, 14);
    b.stepReduced(b.tauX);
    const want = modernHopfieldStep(x, b.xi, beta);
    for (let i = 0; i < 5; i++) expect(Math.abs(b.x[i] - want[i])).toBeLessThanOrEqual(1e-15);
  });
  it('a small τ_h makes the full dynamics track the reduced ones', () => {
    const full = brain(4, 3, { kind: 'tanh' }, { kind: 'identity' }, 8, 1, 1e-3);
    const red = brain(4, 3, { kind: 'tanh' }, { kind: 'identity' }, 8, 1, 1e-3);
    full.setState(full.x); // h slaved
    for (let t = 0; t < 2000; t++) {
      full.step(1e-4);
      red.stepReduced(1e-4);
    }
    for (let i = 0; i < 4; i++) expect(Math.abs(full.x[i] - red.x[i])).toBeLessThan(2e-3);
  });
  it('names the bad argument', () => {
    const xi = matrixFromData(2, 2, new Float64Array([1, 0, 0, 1]));
    expect(() => new TinyBrain({ xi, lx: { kind: 'tanh' }, lh: { kind: 'softmax', beta: 0 } })).toThrow(/lh\.beta/);
    expect(() => new TinyBrain({ xi, lx: { kind: 'relu' } as unknown as Lagrangian, lh: { kind: 'identity' } })).toThrow(/lx\.kind/);
    expect(() => new TinyBrain({ xi, lx: { kind: 'tanh' }, lh: { kind: 'identity' }, tauH: 0 })).toThrow(/tauH/);
    const b = new TinyBrain({ xi, lx: { kind: 'tanh' }, lh: { kind: 'identity' } });
    expect(() => b.setState([1, 2, 3])).toThrow(/x: dimension mismatch/);
    expect(() => b.step(-1)).toThrow(/dt/);
  });
});
