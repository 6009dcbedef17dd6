import { seedStream } from '../../core/placement';
import { corruptPattern, createRng, matrixFromData, PatternRecaller, type Matrix, type RecallRule, type Rng } from '../../core';
import { BUILTIN_PICTURES, rasterize } from '../../lib/patterns/builtins';
import { resamplePattern } from '../../lib/patterns/binarize';
import type { PropValues } from '../../lib/figure/spec';
import type { meta } from './meta';

export type Params = PropValues<typeof meta.props>;

/** A picture the reader drew or uploaded, kept at the size it was made and resampled when the grid changes. */
export interface ReaderPicture {
  name: string;
  side: number;
  pixels: Float64Array;
}

/** The most energies kept for the trace; when it fills, every other point is dropped and the stride doubles. */
const TRACE_MAX = 600;

/** The built-in pictures rasterised once per size (a memory or slider change never redraws them). */
const rasterCache = new Map<number, Float64Array[]>();
function builtinAt(k: number, side: number): Float64Array {
  let list = rasterCache.get(side);
  if (!list) rasterCache.set(side, (list = []));
  return (list[k] ??= rasterize(BUILTIN_PICTURES[k], side));
}

/** The rules whose recall loops have been warmed up (see PictureMemory.warmUp). */
const warmed = new Set<string>();
const warmKey = (p: Pick<Params, 'memory' | 'n'>) => (p.memory === 'classical' || p.memory === 'exp' ? p.memory : `${p.memory}${p.n}`);

/** The stored set (K × N data, names) for one choice of size, pictures, random patterns, seed and reader pictures. */
interface StoredSet {
  key: string;
  data: Float64Array;
  names: string[];
  pictures: number;
}

/** Rows of random patterns drawn per slice of prepare() (a 64×64 row costs 4096 draws). */
const RANDOM_ROWS_PER_SLICE = 8;

/** The recall rule the `memory` and `n` props choose. */
export function ruleOf(p: Pick<Params, 'memory' | 'n'>): RecallRule {
  if (p.memory === 'classical') return { kind: 'classical' };
  if (p.memory === 'exp') return { kind: 'exp', beta: 1 };
  return { kind: p.memory === 'rectified' ? 'rectified' : 'poly', n: p.n };
}

/**
 * The figure's state: the stored patterns ξ (K × N: built-in pictures, then the reader's, then random ones),
 * the core's PatternRecaller (state s, overlaps m_μ = ξ_μ · s and energy, all kept incrementally), and the
 * energy trace. Every per-step quantity lives in typed arrays.
 */
export class PictureMemory {
  side = 32;
  N = 1024;
  patterns: Matrix = matrixFromData(1, 1, new Float64Array(1));
  names: string[] = [];
  /** How many of the stored patterns are pictures (built-in + the reader's); the rest are random. */
  pictures = 0;
  target = 0;
  recaller: PatternRecaller | null = null;
  /** The starting (corrupted) state, kept for the "start" thumbnail. */
  probe = new Float64Array(0);
  energies = new Float64Array(TRACE_MAX);
  traceLen = 0;
  /** Flips between consecutive trace points in flip mode (doubles whenever the trace fills). */
  traceStride = 1;
  lastFlip = -1;
  isExp = false;
  note = '';
  private key = '';
  private stored: StoredSet | null = null;
  private randomCache: { seed: number; N: number; rng: Rng; data: Float64Array; filled: number } = { seed: NaN, N: 0, rng: createRng(0), data: new Float64Array(0), filled: 0 };
  /** The recaller's visiting order comes from here; it is re-seeded at every start so runs replay exactly. */
  private inner: Rng = createRng(1);
  private readonly rng: Rng = { uniform: () => this.inner.uniform(), normal: () => this.inner.normal() };

  /** Rebuilds the stored set when what is stored changed, then corrupts the target picture with noise. */
  reset(p: Params, seed: number, reader: readonly ReaderPicture[]): void {
    const side = Number(p.size);
    const key = `${side}|${p.images}|${p.extra}|${seed}|${reader.map((r) => r.name).join('/')}|${p.memory}|${p.n}`;
    this.note = '';
    let t = p.target - 1;
    const pictures = Math.min(p.images, BUILTIN_PICTURES.length) + reader.length;
    if (t >= pictures) {
      this.note = `Only ${pictures} pictures are stored, so picture ${pictures} is the target instead of ${p.target}.`;
      t = pictures - 1;
    }
    if (key !== this.key || !this.recaller) {
      this.key = key;
      this.build(p, seed, reader, side);
    }
    this.target = t;
    const xi = this.patterns.data.subarray(t * this.N, (t + 1) * this.N);
    this.start(corruptPattern(xi, p.noise, createRng(seed * 31 + 7 + t * 101)), seed);
  }

