import { describe, expect, it } from 'vitest';
import { AnnealedLangevin } from '../../../src/figures/annealed-langevin/sim';
import { SdeVsOde } from '../../../src/figures/sde-vs-ode/sim';
import { Dsm } from '../../../src/figures/denoising-score-matching/sim';
import { ScoreField, sigmaAt, timeOf } from '../../../src/figures/score-field/sim';
import { smoothedScore } from '../../../src/core';
import { DATA } from '../../../src/figures/score-field/sim';

describe('chapter 3 figure simulations', () => {
  it('annealed Langevin recovers the unequal weight; Langevin at one small σ keeps the uniform start’s split', () => {
    const m = new AnnealedLangevin();
    const p = { weight: 0.8, levels: 10, stepsPerLevel: 40, eps: 0.008, particles: 3000 };
    m.reset(p, 1);
    while (!m.step(p));
    expect(Math.abs(m.fracAnnealed[0] - 0.8)).toBeLessThan(0.04);
    expect(Math.abs(m.fracSingle[0] - 0.5)).toBeLessThan(0.06);
    // Same seed, same run.
    const m2 = new AnnealedLangevin();
    m2.reset(p, 1);
    for (let i = 0; i < 50; i++) m2.step(p);
    const m3 = new AnnealedLangevin();
    m3.reset(p, 1);
    for (let i = 0; i < 50; i++) m3.step(p);
    expect(Array.from(m2.annealed.subarray(0, 20))).toEqual(Array.from(m3.annealed.subarray(0, 20)));
  });

  it('the PF-ODE round trip returns to the starting point; SDE and ODE start from the same noise', () => {
    const s = new SdeVsOde();
    const p = { steps: 60, particles: 200, paths: 10, show: 'both' };
    s.reset(p, 3);
    expect(Array.from(s.ode)).toEqual(Array.from(s.sde));
    while (!s.step());
    expect(s.sigma).toBe(0);
    for (let k = 0; k < 5; k++) expect(s.roundTripRandom().error).toBeLessThan(5e-3);
    const a = s.roundTrip(2.2, 0.1).latent;
    const b = s.roundTrip(2.3, 0.1).latent;
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThan(1e-3);
  });

  it('sde-vs-ode says so when more paths are asked for than there are particles', () => {
    const s = new SdeVsOde();
    const p = { steps: 20, particles: 10, paths: 40, show: 'both' };
    s.reset(p, 1);
    expect(s.m).toBe(10);
    expect(s.describe(p)).toContain('Only 10 of the 40 paths asked for can be drawn');
    expect(s.describe({ ...p, paths: 5 })).not.toContain('paths asked for');
  });

  it('DSM: the binned targets approach the true score and the run stops at its budget', () => {
    const d = new Dsm();
    const p = { sigma: 0.5, batch: 1000, bins: 10, total: 60000 };
    d.reset(p, 2);
    let done = false;
    let steps = 0;
    while (!done) {
      done = d.step(p);
      steps++;
    }
    expect(steps).toBe(60);
    expect(d.error).toBeLessThan(0.06);
    expect(d.trace[0][1]).toBeGreaterThan(d.error);
  });

  it('score field equals the core smoothed score and the time axis inverts the schedule', () => {
    const f = new ScoreField(10);
    const pts = Float64Array.from([0.3, -0.2, 2.5, 2.5, -2, 1]);
    f.update(0.4, pts, 8);
    for (let i = 0; i < 3; i++) {
      const s = smoothedScore([pts[2 * i], pts[2 * i + 1]], DATA, 0.4);
      expect(f.vectors[2 * i]).toBeCloseTo(s[0], 9);
      expect(f.vectors[2 * i + 1]).toBeCloseTo(s[1], 9);
    }
    expect(timeOf(sigmaAt(37))).toBeCloseTo(37, 9);
    expect(() => f.update(0, pts)).toThrow(/σ/);
  });
});
