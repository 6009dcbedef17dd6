import type { Rng } from './rng';

/*
 * A small multilayer perceptron with SiLU hidden units and a linear output layer, written out by hand so it
 * can train inside a Web Worker with no dependencies (the way tensorflow/playground's nn.ts does).
 *
 *   h₀ = u,   a_l = W_l h_{l−1} + b_l,   h_l = silu(a_l) for hidden layers,   y = a_L (linear output),
 *   silu(a) = a·sigmoid(a),   silu′(a) = s(1 + a(1 − s)) with s = sigmoid(a).
 *
 * All parameters live in one flat Float64Array (layer by layer: W_l row-major out×in, then b_l), so Adam and
 * serialization see a single vector. Inputs and outputs are batched, row-major: B×in and B×out.
 */

export interface Mlp {
  /** Layer widths from input to output, e.g. [8, 64, 64, 2]. */
  readonly sizes: readonly number[];
  /** All weights and biases, flat. */
  readonly params: Float64Array;
  /** Offset of W_l (and b_l = wOffset + out·in) for layer l = 0 … L−1. */
  readonly offsets: readonly number[];
}

/** The number of parameters of an MLP with these layer widths. */
export function mlpParamCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}

function layerOffsets(sizes: readonly number[]): number[] {
  const out: number[] = [];
  let o = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    out.push(o);
    o += sizes[l] * sizes[l + 1] + sizes[l + 1];
  }
  return out;
}

/**
 * Creates an MLP with He-style initialisation: W ~ N(0, 2/fan_in) for hidden layers, a smaller N(0, 0.1²/fan_in)
 * for the output layer (so a fresh network predicts nearly zero), biases zero. Deterministic in the rng.
 * With `params` given, wraps those values instead (e.g. weights loaded from precomputed results); no copy.
 */
export function createMlp(sizes: readonly number[], rng: Rng | null, params?: Float64Array): Mlp {
  if (sizes.length < 2 || sizes.some((s) => !(Number.isInteger(s) && s > 0))) throw new Error(`sizes: need ≥ 2 positive integer layer widths (got [${sizes.join(', ')}])`);
  const n = mlpParamCount(sizes);
  const offsets = layerOffsets(sizes);
  if (params) {
    if (params.length !== n) throw new Error(`params: length ${params.length}, expected ${n} for sizes [${sizes.join(', ')}]`);
    return { sizes: [...sizes], params, offsets };
  }
  if (!rng) throw new Error('rng: needed to initialise fresh weights');
  const p = new Float64Array(n);
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fin = sizes[l];
    const fout = sizes[l + 1];
    const last = l + 2 === sizes.length;
    const std = last ? 0.1 / Math.sqrt(fin) : Math.sqrt(2 / fin);
    const o = offsets[l];
    for (let i = 0; i < fin * fout; i++) p[o + i] = std * rng.normal();
  }
  return { sizes: [...sizes], params: p, offsets };
}

/** Scratch space for a batch: pre-activations and activations of every layer. Reuse it across calls. */
export interface MlpWorkspace {
  batch: number;
  /** acts[0] is the input copy; acts[l] (l ≥ 1) the post-activation of layer l (the output for the last). */
  acts: Float64Array[];
  /** pre[l] (l ≥ 1): pre-activations a_l. */
  pre: Float64Array[];
  /** Backward scratch: δ for the current and previous layer. */
  delta: Float64Array[];
}

/** Allocates a workspace for batches of up to `batch` rows. */
export function createMlpWorkspace(net: Mlp, batch: number): MlpWorkspace {
  const acts = net.sizes.map((s) => new Float64Array(batch * s));
  const pre = net.sizes.map((s) => new Float64Array(batch * s));
  const delta = net.sizes.map((s) => new Float64Array(batch * s));
  return { batch, acts, pre, delta };
}

function sigmoid(a: number): number {
  return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
}

/**
 * Forward pass for B rows of `input` (B×in). Fills the workspace and returns a view of the output (B×out)
 * inside it (valid until the next call). Mutates only `ws`.
 */
export function mlpForward(net: Mlp, input: ArrayLike<number>, B: number, ws: MlpWorkspace): Float64Array {
  const { sizes, params: P, offsets } = net;
  if (B > ws.batch) throw new Error(`batch: ${B} rows exceed the workspace (${ws.batch})`);
  const L = sizes.length - 1;
  const a0 = ws.acts[0];
  for (let i = 0; i < B * sizes[0]; i++) a0[i] = input[i];
  for (let l = 0; l < L; l++) {
    const fin = sizes[l];
    const fout = sizes[l + 1];
    const w = offsets[l];
    const bo = w + fin * fout;
    const hIn = ws.acts[l];
    const pre = ws.pre[l + 1];
    const hOut = ws.acts[l + 1];
    const last = l === L - 1;
    for (let r = 0; r < B; r++) {
      const ir = r * fin;
      const or = r * fout;
      for (let j = 0; j < fout; j++) {
        let s = P[bo + j];
        const wj = w + j * fin;
        for (let k = 0; k < fin; k++) s += P[wj + k] * hIn[ir + k];
        pre[or + j] = s;
        hOut[or + j] = last ? s : s * sigmoid(s);
      }
    }
  }
  return ws.acts[L].subarray(0, B * sizes[L]);
}

/**
 * Backward pass after `mlpForward` on the same workspace: given dLoss/dOutput (B×out), ADDS dLoss/dθ into
 * `grad` (same layout as params) and returns dLoss/dInput (B×in, a view into the workspace).
 * Mutates `grad` and `ws`.
 */
export function mlpBackward(net: Mlp, dOut: ArrayLike<number>, B: number, ws: MlpWorkspace, grad: Float64Array): Float64Array {
  const { sizes, params: P, offsets } = net;
  const L = sizes.length - 1;
  let d = ws.delta[L];
  for (let i = 0; i < B * sizes[L]; i++) d[i] = dOut[i];
  for (let l = L - 1; l >= 0; l--) {
    const fin = sizes[l];
    const fout = sizes[l + 1];
    const w = offsets[l];
    const bo = w + fin * fout;
    const hIn = ws.acts[l];
    const dIn = ws.delta[l];
    // δ here is dLoss/da_{l+1}: accumulate the weight and bias gradients, and dLoss/dh_l = W_lᵀ δ in the same
    // pass (then through silu′ unless l is the input).
    for (let i = 0; i < B * fin; i++) dIn[i] = 0;
    for (let r = 0; r < B; r++) {
      const ir = r * fin;
      const or = r * fout;
      for (let j = 0; j < fout; j++) {
        const dj = d[or + j];
        if (dj === 0) continue;
        grad[bo + j] += dj;
        const wj = w + j * fin;
        for (let k = 0; k < fin; k++) {
          grad[wj + k] += dj * hIn[ir + k];
          dIn[ir + k] += P[wj + k] * dj;
        }
      }
    }
    if (l > 0) {
      const pre = ws.pre[l];
      for (let i = 0; i < B * fin; i++) {
        const a = pre[i];
        const s = sigmoid(a);
        dIn[i] *= s * (1 + a * (1 - s));
      }
    }
    d = dIn;
  }
  return ws.delta[0].subarray(0, B * sizes[0]);
}
