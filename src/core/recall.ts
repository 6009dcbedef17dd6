import type { Matrix } from './matrix';
import { checkBinary, patternOverlaps } from './patterns';
import type { Rng } from './rng';
import { fastExp as fastExpImported } from './special';

// Module-local binding: test runners that rewrite imports into property loads (vite-node) can still inline it.
const fastExp = fastExpImported;
import { checkInt, checkLength, checkPositive } from './validate';

/*
 * Asynchronous recall in binary associative memories, one bit at a time, with everything a figure wants to show
 * kept incrementally: the state, its energy, and (for pattern-based memories) its overlap with every stored
 * pattern. A sweep visits every bit once in a fresh random order drawn from the caller's Rng; recall has
 * converged when a whole sweep changes nothing.
 *
 * Two implementations share the sweep logic:
 *  - WeightsRecaller: any symmetric weight matrix W (N×N), local fields h = Ws kept up to date (O(1) per bit
 *    examined, O(N) per flip). Used by hopfieldRecall.
 *  - PatternRecaller: the patterns themselves (K×N), the classical Hebbian network or a dense associative
 *    memory (Krotov–Hopfield 2016, Demircigil et al. 2017). Overlaps m_μ = ξ_μ·s kept up to date (O(K) per bit
 *    examined and per flip), never the N×N matrix, so a 64×64 image memory costs K·N numbers, not N².
 */

/** Separation function of a dense associative memory: F(x) = xⁿ, max(x, 0)ⁿ, or e^{βx} (β = 1 by default). */
export type Separation = { kind: 'poly'; n: number } | { kind: 'rectified'; n: number } | { kind: 'exp'; beta?: number };

/** How a PatternRecaller updates a bit: the classical Hebbian network, or a DAM with separation function F. */
export type RecallRule = { kind: 'classical' } | Separation;

/** The outcome of a recall run. `energies` holds the initial energy, then the energy after each sweep. */
export interface Recall {
  state: Float64Array;
  sweeps: number;
  converged: boolean;
  energies: number[];
  /** Only for F = e^{βx}: the finite log-scale energies −β⁻¹ log Σ_μ e^{βm_μ}, at the same moments as `energies`. */
  logEnergies?: number[];
}

/** Options of the recall functions: the random order comes from `rng`; at most `maxSweeps` sweeps (default 100). */
export interface RecallOptions {
  rng: Rng;
  maxSweeps?: number;
}

/** Throws unless F is a supported separation function with valid parameters (message names `name`). */
export function checkSeparation(F: Separation, name = 'F'): void {
  if (!F || typeof F !== 'object') throw new Error(`${name}: expected a separation function { kind: 'poly' | 'rectified' | 'exp' }`);
  if (F.kind === 'poly') checkInt(F.n, 1, 40, `${name}.n`);
  else if (F.kind === 'rectified') {
    if (!(Number.isFinite(F.n) && F.n >= 1 && F.n <= 40)) throw new Error(`${name}.n: must be a number in [1, 40] (got ${F.n})`);
  } else if (F.kind === 'exp') {
    if (F.beta !== undefined) checkPositive(F.beta, `${name}.beta`);
  } else throw new Error(`${name}.kind: must be 'poly', 'rectified' or 'exp' (got ${(F as { kind: unknown }).kind})`);
}

/** F(x) for a polynomial or rectified separation (integer powers by repeated multiplication). */
export function separationValue(F: Separation, x: number): number {
  if (F.kind === 'exp') return Math.exp((F.beta ?? 1) * x);
  if (F.kind === 'rectified' && x <= 0) return 0;
  return powN(x, F.n);
}

function powN(x: number, n: number): number {
  if (n === 1) return x;
  if (n === 2) return x * x;
  if (n === 3) return x * x * x;
  if (Number.isInteger(n)) {
    let r = 1;
    let b = x;
    let e = n;
    while (e > 0) {
      if (e & 1) r *= b;
      b *= b;
      e >>= 1;
    }
    return r;
  }
  return Math.pow(x, n);
}

