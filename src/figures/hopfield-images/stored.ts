import { seedStream } from '../../core/placement';
import type { Rng } from '../../core';
import { BUILTIN_PICTURES, rasterize } from '../../lib/patterns/builtins';
import { resamplePattern } from '../../lib/patterns/binarize';
import type { Params, ReaderPicture } from './sim';

/*
 * The patterns hopfield-images stores: the built-in pictures (rasterised once per size), the reader's own, and
 * random ±1 rows from a named seed stream. Built in slices so a large first build never blocks the page.
 */

/** The built-in pictures rasterised once per size (a memory or slider change never redraws them). */
const rasterCache = new Map<number, Float64Array[]>();
function builtinAt(k: number, side: number): Float64Array {
  let list = rasterCache.get(side);
  if (!list) rasterCache.set(side, (list = []));
  return (list[k] ??= rasterize(BUILTIN_PICTURES[k], side));
}

/** The stored set (K × N data, names) for one choice of size, pictures, random patterns, seed and reader pictures. */
export interface StoredSet {
  key: string;
  data: Float64Array;
  names: string[];
  pictures: number;
}

/**
 * Rows drawn, copied or assembled per slice of prepare(). A 64×64 row is 4096 draws and 32 KB of doubles; the
 * first writes to freshly allocated memory fault its pages in (about 60 ms for the 20 MB of 600 such rows on
 * this kind of machine), so no slice may write more than a few hundred KB.
 */
const ROWS_PER_SLICE = 8;

function storedKey(p: Params, seed: number, reader: readonly ReaderPicture[]): string {
  return `${p.size}|${p.images}|${p.extra}|${seed}|${reader.map((r) => r.name).join('/')}`;
}

/** The stored set for the current props, and the random rows drawn so far (kept while a slider moves). */
export class StoredPictures {
  stored: StoredSet | null = null;
  private randomCache: { seed: number; N: number; rng: Rng | null; data: Float64Array; filled: number } = { seed: NaN, N: 0, rng: null, data: new Float64Array(0), filled: 0 };

  /** True when the stored set these params ask for is already prepared, so reset() only builds the recaller. */
  isPrepared(p: Params, seed: number, reader: readonly ReaderPicture[]): boolean {
    return this.stored?.key === storedKey(p, seed, reader);
  }

  /**
   * Prepares the stored set in slices (one built-in picture, or a few random rows, per slice), so that a figure
   * can spread the first build of a large memory over several tasks instead of blocking the page. Running it to
   * the end is exactly what reset() does when nothing was prepared. Deterministic in (params, seed, reader).
   */
  *prepare(p: Params, seed: number, reader: readonly ReaderPicture[]): Generator<void, void, void> {
    const key = storedKey(p, seed, reader);
    if (this.stored?.key === key) return;
    const side = Number(p.size);
    const N = side * side;
    const nb = Math.max(0, Math.min(p.images, BUILTIN_PICTURES.length));
    const pics: Float64Array[] = [];
    const names: string[] = [];
    for (let k = 0; k < nb; k++) {
      const cached = rasterCache.get(side)?.[k];
      pics.push(builtinAt(k, side));
      names.push(BUILTIN_PICTURES[k].name);
      if (!cached) yield;
    }
    for (const r of reader) {
      pics.push(r.side === side ? r.pixels : resamplePattern(r.pixels, r.side, side));
      names.push(r.name);
    }
    yield* this.growRandom(p.extra, seed, N);
    const K = pics.length + p.extra;
    const data = new Float64Array(K * N);
    const random = this.randomCache.data;
    for (let mu = 0; mu < K; mu++) {
      data.set(mu < pics.length ? pics[mu] : random.subarray((mu - pics.length) * N, (mu - pics.length + 1) * N), mu * N);
      if ((mu + 1) % ROWS_PER_SLICE === 0 && mu + 1 < K) yield;
    }
    for (let mu = pics.length; mu < K; mu++) names.push(`random ${mu - pics.length + 1}`);
    this.stored = { key, data, names, pictures: pics.length };
  }

  /**
   * Makes sure the first `count` random ±1 patterns for this seed and size exist, row after row from one seeded
   * stream, so a prefix never changes when more are asked for. Kept and extended, not redrawn, while a slider
   * moves. Yields after every few rows it copies or draws.
   */
  private *growRandom(count: number, seed: number, N: number): Generator<void, void, void> {
    const c = this.randomCache;
    if (c.seed !== seed || c.N !== N) {
      this.randomCache = { seed, N, rng: seedStream(seed, 'hopfield-images.random-patterns'), data: new Float64Array(0), filled: 0 };
    }
    const r = this.randomCache;
    const need = count * N;
    if (r.filled >= need) return;
    const step = ROWS_PER_SLICE * N;
    if (r.data.length < need) {
      const grown = new Float64Array(Math.max(need, Math.min(2 * r.data.length, 600 * N)));
      for (let i = 0; i < r.filled; i += step) {
        grown.set(r.data.subarray(i, Math.min(r.filled, i + step)), i);
        if (i + step < r.filled) yield;
      }
      r.data = grown;
    }
    const d = r.data;
    const rng = r.rng!;
    while (r.filled < need) {
      const end = Math.min(need, r.filled + step);
      for (let i = r.filled; i < end; i++) d[i] = rng.uniform() < 0.5 ? -1 : 1;
      r.filled = end;
      yield;
    }
  }
}
