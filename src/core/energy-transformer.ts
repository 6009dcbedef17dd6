/*
 * A tiny Energy Transformer block (Hoover et al., 2023, "Energy Transformer"): one attention head and one
 * Hopfield (memory) module acting on N tokens of dimension D. The block does not compute an output; it
 * defines an energy, and its forward pass is gradient descent on that energy:
 *
 *   g_A   = LayerNorm(x_A) = γ (x_A − mean(x_A)) / √(var(x_A) + ε)           (token A's activations)
 *   K_A   = W_K g_A,   Q_A = W_Q g_A                                          (W_K, W_Q ∈ ℝ^{Y×D})
 *   E_ATT = −β⁻¹ Σ_C log Σ_{B≠C} exp(β K_B · Q_C)                             (attention energy)
 *   E_HN  = −½ Σ_A Σ_μ ReLU(ξ_μ · g_A)²                                        (memory energy, ξ ∈ ℝ^{K×D})
 *   τ dx_A/dt = −∂(E_ATT + E_HN)/∂g_A                                          (the block's dynamics)
 *
 * Because the LayerNorm is the gradient of a convex Lagrangian, dE/dt = −τ⁻¹ ẋᵀ (∂g/∂x) ẋ ≤ 0: the total
 * energy never rises along the continuous dynamics. (The paper's LayerNorm also has a bias δ, omitted here.)
 * Tokens are rows of x (N×D, row-major Float64Array).
 */
import type { Matrix } from './matrix';
import { checkInt, checkPositive } from './validate';

export interface EnergyTransformer {
  /** Token dimension D, key dimension Y. */
  dim: number;
  keyDim: number;
  /** W_K and W_Q, each Y×D. */
  wk: Matrix;
  wq: Matrix;
  /** Stored memories ξ, K×D. */
  xi: Matrix;
  /** Inverse temperature of the attention. */
  beta: number;
  /** LayerNorm scale γ and ε. */
  gamma: number;
  eps: number;
}

export interface EtEnergies {
  attention: number;
  memory: number;
  total: number;
}

function checkBlock(b: EnergyTransformer, x: Float64Array): number {
  checkPositive(b.beta, 'beta');
  checkInt(b.dim, 2, 4096, 'dim');
  if (b.wk.cols !== b.dim || b.wq.cols !== b.dim || b.xi.cols !== b.dim || b.wk.rows !== b.keyDim || b.wq.rows !== b.keyDim) {
    throw new Error('energy transformer: W_K, W_Q must be Y×D and ξ must be K×D');
  }
  if (x.length % b.dim !== 0) throw new Error(`energy transformer: x has length ${x.length}, not a multiple of D = ${b.dim}`);
  const n = x.length / b.dim;
  if (n < 2) throw new Error('energy transformer: attention needs at least two tokens');
  return n;
}

/** g = LayerNorm(x) per token (rows of x), written into `out` (same shape). Returns out. */
export function etLayerNorm(x: Float64Array, dim: number, gamma: number, eps: number, out: Float64Array): Float64Array {
  const n = x.length / dim;
  for (let a = 0; a < n; a++) {
    let mean = 0;
    for (let i = 0; i < dim; i++) mean += x[a * dim + i];
    mean /= dim;
    let v = 0;
    for (let i = 0; i < dim; i++) v += (x[a * dim + i] - mean) ** 2;
    const inv = gamma / Math.sqrt(v / dim + eps);
    for (let i = 0; i < dim; i++) out[a * dim + i] = (x[a * dim + i] - mean) * inv;
  }
  return out;
}

function project(w: Matrix, g: Float64Array, n: number, out: Float64Array): void {
  const { rows, cols, data } = w;
  for (let a = 0; a < n; a++) {
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let i = 0; i < cols; i++) s += data[r * cols + i] * g[a * cols + i];
      out[a * rows + r] = s;
    }
  }
}

/**
 * Energies of the block at token states x (N×D): E_ATT, E_HN and their sum, as in the header. Pure: allocates
 * its scratch. Throws on mismatched shapes, β ≤ 0 or fewer than two tokens.
 */
export function etEnergies(b: EnergyTransformer, x: Float64Array): EtEnergies {
  const n = checkBlock(b, x);
  return energiesAndGrad(b, x, n, null);
}

