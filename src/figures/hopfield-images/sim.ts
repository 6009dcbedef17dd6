import { corruptPattern, createRng, matrixFromData, PatternRecaller, type Matrix, type Rng } from '../../core';
import { BUILTIN_PICTURES } from '../../lib/patterns/builtins';
import type { PropValues } from '../../lib/figure/spec';
import type { Edit } from '../../lib/figure/edits';
import type { meta } from './meta';
import { ruleOf } from './rules';
import { StoredPictures } from './stored';
import { applyStrokeRuns } from './strokes';

export { ruleOf };

export type Params = PropValues<typeof meta.props>;

/** A picture the reader drew or uploaded, kept at the size it was made and resampled when the grid changes. */
export interface ReaderPicture {
  name: string;
  side: number;
  pixels: Float64Array;
}

/** The most energies kept for the trace; when it fills, every other point is dropped and the stride doubles. */
const TRACE_MAX = 600;

/**
 * The core's recaller, whose visiting order can be put back to where a new recaller starts. The core keeps
 * shuffling the order it left, so without this a recall started again (Reset, a brush stroke) would depend on
 * every sweep before it, and a link, which replays only the run since the last restart, could not follow it.
 */
class PictureRecaller extends PatternRecaller {
  resetOrder(): void {
    for (let i = 0; i < this.N; i++) this.order[i] = i;
  }
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
  recaller: PictureRecaller | null = null;
  /** The starting (corrupted) state, kept for the "start" thumbnail. */
  probe = new Float64Array(0);
  energies = new Float64Array(TRACE_MAX);
  traceLen = 0;
  /** Flips between consecutive trace points in flip mode (doubles whenever the trace fills). */
  traceStride = 1;
  lastFlip = -1;
  isExp = false;
  note = '';
  /** Set when a link's run stored pictures of the reader's own that are not stored here (the `own` edit). */
  linkNote = '';
  /** The seed of the last reset: every start of recall re-seeds the visiting order from it. */
  private seed = 1;
  /** How many of the stored pictures are the reader's own. */
  private readerCount = 0;
  /**
   * The state before the stroke being painted, while the last thing that happened was an edit of that stroke:
   * a later edit of the same stroke paints on this again, so it replaces the earlier one (as a link records it).
   */
  private strokeStart: { id: number; state: Float64Array } | null = null;
  private key = '';
  /** The stored patterns, prepared (possibly in slices) before the recaller is built on them. */
  readonly sets = new StoredPictures();
  /** The recaller's visiting order comes from here; it is re-seeded at every start so runs replay exactly. */
  private inner: Rng = createRng(1);
  private readonly rng: Rng = { uniform: () => this.inner.uniform(), normal: () => this.inner.normal() };

  /** Rebuilds the stored set when what is stored changed, then corrupts the target picture with noise. */
  reset(p: Params, seed: number, reader: readonly ReaderPicture[]): void {
    this.note = '';
    this.linkNote = '';
    this.seed = seed;
    this.readerCount = reader.length;
    this.strokeStart = null;
    let t = p.target - 1;
    const pictures = Math.min(p.images, BUILTIN_PICTURES.length) + reader.length;
    if (t >= pictures) {
      this.note = `Only ${pictures} pictures are stored, so picture ${pictures} is the target instead of ${p.target}.`;
      t = pictures - 1;
    }
    this.prebuild(p, seed, reader);
    this.target = t;
    const xi = this.patterns.data.subarray(t * this.N, (t + 1) * this.N);
    this.start(corruptPattern(xi, p.noise, createRng(seed * 31 + 7 + t * 101)));
  }

  /** True when the stored set these params ask for is already prepared, so reset() only builds the recaller. */
  isPrepared(p: Params, seed: number, reader: readonly ReaderPicture[]): boolean {
    return this.sets.isPrepared(p, seed, reader);
  }

  /** The stored set's preparation in slices (see StoredPictures.prepare). */
  prepare(p: Params, seed: number, reader: readonly ReaderPicture[]): Generator<void, void, void> {
    return this.sets.prepare(p, seed, reader);
  }

  /**
   * Builds the recaller on the stored set these params ask for, unless it is built already; reset() starts
   * recall on it. A figure may call it in a task of its own before reset(), so that the build (a bit-major copy of
   * all the patterns and their overlaps) and the first recall do not add up to one long task.
   */
  prebuild(p: Params, seed: number, reader: readonly ReaderPicture[]): void {
    const side = Number(p.size);
    const key = `${side}|${p.images}|${p.extra}|${seed}|${reader.map((r) => r.name).join('/')}|${p.memory}|${p.n}`;
    if (key === this.key && this.recaller) return;
    this.key = key;
    this.build(p, seed, reader, side);
  }

