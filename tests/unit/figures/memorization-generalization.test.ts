import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRuns, Replay, runKey, type PrecomputedFile } from '../../../src/figures/memorization-generalization/sim';

/*
 * The replay copies states its worker computed ahead instead of computing them: a replay that finds some of its
 * states held (as the worker delivers them, in any gaps) ends every update on the very numbers of a replay that
 * computes them all.
 */

const file = JSON.parse(readFileSync(new URL('../../../public/data/memorization.json', import.meta.url), 'utf8')) as PrecomputedFile;
const run = decodeRuns(file).drawable.find((r) => runKey(r.width, r.K) === runKey(32, 8))!;

describe('memorization-generalization: states computed ahead', () => {
  it('give the same replay as computing every update', () => {
    const states: Float64Array[] = [];
    const solo = new Replay();
    solo.load(run);
    const trail: Float64Array[] = [];
    for (let step = 1; !solo.step(); step++) trail[step] = solo.xs.slice();
    trail.push(solo.xs.slice());
    for (let step = 1; step < trail.length; step++) if (step % 3 !== 0) states[step] = trail[step];

    const helped = new Replay();
    let asked = 0;
    helped.ahead = { after: (r, step) => (asked++, r === run ? states[step] : undefined) };
    helped.load(run);
    for (let step = 1; step < trail.length; step++) {
      helped.step();
      expect(helped.updates).toBe(step);
      expect(Array.from(helped.xs)).toEqual(Array.from(trail[step]));
    }
    expect(helped.done).toBe(true);
    expect(asked).toBe(trail.length - 1);
  });
});
