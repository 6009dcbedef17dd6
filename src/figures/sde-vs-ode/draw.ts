import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { drawParticles, heatImage, px, py, quantileClip, type View } from '../../lib/draw/landscape';
import { drawDots } from '../../lib/draw/dots';
import { contextScale } from '../../lib/draw/particleLayer';
import { offscreenCanvas } from '../../lib/draw/surface';
import type { SdeVsOde } from './sim';

export function paintBackground(grid: Grid, palette: Palette): HTMLCanvasElement {
  return heatImage(grid, palette, false, quantileClip(grid, 0.97));
}

/** Strokes path j (levels 0…upto) from a flat per-level array with m paths. */
/**
 * Strokes levels `from`…`upto` of each of the m drawn paths (levels × m × 2, level-major), one path at a time:
 * one stroke of all 40 paths at 400 levels, crossing one another, costs Skia's software rasteriser 50–100 ms;
 * apart they cost a fifth of that, and a frame that only adds the newest level costs next to nothing.
 */
function strokePaths(ctx: CanvasRenderingContext2D, paths: Float64Array, m: number, from: number, upto: number, view: View): void {
  for (let j = 0; j < m; j++) {
    ctx.beginPath();
    for (let k = from; k <= upto; k++) {
      const o = k * 2 * m + 2 * j;
      const x = px(view, paths[o]);
      const y = py(view, paths[o + 1]);
      if (k === from) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
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

type Highlight = 'none' | 'ode' | 'sde' | 'trip';

/**
 * What lies under the particles: the data density, the shared starting points (hollow) and the trajectories of
 * each sampler from level `from` to `upto` (from 0: the whole picture; later: only what a step added to it).
 */
function paintUnder(ctx: CanvasRenderingContext2D, s: SdeVsOde, heat: HTMLCanvasElement, view: View, palette: Palette, show: string, hl: Highlight, from: number, upto: number): void {
  if (from === 0) {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(heat, 0, 0, view.width, view.height);
    ctx.save();
    ctx.fillStyle = palette.bg;
    ctx.globalAlpha = 0.45;
    ctx.fillRect(0, 0, view.width, view.height);
    ctx.restore();
  }
  ctx.save();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  if (from === 0) {
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
  }
  if (upto > from) {
    if (show !== 'ode') {
      ctx.strokeStyle = palette.accent2;
      ctx.lineWidth = hl === 'sde' ? 2.2 : 1.1;
      ctx.globalAlpha = 0.9;
      strokePaths(ctx, s.sdePaths, s.m, from, upto, view);
    }
    if (show !== 'sde') {
      ctx.strokeStyle = palette.accent;
      ctx.lineWidth = hl === 'ode' ? 3 : 1.8;
      ctx.globalAlpha = 1;
      strokePaths(ctx, s.odePaths, s.m, from, upto, view);
    }
  }
  ctx.restore();
}

/**
 * The picture under the particles, kept between frames at device resolution: a step adds only its new level of
 * each path. Anything else (a new run, σ level going back, colours, the highlighted term, size) paints it anew.
 */
export class UnderLayer {
  private canvas: HTMLCanvasElement | null = null;
  private key: readonly unknown[] = [];
  private upto = -1;

  draw(ctx: CanvasRenderingContext2D, s: SdeVsOde, heat: HTMLCanvasElement, view: View, palette: Palette, show: string, hl: Highlight): void {
    const scale = contextScale(ctx);
    const key = [s.odePaths, s.sdePaths, heat, palette, show, hl, view.width, view.height, scale];
    const w = Math.max(1, Math.round(view.width * scale));
    const h = Math.max(1, Math.round(view.height * scale));
    const fresh = !this.canvas || s.i < this.upto || key.some((v, i) => v !== this.key[i]);
    if (fresh) {
      this.canvas ??= offscreenCanvas(w, h);
      this.canvas.width = w;
      this.canvas.height = h;
      this.key = key;
      this.upto = 0;
    }
    const c = this.canvas!.getContext('2d')!;
    c.setTransform(scale, 0, 0, scale, 0, 0);
    if (fresh || s.i > this.upto) paintUnder(c, s, heat, view, palette, show, hl, fresh ? 0 : this.upto, s.i);
    this.upto = s.i;
    ctx.save();
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.canvas!, 0, 0, view.width, view.height);
    ctx.restore();
  }
}

/**
 * Paints the data density, the shared starting points (hollow), the drawn trajectories and current particles of
 * each sampler, and the ODE round trip (encode dashed, decode solid, latent as a diamond). With an UnderLayer
 * (the live figure) what lies under the particles is kept between frames; without one (the poster) it is painted whole.
 */
export function paint(ctx: CanvasRenderingContext2D, s: SdeVsOde, heat: HTMLCanvasElement, view: View, palette: Palette, show: string, hl: Highlight, under?: UnderLayer): void {
  if (under) under.draw(ctx, s, heat, view, palette, show, hl);
  else paintUnder(ctx, s, heat, view, palette, show, hl, 0, s.i);
  const showOde = show !== 'sde';
  const showSde = show !== 'ode';
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