/**
 * ∂E/∂g for every token (N×D), written into `out`, and the energies at x. This is the block's update
 * direction: the dynamics are τ dx/dt = −out.
 */
export function etGrad(b: EnergyTransformer, x: Float64Array, out: Float64Array): EtEnergies {
  const n = checkBlock(b, x);
  if (out.length !== x.length) throw new Error('energy transformer: out must have the length of x');
  return energiesAndGrad(b, x, n, out);
}

function energiesAndGrad(b: EnergyTransformer, x: Float64Array, n: number, out: Float64Array | null): EtEnergies {
  const D = b.dim;
  const Y = b.keyDim;
  const g = etLayerNorm(x, D, b.gamma, b.eps, new Float64Array(x.length));
  const K = new Float64Array(n * Y);
  const Q = new Float64Array(n * Y);
  project(b.wk, g, n, K);
  project(b.wq, g, n, Q);
  if (out) out.fill(0);
  // Attention: for each query token C, a softmax over the other tokens B of β K_B·Q_C.
  let eAtt = 0;
  const logits = new Float64Array(n);
  const dK = new Float64Array(n * Y);
  const dQ = new Float64Array(n * Y);
  for (let c = 0; c < n; c++) {
    let mx = -Infinity;
    for (let bb = 0; bb < n; bb++) {
      if (bb === c) continue;
      let s = 0;
      for (let r = 0; r < Y; r++) s += K[bb * Y + r] * Q[c * Y + r];
      logits[bb] = b.beta * s;
      if (logits[bb] > mx) mx = logits[bb];
    }
    let z = 0;
    for (let bb = 0; bb < n; bb++) if (bb !== c) z += Math.exp(logits[bb] - mx);
    eAtt -= (mx + Math.log(z)) / b.beta;
    if (!out) continue;
    // ∂E_ATT/∂A_BC = −P_BC, with A_BC = K_B·Q_C.
    for (let bb = 0; bb < n; bb++) {
      if (bb === c) continue;
      const p = Math.exp(logits[bb] - mx) / z;
      for (let r = 0; r < Y; r++) {
        dK[bb * Y + r] -= p * Q[c * Y + r];
        dQ[c * Y + r] -= p * K[bb * Y + r];
      }
    }
  }
  // Memory: E_HN = −½ Σ_A Σ_μ ReLU(ξ_μ·g_A)², ∂/∂g_A = −Σ_μ ReLU(ξ_μ·g_A) ξ_μ.
  let eHn = 0;
  const { rows: km, data: xi } = b.xi;
  for (let a = 0; a < n; a++) {
    for (let mu = 0; mu < km; mu++) {
      let h = 0;
      for (let i = 0; i < D; i++) h += xi[mu * D + i] * g[a * D + i];
      if (h <= 0) continue;
      eHn -= 0.5 * h * h;
      if (out) for (let i = 0; i < D; i++) out[a * D + i] -= h * xi[mu * D + i];
    }
  }
  if (out) {
    // Back through K = W_K g and Q = W_Q g.
    for (let a = 0; a < n; a++) {
      for (let i = 0; i < D; i++) {
        let s = 0;
        for (let r = 0; r < Y; r++) s += b.wk.data[r * D + i] * dK[a * Y + r] + b.wq.data[r * D + i] * dQ[a * Y + r];
        out[a * D + i] += s;
      }
    }
  }
  return { attention: eAtt, memory: eHn, total: eAtt + eHn };
}

/**
 * One Euler step of the block's dynamics, x ← x − α ∂E/∂g (α = Δt/τ), mutating x. `scratch` has the length of
 * x. Returns the energies at x before the step and the largest coordinate move.
 */
export function etStep(b: EnergyTransformer, x: Float64Array, alpha: number, scratch: Float64Array): EtEnergies & { move: number } {
  checkPositive(alpha, 'alpha');
  const e = etGrad(b, x, scratch);
  let move = 0;
  for (let i = 0; i < x.length; i++) {
    const d = alpha * scratch[i];
    x[i] -= d;
    if (Math.abs(d) > move) move = Math.abs(d);
  }
  return { ...e, move };
}
