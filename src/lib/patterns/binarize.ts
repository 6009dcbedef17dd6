/*
 * Turning a reader's picture into a ±1 pattern. `binarizeRgba` is pure (it takes pixels, so tests run it in
 * Node); `imageFileToPattern` is the browser half: it checks the file, decodes it, and draws it into a small
 * canvas. A file that is not an image, is too large, or fails to decode is rejected with a sentence the
 * figure can show; nothing is stored in that case.
 */

/** Largest upload we accept, in bytes (a phone photo is 2–6 MB). */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Largest decoded size we accept, in pixels per side. */
export const MAX_UPLOAD_SIDE = 8192;

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

/**
 * Reads a File chosen by the reader and returns its side × side ±1 pattern (centre-cropped to a square).
 * Rejects, with a readable message, anything that is not an image, is larger than MAX_UPLOAD_BYTES, or cannot
 * be decoded.
 */
export async function imageFileToPattern(file: File, side: number): Promise<Float64Array> {
  if (!file.type.startsWith('image/')) {
    throw new Error(`“${file.name}” is not an image (${file.type || 'unknown type'}); choose a PNG, JPEG, GIF or WebP picture. Nothing was stored.`);
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new Error(`“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB. Nothing was stored.`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`“${file.name}” could not be read as a picture (the file may be damaged). Nothing was stored.`);
  }
  try {
    if (bitmap.width > MAX_UPLOAD_SIDE || bitmap.height > MAX_UPLOAD_SIDE) {
      throw new Error(`“${file.name}” is ${bitmap.width}×${bitmap.height} pixels; the limit is ${MAX_UPLOAD_SIDE} per side. Nothing was stored.`);
    }
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('canvas: 2-D context unavailable');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    const s = Math.min(bitmap.width, bitmap.height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, (bitmap.width - s) / 2, (bitmap.height - s) / 2, s, s, 0, 0, side, side);
    const pattern = binarizeRgba(ctx.getImageData(0, 0, side, side).data, side);
    return pattern;
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('image:')) throw new Error(`“${file.name}”: ${e.message.slice(7)}. Nothing was stored.`);
    throw e;
  } finally {
    bitmap.close();
  }
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