/** What every recaller exposes. `state` is updated in place; read it each frame, do not keep copies. */
export interface Recaller {
  /** Number of bits N. */
  readonly N: number;
  /** The current state (±1), mutated in place by every flip. */
  readonly state: Float64Array;
  /** Completed sweeps. */
  readonly sweeps: number;
  /** Bits examined so far in the current sweep (0 … N−1). */
  readonly position: number;
  /** Total flips since the last reset. */
  readonly flips: number;
  /** True once a whole sweep changed nothing (cleared again by any flip or setBit). */
  readonly converged: boolean;
  /** Index of the bit examined last (−1 before the first), and whether it flipped. */
  readonly lastIndex: number;
  readonly lastFlipped: boolean;
  /** Energy trace: the energy at reset, then after each completed sweep. */
  readonly energies: number[];
  /** The current energy (kept incrementally). */
  energy(): number;
  /** Examines the next bit of the current sweep and flips it if the rule says so. Returns its index. */
  step(): number;
  /** Examines bits until one flips; returns its index, or −1 once a whole sweep has changed nothing. */
  flipNext(): number;
  /** Finishes the current sweep (a whole one if none is under way). Returns the number of flips in that sweep. */
  sweep(): number;
  /** Sweeps until converged or `maxSweeps` sweeps have been completed in total; returns a Recall (copies). */
  run(maxSweeps?: number): Recall;
  /** Sets bit i to v (±1) directly, e.g. when the reader paints on the probe; keeps everything consistent. */
  setBit(i: number, v: number): void;
  /** Starts again from a new probe (±1, length N). */
  reset(probe: ArrayLike<number>): void;
}

abstract class SweepRecaller implements Recaller {
  readonly N: number;
  readonly state: Float64Array;
  sweeps = 0;
  position = 0;
  flips = 0;
  converged = false;
  lastIndex = -1;
  lastFlipped = false;
  energies: number[] = [];
  protected flipsThisSweep = 0;
  protected lastSweepFlips = 0;
  protected readonly order: Uint32Array;
  protected readonly rng: Rng;

  constructor(N: number, rng: Rng) {
    if (!rng || typeof rng.uniform !== 'function') throw new Error('rng: expected a generator from createRng(seed)');
    this.N = N;
    this.rng = rng;
    this.state = new Float64Array(N);
    this.order = new Uint32Array(N);
    for (let i = 0; i < N; i++) this.order[i] = i;
  }

  /** Applies the update rule to bit i; flips it (keeping derived quantities) and returns true if it changed. */
  protected abstract updateBit(i: number): boolean;
  /** Recomputes derived quantities from `state` (O(N·K) or O(N²)). */
  protected abstract recompute(): void;
  /** Sets bit i to −state[i], updating derived quantities. */
  protected abstract flip(i: number): void;
  abstract energy(): number;

  reset(probe: ArrayLike<number>): void {
    checkLength(probe, this.N, 'probe');
    checkBinary(probe, 'probe');
    for (let i = 0; i < this.N; i++) this.state[i] = probe[i];
    this.recompute();
    this.sweeps = 0;
    this.position = 0;
    this.flips = 0;
    this.flipsThisSweep = 0;
    this.lastSweepFlips = 0;
    this.converged = false;
    this.lastIndex = -1;
    this.lastFlipped = false;
    this.energies = [];
    this.record();
  }

  /** Appends the current energy to the trace (PatternRecaller also appends the log-scale energy for e^{βx}). */
  protected record(): void {
    this.energies.push(this.energy());
  }

  setBit(i: number, v: number): void {
    checkInt(i, 0, this.N - 1, 'i');
    if (v !== 1 && v !== -1) throw new Error(`v: must be +1 or −1 (got ${v})`);
    if (this.state[i] !== v) {
      this.flip(i);
      this.converged = false;
    }
  }

  step(): number {
    if (this.position === 0) this.shuffle();
    const i = this.order[this.position++];
    const flipped = this.updateBit(i);
    this.lastIndex = i;
    this.lastFlipped = flipped;
    if (flipped) {
      this.flips++;
      this.flipsThisSweep++;
      this.converged = false;
    }
    if (this.position === this.N) {
      this.position = 0;
      this.sweeps++;
      this.lastSweepFlips = this.flipsThisSweep;
      this.converged = this.flipsThisSweep === 0;
      this.flipsThisSweep = 0;
      this.recomputeEnergy();
      this.record();
    }
    return i;
  }

  /** Refreshes the incrementally kept energy exactly (called at the end of each sweep). */
  protected recomputeEnergy(): void {}

