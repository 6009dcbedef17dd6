import { checkFinite } from './validate';

/** A dense row-major matrix of float64 values. In the essay's memory sets each row is one pattern ξ_μ. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  /** Row-major storage: element (r, c) is `data[r * cols + c]`. */
  readonly data: Float64Array;
}

/**
 * Builds a matrix from rows of equal length (one pattern per row). Copies the values.
 * Throws if there are no rows, a row is empty, lengths differ, or a value is not finite.
 */
export function matrixFromRows(rows: ArrayLike<number>[]): Matrix {
  if (!Array.isArray(rows) || rows.length === 0) throw new Error('rows: need at least one row (an empty pattern set)');
  const cols = rows[0].length;
  if (cols === 0) throw new Error('rows: rows must not be empty');
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, r) => {
    if (row.length !== cols) throw new Error(`rows: row ${r} has length ${row.length}, expected ${cols}`);
    for (let c = 0; c < cols; c++) data[r * cols + c] = row[c];
  });
  checkFinite(data, 'rows');
  return { rows: rows.length, cols, data };
}

/** Wraps existing row-major data as a matrix without copying. Throws on a size mismatch. */
export function matrixFromData(rows: number, cols: number, data: Float64Array): Matrix {
  if (!(rows > 0 && cols > 0)) throw new Error('matrix: rows and cols must be positive');
  if (data.length !== rows * cols) throw new Error(`matrix: data has length ${data.length}, expected ${rows * cols}`);
  return { rows, cols, data };
}

/** Returns row `r` as a subarray view (no copy). */
export function row(m: Matrix, r: number): Float64Array {
  return m.data.subarray(r * m.cols, (r + 1) * m.cols);
}
