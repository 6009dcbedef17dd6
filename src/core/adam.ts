/*
 * Adam (Kingma & Ba 2015, Algorithm 1) on one flat parameter vector, as the MLP stores its weights.
 */

/** Adam's state: first and second moment estimates and the step count. */
export interface Adam {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  m: Float64Array;
  v: Float64Array;
  t: number;
}

/** Adam (Kingma & Ba 2015) for n parameters, with the usual defaults β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸. */
export function createAdam(n: number, lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8): Adam {
  if (!(lr > 0)) throw new Error(`lr: must be > 0 (got ${lr})`);
  return { lr, beta1, beta2, eps, m: new Float64Array(n), v: new Float64Array(n), t: 0 };
}

/**
 * One Adam update: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·m̂/(√v̂ + ε) with bias-corrected m̂, v̂.
 * `lr` overrides the stored rate (for a schedule). Mutates `params` and the optimizer state.
 */
export function adamStep(opt: Adam, params: Float64Array, grad: Float64Array, lr = opt.lr): void {
  opt.t += 1;
  const { beta1: b1, beta2: b2, eps, m, v } = opt;
  const c1 = 1 - Math.pow(b1, opt.t);
  const c2 = 1 - Math.pow(b2, opt.t);
  for (let i = 0; i < params.length; i++) {
    const g = grad[i];
    m[i] = b1 * m[i] + (1 - b1) * g;
    v[i] = b2 * v[i] + (1 - b2) * g * g;
    params[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
  }
}
