import { typeScale } from '../../lib/slideText';
import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { contourPath, drawMemories, heatImage, px, py, quantileClip, strokeContours, type View } from '../../lib/draw/landscape';
import { drawArrows } from '../../lib/draw/arrows';
import { MAX_TRAILS, type SideBySide } from './sim';

/** Which pair of matching terms the reader is pointing at (hover or focus on either equation). */
export type Highlight = 'none' | 'force' | 'tau' | 'alpha';

export interface Background {
  image: HTMLCanvasElement;
  contours: Path2D;
}

export function paintBackground(grid: Grid, view: View, palette: Palette): Background {
  const clip = quantileClip(grid, 0.8);
  return { image: heatImage(grid, palette, false, clip), contours: contourPath(grid, view, 14, clip) };
}

/** Adds the last step's segments to the trail layer (AM a heavier line, DM a hairline: apart without colour too). */
export function paintTrails(ctx: CanvasRenderingContext2D, m: SideBySide, view: View, palette: Palette): void {
  const n = Math.min(m.n, MAX_TRAILS);
  ctx.save();
  ctx.lineWidth = 1.8;
  ctx.globalAlpha = 0.55;
  ctx.strokeStyle = palette.accent;
  ctx.beginPath();
  for (let p = 0; p < n; p++) {
    ctx.moveTo(px(view, m.prevAm[2 * p]), py(view, m.prevAm[2 * p + 1]));
    ctx.lineTo(px(view, m.am[2 * p]), py(view, m.am[2 * p + 1]));
  }
  ctx.stroke();
  ctx.strokeStyle = palette.accent2;
  ctx.lineWidth = 0.8;
  ctx.beginPath();
  for (let p = 0; p < n; p++) {
    ctx.moveTo(px(view, m.prevDm[2 * p]), py(view, m.prevDm[2 * p + 1]));
    ctx.lineTo(px(view, m.dm[2 * p]), py(view, m.dm[2 * p + 1]));
  }
  ctx.stroke();
  ctx.restore();
}

/** Landscape, trails, both particle sets (AM: filled discs; DM: hollow squares) and, on request, the forces. */
export function paint(ctx: CanvasRenderingContext2D, m: SideBySide, bg: Background, trails: HTMLCanvasElement | null, view: View, palette: Palette, hl: Highlight): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(bg.image, 0, 0, view.width, view.height);
  strokeContours(ctx, bg.contours, palette.dark ? '#fff' : '#000');
  if (trails) ctx.drawImage(trails, 0, 0, view.width, view.height);
  const small = m.n > 1500;
  const r = small ? 1.3 : 2.6;
  ctx.save();
  ctx.fillStyle = palette.accent;
  ctx.strokeStyle = palette.bg;
  ctx.lineWidth = 0.8;
  if (small) {
    // Many particles: small squares rasterise far faster than discs.
    for (let p = 0; p < m.n; p++) ctx.fillRect(px(view, m.am[2 * p]) - r, py(view, m.am[2 * p + 1]) - r, 2 * r, 2 * r);
  } else {
    ctx.beginPath();
    for (let p = 0; p < m.n; p++) {
      const cx = px(view, m.am[2 * p]);
      const cy = py(view, m.am[2 * p + 1]);
      ctx.moveTo(cx + r, cy);
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.stroke();
  }
  ctx.strokeStyle = palette.accent2;
  ctx.lineWidth = small ? 1 : 1.6;
  ctx.beginPath();
  for (let p = 0; p < m.n; p++) {
    const cx = px(view, m.dm[2 * p]);
    const cy = py(view, m.dm[2 * p + 1]);
    ctx.rect(cx - r - 0.5, cy - r - 0.5, 2 * r + 1, 2 * r + 1);
  }
  ctx.stroke();
  ctx.restore();
  if (hl === 'force') {
    m.computeForces();
    const n = Math.min(m.n, MAX_TRAILS);
    drawArrows(ctx, m.am.subarray(0, 2 * n), m.forceAm.subarray(0, 2 * n), view, palette.accent, { maxLen: 26, width: 1.6 });
    drawArrows(ctx, m.dm.subarray(0, 2 * n), m.forceDm.subarray(0, 2 * n), view, palette.accent2, { maxLen: 26, width: 1.6 });
  }
  drawMemories(ctx, m.memories.data, m.memories.rows, view, palette);
}