  flipNext(): number {
    if (this.converged && this.position === 0) return -1;
    for (;;) {
      const i = this.step();
      if (this.lastFlipped) return i;
      if (this.converged && this.position === 0) return -1;
    }
  }

  sweep(): number {
    if (this.position !== 0) {
      do this.step();
      while (this.position !== 0);
      return this.lastSweepFlips;
    }
    // A whole sweep: the same order, updates and bookkeeping as N calls of step(), without the per-call overhead.
    this.shuffle();
    const o = this.order;
    const N = this.N;
    let flips = 0;
    let last = -1;
    let lastFlipped = false;
    for (let p = 0; p < N; p++) {
      last = o[p];
      lastFlipped = this.updateBit(last);
      if (lastFlipped) flips++;
    }
    this.lastIndex = last;
    this.lastFlipped = lastFlipped;
    this.flips += flips;
    this.sweeps++;
    this.lastSweepFlips = flips;
    this.converged = flips === 0;
    this.flipsThisSweep = 0;
    this.recomputeEnergy();
    this.record();
    return flips;
  }

  /** A fresh random order for the next sweep (Fisher–Yates, one uniform draw per position). */
  private shuffle(): void {
    const o = this.order;
    const rng = this.rng;
    for (let k = this.N - 1; k > 0; k--) {
      const j = Math.floor(rng.uniform() * (k + 1));
      const t = o[k];
      o[k] = o[j];
      o[j] = t;
    }
  }

  run(maxSweeps = 100): Recall {
    checkInt(maxSweeps, 1, 1e9, 'maxSweeps');
    if (this.position !== 0) this.sweep();
    while (!this.converged && this.sweeps < maxSweeps) this.sweep();
    return this.result();
  }

  protected result(): Recall {
    return { state: Float64Array.from(this.state), sweeps: this.sweeps, converged: this.converged, energies: this.energies.slice() };
  }
}

/**
 * Asynchronous recall with an arbitrary symmetric weight matrix W (N×N, e.g. hebbianWeights): bit i becomes
 * sgn(Σ_j W_ij s_j), sgn(0) = +1. Keeps the local fields h = Ws (O(N) per flip, using row i of W as its
 * column, so W must be symmetric, which is not checked) and the energy E = −½ sᵀWs
 * (ΔE = 2 s_i h_i − 2W_ii per flip; refreshed exactly at the end of each sweep).
 * The constructor costs one O(N²) product; non-finite weights are detected through the fields.
 */
export class WeightsRecaller extends SweepRecaller {
  readonly weights: Matrix;
  /** Local fields h_i = Σ_j W_ij s_j, kept up to date. */
  readonly fields: Float64Array;
  private e = 0;

  constructor(weights: Matrix, probe: ArrayLike<number>, rng: Rng) {
    if (!weights || !(weights.rows >= 1) || weights.rows !== weights.cols) throw new Error(`weights: must be a non-empty square matrix (got ${weights?.rows}×${weights?.cols})`);
    super(weights.rows, rng);
    this.weights = weights;
    this.fields = new Float64Array(weights.rows);
    this.reset(probe);
  }

