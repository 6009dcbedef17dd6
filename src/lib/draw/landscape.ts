import { contours } from 'd3-contour';
import { interpolateViridis, interpolateCividis } from 'd3-scale-chromatic';
import { rgb } from 'd3-color';
import type { Grid } from '../../core';
import type { Palette } from '../theme';
import { newPath, offscreenCanvas } from './surface';
import { SPLAT_FROM, splatParticles } from './particleLayer';

/*
 * Painting a sampled 2-D landscape: a heatmap (one pixel per grid cell, scaled up smoothly) and iso-lines from
 * d3-contour. Both only map precomputed grid values to marks; they compute no physics.
 */

/** A linear map from the plane to canvas pixels (y up). */
export interface View {
  width: number;
  height: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
export const px = (v: View, x: number) => ((x - v.x0) / (v.x1 - v.x0)) * v.width;
export const py = (v: View, y: number) => (1 - (y - v.y0) / (v.y1 - v.y0)) * v.height;
export const fromPx = (v: View, cx: number, cy: number): [number, number] => [v.x0 + (cx / v.width) * (v.x1 - v.x0), v.y0 + (1 - cy / v.height) * (v.y1 - v.y0)];
/** The plane point under a pointer, held inside the view (a drag past the edge stays on it; edits take no point outside). */
export const fromPxInside = (v: View, cx: number, cy: number): [number, number] => fromPx(v, Math.min(v.width, Math.max(0, cx)), Math.min(v.height, Math.max(0, cy)));

/**
 * Renders the grid as an off-screen heat image: low values dark, so an energy's valleys read as valleys.
 * `invert` flips the ramp, for a log-probability view where the peaks should be bright. Returns a canvas to drawImage.
 */
export function heatImage(grid: Grid, palette: Palette, invert = false, clip?: [number, number]): HTMLCanvasElement {
  const c = offscreenCanvas(grid.nx, grid.ny);
  const ctx = c.getContext('2d')!;
  const img = ctx.createImageData(grid.nx, grid.ny);
  const [lo, hi] = clip ?? [grid.min, grid.max];
  const span = hi - lo || 1;
  const ramp = palette.dark ? interpolateViridis : interpolateCividis;
  const lut = new Uint8ClampedArray(256 * 3);
  for (let k = 0; k < 256; k++) {
    const col = ramp(palette.dark ? 0.08 + 0.8 * (k / 255) : 0.15 + 0.85 * (k / 255));
    const c = rgb(col);
    lut[3 * k] = c.r;
    lut[3 * k + 1] = c.g;
    lut[3 * k + 2] = c.b;
  }
  for (let j = 0; j < grid.ny; j++) {
    for (let i = 0; i < grid.nx; i++) {
      let t = (Math.min(hi, Math.max(lo, grid.values[j * grid.nx + i])) - lo) / span;
      if (invert) t = 1 - t;
      const k = Math.round(t * 255);
      const o = ((grid.ny - 1 - j) * grid.nx + i) * 4; // row j is y ascending; canvas rows go down
      img.data[o] = lut[3 * k];
      img.data[o + 1] = lut[3 * k + 1];
      img.data[o + 2] = lut[3 * k + 2];
      img.data[o + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  return c;
}

/**
 * Iso-lines of the grid at `count` evenly spaced levels (within `clip` if given), as one Path2D in canvas
 * pixels. Build it once per landscape and stroke it every frame.
 */
export function contourPath(grid: Grid, view: View, count = 12, clip?: [number, number]): Path2D {
  const [lo, hi] = clip ?? [grid.min, grid.max];
  const thresholds = Array.from({ length: count }, (_, k) => lo + ((k + 0.5) / count) * (hi - lo));
  const polys = contours().size([grid.nx, grid.ny]).thresholds(thresholds)(Array.from(grid.values));
  const sx = view.width / grid.nx;
  const sy = view.height / grid.ny;
  const path = newPath();
  for (const poly of polys) {
    for (const rings of poly.coordinates) {
      for (const ring of rings) {
        ring.forEach(([gx, gy], k) => {
          const cx = gx * sx;
          const cy = view.height - gy * sy;
          if (k === 0) path.moveTo(cx, cy);
          else path.lineTo(cx, cy);
        });
      }
    }
  }
  return path;
}

/** Strokes a contour path in a thin, translucent line. */
export function strokeContours(ctx: CanvasRenderingContext2D, path: Path2D, color: string): void {
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 0.8;
  ctx.globalAlpha = 0.5;
  ctx.stroke(path);
  ctx.restore();
}

/** Draws `n` particles from a flat [x0, y0, x1, y1, …] array as small discs. */
export function drawParticles(ctx: CanvasRenderingContext2D, xs: Float64Array, n: number, view: View, color: string, radius = 2): void {
  if (n > SPLAT_FROM) return splatParticles(ctx, xs, n, view, color, radius, 'disc');
  ctx.fillStyle = color;
  ctx.beginPath();
  for (let p = 0; p < n; p++) {
    const cx = px(view, xs[2 * p]);
    const cy = py(view, xs[2 * p + 1]);
    ctx.moveTo(cx + radius, cy);
    ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
  }
  ctx.fill();
}

/** Marks memories ξ_μ as rings with a cross, in the memory colour. */
export function drawMemories(ctx: CanvasRenderingContext2D, memories: ArrayLike<number>, k: number, view: View, palette: Palette, radius = 6): void {
  ctx.save();
  ctx.lineWidth = 2;
  for (let m = 0; m < k; m++) {
    const cx = px(view, memories[2 * m]);
    const cy = py(view, memories[2 * m + 1]);
    ctx.strokeStyle = palette.bg;
    ctx.beginPath();
    ctx.arc(cx, cy, radius + 1.5, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.strokeStyle = palette.memory;
    ctx.beginPath();
    ctx.arc(cx, cy, radius, 0, 2 * Math.PI);
    ctx.moveTo(cx - radius * 0.6, cy);
    ctx.lineTo(cx + radius * 0.6, cy);
    ctx.moveTo(cx, cy - radius * 0.6);
    ctx.lineTo(cx, cy + radius * 0.6);
    ctx.stroke();
  }
  ctx.restore();
}

/** A colour range for a landscape: from the minimum to the q-quantile, so far-away walls do not wash out the valleys. */
export function quantileClip(grid: Grid, q = 0.85): [number, number] {
  const sorted = Float64Array.from(grid.values).sort();
  const hi = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return [grid.min, hi > grid.min ? hi : grid.min + 1];
}
