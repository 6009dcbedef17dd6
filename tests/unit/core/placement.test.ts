import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { placeMemories, SEED_STREAMS, seedStream } from '../../../src/core/placement';

/* The placements the figures made before the streams had names, written out once, to prove nothing moved. */
function oldSquare(k: number, seed: number, add: number, half: number, gap = 0, tries = 1): number[] {
  const rng = createRng(seed * 7919 + add);
  const out: number[] = [];
  for (let m = 0; m < k; m++) {
    let x = 0;
    let y = 0;
    for (let t = 0; t < tries; t++) {
      x = -half + 2 * half * rng.uniform();
      y = -half + 2 * half * rng.uniform();
      let ok = true;
      for (let j = 0; j < m; j++) if (Math.hypot(x - out[2 * j], y - out[2 * j + 1]) < gap) ok = false;
      if (ok) break;
    }
    out.push(x, y);
  }
  return out;
}

describe('placeMemories', () => {
  it('reproduces each figure’s former stream exactly', () => {
    for (const seed of [1, 2, 77, 4294967295]) {
      expect(Array.from(placeMemories(5, seed, 'energy-landscape.memories', { kind: 'square', half: 2.2 }))).toEqual(oldSquare(5, seed, 17, 2.2));
      expect(Array.from(placeMemories(5, seed, 'dispersed-memories.patterns', { kind: 'square', half: 2 }))).toEqual(oldSquare(5, seed, 29, 2));
      expect(Array.from(placeMemories(6, seed, 'side-by-side.memories', { kind: 'square', half: 2.2, minGap: 1.1, tries: 200 }))).toEqual(oldSquare(6, seed, 23, 2.2, 1.1, 200));
      expect(Array.from(placeMemories(6, seed, 'fixed-points.memories', { kind: 'square', half: 2, minGap: 1, tries: 300 }))).toEqual(oldSquare(6, seed, 31, 2, 1, 300));
    }
  });

  it('is deterministic, stays in its square, and keeps the requested gap when there is room', () => {
    const a = placeMemories(6, 9, 'side-by-side.memories', { kind: 'square', half: 2.2, minGap: 1.1, tries: 200 });
    expect(a).toEqual(placeMemories(6, 9, 'side-by-side.memories', { kind: 'square', half: 2.2, minGap: 1.1, tries: 200 }));
    for (let i = 0; i < 6; i++) {
      expect(Math.abs(a[2 * i])).toBeLessThanOrEqual(2.2);
      for (let j = 0; j < i; j++) expect(Math.hypot(a[2 * i] - a[2 * j], a[2 * i + 1] - a[2 * j + 1])).toBeGreaterThanOrEqual(1.1);
    }
  });

  it('rings circle the origin within [r0, r0 + dr]', () => {
    const a = placeMemories(8, 3, 'optimizer-sampling.memories', { kind: 'ring', r0: 1.4, dr: 0.9, jitter: 0.6 });
    for (let m = 0; m < 8; m++) {
      const r = Math.hypot(a[2 * m], a[2 * m + 1]);
      expect(r).toBeGreaterThanOrEqual(1.4);
      expect(r).toBeLessThan(2.3);
    }
  });

  it('names streams apart: each name is its own generator, an index picks one of a family', () => {
    expect(seedStream(5, 'hopfield-images.random-patterns').uniform()).toBe(createRng(5 * 7919 + 3).uniform());
    expect(seedStream(5, 'landscape-duality.drops', 4).uniform()).toBe(createRng(5 * 7919 + 4).uniform());
    expect(Object.keys(SEED_STREAMS).length).toBeGreaterThanOrEqual(7);
  });
});