  protected recompute(): void {
    // h = Ws reading only the upper triangle (W is symmetric): each W_ij (j > i) feeds h_i and h_j, which halves
    // the memory traffic of this O(N²) product, the dominant cost of a recall (W does not fit in cache). Rows are
    // taken four at a time so that each h_j is loaded and stored once per four weights (register blocking).
    const N = this.N;
    const W = this.weights.data;
    const s = this.state;
    const h = this.fields;
    for (let i = 0; i < N; i++) h[i] = W[i * N + i] * s[i];
    let i = 0;
    for (; i + 3 < N; i += 4) {
      const o0 = i * N;
      const o1 = o0 + N;
      const o2 = o1 + N;
      const o3 = o2 + N;
      const s0 = s[i];
      const s1 = s[i + 1];
      const s2 = s[i + 2];
      const s3 = s[i + 3];
      // The pairs inside the block of four rows.
      let a0 = W[o0 + i + 1] * s1 + W[o0 + i + 2] * s2 + W[o0 + i + 3] * s3;
      let a1 = W[o0 + i + 1] * s0 + W[o1 + i + 2] * s2 + W[o1 + i + 3] * s3;
      let a2 = W[o0 + i + 2] * s0 + W[o1 + i + 2] * s1 + W[o2 + i + 3] * s3;
      let a3 = W[o0 + i + 3] * s0 + W[o1 + i + 3] * s1 + W[o2 + i + 3] * s2;
      for (let j = i + 4; j < N; j++) {
        const w0 = W[o0 + j];
        const w1 = W[o1 + j];
        const w2 = W[o2 + j];
        const w3 = W[o3 + j];
        const sj = s[j];
        a0 += w0 * sj;
        a1 += w1 * sj;
        a2 += w2 * sj;
        a3 += w3 * sj;
        h[j] += w0 * s0 + w1 * s1 + w2 * s2 + w3 * s3;
      }
      h[i] += a0;
      h[i + 1] += a1;
      h[i + 2] += a2;
      h[i + 3] += a3;
    }
    for (; i < N; i++) {
      const o = i * N;
      const si = s[i];
      let a = 0;
      for (let j = i + 1; j < N; j++) {
        a += W[o + j] * s[j];
        h[j] += W[o + j] * si;
      }
      h[i] += a;
    }
    for (let k = 0; k < N; k++) if (!Number.isFinite(h[k])) throw new Error(`weights: row ${k} contains a non-finite number`);
    this.recomputeEnergy();
  }

  protected recomputeEnergy(): void {
    let e = 0;
    for (let i = 0; i < this.N; i++) e += this.state[i] * this.fields[i];
    this.e = -0.5 * e;
  }

  energy(): number {
    return this.e;
  }

  protected updateBit(i: number): boolean {
    const v = this.fields[i] >= 0 ? 1 : -1;
    if (v === this.state[i]) return false;
    this.flip(i);
    return true;
  }

  protected flip(i: number): void {
    const N = this.N;
    const old = this.state[i];
    const W = this.weights.data;
    this.e += 2 * old * this.fields[i] - 2 * W[i * N + i];
    const v = -old;
    this.state[i] = v;
    const c = 2 * v;
    const o = i * N;
    const h = this.fields;
    let j = 0;
    for (; j + 3 < N; j += 4) {
      h[j] += c * W[o + j];
      h[j + 1] += c * W[o + j + 1];
      h[j + 2] += c * W[o + j + 2];
      h[j + 3] += c * W[o + j + 3];
    }
    for (; j < N; j++) h[j] += c * W[o + j];
  }
}

/**
 * Asynchronous recall from the stored patterns themselves (K×N, one per row), without forming W.
 *
 * - `{ kind: 'classical' }`: the Hebbian network W = (1/N) Σ_μ ξ_μξ_μᵀ with zero diagonal. Bit i becomes
 *   sgn(Σ_μ ξ_μi m_μ − s_i Σ_μ ξ_μi²), i.e. sgn(N h_i); E = −(1/2N)(Σ_μ m_μ² − Σ_μ ‖ξ_μ‖²) = −½ sᵀWs.
 * - a Separation F: the Krotov–Hopfield rule s_i ← Sign[Σ_μ F(ξ_μi + r_μ) − F(−ξ_μi + r_μ)], r_μ = m_μ − ξ_μi s_i
 *   (greedy descent of E = −Σ_μ F(m_μ) on bit i; Sign(0) = +1). For F = e^{βx} the bracket is evaluated
 *   without any exponential per bit: with u_μ = e^{β(m_μ − max m)} kept per flip, it is proportional to
 *   Σ_μ u_μ c_{s_i}(ξ_μi), c₊(ξ) = 1 − e^{−2βξ}, c₋(ξ) = e^{2βξ} − 1. For ±1 patterns that is
 *   c(+1)·Σ_{ξ_μi=+1} u_μ + c(−1)·Σ_{ξ_μi=−1} u_μ, estimated from one dot product q = Σ_μ ξ_μi u_μ and U = Σ_μ u_μ,
 *   with an exact two-sum fallback when the estimate is within rounding error of 0; a flip multiplies each u_μ by
 *   e^{±2β} (2β ≤ 40), and u is recomputed exactly at the end of every sweep. For real patterns the c's are
 *   tabulated once. When 2β·max|ξ| > 600 it compares two log-sum-exps per bit instead.
 *
 * ±1 patterns are stored once more as a bit-major Int8Array (N×K bytes: a 1024×256 memory fits in L2 cache);
 * other patterns as a bit-major Float64Array. Overlaps m_μ = ξ_μ·s are kept incrementally (O(K) per flip).
 * For F = e^{βx}, energy() is the exact −Σ_μ e^{βm_μ}, which overflows to −Infinity once β·max m > 709 (never
 * NaN); logEnergy() gives the finite −β⁻¹ log Σ_μ e^{βm_μ}, a strictly increasing function of it with the same
 * minima and the same update rule.
 */
