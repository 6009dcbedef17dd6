import { createScoreNetScratch, scoreNetEpsilon, type ScoreNet, type ScoreNetScratch } from './network';

/* Sampling with a trained ScoreNet: the probability-flow ODE, one step of it, and the denoiser's fixed point. */

/**
 * Deterministic sampling with the learned score: Euler steps of the probability-flow ODE dx/dσ = −σ s_θ(x, σ) =
 * ε̂(x, σ) (for the VE process this is DDIM with η = 0), batched over the n points xs (n×d, overwritten in place).
 * `sigmas` runs from σ_max down to a final 0; the last step lands on the one-step denoiser D_θ(x, σ_{n−1}).
 * Start from x ~ N(0, σ_max² I). Returns xs.
 */
export function scoreNetSample(net: ScoreNet, xs: Float64Array, sigmas: ArrayLike<number>, scratch?: ScoreNetScratch): Float64Array {
  const eps = new Float64Array(xs.length);
  const s = scratch ?? createScoreNetScratch(net, Math.min(256, Math.max(1, xs.length / net.config.dim)));
  for (let i = 0; i + 1 < sigmas.length; i++) scoreNetSampleStep(net, xs, sigmas[i], sigmas[i + 1], eps, s);
  return xs;
}

/** One Euler step of scoreNetSample from σ to σ_next (σ_next may be 0): x ← x + (σ_next − σ) ε̂(x, σ). In place. */
export function scoreNetSampleStep(net: ScoreNet, xs: Float64Array, sigma: number, sigmaNext: number, eps: Float64Array, scratch?: ScoreNetScratch): Float64Array {
  if (!(sigma > 0)) throw new Error(`sigma: must be > 0 (got ${sigma})`);
  scoreNetEpsilon(net, xs, sigma, eps, scratch);
  const h = sigmaNext - sigma;
  for (let i = 0; i < xs.length; i++) xs[i] += h * eps[i];
  return xs;
}

/**
 * Runs the learned denoiser to its fixed point: `iters` times x ← D_θ(x, σ) = x − σ ε̂(x, σ), in place. For the
 * exact score this is Ambrogioni's modern Hopfield update at β = 1/σ², so the points settle on the attractors
 * of the associative memory the network has learned at noise σ (a point, or a line of points). Returns xs.
 */
export function scoreNetPolish(net: ScoreNet, xs: Float64Array, sigma: number, iters = 20, scratch?: ScoreNetScratch): Float64Array {
  const eps = new Float64Array(xs.length);
  for (let t = 0; t < iters; t++) {
    scoreNetEpsilon(net, xs, sigma, eps, scratch);
    for (let i = 0; i < xs.length; i++) xs[i] -= sigma * eps[i];
  }
  return xs;
}
