import { describe, expect, it } from 'vitest';
import { corruptPattern, createRng, overlap, patternOverlaps, randomPatterns, row, runCapacity, runCapacityAsync, type CapacityOptions } from '../../../src/core';

const opts: CapacityOptions = { N: 60, Ks: [2, 6, 12, 20], rule: { kind: 'classical' }, corruption: 0.1, trials: 5, seed: 3 };

describe('capacity experiments', () => {
  it('same seed, same curve; the async version gives identical numbers', async () => {
    const a = runCapacity(opts);
    const b = runCapacity(opts);
    expect(a).toEqual(b);
    const c = await runCapacityAsync(opts);
    expect(c).toEqual(a);
    expect(a.points.map((p) => p.K)).toEqual([2, 6, 12, 20]);
    expect(a.points[0].recallRate).toBe(1);
    expect(a.points[0].alpha).toBeCloseTo(2 / 60, 15);
  });
  it('reports progress and stops when cancelled', async () => {
    const seen: number[] = [];
    const r = runCapacity({ ...opts, onProgress: (done, total) => seen.push(done / total) });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
    expect(r.cancelled).toBe(false);
    let calls = 0;
    const c = await runCapacityAsync({ ...opts, shouldCancel: () => ++calls > 7 });
    expect(c.cancelled).toBe(true);
    expect(c.points.length).toBeLessThan(4);
  });
  it('names the bad argument', () => {
    expect(() => runCapacity({ ...opts, N: 1 })).toThrow(/N/);
    expect(() => runCapacity({ ...opts, Ks: [] })).toThrow(/Ks/);
    expect(() => runCapacity({ ...opts, Ks: [3, 0] })).toThrow(/Ks\[1\]/);
    expect(() => runCapacity({ ...opts, corruption: 0.7 })).toThrow(/corruption/);
    expect(() => runCapacity({ ...opts, trials: 0 })).toThrow(/trials/);
    expect(() => runCapacity({ ...opts, rule: { kind: 'poly', n: -2 } })).toThrow(/rule\.n/);
  });
});

describe('patterns', () => {
  it('corruptPattern flips exactly round(ρN) bits; overlaps are ξ·s', () => {
    const rng = createRng(1);
    const P = randomPatterns(3, 50, rng);
    const c = corruptPattern(row(P, 1), 0.1, rng);
    expect(overlap(c, row(P, 1))).toBeCloseTo(1 - 2 * 0.1, 15);
    expect(patternOverlaps(P, c)[1]).toBe(40);
    expect(() => corruptPattern(row(P, 1), 1.5, rng)).toThrow(/fraction/);
  });
});