export class PatternRecaller extends SweepRecaller {
  readonly K: number;
  readonly patterns: Matrix;
  readonly rule: RecallRule;
  /** Raw overlaps m_μ = ξ_μ · s with every stored pattern (divide by N for the normalised overlap). */
  readonly overlaps: Float64Array;
  /** True when every pattern entry is ±1 (the Int8 fast paths are used). */
  readonly binary: boolean;
  private readonly xiB: Int8Array; // N×K bit-major copy when binary (else empty)
  private readonly xiT: Float64Array; // N×K bit-major copy when not binary (else empty)
  private readonly diag: Float64Array; // Σ_μ ξ_μi² per bit (classical)
  private readonly normSum: number; // Σ_μ ‖ξ_μ‖² (classical)
  private readonly beta: number;
  /** 0 classical, 1 exp without exponentials per bit, 2 exp by log-sum-exp, 3 polynomial/rectified. */
  private readonly mode: 0 | 1 | 2 | 3;
  private readonly cPlus: Float64Array; // real patterns, mode 1: c₊(ξ) per (i, μ)
  private readonly cMinus: Float64Array;
  // Binary patterns, mode 1: c_{s}(ξ) for s, ξ ∈ {±1}.
  private readonly cPP: number;
  private readonly cPM: number;
  private readonly cMP: number;
  private readonly cMM: number;
  private readonly u: Float64Array;
  // Binary patterns, F = e^{βx} with 2β ≤ 40: a flip multiplies u_μ by scale[(ξ_μi s_i + 1)/2] = e^{±2β}.
  private readonly scale: Float64Array;
  // Binary patterns, F polynomial/rectified (mode 3): every overlap is an integer in [−N, N], so the bracket
  // F(r + 1) − F(r − 1) and F(m) are read from tables built once (no powers per bit): gTab[r + N + 1] for
  // r ∈ [−N − 1, N + 1], fTab[m + N] for m ∈ [−N, N]; mInt mirrors the overlaps as integers.
  private readonly gTab: Float64Array;
  private readonly fTab: Float64Array;
  private readonly mInt: Int32Array;
  private uMax = 0;
  private uSum = 1;
  private e = 0;
  /** For F = e^{βx}: the log-scale energy trace (see logEnergy), at the same moments as `energies`. */
  logEnergies: number[] = [];

