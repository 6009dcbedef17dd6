/** Σ_i a[ao + i]·b[bo + i] over n entries (offsets index rows of the L-BFGS history). Mutates nothing. */
export function dot(a: Float64Array, b: Float64Array, n: number, ao = 0, bo = 0): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[ao + i] * b[bo + i];
  return s;
}