  private static storedKey(p: Params, seed: number, reader: readonly ReaderPicture[]): string {
    return `${p.size}|${p.images}|${p.extra}|${seed}|${reader.map((r) => r.name).join('/')}`;
  }

  /** True when the stored set these params ask for is already prepared, so reset() only builds the recaller. */
  isPrepared(p: Params, seed: number, reader: readonly ReaderPicture[]): boolean {
    return this.stored?.key === PictureMemory.storedKey(p, seed, reader);
  }

  /**
   * Prepares the stored set in slices (one built-in picture, or a few random rows, per slice), so that a figure
   * can spread the first build of a large memory over several tasks instead of blocking the page. Running it to
   * the end is exactly what reset() does when nothing was prepared. Deterministic in (params, seed, reader).
   */
  *prepare(p: Params, seed: number, reader: readonly ReaderPicture[]): Generator<void, void, void> {
    const key = PictureMemory.storedKey(p, seed, reader);
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
    for (let rows = 0; rows < p.extra; ) {
      rows = Math.min(p.extra, rows + RANDOM_ROWS_PER_SLICE);
      if (this.growRandom(rows, seed, N)) yield;
    }
    const K = pics.length + p.extra;
    const data = new Float64Array(K * N);
    pics.forEach((pic, mu) => data.set(pic, mu * N));
    data.set(this.randomCache.data.subarray(0, p.extra * N), pics.length * N);
    for (let mu = pics.length; mu < K; mu++) names.push(`random ${mu - pics.length + 1}`);
    this.stored = { key, data, names, pictures: pics.length };
  }

  private build(p: Params, seed: number, reader: readonly ReaderPicture[], side: number): void {
    const it = this.prepare(p, seed, reader);
    while (!it.next().done);
    const st = this.stored!;
    this.side = side;
    this.N = side * side;
    this.pictures = st.pictures;
    this.patterns = matrixFromData(st.names.length, this.N, st.data);
    this.names = st.names;
    const rule = ruleOf(p);
    this.isExp = rule.kind === 'exp';
    this.recaller = new PatternRecaller(this.patterns, st.data.subarray(0, this.N), rule, this.rng);
  }

  /**
   * Runs a few sweeps of a small throwaway memory with the same rule (own seed; the figure's state and random
   * streams are untouched), so that the JavaScript engine has compiled the recall loops before the reader's first
   * sweep of a large memory, which would otherwise run in unoptimised code for tens of milliseconds in one frame.
   */
  static warmUp(p: Pick<Params, 'memory' | 'n'>): void {
    if (PictureMemory.isWarm(p)) return;
    warmed.add(warmKey(p));
    const N = 512;
    const K = 24;
    const rng = createRng(12345);
    const data = new Float64Array(K * N);
    for (let i = 0; i < data.length; i++) data[i] = rng.uniform() < 0.5 ? -1 : 1;
    const r = new PatternRecaller(matrixFromData(K, N, data), corruptPattern(data.subarray(0, N), 0.3, rng), ruleOf(p), rng);
    for (let k = 0; k < 6; k++) {
      r.sweep();
      if (r.converged) r.reset(corruptPattern(data.subarray(k * N, (k + 1) * N), 0.3, rng));
    }
  }

  /** True once warmUp has run for this rule in this page. */
  static isWarm(p: Pick<Params, 'memory' | 'n'>): boolean {
    return warmed.has(warmKey(p));
  }

  get state(): Float64Array {
    return this.recaller!.state;
  }
  get overlaps(): Float64Array {
    return this.recaller!.overlaps;
  }
  /** True once a whole sweep has changed nothing: s is a fixed point of the dynamics. */
  get settled(): boolean {
    const r = this.recaller!;
    return r.converged && r.position === 0;
  }

  /**
   * Makes sure the first `count` random ±1 patterns for this seed and size exist, row after row from one seeded
   * stream, so a prefix never changes when more are asked for. Kept and extended, not redrawn, while a slider
   * moves. Returns true if it had to draw new ones.
   */
  private growRandom(count: number, seed: number, N: number): boolean {
    const c = this.randomCache;
    if (c.seed !== seed || c.N !== N) {
      this.randomCache = { seed, N, rng: seedStream(seed, 'hopfield-images.random-patterns'), data: new Float64Array(0), filled: 0 };
    }
    const r = this.randomCache;
    const need = count * N;
    if (r.filled >= need) return false;
    if (r.data.length < need) {
      const grown = new Float64Array(Math.max(need, Math.min(2 * r.data.length, 600 * N)));
      grown.set(r.data.subarray(0, r.filled));
      r.data = grown;
    }
    const d = r.data;
    const rng = r.rng;
    for (let i = r.filled; i < need; i++) d[i] = rng.uniform() < 0.5 ? -1 : 1;
    r.filled = need;
    return true;
  }

