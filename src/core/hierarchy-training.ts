import { hamLayerActivation, type Ham, type HamLagrangian } from './hierarchy';
import { matrixFromData, type Matrix } from './matrix';
import type { Rng } from './rng';
import { checkInt, checkPositive } from './validate';

/*
 * A three-layer hierarchical associative memory whose synapses are learned from patterns, the small counterpart of
 * the survey's Figure 4 (features → parts → memories; Krotov 2021: lower layers hold reusable pieces, higher layers
 * the rules that assemble them). Layer 0 holds the n features, split into equal windows; layer 1 holds parts, each
 * part neuron seeing one window only (a local receptive field, as in a convolutional layer); layer 2 holds one
 * softmax neuron per pattern. Two learning rules, both plain:
 *  - parts: competitive (winner-take-all) learning, i.e. k-means, on each window's contents across the patterns;
 *    W_0's row for a part is its centre, scaled by strength/√(window);
 *  - memories: Hebbian, W_1's row for pattern μ is the part layer's bottom-up response g_1 = tanh(W_0 ξ_μ) to it,
 *    scaled by strength/√(parts).
 */

/** k-means (Lloyd) on m points of dimension d (flat, m × d), k centres started by farthest-point seeding from a random point. Returns the k × d centres. */
export function kMeans(points: Float64Array, d: number, k: number, rng: Rng, iterations = 20): Float64Array {
  const m = points.length / d;
  checkInt(k, 1, m, 'k');
  const dist2 = (i: number, c: Float64Array, j: number) => {
    let s = 0;
    for (let t = 0; t < d; t++) s += (points[i * d + t] - c[j * d + t]) ** 2;
    return s;
  };
  const centres = new Float64Array(k * d);
  const first = Math.floor(rng.uniform() * m);
  centres.set(points.subarray(first * d, first * d + d), 0);
  for (let j = 1; j < k; j++) {
    let far = 0;
    let farD = -1;
    for (let i = 0; i < m; i++) {
      let near = Infinity;
      for (let c = 0; c < j; c++) near = Math.min(near, dist2(i, centres, c));
      if (near > farD) [far, farD] = [i, near];
    }
    centres.set(points.subarray(far * d, far * d + d), j * d);
  }
  const label = new Int32Array(m);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < m; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (dist2(i, centres, c) < dist2(i, centres, best)) best = c;
      label[i] = best;
    }
    const sum = new Float64Array(k * d);
    const count = new Float64Array(k);
    for (let i = 0; i < m; i++) {
      count[label[i]]++;
      for (let t = 0; t < d; t++) sum[label[i] * d + t] += points[i * d + t];
    }
    for (let c = 0; c < k; c++) if (count[c] > 0) for (let t = 0; t < d; t++) centres[c * d + t] = sum[c * d + t] / count[c];
  }
  return centres;
}

export interface PartsHamOptions {
  /** Equal windows the n features are split into (n divisible by it). */
  windows: number;
  /** Part neurons per window (k of k-means). */
  partsPerWindow: number;
  /** Synaptic strength s of both matrices. */
  strength: number;
  /** β of the softmax memory layer. */
  beta: number;
}

/**
 * Learns W_0 (parts × features) and W_1 (patterns × parts) from K ±1 patterns (K × n), as in the file comment, and
 * returns the HAM (features and parts tanh, memories softmax(β), τ = 1, inputs zero). Uses `rng` for k-means' seeding.
 */
export function trainPartsHam(patterns: Matrix, o: PartsHamOptions, rng: Rng): Ham {
  const n = patterns.cols;
  const K = patterns.rows;
  checkInt(o.windows, 1, n, 'windows');
  if (n % o.windows !== 0) throw new Error(`windows: ${o.windows} does not divide the ${n} features`);
  checkInt(o.partsPerWindow, 1, K, 'partsPerWindow');
  checkPositive(o.strength, 'strength');
  const w = n / o.windows;
  const P = o.windows * o.partsPerWindow;
  const w0 = new Float64Array(P * n);
  for (let win = 0; win < o.windows; win++) {
    const pts = new Float64Array(K * w);
    for (let mu = 0; mu < K; mu++) pts.set(patterns.data.subarray(mu * n + win * w, mu * n + win * w + w), mu * w);
    const centres = kMeans(pts, w, o.partsPerWindow, rng);
    for (let c = 0; c < o.partsPerWindow; c++) {
      const r = win * o.partsPerWindow + c;
      for (let t = 0; t < w; t++) w0[r * n + win * w + t] = (o.strength * centres[c * w + t]) / Math.sqrt(w);
    }
  }
  const W0 = matrixFromData(P, n, w0);
  const w1 = new Float64Array(K * P);
  const drive = new Float64Array(P);
  const g = new Float64Array(P);
  for (let mu = 0; mu < K; mu++) {
    for (let r = 0; r < P; r++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += w0[r * n + i] * patterns.data[mu * n + i];
      drive[r] = s;
    }
    hamLayerActivation({ kind: 'tanh' }, drive, g);
    for (let r = 0; r < P; r++) w1[mu * P + r] = (o.strength * g[r]) / Math.sqrt(P);
  }
  const lags: HamLagrangian[] = [{ kind: 'tanh' }, { kind: 'tanh' }, { kind: 'softmax', beta: o.beta }];
  return {
    layers: [n, P, K].map((size, l) => ({ size, lagrangian: lags[l], tau: 1 })),
    weights: [W0, matrixFromData(K, P, w1)],
    inputs: [new Float64Array(n), new Float64Array(P), new Float64Array(K)],
  };
}
