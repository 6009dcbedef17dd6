import { describe, expect, it } from 'vitest';
import { defaultProps, validateProps } from '../../../src/lib/figure/spec';
import { SideBySide } from '../../../src/figures/side-by-side/sim';
import { meta as sbsMeta } from '../../../src/figures/side-by-side/meta';
import { FixedPoints } from '../../../src/figures/fixed-points/sim';
import { meta as fpMeta } from '../../../src/figures/fixed-points/meta';
import { AnyCorruption } from '../../../src/figures/any-corruption/sim';
import { meta as acMeta } from '../../../src/figures/any-corruption/meta';
import { ConservativeField } from '../../../src/figures/conservative-field/sim';
import { meta as cfMeta } from '../../../src/figures/conservative-field/meta';

/* The claims chapter 5's prose makes about its figures, checked on the figures' own simulations, tick by tick. */

function runToEnd<P>(m: { step(p: P): boolean }, p: P, max = 5000): number {
  for (let i = 0; i < max; i++) if (m.step(p)) return i + 1;
  return max;
}

describe('side-by-side', () => {
  const base = defaultProps(sbsMeta);
  it('agrees on most starts at the defaults, on all of them when σ(0) is small', () => {
    const agree = (over: Partial<typeof base>) => {
      const p = { ...base, ...over, particles: 400 };
      const m = new SideBySide();
      m.reset(p, 1);
      runToEnd(m, p);
      return m.agreement().same / 400;
    };
    expect(agree({})).toBeGreaterThan(0.7);
    expect(agree({})).toBeLessThan(0.98);
    expect(agree({ sigmaMax: 0.5 })).toBe(1);
  });
  it('σ(T) above σ(0) is taken as σ(0), with a notice; equal levels run a constant schedule', () => {
    const { values, issues } = validateProps(sbsMeta, { sigmaMax: '0.5', sigmaMin: '0.8' });
    expect(values.sigmaMin).toBe(0.5);
    expect(issues.map((i) => i.message)).toEqual(['sigmaMin = 0.8 is outside [0.05, 0.5] when σ(0) = 0.5; using 0.5']);
    const m = new SideBySide();
    m.reset(values, 1);
    expect(Array.from(m.sigmas).every((s) => s === 0.5)).toBe(true);
    expect(runToEnd(m, values)).toBeGreaterThan(0);
  });
  it('the same seed replays the same run', () => {
    const a = new SideBySide();
    const b = new SideBySide();
    a.reset(base, 7);
    b.reset(base, 7);
    for (let i = 0; i < 20; i++) {
      a.step(base);
      b.step(base);
    }
    expect(Array.from(a.dm)).toEqual(Array.from(b.dm));
  });
});

describe('fixed-points', () => {
  const base = defaultProps(fpMeta);
  it('memorises: halting at T puts every sample on a training point', () => {
    const m = new FixedPoints();
    m.reset(base, 1);
    runToEnd(m, base);
    expect(m.stats().dmOn).toBe(base.particles);
  });
  it('a restart at σ(0) = 3 jumps basins; a good guess of the noise does not; the memory stays home', () => {
    const home = (sigmaStart: number) => {
      const p = { ...base, experiment: 'restart', sigmaStart };
      const m = new FixedPoints();
      m.reset(p, 1);
      runToEnd(m, p);
      return m.stats();
    };
    const wrong = home(3);
    const right = home(0.3);
    expect(wrong.dmHome).toBeLessThan(0.5 * base.particles);
    expect(right.dmHome).toBeGreaterThan(0.95 * base.particles);
    expect(wrong.amHome).toBeGreaterThan(0.95 * base.particles);
  });
  it('past T without halting, the stochastic sampler leaves the points and hops between basins', () => {
    const p = { ...base, halt: false, sigmaT: 0.5 };
    const m = new FixedPoints();
    m.reset(p, 1);
    for (let i = 0; i < 300; i++) m.step(p);
    expect(m.jumps).toBeGreaterThan(100);
    expect(m.stats().dmOn).toBeLessThan(0.1 * base.particles);
  });
  it('an impossible schedule from a link is repaired: σ(T) is taken as σ(0), with a notice that says so', () => {
    const { values, issues } = validateProps(fpMeta, { sigmaStart: '0.03', sigmaT: '0.5' });
    expect(values.sigmaT).toBe(0.03);
    expect(issues[0].message).toBe('sigmaT = 0.5 is outside [0.02, 0.03] when annealing from σ(0) = 0.03; using 0.03');
    const m = new FixedPoints();
    m.reset(values, 1);
    expect(m.step(values)).toBe(false);
  });
});

describe('any-corruption', () => {
  it('at the defaults, descent recalls the picture from all four corruptions and its energy never rises', () => {
    const p = defaultProps(acMeta);
    const m = new AnyCorruption();
    m.reset(p, 1);
    runToEnd(m, p);
    expect(m.describe().match(/descent recalls it/g)?.length).toBe(4);
    for (const r of m.rows) for (let i = 1; i < r.energies.length; i++) expect(r.energies[i]).toBeLessThanOrEqual(r.energies[i - 1] + 1e-9);
  });
});

describe('conservative-field', () => {
  it('Eq. 20 does no work round the loop; the unconstrained score does; without the Jacobian term both do', () => {
    const p = defaultProps(cfMeta);
    const m = new ConservativeField();
    m.reset(p, 1);
    const c = m.circulations();
    expect(Math.abs(c.right)).toBeLessThan(1e-8);
    expect(Math.abs(c.free)).toBeGreaterThan(0.1);
    m.reset({ ...p, jacobian: false }, 1);
    expect(Math.abs(m.circulations().right)).toBeGreaterThan(0.1);
    m.reset({ ...p, eps: 0 }, 1);
    expect(Math.abs(m.circulations().free)).toBeLessThan(1e-6);
  });
  it('particles: on −∇E_θ the energy never rises, for any seed or ε; the unconstrained score gives no such promise', () => {
    for (const seed of [1, 2, 3]) {
      for (const eps of [0, 0.6, 2]) {
        const p = { ...defaultProps(cfMeta), walk: 'particles' as const, eps };
        const m = new ConservativeField();
        m.reset(p, seed);
        for (let k = 0; k < 60 && !m.step(p); k++);
        expect(m.flowSummary(m.flowRight).rose, `seed ${seed}, ε = ${eps}`).toBe(0);
        expect(m.flowSummary(m.flowFree).rose, `seed ${seed}, ε = ${eps}`).toBeGreaterThan(0);
      }
    }
  });
});
