import { px, py, type View } from '../../lib/draw/landscape';

/*
 * Wide arrows drawn as bundles of hairlines. In software Canvas 2D (Chromium without a GPU, and the build's
 * posters) a stroke wider than one device pixel is stroked into a polygon and filled, about ten times slower
 * than a one-device-pixel stroke, which is drawn as a hairline; at 30 × 30 bins the mean-target arrows alone
 * cost more than a frame. Parallel hairlines half a pixel apart cover the same band with solid
 * colour and soft edges, and look the same as the wide stroke at a fraction of the cost.
 */

/** The widest gap between neighbouring hairlines, in device pixels: wider ones leave visible stripes. */
const GAP = 0.5;

/** The device scale of a context (its transform's x scale; 1 where the transform cannot be read). */
export function deviceScale(ctx: CanvasRenderingContext2D): number {
  return typeof ctx.getTransform === 'function' ? ctx.getTransform().a || 1 : 1;
}

/**
 * Strokes arrows `width` CSS pixels wide in one opaque colour, as `drawArrows` does with `fixedScale: 1`
 * (`vectors` are already in pixels, y up; the same shaft and two-stroke head, arrows under half a pixel
 * skipped), but as hairlines: one-device-pixel lines per segment, at most GAP apart, whose centres span
 * w − 1 device pixels, so together they span w. Paints only; any transparency belongs to the caller's compositing.
 */
export function strokeWideArrows(ctx: CanvasRenderingContext2D, points: ArrayLike<number>, vectors: ArrayLike<number>, n: number, view: View, color: string, width: number): void {
  const scale = deviceScale(ctx);
  const w = width * scale;
  const lines = w <= 1 ? 1 : Math.ceil((w - 1) / GAP) + 1;
  const gap = lines > 1 ? (w - 1) / (lines - 1) / scale : 0;
  const offsets = Array.from({ length: lines }, (_, k) => (k - (lines - 1) / 2) * gap);
  ctx.save();
  ctx.strokeStyle = color;
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1 / scale;
  ctx.beginPath();
  const segment = (x0: number, y0: number, x1: number, y1: number, len: number) => {
    const nx = -(y1 - y0) / len;
    const ny = (x1 - x0) / len;
    for (const o of offsets) {
      ctx.moveTo(x0 + nx * o, y0 + ny * o);
      ctx.lineTo(x1 + nx * o, y1 + ny * o);
    }
  };
  for (let i = 0; i < n; i++) {
    const x = px(view, points[2 * i]);
    const y = py(view, points[2 * i + 1]);
    const dx = vectors[2 * i];
    const dy = -vectors[2 * i + 1];
    const len = Math.hypot(dx, dy);
    if (len < 0.5) continue;
    const ex = x + dx;
    const ey = y + dy;
    segment(x, y, ex, ey, len);
    const head = Math.min(5, 0.4 * len);
    const ux = dx / len;
    const uy = dy / len;
    // A barb runs along (ux ∓ ½uy, uy ± ½ux), whose length is √1.25, so it is head·√1.25 long.
    const barb = head * Math.sqrt(1.25);
    segment(ex, ey, ex - head * (ux - 0.5 * uy), ey - head * (uy + 0.5 * ux), barb);
    segment(ex, ey, ex - head * (ux + 0.5 * uy), ey - head * (uy - 0.5 * ux), barb);
  }
  ctx.stroke();
  ctx.restore();
}