/**
 * The step sizes against update index: the DM's α(t) = σ_t(σ_t − σ_{t+1}) over [0, T] (undefined after T unless
 * held) and the AM's constant α over [0, ∞). Log y. A marker shows the current update.
 */
export function paintSchedule(ctx: CanvasRenderingContext2D, m: SideBySide, w: number, h: number, palette: Palette, amAlpha: number, afterT: string, hl: Highlight): void {
  // Room for the labels grows with their type (raised on a lecture slide).
  const k = typeScale(ctx, 11);
  const pad = { l: 44 * k, r: 10, t: 10 * k, b: 28 * k };
  const T = m.T;
  const tMax = Math.max(T * 1.5, m.t + 1);
  const vals: number[] = [];
  for (let i = 0; i < T; i++) vals.push(m.dmAlpha(i));
  let lo = Math.min(amAlpha, ...vals);
  let hi = Math.max(amAlpha, ...vals);
  lo = Math.max(lo, 1e-6);
  const ly0 = Math.log10(lo) - 0.2;
  const ly1 = Math.log10(hi) + 0.2;
  const X = (t: number) => pad.l + (t / tMax) * (w - pad.l - pad.r);
  const Y = (v: number) => pad.t + (1 - (Math.log10(Math.max(v, 1e-12)) - ly0) / (ly1 - ly0)) * (h - pad.t - pad.b);
  ctx.clearRect(0, 0, w, h);
  ctx.save();
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = palette.muted;
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  for (let e = Math.ceil(ly0); e <= Math.floor(ly1); e++) {
    const y = Y(10 ** e);
    ctx.beginPath();
    ctx.moveTo(pad.l, y);
    ctx.lineTo(w - pad.r, y);
    ctx.stroke();
    ctx.textAlign = 'right';
    ctx.fillText(`1e${e}`, pad.l - 4, y + 3);
  }
  // After T the diffusion model has no schedule: shade it.
  ctx.fillStyle = palette.grid;
  ctx.globalAlpha = 0.35;
  ctx.fillRect(X(T), pad.t, w - pad.r - X(T), h - pad.t - pad.b);
  ctx.globalAlpha = 1;
  ctx.fillStyle = palette.muted;
  ctx.textAlign = 'center';
  ctx.fillText('0', X(0), h - 10 * k);
  ctx.fillText('T', X(T), h - 10 * k);
  ctx.fillText('update t →', (X(T) + X(tMax)) / 2, h - 10 * k);
  const strong = hl === 'alpha' || hl === 'tau';
  ctx.lineWidth = strong ? 3 : 1.8;
  ctx.strokeStyle = palette.accent2;
  ctx.beginPath();
  for (let i = 0; i < T; i++) {
    ctx.lineTo(X(i), Y(vals[i]));
    ctx.lineTo(X(i + 1), Y(vals[i]));
  }
  if (afterT === 'hold') {
    ctx.lineTo(X(T), Y(vals[T - 1]));
    ctx.lineTo(X(tMax), Y(vals[T - 1]));
  }
  ctx.stroke();
  ctx.strokeStyle = palette.accent;
  ctx.beginPath();
  ctx.moveTo(X(0), Y(amAlpha));
  ctx.lineTo(X(tMax), Y(amAlpha));
  ctx.stroke();
  ctx.strokeStyle = palette.fg;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(X(Math.min(m.t, tMax)), pad.t);
  ctx.lineTo(X(Math.min(m.t, tMax)), h - pad.b);
  ctx.stroke();
  ctx.setLineDash([]);
  // Labels apart: the memory's at the right end of its line (past T, where the schedule has stopped), the
  // diffusion model's under the start of its curve (over it when there is no room below).
  ctx.textAlign = 'right';
  ctx.fillStyle = palette.accent;
  ctx.fillText('memory α', w - pad.r - 4, Y(amAlpha) - 4 * k);
  ctx.textAlign = 'left';
  ctx.fillStyle = palette.accent2;
  const y0 = Y(vals[0] ?? amAlpha);
  ctx.fillText('diffusion α(t)', X(0) + 4, y0 + 14 * k < h - pad.b ? y0 + 14 * k : y0 - 4 * k);
  ctx.restore();
}