  constructor(patterns: Matrix, probe: ArrayLike<number>, rule: RecallRule, rng: Rng) {
    if (!patterns || !(patterns.rows >= 1) || !(patterns.cols >= 1)) throw new Error('patterns: need at least one pattern (empty pattern set)');
    if (!rule || typeof rule !== 'object') throw new Error("rule: expected { kind: 'classical' } or a separation function");
    if (rule.kind !== 'classical') checkSeparation(rule, 'F');
    super(patterns.cols, rng);
    const K = patterns.rows;
    const N = patterns.cols;
    this.K = K;
    this.patterns = patterns;
    this.rule = rule;
    this.overlaps = new Float64Array(K);
    this.u = new Float64Array(K);
    this.diag = new Float64Array(N);
    const d = patterns.data;
    let binary = true;
    for (let j = 0; j < d.length; j++) {
      const v = d[j];
      if (v * v !== 1) {
        binary = false;
        break;
      }
    }
    let maxAbs = 1;
    let normSum = K * N;
    if (!binary) {
      maxAbs = 0;
      normSum = 0;
      for (let j = 0; j < d.length; j++) {
        const v = d[j];
        if (!Number.isFinite(v)) throw new Error(`patterns: entry (${Math.floor(j / N)}, ${j % N}) is not a finite number (${v})`);
        const a = v < 0 ? -v : v;
        normSum += a * a;
        if (a > maxAbs) maxAbs = a;
      }
    }
    this.binary = binary;
    this.normSum = normSum;
    const xb = new Int8Array(binary ? N * K : 0);
    const xt = new Float64Array(binary ? 0 : N * K);
    this.xiB = xb;
    this.xiT = xt;
    // Transpose K×N → N×K in 32×32 tiles (cache-friendly on both sides).
    const T = 32;
    for (let m0 = 0; m0 < K; m0 += T) {
      const m1 = Math.min(K, m0 + T);
      for (let i0 = 0; i0 < N; i0 += T) {
        const i1 = Math.min(N, i0 + T);
        if (binary) {
          for (let m = m0; m < m1; m++) for (let i = i0, o = m * N; i < i1; i++) xb[i * K + m] = d[o + i];
        } else {
          for (let m = m0; m < m1; m++) for (let i = i0, o = m * N; i < i1; i++) xt[i * K + m] = d[o + i];
        }
      }
    }
    const diag = this.diag;
    if (binary) diag.fill(K);
    else for (let j = 0; j < d.length; j++) diag[j % N] += d[j] * d[j];
    this.beta = rule.kind === 'exp' ? rule.beta ?? 1 : 1;
    const b2 = 2 * this.beta;
    this.mode = rule.kind === 'classical' ? 0 : rule.kind === 'exp' ? (b2 * maxAbs <= 600 ? 1 : 2) : 3;
    this.cPP = -Math.expm1(-b2);
    this.cPM = -Math.expm1(b2);
    this.cMP = Math.expm1(b2);
    this.cMM = Math.expm1(-b2);
    this.scale = binary && this.mode === 1 && b2 <= 40 ? Float64Array.of(Math.exp(-b2), Math.exp(b2)) : new Float64Array(0);
    const polyTab = binary && this.mode === 3;
    this.gTab = new Float64Array(polyTab ? 2 * N + 3 : 0);
    this.fTab = new Float64Array(polyTab ? 2 * N + 1 : 0);
    this.mInt = new Int32Array(polyTab ? K : 0);
    if (polyTab) {
      const F = rule as Separation;
      for (let r = -N - 1; r <= N + 1; r++) this.gTab[r + N + 1] = separationValue(F, r + 1) - separationValue(F, r - 1);
      for (let v = -N; v <= N; v++) this.fTab[v + N] = separationValue(F, v);
    }
    const tab = this.mode === 1 && !binary;
    this.cPlus = new Float64Array(tab ? N * K : 0);
    this.cMinus = new Float64Array(tab ? N * K : 0);
    if (tab) {
      for (let j = 0; j < N * K; j++) {
        this.cPlus[j] = -Math.expm1(-b2 * this.xiT[j]);
        this.cMinus[j] = Math.expm1(b2 * this.xiT[j]);
      }
    }
    this.reset(probe);
  }

  protected recompute(): void {
    patternOverlaps(this.patterns, this.state, this.overlaps);
    if (this.mInt.length) for (let k = 0; k < this.K; k++) this.mInt[k] = this.overlaps[k];
    this.refresh();
  }

  /** Recomputes the energy (and for F = e^{βx} the scaled weights u) from the overlaps: O(K). */
  private refresh(): void {
    const K = this.K;
    const m = this.overlaps;
    const rule = this.rule;
    if (rule.kind === 'classical') {
      let s = 0;
      for (let k = 0; k < K; k++) s += m[k] * m[k];
      this.e = -(s - this.normSum) / (2 * this.N);
    } else if (rule.kind === 'exp') {
      const b = this.beta;
      let mx = -Infinity;
      for (let k = 0; k < K; k++) if (m[k] > mx) mx = m[k];
      let s = 0;
      const u = this.u;
      for (let k = 0; k < K; k++) {
        const v = fastExp(b * (m[k] - mx));
        u[k] = v;
        s += v;
      }
      this.uMax = mx;
      this.uSum = s;
    } else {
      let s = 0;
      for (let k = 0; k < K; k++) s += separationValue(rule, m[k]);
      this.e = -s;
    }
  }

  protected record(): void {
    if (this.energies.length === 0) this.logEnergies = [];
    this.energies.push(this.energy());
    if (this.rule.kind === 'exp') this.logEnergies.push(this.logEnergy());
  }

