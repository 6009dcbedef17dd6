import { describe, expect, it } from 'vitest';
import { Descent, HEAVY_PARTICLES } from '../../../src/figures/energy-landscape/sim';

describe('energy-landscape Descent', () => {
  const p = { memories: 3, beta: 4, alpha: 0.05, particles: 600 };

  it('replays the same run from the same seed and settles, saying so', () => {
    const a = new Descent();
    const b = new Descent();
    a.reset(p, 7);
    b.reset(p, 7);
    let settled = false;
    for (let t = 0; t < 2000 && !settled; t++) {
      settled = a.step(p);
      expect(b.step(p)).toBe(settled);
    }
    expect(settled).toBe(true);
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
    expect(a.describe(p)).toContain('all have settled');
    expect(a.describe(p)).not.toContain('Heavy setting');
  });

  it('says plainly when the particle count is past what runs smoothly', () => {
    const heavy = { ...p, particles: HEAVY_PARTICLES + 1000 };
    const d = new Descent();
    d.reset(heavy, 1);
    expect(d.describe(heavy)).toMatch(/Heavy setting: 5,000 particles may run below 60 frames per second/);
  });
});
