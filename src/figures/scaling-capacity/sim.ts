import { classicalCapacity, classicalNoErrorCapacity, exponentialCapacity, polynomialCapacity } from '../../core';

export const N_MIN = 10;
export const N_MAX = 2000;
/** Top of the plot in log₁₀ K: high enough for every polynomial curve, far below the exponential one. */
export const Y_MAX = 24;

type Curve = [number, number][];

/**
 * log₁₀ of the number of storable patterns, sampled on a log grid of N. `classical`, `poly` and `exp` share one
 * criterion (no wrong bits); `classicalErrors` is Amit et al.'s 0.138 N, which allows about 1.5 % wrong bits.
 */
export function curves(degree: number, samples = 240): { classical: Curve; poly: Curve; exp: Curve; classicalErrors: Curve } {
  const classical: Curve = [];
  const poly: Curve = [];
  const exp: Curve = [];
  const classicalErrors: Curve = [];
  for (let k = 0; k <= samples; k++) {
    const n = N_MIN * Math.pow(N_MAX / N_MIN, k / samples);
    classical.push([n, Math.log10(classicalNoErrorCapacity(n))]);
    classicalErrors.push([n, Math.log10(classicalCapacity(n))]);
    poly.push([n, Math.log10(polynomialCapacity(n, degree))]);
    exp.push([n, exponentialCapacity(n).log10]);
  }
  // The exponential curve leaves the plot almost at once: keep it up to the top edge (one point past it,
  // cut exactly at the edge) so the line ends at the frame instead of being drawn over the legend.
  const cut = exp.findIndex(([, y]) => y > Y_MAX);
  if (cut > 0) {
    const [x0, y0] = exp[cut - 1];
    const [x1, y1] = exp[cut];
    const f = (Y_MAX - y0) / (y1 - y0);
    exp.splice(cut, exp.length - cut, [x0 * Math.pow(x1 / x0, f), Y_MAX]);
  }
  return { classical, poly, exp, classicalErrors };
}

/** A count written for reading: 108, 3,581, 1.0 × 10¹¹⁸. */
export function formatCount(log10: number): string {
  if (log10 < 6) return Math.round(Math.pow(10, log10)).toLocaleString('en-US');
  const e = Math.floor(log10);
  const m = Math.pow(10, log10 - e);
  const sup = String(e).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
  return `${m.toFixed(1)} × 10${sup}`;
}

/** log₁₀ of each capacity at one N: the three no-error bounds and the classical 0.138 N. */
export function capacities(n: number, degree: number): { classical: number; poly: number; exp: number; classicalErrors: number } {
  return {
    classical: Math.log10(classicalNoErrorCapacity(n)),
    poly: Math.log10(polynomialCapacity(n, degree)),
    exp: exponentialCapacity(n).log10,
    classicalErrors: Math.log10(classicalCapacity(n)),
  };
}