  protected result(): Recall {
    const r = super.result();
    if (this.rule.kind === 'exp') r.logEnergies = this.logEnergies.slice();
    return r;
  }

  energy(): number {
    if (this.rule.kind === 'exp') return -Math.exp(this.beta * this.uMax + Math.log(this.uSum));
    return this.e;
  }

  /** For F = e^{βx}: −β⁻¹ log Σ_μ e^{βm_μ} (finite always). For the other rules, the same as energy(). */
  logEnergy(): number {
    if (this.rule.kind === 'exp') return -(this.uMax + Math.log(this.uSum) / this.beta);
    return this.e;
  }

  /** The Krotov–Hopfield bracket for ±1 patterns (its sign decides bit i). */
  private driveBinary(i: number): number {
    const K = this.K;
    const m = this.overlaps;
    const x = this.xiB;
    const o = i * K;
    const si = this.state[i];
    if (this.mode === 0) {
      let d0 = 0;
      let d1 = 0;
      let k = 0;
      for (; k + 1 < K; k += 2) {
        d0 += x[o + k] * m[k];
        d1 += x[o + k + 1] * m[k + 1];
      }
      if (k < K) d0 += x[o + k] * m[k];
      return d0 + d1 - si * K;
    }
    if (this.mode === 1) {
      const u = this.u;
      // Fast estimate from q = Σ_μ ξ_μi u_μ: Σ_{ξ=+1} u = (U + q)/2 and Σ_{ξ=−1} u = (U − q)/2 (the ½ dropped).
      let q0 = 0;
      let q1 = 0;
      let q2 = 0;
      let q3 = 0;
      let k = 0;
      for (; k + 3 < K; k += 4) {
        q0 += x[o + k] * u[k];
        q1 += x[o + k + 1] * u[k + 1];
        q2 += x[o + k + 2] * u[k + 2];
        q3 += x[o + k + 3] * u[k + 3];
      }
      for (; k < K; k++) q0 += x[o + k] * u[k];
      const q = q0 + q1 + q2 + q3;
      const U = this.uSum;
      const ca = si > 0 ? this.cPP : this.cMP;
      const cb = si > 0 ? this.cPM : this.cMM;
      const est = ca * (U + q) + cb * (U - q);
      // U ± q loses everything to cancellation when one side is tiny: trust the estimate only when it is far from
      // 0 compared with that rounding error; otherwise sum both sides exactly.
      if (Math.abs(est) > 1e-12 * (Math.abs(ca) + Math.abs(cb)) * U) return est;
      let sp = 0;
      let sm = 0;
      for (k = 0; k < K; k++) {
        const a = u[k];
        const xa = x[o + k] * a;
        sp += a + xa;
        sm += a - xa;
      }
      return ca * sp + cb * sm;
    }
    if (this.mInt.length) return this.drivePolyTable(i);
    return this.driveGeneric(i, x);
  }

  /**
   * Mode 3 with ±1 patterns: the bracket Σ_μ F(r_μ + ξ_μi) − F(r_μ − ξ_μi) = Σ_μ ξ_μi G(r_μ), G(r) = F(r + 1) − F(r − 1),
   * r_μ = m_μ − ξ_μi s_i, with G read from a table (the same numbers brute force computes, summed in the same order).
   */
  private drivePolyTable(i: number): number {
    const K = this.K;
    const mi = this.mInt;
    const x = this.xiB;
    const g = this.gTab;
    const o = i * K;
    const off = this.N + 1;
    let D = 0;
    if (this.state[i] > 0) {
      for (let k = 0; k < K; k++) {
        const xk = x[o + k];
        D += xk * g[mi[k] - xk + off];
      }
    } else {
      for (let k = 0; k < K; k++) {
        const xk = x[o + k];
        D += xk * g[mi[k] + xk + off];
      }
    }
    return D;
  }

