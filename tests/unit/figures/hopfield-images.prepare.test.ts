import { describe, expect, it } from 'vitest';
import { PictureMemory, type Params } from '../../../src/figures/hopfield-images/sim';
import { seedStream } from '../../../src/core/placement';
import { hashState } from './sims';

/*
 * The stored set of hopfield-images is prepared in slices (so a 64×64 memory with 600 random patterns never
 * blocks the page) and its recaller may be built in a task of its own before the reset. Neither may change a
 * single stored value or the run that follows.
 */

const heavy: Params = { memory: 'classical', n: 3, size: '32', images: 20, extra: 120, target: 3, noise: 0.5, mode: 'sweep' };

/** Runs the stored set's preparation to the end and returns how many slices it took. */
function prepareAll(m: PictureMemory, p: Params, seed: number): number {
  const it = m.prepare(p, seed, []);
  let slices = 1;
  while (!it.next().done) slices++;
  return slices;
}

describe('hopfield-images: the stored set prepared in slices', () => {
  it('random patterns are one seeded stream, row after row, whatever was drawn before (grown, copied, assembled)', () => {
    const m = new PictureMemory();
    prepareAll(m, { ...heavy, extra: 17 }, 4);
    prepareAll(m, heavy, 4);
    const st = m.sets.stored!;
    const N = 32 * 32;
    const rng = seedStream(4, 'hopfield-images.random-patterns');
    const expected = Float64Array.from({ length: heavy.extra * N }, () => (rng.uniform() < 0.5 ? -1 : 1));
    expect(st.data.subarray(st.pictures * N)).toEqual(expected);
    const fresh = new PictureMemory();
    fresh.reset(heavy, 4, []);
    expect(Array.from(fresh.patterns.data)).toEqual(Array.from(st.data));
  });

  it('no slice writes more than a few rows: 600 random 64×64 patterns take well over a hundred slices', () => {
    const p: Params = { ...heavy, size: '64', extra: 600 };
    expect(prepareAll(new PictureMemory(), p, 1)).toBeGreaterThan((2 * 600) / 8);
  });

  it('a recaller built ahead of the reset gives the very run a reset alone gives', () => {
    const a = new PictureMemory();
    prepareAll(a, heavy, 9);
    a.prebuild(heavy, 9, []);
    a.reset(heavy, 9, []);
    const b = new PictureMemory();
    b.reset(heavy, 9, []);
    for (let k = 0; k < 6; k++) {
      a.step(heavy);
      b.step(heavy);
    }
    expect(hashState(a, a.describe(heavy))).toBe(hashState(b, b.describe(heavy)));
  });
});
