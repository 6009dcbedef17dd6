import type { Matrix } from '../matrix';
import type { Rng } from '../rng';
import { SweepRecaller } from './sweep-recaller';

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
