import { matrixFromData, type Matrix } from '../matrix';
import type { Rng } from '../rng';
import { besselRatio, logBesselI0 } from '../special';
import { checkFinite, checkInt, checkLength, checkPositive } from '../validate';

/*
 * Rings in the plane: K points on a circle, points drawn uniformly on it, and the continuous ring whose smoothed
 * energy involves Bessel functions (MATH.md §2g), with its exact gradient, score and radius of minima.
 */

/** K points evenly spaced on a circle of the given radius (default 1), starting at angle `phase`: a K×2 matrix. */
export function ringPoints(K: number, radius = 1, phase = 0): Matrix {
  checkInt(K, 1, 1e8, 'K');
  checkPositive(radius, 'radius');
  const data = new Float64Array(2 * K);
  for (let k = 0; k < K; k++) {
    const t = phase + (2 * Math.PI * k) / K;
    data[2 * k] = radius * Math.cos(t);
    data[2 * k + 1] = radius * Math.sin(t);
  }
  return matrixFromData(K, 2, data);
}

/** n points drawn uniformly on the circle of the given radius: an n×2 matrix. */
export function sampleRing(n: number, rng: Rng, radius = 1): Matrix {
  checkInt(n, 1, 1e9, 'n');
  checkPositive(radius, 'radius');
  const data = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const t = 2 * Math.PI * rng.uniform();
    data[2 * k] = radius * Math.cos(t);
    data[2 * k + 1] = radius * Math.sin(t);
  }
  return matrixFromData(n, 2, data);
}

/**
 * The continuous ring's energy in the survey's convention (the K → ∞ limit of lseEnergy over ring points of
 * radius r): E_β(x) = −β⁻¹ log (1/2π)∮ exp(−(β/2)‖x − u‖²) dθ = ½(R² + r²) − β⁻¹ log I₀(βrR), R = ‖x‖.
 * In Pham et al.'s convention (no ½, β_P = β/2) their E(R) = R² + 1 − β_P⁻¹ log I₀(2β_P R) is exactly 2·ringEnergy
 * at β = 2β_P, so both have the same minima. x: length 2.
 */
export function ringEnergy(x: ArrayLike<number>, beta: number, radius = 1): number {
  checkLength(x, 2, 'x');
  checkFinite(x, 'x');
  checkPositive(beta, 'beta');
  checkPositive(radius, 'radius');
  const R = Math.hypot(x[0], x[1]);
  return 0.5 * (R * R + radius * radius) - logBesselI0(beta * radius * R) / beta;
}

/**
 * ∇E_β of the continuous ring: x − r A(βrR) x̂, A = I₁/I₀ (the softmax-weighted mean of the ring is r A x̂).
 * Batched over n 2-D particles (xs: n×2, out: n×2, returned). The smoothed score at σ is −β × this, β = 1/σ².
 */
export function ringGradBatch(xs: Float64Array, beta: number, out: Float64Array, radius = 1): Float64Array {
  checkPositive(beta, 'beta');
  checkLength(out, xs.length, 'out');
  if (xs.length % 2 !== 0) throw new Error(`xs: length ${xs.length} is not a multiple of 2`);
  for (let p = 0; p < xs.length; p += 2) {
    const x0 = xs[p];
    const x1 = xs[p + 1];
    const R = Math.hypot(x0, x1);
    if (R === 0) {
      out[p] = 0;
      out[p + 1] = 0;
      continue;
    }
    const c = (radius * besselRatio(beta * radius * R)) / R;
    out[p] = x0 - c * x0;
    out[p + 1] = x1 - c * x1;
  }
  return out;
}

/** Exact score ∇log p_σ of the uniform ring smoothed by N(0, σ²I): −(1/σ²)·ringGrad at β = 1/σ². Batched (n×2). */
export function ringScoreBatch(xs: Float64Array, sigma: number, out: Float64Array, radius = 1): Float64Array {
  checkPositive(sigma, 'sigma');
  const beta = 1 / (sigma * sigma);
  ringGradBatch(xs, beta, out, radius);
  for (let k = 0; k < out.length; k++) out[k] *= -beta;
  return out;
}

/**
 * The radius R⋆ of the ring of minima of ringEnergy: the largest root of R = r A(βrR) (A = I₁/I₀), found by
 * bisection. It is 0 (a single minimum at the centre) when βr² ≤ 2; R⋆ → r as β → ∞. In Pham's convention
 * β_P = β/2, so R⋆(β_P = 20) = ringRadius(40) = 0.98726.
 */
export function ringRadius(beta: number, radius = 1): number {
  checkPositive(beta, 'beta');
  checkPositive(radius, 'radius');
  if (beta * radius * radius <= 2) return 0;
  // φ(R) = R − r A(βrR) is negative just above 0 and positive at R = r; bisection on (0, r].
  let lo = 1e-12 * radius;
  let hi = radius;
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid - radius * besselRatio(beta * radius * mid) > 0) hi = mid;
    else lo = mid;
    if (hi - lo < 1e-15 * radius) break;
  }
  return 0.5 * (lo + hi);
}
