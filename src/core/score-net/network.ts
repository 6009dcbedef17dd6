import { createMlp, createMlpWorkspace, mlpForward, type Mlp, type MlpWorkspace } from '../mlp';
import type { Rng } from '../rng';
import { writeScoreNetInput } from './input';

/*
 * A noise-conditional score network for 2-D (or any d) data, trained by denoising score matching (MATH.md §2e).
 *
 * The network is an MLP that predicts the noise: given x̃ = x + σz it outputs ε̂(x̃, σ) ≈ z. Its input is the
 * scaled point c_in(σ)·x̃ with c_in = 1/√(σ_d² + σ²) (Karras et al. 2022's input scaling) followed by a noise
 * embedding of c = (ln σ − m)/h ∈ [−1, 1] (m, h: midpoint and half-width of [ln σ_min, ln σ_max]):
 *   emb(σ) = [c, sin(kπc/2), cos(kπc/2) for k = 1 … F].
 * From ε̂ come the score and the one-step denoiser:
 *   s_θ(x, σ) = −ε̂(x, σ)/σ,   D_θ(x, σ) = x + σ² s_θ = x − σ ε̂.
 * The DSM loss in noise-prediction form, L = E_{ξ, σ, z} ‖ε̂(ξ + σz, σ) − z‖² = E ‖σ s_θ(x̃, σ) + z‖², is the
 * σ²-weighted DSM loss of Song & Ermon summed over dimensions; σ is drawn log-uniformly from [σ_min, σ_max].
 */

export interface ScoreNetConfig {
  /** Data dimension (2 for the plane). */
  dim: number;
  /** Hidden units per layer. */
  width: number;
  /** Number of hidden layers. */
  depth: number;
  /** Fourier frequencies F of the noise embedding (embedding size 2F + 1). */
  freqs: number;
  sigmaMin: number;
  sigmaMax: number;
  /** Data scale σ_d in c_in = 1/√(σ_d² + σ²). */
  sigmaData: number;
  /**
   * What the MLP's output F means: 'eps' predicts the noise (ε̂ = F); 'x0' predicts the clean point (D = F, so
   * ε̂ = (x − F)/σ). Same loss either way; 'x0' makes a point attractor (constant D) as easy to learn as a line.
   */
  param: 'eps' | 'x0';
}

export const DEFAULT_SCORE_NET: ScoreNetConfig = { dim: 2, width: 32, depth: 2, freqs: 3, sigmaMin: 0.05, sigmaMax: 3, sigmaData: 0.7, param: 'eps' };

export interface ScoreNet {
  config: ScoreNetConfig;
  mlp: Mlp;
}

/** Layer widths of the MLP for a config: [d + 2F + 1, width × depth, d]. */
export function scoreNetSizes(c: ScoreNetConfig): number[] {
  return [c.dim + 2 * c.freqs + 1, ...Array.from({ length: c.depth }, () => c.width), c.dim];
}

function checkConfig(c: ScoreNetConfig): void {
  if (!(Number.isInteger(c.width) && c.width >= 1 && c.width <= 1024)) throw new Error(`width: must be an integer in [1, 1024] (got ${c.width})`);
  if (!(Number.isInteger(c.depth) && c.depth >= 1 && c.depth <= 8)) throw new Error(`depth: must be an integer in [1, 8] (got ${c.depth})`);
  if (!(c.sigmaMin > 0 && c.sigmaMax > c.sigmaMin)) throw new Error(`sigma range: need 0 < σ_min < σ_max (got ${c.sigmaMin}, ${c.sigmaMax})`);
}

/**
 * A fresh score network (seeded initialisation) or, with `params`, one wrapping saved weights.
 */
export function createScoreNet(config: ScoreNetConfig, rng: Rng | null, params?: Float64Array): ScoreNet {
  checkConfig(config);
  return { config: { ...config }, mlp: createMlp(scoreNetSizes(config), rng, params) };
}

/** Reusable buffers for evaluating a score network on batches of up to `batch` points. */
export interface ScoreNetScratch {
  ws: MlpWorkspace;
  input: Float64Array;
}