  /** Starts recall from the state s (after a reset, the mask, or a brush stroke). */
  start(s: ArrayLike<number>, seed = 1): void {
    this.probe = Float64Array.from(s);
    this.inner = createRng(seed * 97 + 13);
    this.recaller!.reset(this.probe);
    this.traceLen = 0;
    this.traceStride = 1;
    this.lastFlip = -1;
    this.record();
  }

  /** Restarts recall from what is on screen now (after the reader painted on it). */
  restartFromCurrent(seed: number): void {
    this.start(this.recaller!.state.slice(), seed);
  }

  /** The energy shown: E itself, or for F = eˣ its finite log form −log Σ_μ e^{m_μ} (same minima, same descent). */
  energy(): number {
    return this.isExp ? this.recaller!.logEnergy() : this.recaller!.energy();
  }

  /** One step: a whole sweep (every neuron visited once, in random order), or visits until one neuron flips. */
  step(p: Params): boolean {
    const r = this.recaller!;
    if (this.settled) return true;
    if (p.mode === 'flip') {
      const i = r.flipNext();
      this.lastFlip = i;
      if (i < 0 || r.flips % this.traceStride === 0) this.record();
    } else {
      r.sweep();
      this.lastFlip = -1;
      this.record();
    }
    return this.settled;
  }

  private record(): void {
    if (this.traceLen === TRACE_MAX) {
      for (let i = 0; i < TRACE_MAX / 2; i++) this.energies[i] = this.energies[2 * i];
      this.traceLen = TRACE_MAX / 2;
      this.traceStride *= 2;
    }
    this.energies[this.traceLen++] = this.energy();
  }

  /** Sets pixel i of the state to v = ±1 (the brush). */
  paint(i: number, v: number): void {
    this.recaller!.setBit(i, v);
  }

  /** Hides half the picture: the bottom half becomes paper (−1). */
  mask(seed: number): void {
    const s = this.recaller!.state.slice();
    for (let i = Math.floor(this.side / 2) * this.side; i < this.N; i++) s[i] = -1;
    this.start(s, seed);
  }

  /** The verdict on the current state: which memory it matches, or which ones it mixes. */
  verdict(): { kind: 'recalled' | 'other' | 'inverse' | 'spurious'; text: string } {
    const m = this.recaller!.overlaps;
    const N = this.N;
    const K = this.patterns.rows;
    const idx = Array.from({ length: K }, (_, k) => k).sort((a, b) => Math.abs(m[b]) - Math.abs(m[a]));
    const mu = idx[0];
    const mb = m[mu] / N;
    const name = (k: number) => `“${this.names[k]}”`;
    if (mb > 0.98 && mu === this.target) return { kind: 'recalled', text: `recalled ${name(mu)} (overlap ${mb.toFixed(3)})` };
    if (mb > 0.98) return { kind: 'other', text: `fell into a different memory, ${name(mu)} (overlap ${mb.toFixed(3)})` };
    if (mb < -0.98) return { kind: 'inverse', text: `fell into the negative of ${name(mu)}, which this energy stores too` };
    const parts = idx.slice(0, 3).map((k) => `${(m[k] / N).toFixed(2)} with ${name(k)}`);
    return { kind: 'spurious', text: `stuck in a spurious state that is no stored memory (overlap ${parts.join(', ')})` };
  }

  describe(p: Params): string {
    const K = this.patterns.rows;
    const r = this.recaller!;
    const what = p.memory === 'classical' ? 'Classical network' : p.memory === 'exp' ? 'Dense memory with F = eˣ' : `Dense memory with F = ${p.memory === 'rectified' ? 'max(x, 0)' : 'x'}^${p.n}`;
    const head = `${what}: N = ${this.N} neurons, K = ${K} patterns (K/N = ${(K / this.N).toFixed(3)}).`;
    const mt = r.overlaps[this.target] / this.N;
    const load = this.N * K;
    const heavy = p.mode === 'sweep' && load > 1e6 ? ` At N·K = ${(load / 1e6).toFixed(1)} million a sweep takes longer than one frame, so the animation runs below 60 fps.` : '';
    if (this.settled) return `${head} Settled after ${r.sweeps} sweeps and ${r.flips} flips: ${this.verdict().text}. ${this.note}${heavy}`.trim();
    return `${head} ${r.flips} flips so far; overlap with “${this.names[this.target]}” ${mt.toFixed(3)}; energy ${this.energy().toPrecision(5)}, never rising. ${this.note}${heavy}`.trim();
  }
}
