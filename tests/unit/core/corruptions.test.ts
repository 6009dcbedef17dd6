import { describe, expect, it } from 'vitest';
import { addGaussianNoise, blurImage, corruptImage, createRng, maskImage, pixelateImage } from '../../../src/core';

const W = 6;
const H = 4;
const img = Float64Array.from({ length: W * H }, (_, k) => ((k * 7) % 5) - 2);

describe('image corruptions', () => {
  it('noise with σ = 0 copies; noise is seeded', () => {
    expect(Array.from(addGaussianNoise(img, 0, createRng(1), new Float64Array(W * H)))).toEqual(Array.from(img));
    const a = addGaussianNoise(img, 0.5, createRng(3), new Float64Array(W * H));
    const b = addGaussianNoise(img, 0.5, createRng(3), new Float64Array(W * H));
    expect(Array.from(a)).toEqual(Array.from(b));
  });
  it('mask hides exactly the bottom rows', () => {
    const m = maskImage(img, W, H, 0.5, 0, new Float64Array(W * H));
    for (let j = 0; j < H; j++) for (let i = 0; i < W; i++) expect(m[j * W + i]).toBe(j >= 2 ? 0 : img[j * W + i]);
  });
  it('blur keeps the mean of a constant image and smooths a step', () => {
    const c = new Float64Array(W * H).fill(0.7);
    expect(Array.from(blurImage(c, W, H, 2, new Float64Array(W * H))).every((v) => Math.abs(v - 0.7) < 1e-12)).toBe(true);
    const b = blurImage(img, W, H, 1, new Float64Array(W * H));
    const tv = (a: ArrayLike<number>) => {
      let s = 0;
      for (let j = 0; j < H; j++) for (let i = 1; i < W; i++) s += Math.abs(a[j * W + i] - a[j * W + i - 1]);
      return s;
    };
    expect(tv(b)).toBeLessThan(tv(img));
  });
  it('pixelate makes constant tiles with the tile mean', () => {
    const p = pixelateImage(img, W, H, 2, new Float64Array(W * H));
    const mean = (img[0] + img[1] + img[W] + img[W + 1]) / 4;
    expect(p[0]).toBeCloseTo(mean, 12);
    expect(p[W + 1]).toBeCloseTo(mean, 12);
  });
  it('rejects impossible strengths with a named message', () => {
    expect(() => corruptImage('blur', img, W, H, 1.5, createRng(1), new Float64Array(W * H))).toThrow(/strength/);
  });
});