export function createScoreNetScratch(net: ScoreNet, batch: number): ScoreNetScratch {
  const sizes = net.mlp.sizes;
  return { ws: createMlpWorkspace(net.mlp, batch), input: new Float64Array(batch * sizes[0]) };
}

/**
 * ε̂(x, σ) for n points xs (n×d, row-major) at one noise level σ, written to `out` (n×d). Processes the points in
 * chunks of the scratch's batch size. Mutates `out` and the scratch; returns `out`.
 */
export function scoreNetEpsilon(net: ScoreNet, xs: Float64Array, sigma: number, out: Float64Array, scratch?: ScoreNetScratch): Float64Array {
  const c = net.config;
  const d = c.dim;
  const n = xs.length / d;
  const s = scratch ?? createScoreNetScratch(net, Math.min(256, Math.max(1, n)));
  const inDim = net.mlp.sizes[0];
  for (let start = 0; start < n; start += s.ws.batch) {
    const B = Math.min(s.ws.batch, n - start);
    for (let r = 0; r < B; r++) writeScoreNetInput(c, xs, (start + r) * d, sigma, s.input, r * inDim);
    const y = mlpForward(net.mlp, s.input, B, s.ws);
    if (c.param === 'x0') for (let i = 0; i < B * d; i++) out[start * d + i] = (xs[start * d + i] - y[i]) / sigma;
    else for (let i = 0; i < B * d; i++) out[start * d + i] = y[i];
  }
  return out;
}

/** The learned score s_θ(x, σ) = −ε̂/σ for n points (n×d) at one σ, into `out`. Mutates `out` and the scratch. */
export function scoreNetScoreBatch(net: ScoreNet, xs: Float64Array, sigma: number, out: Float64Array, scratch?: ScoreNetScratch): Float64Array {
  scoreNetEpsilon(net, xs, sigma, out, scratch);
  for (let i = 0; i < out.length; i++) out[i] = -out[i] / sigma;
  return out;
}

/** The learned score as a per-point ScoreFn, (x, σ) ↦ s_θ(x, σ) (a new array per call), for the core samplers. */
export function scoreNetScoreFn(net: ScoreNet): (x: Float64Array, sigma: number) => Float64Array {
  const scratch = createScoreNetScratch(net, 1);
  return (x, sigma) => scoreNetScoreBatch(net, Float64Array.from(x), sigma, new Float64Array(x.length), scratch);
}

/**
 * The largest eigenvalue of the symmetrised Jacobian of the learned denoiser D_θ(x, σ) = x − σ ε̂(x, σ) at each
 * of n points (2-D only), by central differences with step h. Near 0: D contracts every direction, so x sits
 * in a point attractor; near 1: D passes one direction through, so x lies on a line (manifold) of attractors.
 * Returns a new Float64Array of n gains.
 */
export function denoiserGain(net: ScoreNet, xs: Float64Array, sigma: number, h = 1e-4): Float64Array {
  if (net.config.dim !== 2) throw new Error('denoiserGain: 2-D networks only');
  const n = xs.length / 2;
  const probe = new Float64Array(8 * n);
  for (let p = 0; p < n; p++) {
    const x = xs[2 * p];
    const y = xs[2 * p + 1];
    probe.set([x + h, y, x - h, y, x, y + h, x, y - h], 8 * p);
  }
  const eps = scoreNetEpsilon(net, probe, sigma, new Float64Array(8 * n));
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const o = 8 * p;
    // ∂ε̂/∂x (columns: d/dx, d/dy)
    const exx = (eps[o] - eps[o + 2]) / (2 * h);
    const eyx = (eps[o + 1] - eps[o + 3]) / (2 * h);
    const exy = (eps[o + 4] - eps[o + 6]) / (2 * h);
    const eyy = (eps[o + 5] - eps[o + 7]) / (2 * h);
    const a = 1 - sigma * exx;
    const dd = 1 - sigma * eyy;
    const b = -0.5 * sigma * (exy + eyx);
    const tr = 0.5 * (a + dd);
    out[p] = tr + Math.sqrt(0.25 * (a - dd) * (a - dd) + b * b);
  }
  return out;
}
