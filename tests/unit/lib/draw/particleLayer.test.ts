import { describe, expect, it, beforeAll } from 'vitest';
import { createCanvas, Path2D } from '@napi-rs/canvas';
import { installSurfaces } from '../../../../src/lib/draw/surface';
import { splatParticles } from '../../../../src/lib/draw/particleLayer';
import { px, py, type View } from '../../../../src/lib/draw/landscape';

/*
 * The splatted particles (one image) must look like the path-drawn ones they replace above SPLAT_FROM: the
 * same dots in the same places with the same stacked opacity, up to antialiasing. Compared on @napi-rs/canvas,
 * the poster renderer, pixel by pixel over the alpha channel.
 */
beforeAll(() => installSurfaces({ canvas: (w, h) => createCanvas(w, h) as unknown as HTMLCanvasElement, path: () => new Path2D() as unknown as Path2D }));

const view: View = { x0: -3, x1: 3, y0: -3, y1: 3, width: 200, height: 160 };

function points(n: number, seed: number): Float64Array {
  let s = seed;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 6 - 3;
  return Float64Array.from({ length: 2 * n }, r);
}

function alphas(draw: (ctx: CanvasRenderingContext2D) => void, scale: number): Uint8ClampedArray {
  const c = createCanvas(view.width * scale, view.height * scale);
  const ctx = c.getContext('2d') as unknown as CanvasRenderingContext2D;
  ctx.scale(scale, scale);
  draw(ctx);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  return Uint8ClampedArray.from({ length: d.length / 4 }, (_, k) => d[4 * k + 3]);
}

function pathDots(ctx: CanvasRenderingContext2D, xs: Float64Array, n: number, size: number, shape: 'disc' | 'square' | 'outline'): void {
  if (shape === 'outline') {
    // As fixed-points strokes its squares below SPLAT_FROM.
    ctx.strokeStyle = '#c00';
    ctx.lineWidth = 1.3;
    ctx.beginPath();
    for (let p = 0; p < n; p++) ctx.rect(px(view, xs[2 * p]) - size / 2, py(view, xs[2 * p + 1]) - size / 2, size, size);
    ctx.stroke();
    return;
  }
  // As drawParticles and drawDots draw below SPLAT_FROM: one path, filled once.
  ctx.fillStyle = '#c00';
  ctx.beginPath();
  for (let p = 0; p < n; p++) {
    const cx = px(view, xs[2 * p]);
    const cy = py(view, xs[2 * p + 1]);
    if (shape === 'disc') {
      ctx.moveTo(cx + size, cy);
      ctx.arc(cx, cy, size, 0, 2 * Math.PI);
    } else ctx.rect(cx - size / 2, cy - size / 2, size, size);
  }
  ctx.fill();
}

describe('splatParticles', () => {
  for (const [shape, size, alpha, scale] of [
    ['disc', 2.2, 1, 1],
    ['disc', 1.2, 0.85, 2],
    ['square', 2, 0.7, 1],
    ['square', 1.5, 0.7, 2],
    ['outline', 2.8, 1, 1],
    ['outline', 4.8, 1, 2],
  ] as const) {
    it(`matches path-drawn ${shape}s of size ${size} at opacity ${alpha}, scale ${scale}`, () => {
      const xs = points(400, 7);
      const a = alphas((ctx) => ((ctx.globalAlpha = alpha), pathDots(ctx, xs, 400, size, shape)), scale);
      const b = alphas((ctx) => ((ctx.globalAlpha = alpha), splatParticles(ctx, xs, 400, view, '#c00', size, shape)), scale);
      let sumA = 0;
      let sumB = 0;
      let diff = 0;
      for (let k = 0; k < a.length; k++) {
        sumA += a[k];
        sumB += b[k];
        diff += Math.abs(a[k] - b[k]);
      }
      // The same ink overall (within 6 %), and where it lies: the pixels differ by under a quarter of the ink.
      expect(Math.abs(sumB - sumA) / sumA).toBeLessThan(0.06);
      expect(diff / sumA).toBeLessThan(0.25);
    });
  }

  it('keeps the context\'s state and and draws nothing for particles off the view', () => {
    const xs = Float64Array.from([100, 100, -100, 5]);
    const a = alphas((ctx) => {
      ctx.globalAlpha = 0.5;
      splatParticles(ctx, xs, 2, view, '#000', 2, 'disc');
      expect(ctx.globalAlpha).toBe(0.5);
    }, 1);
    expect(a.every((v) => v === 0)).toBe(true);
  });
});
