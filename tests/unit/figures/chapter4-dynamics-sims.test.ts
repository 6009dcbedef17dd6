import { describe, expect, it } from 'vitest';
import { DescentPair, type Params as DescentParams } from '../../../src/figures/energy-descent/sim';
import { TinyBrainRun, type Params as BrainParams } from '../../../src/figures/tinybrain/sim';
import { HierarchyRun, type Params as HamParams } from '../../../src/figures/hierarchy/sim';
import { AttentionRun, type Params as AttentionParams } from '../../../src/figures/attention-step/sim';
import { defaultProps } from '../../../src/lib/figure/spec';
import { meta as descentMeta } from '../../../src/figures/energy-descent/meta';
import { meta as brainMeta } from '../../../src/figures/tinybrain/meta';
import { meta as hamMeta } from '../../../src/figures/hierarchy/meta';
import { meta as attentionMeta } from '../../../src/figures/attention-step/meta';

function run(model: { step(p: never): boolean }, p: unknown, max: number): number {
  let n = 0;
  while (n < max && !model.step(p as never)) n++;
  return n;
}

function nonIncreasing(data: Float64Array, n: number, tol = 1e-12): boolean {
  for (let i = 1; i < n; i++) if (data[2 * i + 1] > data[2 * i - 1] + tol * Math.max(1, Math.abs(data[2 * i - 1]))) return false;
  return true;
}

describe('energy-descent', () => {
  const base = defaultProps(descentMeta) as DescentParams;
  it('at the defaults both runs settle at the same memory and neither energy ever rises', () => {
    const m = new DescentPair();
    m.reset(base);
    run(m, base, 50000);
    expect(m.gradC).toBeLessThan(1e-5);
    expect(m.gradD).toBeLessThan(1e-5);
    expect(Math.hypot(m.xc[0] - m.xd[0], m.xc[1] - m.xd[1])).toBeLessThan(1e-4);
    expect(nonIncreasing(m.traceC.data, m.traceC.n)).toBe(true);
    expect(nonIncreasing(m.traceD.data, m.traceD.n)).toBe(true);
    expect(m.verdict(base).level).toBe('ok');
  });
  it('past α = 2 the discrete run escapes, is stopped, and the verdict explains why; nothing is NaN', () => {
    const p = { ...base, alpha: 2.4 };
    const m = new DescentPair();
    m.reset(p);
    run(m, p, 50000);
    expect(m.diverged).toBe(true);
    const v = m.verdict(p);
    expect(v.level).toBe('bad');
    expect(v.text).toContain('2/λ_max = 2.00');
    expect(v.text).not.toContain('NaN');
    expect(m.describe(p)).not.toContain('NaN');
    expect(nonIncreasing(m.traceC.data, m.traceC.n)).toBe(true);
  });
  it('on the valley, the edge is α = 2/κ', () => {
    for (const [alpha, bad] of [[0.19, false], [0.21, true]] as const) {
      const p = { ...base, energy: 'valley', kappa: 10, alpha };
      const m = new DescentPair();
      m.reset(p);
      run(m, p, 50000);
      expect(m.rises > 0 || m.diverged).toBe(bad);
    }
  });
  it('is deterministic in its parameters', () => {
    const a = new DescentPair();
    const b = new DescentPair();
    a.reset(base);
    b.reset(base);
    for (let i = 0; i < 100; i++) {
      a.step(base);
      b.step(base);
    }
    expect(Array.from(a.xd)).toEqual(Array.from(b.xd));
  });
});

