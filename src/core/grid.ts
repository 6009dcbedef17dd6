/** A rectangle of the plane: x ∈ [x0, x1], y ∈ [y0, y1]. */
export interface Domain {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Values of a scalar function sampled on an nx×ny grid, row-major: `values[j * nx + i]`, row j = y. */
export interface Grid {
  nx: number;
  ny: number;
  domain: Domain;
  values: Float64Array;
  min: number;
  max: number;
}

/**
 * Samples f(x, y) at the centres of an nx×ny lattice over the domain (as Observable Plot samples at pixel
 * centres). Row j runs along x at y = y0 + (j + ½)·(y1 − y0)/ny. Non-finite samples throw, naming the point.
 * Allocates one Float64Array of nx·ny values.
 */
export function sampleGrid(f: (x: number, y: number) => number, domain: Domain, nx: number, ny: number): Grid {
  if (!(Number.isInteger(nx) && nx > 1 && Number.isInteger(ny) && ny > 1)) throw new Error(`nx, ny: must be integers > 1 (got ${nx}, ${ny})`);
  const { x0, x1, y0, y1 } = domain;
  if (!(x1 > x0 && y1 > y0)) throw new Error('domain: need x1 > x0 and y1 > y0');
  const values = new Float64Array(nx * ny);
  let min = Infinity;
  let max = -Infinity;
  const dx = (x1 - x0) / nx;
  const dy = (y1 - y0) / ny;
  const pt = new Float64Array(2);
  for (let j = 0; j < ny; j++) {
    pt[1] = y0 + (j + 0.5) * dy;
    for (let i = 0; i < nx; i++) {
      pt[0] = x0 + (i + 0.5) * dx;
      const v = f(pt[0], pt[1]);
      if (!Number.isFinite(v)) throw new Error(`f: not finite at (${pt[0].toFixed(3)}, ${pt[1].toFixed(3)})`);
      values[j * nx + i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { nx, ny, domain, values, min, max };
}

/**
 * Fills `out` (flat [x, y, …], length 2n) with n points uniform over the domain, drawing x then y for each
 * point from `rng`. Mutates `out` and advances `rng`; returns `out`.
 */
export function scatterUniform(out: Float64Array, domain: Domain, rng: { uniform(): number }): Float64Array {
  const { x0, x1, y0, y1 } = domain;
  for (let i = 0; i + 1 < out.length; i += 2) {
    out[i] = x0 + (x1 - x0) * rng.uniform();
    out[i + 1] = y0 + (y1 - y0) * rng.uniform();
  }
  return out;
}
