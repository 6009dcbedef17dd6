/**
 * Input checks shared by the core's public functions. Each throws an Error whose message names the argument,
 * so a figure can show the reader exactly which input was impossible.
 */

/** Throws unless every entry of `v` is a finite number. */
export function checkFinite(v: ArrayLike<number>, name: string): void {
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new Error(`${name}: entry ${i} is not a finite number (${v[i]})`);
  }
}

/** Throws unless `x` is a finite number greater than zero. */
export function checkPositive(x: number, name: string): void {
  if (!(Number.isFinite(x) && x > 0)) throw new Error(`${name}: must be a finite number > 0 (got ${x})`);
}

/** Throws unless `v.length === n`. */
export function checkLength(v: ArrayLike<number>, n: number, name: string): void {
  if (!v || typeof v.length !== 'number') throw new Error(`${name}: expected an array of numbers`);
  if (v.length !== n) throw new Error(`${name}: dimension mismatch (length ${v.length}, expected ${n})`);
}

/** Throws unless `x` is an integer in [min, max]. */
export function checkInt(x: number, min: number, max: number, name: string): void {
  if (!(Number.isInteger(x) && x >= min && x <= max)) throw new Error(`${name}: must be an integer in [${min}, ${max}] (got ${x})`);
}

/**
 * Throws unless the batch `xs` holds whole rows of length d and `out` is as long as `xs` (messages name `xs` and
 * `out`). Returns the row count n = xs.length / d.
 */
export function checkBatch(xs: ArrayLike<number>, d: number, out: ArrayLike<number>): number {
  if (xs.length % d !== 0) throw new Error(`xs: length ${xs.length} is not a multiple of the dimension ${d}`);
  checkLength(out, xs.length, 'out');
  return xs.length / d;
}