describe('tinybrain', () => {
  const base = defaultProps(brainMeta) as BrainParams;
  const variants: Partial<BrainParams>[] = [{}, { instant: true, lh: 'identity' }, { instant: true, lx: 'identity', lh: 'softmax' }, { lx: 'softmax', lh: 'tanh', beta: 20 }, { lx: 'identity', lh: 'identity', strength: 0.5 }];
  it.each(variants)('the total energy never rises and the run settles (%o)', (v) => {
    const p = { ...base, ...v };
    const r = new TinyBrainRun();
    r.reset(p, 1);
    run(r, p, 20000);
    expect(r.lastV).toBeLessThan(1e-4);
    expect(r.rises).toBe(0);
    expect(nonIncreasing(r.traces.total.data, r.traces.total.n)).toBe(true);
  });
  it('recalls the first pattern at the defaults', () => {
    const r = new TinyBrainRun();
    r.reset(base, 1);
    run(r, base, 20000);
    expect(r.overlap()).toEqual({ best: 0, agree: base.nx });
  });
  it('refuses two linear layers when the energy has no bottom', () => {
    const r = new TinyBrainRun();
    expect(() => r.reset({ ...base, lx: 'identity', lh: 'identity' }, 1)).toThrow(/no bottom/);
  });
});

describe('hierarchy', () => {
  const base = defaultProps(hamMeta) as HamParams;
  it.each([3, 5, 8])('with %i layers the energy never rises and all layers settle', (layers) => {
    const p = { ...base, layers, scale: 3, beta: 20 };
    const h = new HierarchyRun();
    h.reset(p, 2);
    run(h, p, 20000);
    expect(h.lastV).toBeLessThan(1e-4);
    expect(h.rises).toBe(0);
    expect(nonIncreasing(h.traces.total.data, h.traces.total.n)).toBe(true);
  });
  it('learned synapses: every pattern, with any window hidden, is completed, and the energy never rises', () => {
    const p = { ...base, synapses: 'trained' as const };
    for (let seed = 1; seed <= 12; seed++) {
      const h = new HierarchyRun();
      h.reset(p, seed);
      expect(h.ham!.layers.map((l) => l.size)).toEqual([12, 6, 4]);
      run(h, p, 20000);
      const r = h.recall()!;
      expect(r.memory, `seed ${seed}`).toBe(h.probe!.pattern);
      expect(r.match).toBe(12);
      expect(r.hiddenMatch).toBe(4);
      expect(h.rises).toBe(0);
      expect(nonIncreasing(h.traces.total.data, h.traces.total.n)).toBe(true);
    }
    const seen = new Set(Array.from({ length: 12 }, (_, i) => {
      const h = new HierarchyRun();
      h.reset(p, i + 1);
      return `${h.probe!.pattern}/${h.probe!.hidden}`;
    }));
    expect(seen.size).toBe(12);
  });
});

describe('attention-step', () => {
  const base = defaultProps(attentionMeta) as AttentionParams;
  it('one step at large β retrieves the stored picture; at the default β it is a blend', () => {
    const r = new AttentionRun();
    r.reset({ ...base, beta: 50 }, 1);
    r.step({ ...base, beta: 50 });
    expect(r.nearest()).toMatchObject({ m: 0 });
    expect(r.nearest().cos).toBeGreaterThan(0.999);
    r.reset(base, 1);
    r.step(base);
    expect(r.nearest().cos).toBeLessThan(0.99);
  });
  it('a query index past K says which picture it used instead of clamping silently', () => {
    const p = { ...base, memories: 4, query: 9 };
    const r = new AttentionRun();
    r.reset(p, 1);
    expect(r.queryIndex).toBe(3);
    expect(r.describe(p)).toContain('picture 9 asked for, but only K = 4 are stored');
    expect(r.describe(base)).not.toContain('asked for');
  });
  it('iterating never raises the energy and reaches a fixed point', () => {
    for (const beta of [0.5, 2, 6, 50]) {
      const p = { ...base, beta, iterate: true };
      const r = new AttentionRun();
      r.reset(p, 3);
      run(r, p, 100);
      expect(r.lastChange).toBeLessThan(1e-6);
      for (let i = 1; i < r.energies.length; i++) expect(r.energies[i]).toBeLessThanOrEqual(r.energies[i - 1] + 1e-12);
    }
  });
});
