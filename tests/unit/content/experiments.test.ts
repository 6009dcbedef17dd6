import { describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../../../src/content/compiler/experiments';
import { CAPACITY_SWEEPS, readCapacitySweeps } from '../../../src/content/compiler/experiments/capacitySweeps';
import { sweepPoint } from '../../../src/content/compiler/experiments/capacitySweep';
import { formatNumber } from '../../../src/content/compiler/numbers';

describe('capacity-sweep.json', () => {
  const curves = readCapacitySweeps();
  it('holds every sweep the prose quotes, with the spec that made it', () => {
    expect([...curves.keys()].sort()).toEqual(CAPACITY_SWEEPS.map((s) => s.name).sort());
    for (const def of CAPACITY_SWEEPS) expect(curves.get(def.name)!.spec).toEqual(def.spec);
  });
  it('agrees exactly with a small re-run of a few of its points', () => {
    const picks: [string, number][] = [['classical100', 12], ['classical100', 18], ['cubic100exact', 500], ['quartic30', 238], ['exp16seed1', 168]];
    for (const [name, K] of picks) {
      const c = curves.get(name)!;
      const stored = c.points.find((p) => p.K === K)!;
      expect(sweepPoint(c.kind, K, c.spec), `${name} at K = ${K}`).toEqual(stored);
    }
  });
});

describe('experiments behind the prose', () => {
  it('every experiment returns finite numbers', () => {
    for (const [name, run] of Object.entries(EXPERIMENTS)) {
      for (const [key, v] of Object.entries(run())) expect(Number.isFinite(v), `${name}.${key} = ${v}`).toBe(true);
    }
  });
  it('the separation functions at overlap 0.9 are the known values', () => {
    const s = EXPERIMENTS.separation();
    expect(s.square).toBeCloseTo(0.81, 12);
    expect(s.fifth).toBeCloseTo(0.59049, 12);
    expect(s.exp12).toBeCloseTo(Math.exp(-1.2), 12);
  });
  it('the classical crossings close in on α_c ≈ 0.138 as N grows, from both sides', () => {
    const c = EXPERIMENTS.capacitySweep();
    expect(c.classical100NinetyRatio).toBeLessThan(0.138);
    expect(c.classical1000NinetyRatio).toBeLessThan(0.138);
    expect(c.classical1000HalfRatio).toBeGreaterThan(0.138);
    expect(c.classical1000HalfRatio - c.classical1000NinetyRatio).toBeLessThan(c.classical100HalfRatio - c.classical100NinetyRatio);
  });
  it('every optimizer converges; L-BFGS needs the fewest steps, the sampler exactly its schedule', () => {
    const o = EXPERIMENTS.optimizers();
    expect(o.diffusionSteps).toBe(18);
    expect(o.diffusionEvals).toBe(2 * 18 - 1);
    expect(o.lbfgsSteps).toBeLessThan(Math.min(o.gdSteps, o.momentumSteps, o.adamSteps));
  });
  it('the Energy Transformer: total energy and both parts fall', () => {
    const e = EXPERIMENTS.energyTransformer();
    expect(e.total1).toBeLessThan(e.total0);
    expect(e.attention1).toBeLessThan(e.attention0);
    expect(e.memory1).toBeLessThan(e.memory0);
    expect(e.total0).toBeCloseTo(e.attention0 + e.memory0, 10);
  });
  it('negative numbers print with a true minus sign', () => {
    expect(formatNumber(-15.0791, 2)).toBe('\u221215.08');
    expect(formatNumber(1234.5, 0)).toBe('1,235');
  });
});
