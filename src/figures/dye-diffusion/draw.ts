import type { Palette } from '../../lib/theme';
import { px, py, type View } from '../../lib/draw/landscape';
import type { Dye } from './sim';

/**
 * Paints the glass of water, a faint outline of where the dye started (p₀), and every particle as a small
 * translucent square: where particles crowd, the colour saturates, so density reads as depth of colour.
 * `stroke` is a shape being drawn right now (plane coordinates), or null. Computes nothing but pixels.
 */
export function paint(ctx: CanvasRenderingContext2D, model: Dye, view: View, palette: Palette, stroke: readonly number[] | null): void {
  ctx.save();
  ctx.fillStyle = palette.bg;
  ctx.fillRect(0, 0, view.width, view.height);
  ctx.fillStyle = palette.dark ? 'rgba(86,180,233,0.07)' : 'rgba(0,100,160,0.05)';
  ctx.fillRect(0, 0, view.width, view.height);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, 0.5, view.width - 1, view.height - 1);

  // Where the dye started: a dashed ring of radius 2w around each droplet centre.
  const { rows: K, data } = model.centres;
  const r = (2 * model.width * view.width) / (view.x1 - view.x0);
  ctx.setLineDash([3, 3]);
  ctx.strokeStyle = palette.muted;
  ctx.globalAlpha = 0.7;
  ctx.beginPath();
  if (K > 2) {
    for (let m = 0; m < K; m++) {
      const cx = px(view, data[2 * m]);
      const cy = py(view, data[2 * m + 1]);
      if (m === 0) ctx.moveTo(cx, cy);
      else ctx.lineTo(cx, cy);
    }
  } else {
    for (let m = 0; m < K; m++) {
      const cx = px(view, data[2 * m]);
      const cy = py(view, data[2 * m + 1]);
      ctx.moveTo(cx + r, cy);
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    }
  }
  ctx.stroke();
  ctx.setLineDash([]);

  const n = model.n;
  const s = n > 20000 ? 1.5 : 2;
  ctx.globalAlpha = Math.min(0.85, 26 / Math.sqrt(n));
  ctx.fillStyle = palette.memory;
  const xs = model.xs;
  const ax = view.width / (view.x1 - view.x0);
  const ay = view.height / (view.y1 - view.y0);
  for (let p = 0; p < n; p++) {
    const cx = (xs[2 * p] - view.x0) * ax;
    const cy = (view.y1 - xs[2 * p + 1]) * ay;
    if (cx < -2 || cy < -2 || cx > view.width || cy > view.height) continue;
    ctx.fillRect(cx - s / 2, cy - s / 2, s, s);
  }

  if (stroke && stroke.length >= 2) {
    ctx.globalAlpha = 1;
    ctx.strokeStyle = palette.fg;
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.beginPath();
    for (let i = 0; i < stroke.length; i += 2) {
      const cx = px(view, stroke[i]);
      const cy = py(view, stroke[i + 1]);
      if (i === 0) ctx.moveTo(cx, cy);
      else ctx.lineTo(cx, cy);
    }
    ctx.stroke();
  }
  ctx.restore();
}
