import type { Matrix } from '../matrix';
import { patternOverlaps } from '../patterns';
import type { Rng } from '../rng';
import { fastExp as fastExpImported } from '../special';
import { patternBracket } from './pattern-brackets';
import { createPatternMemory, type PatternMemory } from './pattern-memory';
import type { Recall } from './recaller';
import { checkSeparation, separationValue, type RecallRule } from './separation';
import { SweepRecaller } from './sweep-recaller';

// Module-local binding: test runners that rewrite imports into property loads (vite-node) can still inline it.
const fastExp = fastExpImported;

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
  /** The patterns' bit-major layout, tables and the quantities kept per flip. */
  private readonly mem: PatternMemory;
  /** For F = e^{βx}: the log-scale energy trace (see logEnergy), at the same moments as `energies`. */
  logEnergies: number[] = [];

  constructor(patterns: Matrix, probe: ArrayLike<number>, rule: RecallRule, rng: Rng) {
    if (!patterns || !(patterns.rows >= 1) || !(patterns.cols >= 1)) throw new Error('patterns: need at least one pattern (empty pattern set)');
    if (!rule || typeof rule !== 'object') throw new Error("rule: expected { kind: 'classical' } or a separation function");
    if (rule.kind !== 'classical') checkSeparation(rule, 'F');
    super(patterns.cols, rng);
    this.K = patterns.rows;
    this.patterns = patterns;
    this.rule = rule;
    this.mem = createPatternMemory(patterns, rule);
    this.overlaps = this.mem.overlaps;
    this.binary = this.mem.binary;
    this.reset(probe);
  }

  protected recompute(): void {
    const p = this.mem;
    patternOverlaps(this.patterns, this.state, p.overlaps);
    if (p.mInt.length) for (let k = 0; k < this.K; k++) p.mInt[k] = p.overlaps[k];
    this.refresh();
  }

  /** Recomputes the energy (and for F = e^{βx} the scaled weights u) from the overlaps: O(K). */
  private refresh(): void {
    const p = this.mem;
    const K = this.K;
    const m = p.overlaps;
    const rule = this.rule;
    if (rule.kind === 'classical') {
      let s = 0;
      for (let k = 0; k < K; k++) s += m[k] * m[k];
      p.e = -(s - p.normSum) / (2 * this.N);
    } else if (rule.kind === 'exp') {
      const b = p.beta;
      let mx = -Infinity;
      for (let k = 0; k < K; k++) if (m[k] > mx) mx = m[k];
      let s = 0;
      const u = p.u;
      for (let k = 0; k < K; k++) {
        const v = fastExp(b * (m[k] - mx));
        u[k] = v;
        s += v;
      }
      p.uMax = mx;
      p.uSum = s;
    } else {
      let s = 0;
      for (let k = 0; k < K; k++) s += separationValue(rule, m[k]);
      p.e = -s;
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
    const p = this.mem;
    if (this.rule.kind === 'exp') return -Math.exp(p.beta * p.uMax + Math.log(p.uSum));
    return p.e;
  }

  /** For F = e^{βx}: −β⁻¹ log Σ_μ e^{βm_μ} (finite always). For the other rules, the same as energy(). */
  logEnergy(): number {
    const p = this.mem;
    if (this.rule.kind === 'exp') return -(p.uMax + Math.log(p.uSum) / p.beta);
    return p.e;
  }

  protected updateBit(i: number): boolean {
    const v = patternBracket(this.mem, this.state, i) >= 0 ? 1 : -1;
    if (v === this.state[i]) return false;
    this.flip(i);
    return true;
  }

  protected flip(i: number): void {
    const p = this.mem;
    const K = this.K;
    const v = -this.state[i];
    this.state[i] = v;
    const c = 2 * v;
    const o = i * K;
    const m = p.overlaps;
    if (p.binary) {
      const x = p.xiB;
      if (p.mode === 1 && p.scale.length === 2) {
        // m_μ moves by ±2, so u_μ = e^{β(m_μ − M)} is multiplied by e^{±2β}: no exponentials. Refreshed exactly
        // at the end of each sweep, or at once if the largest u leaves [1e-200, 1e200].
        const u = p.u;
        const f = p.scale;
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
        p.uSum = sum;
        if (mx > 1e200 || mx < 1e-200) this.refresh();
        return;
      }
      if (p.mInt.length) {
        // Overlaps move by ±2; the energy −Σ_μ F(m_μ) is summed from the table in the same pass.
        const mi = p.mInt;
        const fT = p.fTab;
        const N = this.N;
        let e = 0;
        for (let k = 0; k < K; k++) {
          const d = 2 * x[o + k] * v;
          const nm = mi[k] + d;
          mi[k] = nm;
          m[k] += d;
          e += fT[nm + N];
        }
        p.e = -e;
        return;
      }
      for (let k = 0; k < K; k++) m[k] += c * x[o + k];
    } else {
      const x = p.xiT;
      for (let k = 0; k < K; k++) m[k] += c * x[o + k];
    }
    this.refresh();
  }

  /** At the end of every sweep, recompute the exponential weights exactly from the overlaps. */
  protected recomputeEnergy(): void {
    if (this.mem.mode === 1) this.refresh();
  }
}
