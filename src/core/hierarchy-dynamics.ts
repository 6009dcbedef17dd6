import { hamLayerActivation, hamLayerLagrangian, type Ham, type HamEnergy, type HamState } from './hierarchy';
import { checkPositive } from './validate';

/*
 * The energy and dynamics of a hierarchical associative memory (see hierarchy.ts for the network):
 *   E = Σ_ℓ [ (x_ℓ − I_ℓ)ᵀ g_ℓ − L_ℓ(x_ℓ) ]  −  Σ_ℓ g_{ℓ+1}ᵀ W_ℓ g_ℓ,
 *   τ_ℓ dx_ℓ/dt = W_{ℓ−1} g_{ℓ−1} + W_ℓᵀ g_{ℓ+1} − x_ℓ + I_ℓ,   so dE/dt = −Σ_ℓ τ_ℓ ẋ_ℓᵀ ∇²L_ℓ ẋ_ℓ ≤ 0.
 */

function checkShapes(ham: Ham, state: HamState): void {
  const L = ham.layers.length;
  if (state.x.length !== L || state.g.length !== L) throw new Error(`state: has ${state.x.length} layers, the network ${L}`);
  if (ham.weights.length !== L - 1) throw new Error(`weights: need ${L - 1} matrices for ${L} layers (got ${ham.weights.length})`);
  for (let l = 0; l < L; l++) {
    const n = ham.layers[l].size;
    if (state.x[l].length !== n || state.g[l].length !== n) throw new Error(`state: layer ${l} has the wrong length (expected ${n})`);
    if (l + 1 < L && (ham.weights[l].rows !== ham.layers[l + 1].size || ham.weights[l].cols !== n)) {
      throw new Error(`weights[${l}]: shape ${ham.weights[l].rows}×${ham.weights[l].cols}, expected ${ham.layers[l + 1].size}×${n}`);
    }
  }
}

/**
 * The energy of a HAM state (see the file comment), split into layer and synaptic parts. Uses `state.g` as
 * it stands (call {@link hamActivate} after changing x). Writes into `out` if given. Mutates nothing else.
 */
export function hamEnergy(ham: Ham, state: HamState, out?: HamEnergy): HamEnergy {
  checkShapes(ham, state);
  const L = ham.layers.length;
  const res = out ?? { total: 0, layers: new Float64Array(L), synapses: new Float64Array(L - 1) };
  let total = 0;
  for (let l = 0; l < L; l++) {
    const x = state.x[l];
    const g = state.g[l];
    const I = ham.inputs[l];
    let e = 0;
    for (let i = 0; i < x.length; i++) e += (x[i] - I[i]) * g[i];
    e -= hamLayerLagrangian(ham.layers[l].lagrangian, x);
    res.layers[l] = e;
    total += e;
  }
  for (let l = 0; l + 1 < L; l++) {
    const W = ham.weights[l];
    const lo = state.g[l];
    const hi = state.g[l + 1];
    let e = 0;
    for (let r = 0; r < W.rows; r++) {
      let s = 0;
      const off = r * W.cols;
      for (let c = 0; c < W.cols; c++) s += W.data[off + c] * lo[c];
      e -= hi[r] * s;
    }
    res.synapses[l] = e;
    total += e;
  }
  res.total = total;
  return res;
}

/**
 * Writes every layer's velocity dx_ℓ/dt = (W_{ℓ−1} g_{ℓ−1} + W_ℓᵀ g_{ℓ+1} − x_ℓ + I_ℓ) / τ_ℓ into `vel`
 * (one array per layer, same lengths as x). Uses `state.g` as it stands. Mutates only `vel`.
 */
export function hamVelocity(ham: Ham, state: HamState, vel: Float64Array[]): Float64Array[] {
  checkShapes(ham, state);
  const L = ham.layers.length;
  for (let l = 0; l < L; l++) {
    const v = vel[l];
    const x = state.x[l];
    const I = ham.inputs[l];
    for (let i = 0; i < x.length; i++) v[i] = I[i] - x[i];
    if (l > 0) {
      const W = ham.weights[l - 1];
      const below = state.g[l - 1];
      for (let r = 0; r < W.rows; r++) {
        let s = 0;
        const off = r * W.cols;
        for (let c = 0; c < W.cols; c++) s += W.data[off + c] * below[c];
        v[r] += s;
      }
    }
    if (l + 1 < L) {
      const W = ham.weights[l];
      const above = state.g[l + 1];
      for (let r = 0; r < W.rows; r++) {
        const a = above[r];
        const off = r * W.cols;
        for (let c = 0; c < W.cols; c++) v[c] += W.data[off + c] * a;
      }
    }
    const tau = ham.layers[l].tau;
    for (let i = 0; i < x.length; i++) v[i] /= tau;
  }
  return vel;
}

/**
 * One forward-Euler step of the HAM dynamics for all layers at once: x_ℓ ← x_ℓ + dt·ẋ_ℓ, then g_ℓ = ∇L_ℓ(x_ℓ).
 * `vel` is scratch (one array per layer). Mutates `state`. Returns the largest |ẋ| before the step, which is
 * zero exactly at a fixed point. With dt ≲ 0.1·min τ the energy never rises (tested in
 * tests/unit/core/hierarchy.test.ts); the figures use that range.
 */
export function hamStep(ham: Ham, state: HamState, dt: number, vel: Float64Array[]): number {
  checkPositive(dt, 'dt');
  hamVelocity(ham, state, vel);
  let maxV = 0;
  for (let l = 0; l < ham.layers.length; l++) {
    const x = state.x[l];
    const v = vel[l];
    for (let i = 0; i < x.length; i++) {
      x[i] += dt * v[i];
      const a = Math.abs(v[i]);
      if (a > maxV) maxV = a;
    }
    hamLayerActivation(ham.layers[l].lagrangian, x, state.g[l]);
  }
  return maxV;
}
