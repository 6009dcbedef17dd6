/*
 * Turning a reader's picture into a ±1 pattern, and resizing one. Pure (it takes pixels, so tests run it in
 * Node). Checking the file and decoding it are in lib/image/ (admit.ts, shrink.ts) and the image worker.
 */

/**
 * Binarises a side × side RGBA image (row-major, 4 bytes per pixel) into ±1: darker than the mean luminance is
 * ink (+1). Transparent pixels count as paper. Using the mean as threshold keeps roughly the picture's own
 * balance of dark and light, whatever its exposure.
 */
export function binarizeRgba(rgba: ArrayLike<number>, side: number): Float64Array {
  const n = side * side;
  if (rgba.length !== 4 * n) throw new Error(`image: expected ${4 * n} RGBA bytes for ${side}×${side}, got ${rgba.length}`);
  const lum = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const a = rgba[4 * i + 3] / 255;
    // Composite over white so transparent areas read as paper.
    const y = 0.2126 * rgba[4 * i] + 0.7152 * rgba[4 * i + 1] + 0.0722 * rgba[4 * i + 2];
    lum[i] = a * y + (1 - a) * 255;
    mean += lum[i];
  }
  mean /= n;
  const out = new Float64Array(n);
  let ink = 0;
  for (let i = 0; i < n; i++) {
    out[i] = lum[i] < mean ? 1 : -1;
    if (out[i] > 0) ink++;
  }
  if (ink === 0 || ink === n) throw new Error('image: the picture is a single flat colour, so it has nothing to remember; try one with some contrast');
  return out;
}

/** Resamples a ±1 pattern from one square size to another (nearest neighbour), for reader pictures when the grid changes. */
export function resamplePattern(p: ArrayLike<number>, from: number, to: number): Float64Array {
  const out = new Float64Array(to * to);
  for (let r = 0; r < to; r++) {
    const rs = Math.min(from - 1, Math.floor(((r + 0.5) / to) * from));
    for (let c = 0; c < to; c++) {
      const cs = Math.min(from - 1, Math.floor(((c + 0.5) / to) * from));
      out[r * to + c] = p[rs * from + cs];
    }
  }
  return out;
}
