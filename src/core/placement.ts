import { createRng, type Rng } from './rng';

/*
 * Where a figure's memories (patterns ξ_μ in the plane) go for a given seed, and the named seed streams that
 * keep each figure's random draws apart. A stream's generator is createRng(seed · mul + add + index): the
 * constants are the ones each figure used before they had names, so every figure's default state is unchanged.
 * Pure: no DOM, no global state.
 */

/** The named seed streams: name → multiplier and offset of the seed. */
export const SEED_STREAMS = {
  'energy-landscape.memories': { mul: 7919, add: 17 },
  'optimizer-sampling.memories': { mul: 7919, add: 17 },
  'side-by-side.memories': { mul: 7919, add: 23 },
  'dispersed-memories.patterns': { mul: 7919, add: 29 },
  'fixed-points.memories': { mul: 7919, add: 31 },
  /** hopfield-images: the extra random ±1 patterns stored beside the pictures. */
  'hopfield-images.random-patterns': { mul: 7919, add: 3 },
  /** landscape-duality: where the n-th click's particles land (index = n). */
  'landscape-duality.drops': { mul: 7919, add: 0 },
} as const;
export type SeedStream = keyof typeof SEED_STREAMS;

/** The generator of one named stream for a seed; `index` picks the n-th of a family of draws (e.g. clicks). */
export function seedStream(seed: number, stream: SeedStream, index = 0): Rng {
  const { mul, add } = SEED_STREAMS[stream];
  return createRng(seed * mul + add + index);
}

/**
 * How the memories are laid out:
 * - 'square': each uniform in [−half, half]²; with `minGap`, a draw closer than minGap to an earlier memory is
 *   redrawn, up to `tries` times (the last draw stays if none fits).
 * - 'ring': memory m at angle 2πm/k + jitter·u and radius r0 + dr·u (u uniform in [0, 1)), so they circle the
 *   origin evenly spaced but not regular.
 */
export type MemoryLayout = { kind: 'square'; half: number; minGap?: number; tries?: number } | { kind: 'ring'; r0: number; dr: number; jitter: number };

/**
 * Places k memories in the plane from a named seed stream. Returns a flat k×2 row-major Float64Array
 * [x₀, y₀, x₁, y₁, …] (fresh; nothing else is mutated). Deterministic in (k, seed, stream, layout).
 */
export function placeMemories(k: number, seed: number, stream: SeedStream, layout: MemoryLayout): Float64Array {
  const rng = seedStream(seed, stream);
  const data = new Float64Array(2 * k);
  for (let m = 0; m < k; m++) {
    if (layout.kind === 'ring') {
      const a = (2 * Math.PI * m) / k + layout.jitter * rng.uniform();
      const r = layout.r0 + layout.dr * rng.uniform();
      data[2 * m] = r * Math.cos(a);
      data[2 * m + 1] = r * Math.sin(a);
      continue;
    }
    const { half, minGap = 0, tries = 1 } = layout;
    let x = 0;
    let y = 0;
    for (let t = 0; t < tries; t++) {
      x = -half + 2 * half * rng.uniform();
      y = -half + 2 * half * rng.uniform();
      if (!tooClose(data, m, x, y, minGap)) break;
    }
    data[2 * m] = x;
    data[2 * m + 1] = y;
  }
  return data;
}

function tooClose(data: Float64Array, m: number, x: number, y: number, gap: number): boolean {
  for (let j = 0; j < m; j++) if (Math.hypot(x - data[2 * j], y - data[2 * j + 1]) < gap) return true;
  return false;
}