  private build(p: Params, seed: number, reader: readonly ReaderPicture[], side: number): void {
    const it = this.sets.prepare(p, seed, reader);
    while (!it.next().done);
    const st = this.sets.stored!;
    this.side = side;
    this.N = side * side;
    this.pictures = st.pictures;
    this.patterns = matrixFromData(st.names.length, this.N, st.data);
    this.names = st.names;
    const rule = ruleOf(p);
    this.isExp = rule.kind === 'exp';
    this.recaller = new PictureRecaller(this.patterns, st.data.subarray(0, this.N), rule, this.rng);
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
   * Starts recall from the state s (after a reset, the mask, or a brush stroke): what follows depends on s and
   * the seed alone (the visiting order and its generator start afresh, the counters and the trace are cleared).
   */
  start(s: ArrayLike<number>, seed = this.seed): void {
    this.probe = Float64Array.from(s);
    this.inner = createRng(seed * 97 + 13);
    this.recaller!.reset(this.probe);
    this.recaller!.resetOrder();
    this.energies.fill(0);
    this.traceLen = 0;
    this.traceStride = 1;
    this.lastFlip = -1;
    this.record();
  }

  /**
   * The reader's edits (meta.edits), as the run gives them, checked and rounded. Never throws: pixels past this
   * picture's size are ignored.
   * - `paint k, runs…`: brush stroke k sets the pixels of its runs (strokes.ts), and recall starts again from
   *   the painted state. Each edit of a stroke holds the whole stroke so far, painted on the state from before it.
   * - `mask`: the bottom half becomes paper, and recall starts again.
   * - `own n`: the run stored n pictures of the reader's own; if this memory does not hold them, say so.
   */
  applyEdit(e: Edit): void {
    if (!this.recaller) return;
    const stroke = e.kind === 'paint' && this.strokeStart?.id === e.args[0] ? this.strokeStart : null;
    this.strokeStart = null;
    if (e.kind === 'paint') {
      this.strokeStart = stroke ?? { id: e.args[0], state: this.state.slice() };
      const s = this.strokeStart.state.slice();
      applyStrokeRuns(e.args.slice(1), s);
      this.start(s);
    } else if (e.kind === 'mask') {
      this.mask();
    } else if (e.kind === 'own' && e.args[0] !== this.readerCount) {
      const n = e.args[0];
      this.linkNote = `This link's run stored ${n} ${n === 1 ? 'picture' : 'pictures'} of the sender's own, which a link cannot carry: ${n === 1 ? 'it is' : 'they are'} missing here, so this is not the run that was shared.`;
    }
  }

  /** A kept change of props ends the stroke being painted: a later edit of it no longer replaces the earlier. */
  onKeptChange(): void {
    this.strokeStart = null;
  }

  /** The energy shown: E itself, or for F = eˣ its finite log form −log Σ_μ e^{m_μ} (same minima, same descent). */
  energy(): number {
    return this.isExp ? this.recaller!.logEnergy() : this.recaller!.energy();
  }

  /** One step: a whole sweep (every neuron visited once, in random order), or visits until one neuron flips. */
  step(p: Params): boolean {
    const r = this.recaller!;
    this.strokeStart = null;
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

  /** Hides half the picture: the bottom half becomes paper (−1), and recall starts again from there. */
  private mask(): void {
    const s = this.recaller!.state.slice();
    for (let i = Math.floor(this.side / 2) * this.side; i < this.N; i++) s[i] = -1;
    this.start(s);
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
    const heavy = p.mode === 'sweep' && load > 1e6 ? ` At N·K = ${(load / 1e6).toFixed(1)} million a sweep may take longer than one frame on a slow device, and the animation then runs below 60 fps.` : '';
    const notes = [this.note, this.linkNote].filter(Boolean).join(' ');
    if (this.settled) return `${head} Settled after ${r.sweeps} sweeps and ${r.flips} flips: ${this.verdict().text}. ${notes}${heavy}`.trim();
    return `${head} ${r.flips} flips so far; overlap with “${this.names[this.target]}” ${mt.toFixed(3)}; energy ${this.energy().toPrecision(5)}, never rising. ${notes}${heavy}`.trim();
  }
}
