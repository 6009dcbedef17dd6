import type { Rng } from './rng';
import { checkFinite, checkInt, checkLength } from './validate';

/*
 * Ways to corrupt an image (survey Misconception 2): Gaussian noise, masking (the inpainting problem), blur and
 * pixelation. Images are flat row-major Float64Arrays of width×height values (pixel (i, j) at j * width + i).
 * Every function writes into `out` (which may not alias `img` unless stated) and returns it.
 */

/** The kinds of corruption the essay compares. */
export type CorruptionKind = 'noise' | 'mask' | 'blur' | 'pixelate';

function checkImage(img: ArrayLike<number>, width: number, height: number): void {
  checkInt(width, 1, 4096, 'width');
  checkInt(height, 1, 4096, 'height');
  checkLength(img, width * height, 'img');
  checkFinite(img, 'img');
}

/** out = img + σ z, z ~ N(0, I) from `rng`. Consumes width·height normals. `out` may alias `img`. */
export function addGaussianNoise(img: ArrayLike<number>, sigma: number, rng: Rng, out: Float64Array): Float64Array {
  checkLength(out, img.length, 'out');
  if (!(Number.isFinite(sigma) && sigma >= 0)) throw new Error(`sigma: must be a finite number ≥ 0 (got ${sigma})`);
  for (let i = 0; i < img.length; i++) out[i] = img[i] + sigma * rng.normal();
  return out;
}

/**
 * Hides a fraction of the image by replacing it with `fill` (the blank value, e.g. 0 = grey for ±1 images):
 * the bottom `fraction` of the rows. fraction ∈ [0, 1].
 */
export function maskImage(img: ArrayLike<number>, width: number, height: number, fraction: number, fill: number, out: Float64Array): Float64Array {
  checkImage(img, width, height);
  checkLength(out, img.length, 'out');
  if (!(fraction >= 0 && fraction <= 1)) throw new Error(`fraction: must be in [0, 1] (got ${fraction})`);
  const firstHidden = height - Math.round(fraction * height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) out[j * width + i] = j >= firstHidden ? fill : img[j * width + i];
  }
  return out;
}

/**
 * Separable box blur of radius r (a (2r+1)-wide mean, edges clamped), applied twice (close to a Gaussian of
 * standard deviation √(2r(r+1)/3)). r = 0 copies.
 */
export function blurImage(img: ArrayLike<number>, width: number, height: number, radius: number, out: Float64Array): Float64Array {
  checkImage(img, width, height);
  checkLength(out, img.length, 'out');
  checkInt(radius, 0, 64, 'radius');
  const a = Float64Array.from(img);
  const b = new Float64Array(a.length);
  const pass = (src: Float64Array, dst: Float64Array, horizontal: boolean) => {
    for (let j = 0; j < height; j++) {
      for (let i = 0; i < width; i++) {
        let s = 0;
        for (let k = -radius; k <= radius; k++) {
          const ii = horizontal ? Math.min(width - 1, Math.max(0, i + k)) : i;
          const jj = horizontal ? j : Math.min(height - 1, Math.max(0, j + k));
          s += src[jj * width + ii];
        }
        dst[j * width + i] = s / (2 * radius + 1);
      }
    }
  };
  for (let rep = 0; rep < 2; rep++) {
    pass(a, b, true);
    pass(b, a, false);
  }
  out.set(a);
  return out;
}

/** Replaces each block×block tile by its mean (the last tiles may be smaller). block = 1 copies. */
export function pixelateImage(img: ArrayLike<number>, width: number, height: number, block: number, out: Float64Array): Float64Array {
  checkImage(img, width, height);
  checkLength(out, img.length, 'out');
  checkInt(block, 1, Math.max(width, height), 'block');
  for (let by = 0; by < height; by += block) {
    for (let bx = 0; bx < width; bx += block) {
      const y1 = Math.min(height, by + block);
      const x1 = Math.min(width, bx + block);
      let s = 0;
      for (let j = by; j < y1; j++) for (let i = bx; i < x1; i++) s += img[j * width + i];
      const mean = s / ((y1 - by) * (x1 - bx));
      for (let j = by; j < y1; j++) for (let i = bx; i < x1; i++) out[j * width + i] = mean;
    }
  }
  return out;
}

/**
 * One corruption by name with a strength in [0, 1]: noise σ = 1.5·strength; mask hides that fraction of rows;
 * blur radius round(4·strength); pixelation blocks of 1 + round(5·strength) pixels. The mask fill is 0.
 */
export function corruptImage(kind: CorruptionKind, img: ArrayLike<number>, width: number, height: number, strength: number, rng: Rng, out: Float64Array): Float64Array {
  if (!(strength >= 0 && strength <= 1)) throw new Error(`strength: must be in [0, 1] (got ${strength})`);
  switch (kind) {
    case 'noise':
      return addGaussianNoise(img, 1.5 * strength, rng, out);
    case 'mask':
      return maskImage(img, width, height, strength, 0, out);
    case 'blur':
      return blurImage(img, width, height, Math.round(4 * strength), out);
    case 'pixelate':
      return pixelateImage(img, width, height, 1 + Math.round(5 * strength), out);
    default:
      throw new Error(`kind: unknown corruption "${String(kind)}"`);
  }
}