  /** The bracket for any patterns, reading the bit-major copy `x` (Int8 for ±1, else Float64). */
  private driveGeneric(i: number, x: ArrayLike<number>): number {
    const K = this.K;
    const m = this.overlaps;
    const o = i * K;
    const si = this.state[i];
    const rule = this.rule;
    let D = 0;
    if (this.mode === 0) {
      for (let k = 0; k < K; k++) D += x[o + k] * m[k];
      return D - si * this.diag[i];
    }
    if (this.mode === 1) {
      const c = si > 0 ? this.cPlus : this.cMinus;
      const u = this.u;
      for (let k = 0; k < K; k++) D += u[k] * c[o + k];
      return D;
    }
    if (this.mode === 2) {
      // Compare lse_μ β(r_μ + ξ_μi) with lse_μ β(r_μ − ξ_μi), r_μ = m_μ − ξ_μi s_i.
      const b = this.beta;
      let mp = -Infinity;
      let mm = -Infinity;
      for (let k = 0; k < K; k++) {
        const r = m[k] - x[o + k] * si;
        const ap = b * (r + x[o + k]);
        const am = b * (r - x[o + k]);
        if (ap > mp) mp = ap;
        if (am > mm) mm = am;
      }
      let sp = 0;
      let sm = 0;
      for (let k = 0; k < K; k++) {
        const r = m[k] - x[o + k] * si;
        sp += Math.exp(b * (r + x[o + k]) - mp);
        sm += Math.exp(b * (r - x[o + k]) - mm);
      }
      return mp + Math.log(sp) - (mm + Math.log(sm));
    }
    const F = rule as Separation;
    for (let k = 0; k < K; k++) {
      const xk = x[o + k];
      const r = m[k] - xk * si;
      D += separationValue(F, r + xk) - separationValue(F, r - xk);
    }
    return D;
  }

  /** N·h_i for the classical network with ±1 patterns: Σ_μ ξ_μi m_μ − K s_i (small, so it inlines). */
  private fieldBinary(i: number): number {
    const K = this.K;
    const m = this.overlaps;
    const x = this.xiB;
    const o = i * K;
    let d0 = 0;
    let d1 = 0;
    let k = 0;
    for (; k + 1 < K; k += 2) {
      d0 += x[o + k] * m[k];
      d1 += x[o + k + 1] * m[k + 1];
    }
    if (k < K) d0 += x[o + k] * m[k];
    return d0 + d1 - this.state[i] * K;
  }

  protected updateBit(i: number): boolean {
    const D = this.binary ? (this.mode === 0 ? this.fieldBinary(i) : this.driveBinary(i)) : this.driveGeneric(i, this.xiT);
    const v = D >= 0 ? 1 : -1;
    if (v === this.state[i]) return false;
    this.flip(i);
    return true;
  }

  protected flip(i: number): void {
    const K = this.K;
    const v = -this.state[i];
    this.state[i] = v;
    const c = 2 * v;
    const o = i * K;
    const m = this.overlaps;
    if (this.binary) {
      const x = this.xiB;
      if (this.mode === 1 && this.scale.length === 2) {
        // m_μ moves by ±2, so u_μ = e^{β(m_μ − M)} is multiplied by e^{±2β}: no exponentials. Refreshed exactly
        // at the end of each sweep, or at once if the largest u leaves [1e-200, 1e200].
        const u = this.u;
        const f = this.scale;
        let sum = 0;
        let mx = 0;
        for (let k = 0; k < K; k++) {
          const xv = x[o + k] * v;
          m[k] += 2 * xv;
          const uk = u[k] * f[(xv + 1) >> 1];
          u[k] = uk;
          sum += uk;
          if (uk > mx) mx = uk;
        }
        this.uSum = sum;
        if (mx > 1e200 || mx < 1e-200) this.refresh();
        return;
      }
      if (this.mInt.length) {
        // Overlaps move by ±2; the energy −Σ_μ F(m_μ) is summed from the table in the same pass.
        const mi = this.mInt;
        const fT = this.fTab;
        const N = this.N;
        let e = 0;
        for (let k = 0; k < K; k++) {
          const d = 2 * x[o + k] * v;
          const nm = mi[k] + d;
          mi[k] = nm;
          m[k] += d;
          e += fT[nm + N];
        }
        this.e = -e;
        return;
      }
      for (let k = 0; k < K; k++) m[k] += c * x[o + k];
    } else {
      const x = this.xiT;
      for (let k = 0; k < K; k++) m[k] += c * x[o + k];
    }
    this.refresh();
  }

  /** At the end of every sweep, recompute the exponential weights exactly from the overlaps. */
  protected recomputeEnergy(): void {
    if (this.mode === 1) this.refresh();
  }
}
