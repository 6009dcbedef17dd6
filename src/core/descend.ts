/**
 * One gradient-descent move of every coordinate, x ← x − α g, given the gradient g (same length as xs).
 * Mutates xs only. Returns the largest |α g| component (0 means every particle sits at a fixed point).
 */
export function descendAlong(xs: Float64Array, g: ArrayLike<number>, alpha: number): number {
  let mx = 0;
  for (let k = 0; k < xs.length; k++) {
    const dv = alpha * g[k];
    xs[k] -= dv;
    const m = dv < 0 ? -dv : dv;
    if (m > mx) mx = m;
  }
  return mx;
}
