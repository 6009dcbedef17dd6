import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { drawParticles, heatImage, px, py, quantileClip, type View } from '../../lib/draw/landscape';
import { drawDots } from '../../lib/draw/dots';
import type { SdeVsOde } from './sim';

export function paintBackground(grid: Grid, palette: Palette): HTMLCanvasElement {
  return heatImage(grid, palette, false, quantileClip(grid, 0.97));
}

/** Strokes path j (levels 0…upto) from a flat per-level array with m paths. */
function strokePaths(ctx: CanvasRenderingContext2D, paths: Float64Array, m: number, upto: number, view: View): void {
  ctx.beginPath();
  for (let j = 0; j < m; j++) {
    for (let k = 0; k <= upto; k++) {
      const o = k * 2 * m + 2 * j;
      const x = px(view, paths[o]);
      const y = py(view, paths[o + 1]);
      if (k === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
  }
  ctx.stroke();
}

function strokeLine(ctx: CanvasRenderingContext2D, pts: Float64Array, view: View): void {
  ctx.beginPath();
  for (let k = 0; k < pts.length / 2; k++) {
    const x = px(view, pts[2 * k]);
    const y = py(view, pts[2 * k + 1]);
    if (k === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
}

/**
 * Paints the data density, the shared starting points (hollow), the drawn trajectories and current particles of
 * each sampler, and the ODE round trip (encode dashed, decode solid, latent as a diamond).
 */
export function paint(ctx: CanvasRenderingContext2D, s: SdeVsOde, heat: HTMLCanvasElement, view: View, palette: Palette, show: string, hl: 'none' | 'ode' | 'sde' | 'trip'): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(heat, 0, 0, view.width, view.height);
  ctx.save();
  ctx.fillStyle = palette.bg;
  ctx.globalAlpha = 0.45;
  ctx.fillRect(0, 0, view.width, view.height);
  ctx.restore();
  const showOde = show !== 'sde';
  const showSde = show !== 'ode';
  ctx.save();
  ctx.lineJoin = 'round';
  // Shared starting noise.
  ctx.strokeStyle = palette.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let j = 0; j < s.m; j++) {
    const x = px(view, s.start[2 * j]);
    const y = py(view, s.start[2 * j + 1]);
    ctx.moveTo(x + 4, y);
    ctx.arc(x, y, 4, 0, 2 * Math.PI);
  }
  ctx.stroke();
  if (showSde) {
    ctx.strokeStyle = palette.accent2;
    ctx.lineWidth = hl === 'sde' ? 2.2 : 1.1;
    ctx.globalAlpha = 0.9;
    strokePaths(ctx, s.sdePaths, s.m, s.i, view);
  }
  if (showOde) {
    ctx.strokeStyle = palette.accent;
    ctx.lineWidth = hl === 'ode' ? 3 : 1.8;
    ctx.globalAlpha = 1;
    strokePaths(ctx, s.odePaths, s.m, s.i, view);
  }
  ctx.restore();
  if (s.n > 1000) {
    if (showSde) drawDots(ctx, s.sde, s.n, view, palette.accent2, 2);
    if (showOde) drawDots(ctx, s.ode, s.n, view, palette.accent, 2);
  } else {
    // The SDE's particles are squares, the ODE's discs (and its paths jagged, theirs smooth): apart without colour.
    if (showSde) drawDots(ctx, s.sde, s.n, view, palette.accent2, 4.5);
    if (showOde) drawParticles(ctx, s.ode, s.n, view, palette.accent, 2);
  }

  const t = s.trip;
  if (t) {
    ctx.save();
    ctx.strokeStyle = palette.memory;
    ctx.lineWidth = hl === 'trip' ? 3.2 : 2.2;
    ctx.setLineDash([5, 4]);
    strokeLine(ctx, t.encodePath, view);
    ctx.setLineDash([]);
    ctx.lineWidth = hl === 'trip' ? 2 : 1.2;
    strokeLine(ctx, t.decodePath, view);
    // A latent can lie outside the square (noise at σ_max = 4 reaches far): then pin the diamond to the edge and say where it is.
    const rx = px(view, t.latent[0]);
    const ry = py(view, t.latent[1]);
    const lx = Math.min(view.width - 8, Math.max(8, rx));
    const ly = Math.min(view.height - 8, Math.max(8, ry));
    const outside = lx !== rx || ly !== ry;
    ctx.fillStyle = palette.memory;
    ctx.strokeStyle = palette.bg;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(lx, ly - 7);
    ctx.lineTo(lx + 7, ly);
    ctx.lineTo(lx, ly + 7);
    ctx.lineTo(lx - 7, ly);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
    if (outside) {
      ctx.font = '11px system-ui, sans-serif';
      ctx.fillStyle = palette.fg;
      ctx.textAlign = lx > view.width / 2 ? 'right' : 'left';
      ctx.textBaseline = ly > view.height / 2 ? 'bottom' : 'top';
      ctx.fillText(`latent (${t.latent[0].toFixed(1)}, ${t.latent[1].toFixed(1)}) off the square`, lx + (lx > view.width / 2 ? -10 : 10), ly + (ly > view.height / 2 ? -8 : 8));
      ctx.fillStyle = palette.memory;
      ctx.strokeStyle = palette.bg;
    }
    const x0 = px(view, t.x0[0]);
    const y0 = py(view, t.x0[1]);
    ctx.beginPath();
    ctx.arc(x0, y0, 6, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = palette.bg;
    ctx.beginPath();
    ctx.arc(px(view, t.back[0]), py(view, t.back[1]), 2.2, 0, 2 * Math.PI);
    ctx.fill();
    ctx.restore();
  }
}
