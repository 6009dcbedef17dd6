import { describe, expect, it } from 'vitest';
import { defaultProps } from '../../../src/lib/figure/spec';
import { meta } from '../../../src/figures/dye-diffusion/meta';
import { Dye, N_STEPS, type Params } from '../../../src/figures/dye-diffusion/sim';

const base = { ...defaultProps(meta), particles: 1000 } as Params;

function runThere(p: Params, seed: number): Dye {
  const d = new Dye();
  d.reset(p, seed);
  for (let k = 0; k < N_STEPS; k++) d.step(p);
  const back = { ...p, direction: 'reverse' } as Params;
  while (!d.step(back));
  return d;
}

describe('dye-diffusion sim', () => {
  it('replays the same forward-and-back run exactly under the same seed, and a different one under another', () => {
    const a = runThere(base, 5);
    const b = runThere(base, 5);
    const c = runThere(base, 6);
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
    expect(Array.from(a.xs)).not.toEqual(Array.from(c.xs));
  });

  it('scrubbing to step k gives bit-for-bit the state that playing k steps gives', () => {
    const played = new Dye();
    played.reset(base, 9);
    const scrubbed = new Dye();
    scrubbed.reset(base, 9);
    scrubbed.scrub(N_STEPS); // fills checkpoints
    for (const k of [0, 7, 20, 61, 140, N_STEPS]) {
      while (played.k < k) played.step(base);
      scrubbed.scrub(k);
      expect(Array.from(scrubbed.xs)).toEqual(Array.from(played.xs));
    }
  });

  it('diffuses the picture away and the exact score brings it back (SDE and ODE)', () => {
    for (const sampler of ['sde', 'ode'] as const) {
      const p = { ...base, sampler } as Params;
      const d = new Dye();
      d.reset(p, 3);
      expect(d.recovered()).toBeGreaterThan(0.98);
      for (let k = 0; k < N_STEPS; k++) d.step(p);
      expect(d.recovered()).toBeLessThan(0.05);
      const back = { ...p, direction: 'reverse' } as Params;
      while (!d.step(back));
      expect(d.k).toBe(0);
      expect(d.recovered()).toBeGreaterThan(0.9);
    }
  });

  it('starts a reverse reset from the fully diffused state', () => {
    const d = new Dye();
    d.reset({ ...base, direction: 'reverse' } as Params, 2);
    expect(d.k).toBe(N_STEPS);
    const f = new Dye();
    f.reset(base, 2);
    for (let k = 0; k < N_STEPS; k++) f.step(base);
    expect(Array.from(d.xs)).toEqual(Array.from(f.xs));
  });
});
