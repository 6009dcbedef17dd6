import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { contourPath, drawMemories, heatImage, px, py, quantileClip, strokeContours, type View } from '../../lib/draw/landscape';
import { SPLAT_FROM, splatParticles } from '../../lib/draw/particleLayer';
import type { FixedPoints } from './sim';

export interface Background {
  image: HTMLCanvasElement;
  contours: Path2D;
}

export function paintBackground(grid: Grid, view: View, palette: Palette): Background {
  const clip = quantileClip(grid, 0.8);
  return { image: heatImage(grid, palette, false, clip), contours: contourPath(grid, view, 12, clip) };
}

/** One panel: landscape, the particles of one dynamics, the training points. `square` draws hollow squares. */
export function paintPanel(ctx: CanvasRenderingContext2D, m: FixedPoints, xs: Float64Array, bg: Background, view: View, palette: Palette, color: string, square: boolean): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(bg.image, 0, 0, view.width, view.height);
  strokeContours(ctx, bg.contours, palette.dark ? '#fff' : '#000');
  const r = m.n > 1000 ? 1.4 : 2.4;
  ctx.save();
  if (m.n > SPLAT_FROM) splatParticles(ctx, xs, m.n, view, color, 2 * r, square ? 'outline' : 'square');
  else if (square) {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.3;
    ctx.beginPath();
    for (let p = 0; p < m.n; p++) ctx.rect(px(view, xs[2 * p]) - r, py(view, xs[2 * p + 1]) - r, 2 * r, 2 * r);
    ctx.stroke();
  } else if (m.n > 500) {
    // Many particles: small squares rasterise far faster than discs.
    ctx.fillStyle = color;
    for (let p = 0; p < m.n; p++) ctx.fillRect(px(view, xs[2 * p]) - r, py(view, xs[2 * p + 1]) - r, 2 * r, 2 * r);
  } else {
    ctx.fillStyle = color;
    ctx.beginPath();
    for (let p = 0; p < m.n; p++) {
      const cx = px(view, xs[2 * p]);
      const cy = py(view, xs[2 * p + 1]);
      ctx.moveTo(cx + r, cy);
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  ctx.restore();
  drawMemories(ctx, m.memories.data, m.memories.rows, view, palette, 5);
}

/** Strip chart: fraction of samples sitting on a training point against update t, with T marked. */
export function paintStrip(ctx: CanvasRenderingContext2D, m: FixedPoints, w: number, h: number, palette: Palette): void {
  const pad = { l: 40, r: 10, t: 8, b: 22 };
  const n = m.histDm.length;
  const tEnd = m.t;
  const tStart = tEnd - (n - 1);
  const span = Math.max(m.T * 2, n - 1, 1);
  const X = (t: number) => pad.l + ((t - Math.max(0, tEnd - span)) / span) * (w - pad.l - pad.r);
  const Y = (v: number) => pad.t + (1 - v) * (h - pad.t - pad.b);
  ctx.clearRect(0, 0, w, h);
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.strokeStyle = palette.grid;
  ctx.fillStyle = palette.muted;
  ctx.lineWidth = 1;
  for (const v of [0, 0.5, 1]) {
    ctx.beginPath();
    ctx.moveTo(pad.l, Y(v));
    ctx.lineTo(w - pad.r, Y(v));
    ctx.stroke();
    ctx.textAlign = 'right';
    ctx.fillText(`${v * 100}%`, pad.l - 4, Y(v) + 3);
  }
  const xT = X(m.T);
  if (xT >= pad.l && xT <= w - pad.r) {
    ctx.strokeStyle = palette.fg;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(xT, pad.t);
    ctx.lineTo(xT, h - pad.b);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.textAlign = 'center';
    ctx.fillText('T', xT, h - 6);
  }
  ctx.textAlign = 'left';
  ctx.fillText('update t →', pad.l, h - 6);
  const line = (hist: number[], color: string, dash: number[]) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash);
    ctx.beginPath();
    for (let k = 0; k < n; k++) {
      const x = X(tStart + k);
      if (x < pad.l) continue;
      ctx.lineTo(x, Y(hist[k]));
    }
    ctx.stroke();
    ctx.setLineDash([]);
  };
  line(m.histAm, palette.accent, []);
  line(m.histDm, palette.accent2, [5, 3]);
  ctx.restore();
}
