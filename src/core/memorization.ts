import type { Matrix } from './matrix';

/*
 * Sorting generated samples into memorized, spurious and generalized (Pham et al. 2025, MATH.md §2g), adapted to
 * points in the plane.
 *
 * Pham et al. compare each generated image with its nearest training image (d_train ≤ δ_m: memorized) and with
 * its nearest other generated image (d_syn ≤ δ_s while d_train > δ_m: spurious, a recurring state that is not
 * in the data). In the plane a distance alone cannot tell a copy from a new point once the training points are
 * dense (1,000 points on the unit circle sit 0.006 apart on average), so we ask the question those distances
 * stand for directly, at the sample's settled position x (after the learned denoiser has been iterated to its
 * fixed point at the smallest noise σ):
 *   - is x held by a point attractor? The learned denoiser's largest gain g = λ_max(sym ∂D/∂x) is below γ:
 *     D contracts every direction, so nearby starts come back to the same point (a basin of its own);
 *   - memorized:  point attractor and d_train(x) ≤ δ_m;
 *   - spurious:   point attractor and d_train(x) > δ_m (an attractor the data never put there);
 *   - generalized: g ≥ γ: the denoiser lets one direction through, so x lies on a line of attractors (the ring).
 */

export const MEMORIZED = 0;
export const SPURIOUS = 1;
export const GENERALIZED = 2;
export type SampleClass = typeof MEMORIZED | typeof SPURIOUS | typeof GENERALIZED;

export interface ClassifyOptions {
  /** δ_m: the largest distance to a training point that still counts as a copy. */
  deltaM: number;
  /** γ: the denoiser gain below which a point attractor holds the sample. */
  gainMax: number;
}

/** The thresholds the essay uses for points on the unit circle: δ_m = 0.05, γ = 0.9 (one step of the learned memory shrinks the distance to a point attractor by at least 10 %; on the learned ring of the K = 1,000 network every gain is ≥ 0.9). */
export const DEFAULT_CLASSIFY: ClassifyOptions = { deltaM: 0.05, gainMax: 0.9 };

export interface Classification {
  /** One class per sample (MEMORIZED, SPURIOUS or GENERALIZED). */
  labels: Uint8Array;
  /** Distance from each sample to its nearest training point. */
  dTrain: Float64Array;
  /** Fractions [memorized, spurious, generalized], summing to 1. */
  fractions: [number, number, number];
}

/**
 * Distance from each of the n points (n×d) to its nearest row of `data` (K×d). Returns a new array. O(nK).
 */
export function nearestDistances(points: Float64Array, data: Matrix): Float64Array {
  const d = data.cols;
  const n = points.length / d;
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    let best = Infinity;
    for (let m = 0; m < data.rows; m++) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        const diff = points[p * d + i] - data.data[m * d + i];
        s += diff * diff;
      }
      if (s < best) best = s;
    }
    out[p] = Math.sqrt(best);
  }
  return out;
}

/**
 * Classifies n settled samples (points n×d) given their denoiser gains (length n) and the training set.
 * Non-finite points or gains throw, naming the sample. Mutates nothing.
 */
export function classifySamples(points: Float64Array, gains: ArrayLike<number>, data: Matrix, opts: ClassifyOptions = DEFAULT_CLASSIFY): Classification {
  const d = data.cols;
  const n = points.length / d;
  if (gains.length !== n) throw new Error(`gains: length ${gains.length}, expected one per sample (${n})`);
  if (!(opts.deltaM > 0 && opts.gainMax > 0)) throw new Error('thresholds: δ_m and γ must be > 0');
  const dTrain = nearestDistances(points, data);
  const labels = new Uint8Array(n);
  const counts = [0, 0, 0];
  for (let p = 0; p < n; p++) {
    if (!Number.isFinite(dTrain[p]) || !Number.isFinite(gains[p])) throw new Error(`sample ${p}: not finite`);
    const c: SampleClass = gains[p] >= opts.gainMax ? GENERALIZED : dTrain[p] <= opts.deltaM ? MEMORIZED : SPURIOUS;
    labels[p] = c;
    counts[c]++;
  }
  const f = (i: number) => (n ? counts[i] / n : 0);
  return { labels, dTrain, fractions: [f(0), f(1), f(2)] };
}

export interface Attractor {
  /** Centre (mean of its samples), length d. */
  centre: Float64Array;
  /** How many samples settled there. */
  count: number;
  /** MEMORIZED or SPURIOUS. */
  kind: SampleClass;
}

/**
 * Groups the samples held by point attractors (memorized or spurious) into attractors: samples within `radius`
 * of a group's first sample join it (greedy, in sample order). Returns the groups, largest first.
 */
export function pointAttractors(points: Float64Array, labels: Uint8Array, d: number, radius = 0.05): Attractor[] {
  const groups: { sum: Float64Array; first: number; count: number; kind: SampleClass }[] = [];
  const n = labels.length;
  for (let p = 0; p < n; p++) {
    if (labels[p] === GENERALIZED) continue;
    let g = groups.find((gr) => {
      let s = 0;
      for (let i = 0; i < d; i++) {
        const diff = points[p * d + i] - points[gr.first * d + i];
        s += diff * diff;
      }
      return s <= radius * radius;
    });
    if (!g) {
      g = { sum: new Float64Array(d), first: p, count: 0, kind: labels[p] as SampleClass };
      groups.push(g);
    }
    for (let i = 0; i < d; i++) g.sum[i] += points[p * d + i];
    g.count++;
  }
  return groups
    .map((g) => ({ centre: g.sum.map((v) => v / g.count), count: g.count, kind: g.kind }))
    .sort((a, b) => b.count - a.count);
}
