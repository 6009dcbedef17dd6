import { describe, expect, it } from 'vitest';
import { defaultProps } from '../../../src/lib/figure/spec';
import { meta } from '../../../src/figures/landscape-duality/meta';
import { Duality, MAX_PARTICLES, type Params } from '../../../src/figures/landscape-duality/sim';

const base = defaultProps(meta) as Params;

function settle(p: Params, start: [number, number]): Float64Array {
  const d = new Duality();
  d.reset({ ...p, particles: 0 }, 1);
  d.drop(start[0], start[1], 1, 1);
  d.xs[0] = start[0];
  d.xs[1] = start[1];
  for (let k = 0; k < 20000 && !d.step(p); k++);
  return d.xs.slice(0, 2);
}

describe('landscape-duality sim', () => {
  it('a step along the score is a step down the energy: x − α∇E = x + αF', () => {
    const d = new Duality();
    d.reset(base, 3);
    const before = d.xs.slice(0, 2 * d.n);
    const F = d.score(before, base.beta, new Float64Array(before.length));
    d.step(base);
    for (let i = 0; i < before.length; i++) expect(d.xs[i]).toBeCloseTo(before[i] + base.alpha * F[i], 12);
  });

  it('reproduces the two-memory merge of MATH.md §4.4 (memories at ±1: β = 0.99 → 0, β = 2 → 0.9575)', () => {
    const p = { ...base, x1: 1, y1: 0, x2: -1, y2: 0, alpha: 0.5 } as Params;
    expect(Math.abs(settle({ ...p, beta: 0.99 }, [0.6, 0.3])[0])).toBeLessThan(0.05);
    expect(settle({ ...p, beta: 2 }, [0.6, 0.3])[0]).toBeCloseTo(0.9575, 3);
    expect(settle({ ...p, beta: 5 }, [0.6, 0.3])[0]).toBeCloseTo(0.9999, 3);
  });

  it('keeps at most MAX_PARTICLES, retiring the oldest, and replays the same start under the same seed', () => {
    const d = new Duality();
    d.reset({ ...base, particles: 200 }, 4);
    for (let k = 0; k < 40; k++) d.drop(0, 0, 6, k);
    expect(d.n).toBe(MAX_PARTICLES);
    const a = new Duality();
    const b = new Duality();
    a.reset(base, 9);
    b.reset(base, 9);
    for (let k = 0; k < 50; k++) {
      a.step(base);
      b.step(base);
    }
    expect(Array.from(a.xs)).toEqual(Array.from(b.xs));
  });
});
