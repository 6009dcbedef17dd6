import type { Grid } from '../../core';
import type { Palette } from '../../lib/theme';
import { drawMemories, drawParticles, heatImage, quantileClip, type View } from '../../lib/draw/landscape';
import { drawDots } from '../../lib/draw/dots';
import { MEANS } from './sim';

export function heatFor(grid: Grid, palette: Palette): HTMLCanvasElement {
  return heatImage(grid, palette, false, quantileClip(grid, 0.9));
}

/** One panel: the −log p_σ heatmap at the panel's current σ, the particles, and the component means. */
export function paintPanel(ctx: CanvasRenderingContext2D, heat: HTMLCanvasElement, xs: Float64Array, n: number, view: View, palette: Palette, color: string): void {
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(heat, 0, 0, view.width, view.height);
  ctx.save();
  if (n > 2000) {
    // Thousands of particles: squares in one path, no outline, so a frame stays cheap.
    ctx.globalAlpha = 0.7;
    drawDots(ctx, xs, n, view, color, n > 8000 ? 1.5 : 2);
  } else {
    ctx.globalAlpha = 0.85;
    drawParticles(ctx, xs, n, view, palette.bg, 2.6);
    drawParticles(ctx, xs, n, view, color, 1.8);
  }
  ctx.restore();
  drawMemories(ctx, MEANS.data, MEANS.rows, view, palette, 6);
}
