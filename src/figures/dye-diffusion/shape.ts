import { matrixFromData, matrixFromRows, resamplePolyline, type Matrix } from '../../core';

/* Where the dye starts: the droplet centres c_μ of p₀ for each start, and those of a stroke the reader draws. */

/** A drawn stroke becomes at most this many droplets (the reverse step costs particles × droplets exponentials). */
export const MAX_CENTRES = 32;
/** A gentle S-shaped stroke, used for "the shape you draw" until the reader draws one. */
export const DEFAULT_STROKE = Float64Array.from(
  Array.from({ length: 41 }, (_, i) => {
    const s = i / 40;
    return [-2.2 + 4.4 * s, 1.4 * Math.sin(2 * Math.PI * s)];
  }).flat(),
);

/**
 * The droplet centres of a drawn stroke (x, y pairs; a single point is one droplet): points evenly spaced along
 * it, about one per 0.15 of its length, at most MAX_CENTRES.
 */
export function strokeCentres(stroke: ArrayLike<number>): Matrix {
  let len = 0;
  for (let i = 2; i < stroke.length; i += 2) len += Math.hypot(stroke[i] - stroke[i - 2], stroke[i + 1] - stroke[i - 1]);
  return resamplePolyline(stroke, Math.max(1, Math.min(MAX_CENTRES, Math.ceil(len / 0.15) + 1)));
}

/** The droplet centres c_μ of p₀ for a shape (K×2); `drawn` is the centres of the shape the reader drew, if any. */
export function centresFor(shape: string, drawn: Float64Array | null): Matrix {
  if (shape === 'one') return matrixFromRows([[0, 0]]);
  if (shape === 'drawn') return drawn ? matrixFromData(drawn.length / 2, 2, drawn) : strokeCentres(DEFAULT_STROKE);
  return matrixFromRows([
    [-1.4, 0.8],
    [1.4, -0.8],
  ]);
}
