import type { View } from './landscape';
import { px, py } from './landscape';

/**
 * Strokes arrows for a vector field sampled at points: `points` and `vectors` are flat [x, y, …] arrays in
 * plane coordinates. Lengths are scaled so the longest arrow spans `maxLen` pixels (or, with `fixedScale`,
 * a vector of length 1 spans that many pixels), which keeps sparse fields readable. Pure painting.
 */
export function drawArrows(
  ctx: CanvasRenderingContext2D,
  points: ArrayLike<number>,
  vectors: ArrayLike<number>,
  view: View,
  color: string,
  { maxLen = 18, fixedScale, width = 1.2, alpha = 0.9 }: { maxLen?: number; fixedScale?: number; width?: number; alpha?: number } = {},
): void {
  const n = Math.floor(points.length / 2);
  let longest = 0;
  if (fixedScale === undefined) {
    for (let i = 0; i < n; i++) longest = Math.max(longest, Math.hypot(vectors[2 * i], vectors[2 * i + 1]));
  }
  const s = fixedScale ?? (longest > 0 ? maxLen / longest : 0);
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  ctx.globalAlpha = alpha;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const x = px(view, points[2 * i]);
    const y = py(view, points[2 * i + 1]);
    const dx = vectors[2 * i] * s;
    const dy = -vectors[2 * i + 1] * s;
    const len = Math.hypot(dx, dy);
    if (len < 0.5) continue;
    const ex = x + dx;
    const ey = y + dy;
    ctx.moveTo(x, y);
    ctx.lineTo(ex, ey);
    const head = Math.min(5, 0.4 * len);
    const ux = dx / len;
    const uy = dy / len;
    ctx.moveTo(ex, ey);
    ctx.lineTo(ex - head * (ux - 0.5 * uy), ey - head * (uy + 0.5 * ux));
    ctx.moveTo(ex, ey);
    ctx.lineTo(ex - head * (ux + 0.5 * uy), ey - head * (uy - 0.5 * ux));
  }
  ctx.stroke();
  ctx.restore();
}

/** Points of a regular n×n lattice over the view's plane rectangle (cell centres), flat [x, y, …]. */
export function lattice(view: View, n: number): Float64Array {
  const out = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      out[2 * (j * n + i)] = view.x0 + ((i + 0.5) / n) * (view.x1 - view.x0);
      out[2 * (j * n + i) + 1] = view.y0 + ((j + 0.5) / n) * (view.y1 - view.y0);
    }
  }
  return out;
}
